"""Who may mark a decision executed (Order 608 p.19; Order 652 p.33), and reminders with escalation."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from esep.accountability.decisions import decisions_sweep
from esep.accountability.models import DecisionReminder, DecisionReminderKind
from esep.accounts.models import Role
from esep.accounts.permissions import can_control_decision
from esep.meetings.models import MeetingKind
from esep.notifications.models import Message
from esep.protocols import services
from esep.testing import factories as f
from esep.testing.protocols import (
    at,
    chief_user,
    held_meeting,
    inspector_user,
    minutes,
    person,
    responsible_for_point,
    secretary_user,
)

pytestmark = pytest.mark.django_db
DAY = at(2026, 3, 10, 18)


def _signed_inspector_report():
    meeting = held_meeting(starts_at=DAY, kind=MeetingKind.INSPECTOR)
    officer = meeting.reporters.get().officer
    inspector = inspector_user(officer)
    protocol = minutes(meeting, secretary_user(meeting.body))
    services.protocol_sign(protocol=protocol, user=inspector)
    return meeting, officer, inspector, protocol.decisions.get()


def _signed_chief_report():
    body = f.body()
    chief = chief_user(body)
    officer = chief.roles.get().officer
    meeting = held_meeting(starts_at=DAY, kind=MeetingKind.CHIEF, body_=body, reporters=[(officer, None)])
    secretary = secretary_user(body)
    protocol = minutes(meeting, secretary, participants=3)
    services.protocol_sign(protocol=protocol, user=secretary)
    services.protocol_sign(protocol=protocol, user=chief)
    return meeting, chief, protocol.decisions.get()


def _who(case, meeting, officer, inspector):
    body = meeting.body
    if case == "point-responsible-inspector":
        responsible_for_point(meeting, officer)
        return inspector
    if case == "reporting-inspector-not-responsible-for-point":
        other = f.officer(body)
        responsible_for_point(meeting, other)
        return inspector
    if case == "chief-of-body":
        return chief_user(body)
    if case == "secretary":
        return secretary_user(body)
    if case == "staff-unit":
        return f.staff(b=body)
    if case == "admin":
        return f.user(Role.ADMIN)
    raise AssertionError(case)


INSPECTOR_CASES = [
    ("point-responsible-inspector", True),
    ("reporting-inspector-not-responsible-for-point", False),
    ("chief-of-body", False),
    ("secretary", False),
    ("staff-unit", False),
    ("admin", True),
]


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
@pytest.mark.parametrize("case,allowed", INSPECTOR_CASES, ids=[f"order652-p33-{c}" for c, _a in INSPECTOR_CASES])
def test_inspector_report_decisions_are_closed_by_the_point_inspector(case, allowed):
    meeting, officer, inspector, decision = _signed_inspector_report()
    user = _who(case, meeting, officer, inspector)
    assert can_control_decision(user, decision) is allowed
    if allowed:
        services.decision_control(decision=decision, status="done", progress="Орындалды", actor=user)
        decision.refresh_from_db()
        assert decision.control_status == "done"
    else:
        with pytest.raises(PermissionDenied):
            services.decision_control(decision=decision, status="done", progress="Орындалды", actor=user)
        decision.refresh_from_db()
        assert decision.control_status == "open" and decision.progress == ""
        # Progress may still be recorded by those who hold control (the chief, the reporting inspector);
        # only closing is reserved. The secretary keeps minutes and the staff unit the registry: neither
        # controls execution at all.
        if case in {"chief-of-body", "reporting-inspector-not-responsible-for-point"}:
            services.decision_control(decision=decision, status="in_progress", progress="Басталды", actor=user)
        elif case in {"secretary", "staff-unit"}:
            with pytest.raises(PermissionDenied):
                services.decision_control(decision=decision, status="in_progress", progress="Басталды", actor=user)


CHIEF_CASES = [("chief-of-body", True), ("chief-of-parent-body", True), ("staff-unit", False), ("inspector", False)]


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
@pytest.mark.parametrize("case,allowed", CHIEF_CASES, ids=[f"order608-p19-{c}" for c, _a in CHIEF_CASES])
def test_chief_report_decisions_are_closed_by_the_leadership(case, allowed):
    meeting, chief, decision = _signed_chief_report()
    body = meeting.body
    if case == "chief-of-body":
        user = chief
    elif case == "chief-of-parent-body":
        parent = f.body()
        body.parent = parent
        body.save()
        body.path = body.compute_path()
        body.save(update_fields=["path"])
        user = person(Role.CHIEF, parent)
        decision.protocol.meeting.body.refresh_from_db()
    elif case == "staff-unit":
        user = f.staff(b=body)
    else:
        user = inspector_user(f.officer(body))
    decision = type(decision).objects.select_related("protocol__meeting__body").get(pk=decision.pk)
    assert can_control_decision(user, decision) is allowed


def _reminders(kind=None):
    qs = DecisionReminder.objects.all()
    return qs.filter(kind=kind) if kind else qs


def test_reminders_before_on_the_day_and_escalation_when_overdue():
    with time_machine.travel(at(2026, 3, 10, 21), tick=False):
        meeting, officer, inspector, decision = _signed_inspector_report()
        responsible_for_point(meeting, officer)
        chief = chief_user(meeting.body)
    due = decision.due_date  # 30 days after the meeting
    with time_machine.travel(at(due.year, due.month, due.day, 9) - dt.timedelta(days=5), tick=False):
        assert decisions_sweep().reminders == 0  # too early
    with time_machine.travel(at(due.year, due.month, due.day, 9) - dt.timedelta(days=2), tick=False):
        assert decisions_sweep().reminders == 1
        assert decisions_sweep().reminders == 0  # twice = once
        call_command("accountability", "sweep", verbosity=0)
    assert list(_reminders().values_list("kind", flat=True)) == [DecisionReminderKind.BEFORE]
    before = Message.objects.get(subject__contains=due.strftime("%d.%m.%Y"))
    assert before.to == inspector.email
    with time_machine.travel(at(due.year, due.month, due.day, 9), tick=False):
        assert decisions_sweep().reminders == 1
    with time_machine.travel(at(due.year, due.month, due.day, 9) + dt.timedelta(days=1), tick=False):
        assert decisions_sweep().reminders == 1
        assert decisions_sweep().reminders == 0
    overdue = _reminders(DecisionReminderKind.OVERDUE).get()
    assert sorted(overdue.recipients) == sorted([inspector.email, chief.email])  # escalated to the chief
    assert Message.objects.filter(to=chief.email).count() == 1


def test_an_executed_decision_gets_no_reminder():
    with time_machine.travel(at(2026, 3, 10, 21), tick=False):
        meeting, officer, inspector, decision = _signed_inspector_report()
        responsible_for_point(meeting, officer)
        services.decision_control(decision=decision, status="done", progress="Орындалды", actor=inspector)
    with time_machine.travel(at(2026, 5, 1, 9), tick=False):
        assert decisions_sweep().reminders == 0
    assert not DecisionReminder.objects.exists()
