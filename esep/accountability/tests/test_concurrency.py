"""Several servers run ``esep accountability sweep`` at the same moment: each reminder and each alert is
written once. Run with DATABASE_URL=postgres://...; skipped on SQLite, which serialises writers anyway."""

import pytest
import time_machine
from django.db import connection

from esep.accountability.decisions import decisions_sweep
from esep.accountability.fixcheck import fixchecks_sweep
from esep.accountability.models import DecisionReminder, FixCheck
from esep.meetings.models import MeetingKind
from esep.notifications.models import Message
from esep.protocols import services
from esep.testing import races
from esep.testing.protocols import (
    at,
    chief_user,
    held_meeting,
    inspector_user,
    minutes,
    responsible_for_point,
    secretary_user,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://...)")


def run_at_once(fn, n=3):
    return races.run_at_once(fn, n)


def _reports(n):
    decisions = []
    with time_machine.travel(at(2026, 3, 10, 21), tick=False):
        for _ in range(n):
            meeting = held_meeting(starts_at=at(2026, 3, 10, 18), kind=MeetingKind.INSPECTOR)
            officer = meeting.reporters.get().officer
            inspector = inspector_user(officer)
            responsible_for_point(meeting, officer)
            chief_user(meeting.body)
            protocol = minutes(meeting, secretary_user(meeting.body), answered_in_full=True)
            services.protocol_sign(protocol=protocol, user=inspector)
            decisions.append(protocol.decisions.get())
    return decisions


def test_three_sweepers_at_once_escalate_each_overdue_decision_once():
    _reports(4)
    with time_machine.travel(at(2026, 4, 20, 9), tick=False):  # every decision overdue
        results = run_at_once(lambda: decisions_sweep().reminders)
    assert sum(results) == 4
    assert DecisionReminder.objects.count() == 4
    # Each overdue decision: the inspector responsible for the point and the chief, one message each.
    assert Message.objects.filter(related_type="protocols.decision").count() == 8


def test_three_sweepers_at_once_ask_was_it_fixed_once():
    _reports(3)
    with time_machine.travel(at(2026, 4, 20, 9), tick=False):  # a month after the items were answered
        results = run_at_once(fixchecks_sweep)
    assert sum(results) == 3
    assert FixCheck.objects.count() == 3
    assert Message.objects.filter(related_type="accountability.fixcheck").count() == 3
