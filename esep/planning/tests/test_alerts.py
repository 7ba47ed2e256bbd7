"""The warning before a period ends (issue 8 item 5): to the staff unit and the chief, in their language,
listing precincts with no report planned and those not held yet; idempotent."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from esep.accounts.models import Role
from esep.meetings.models import MeetingStatus
from esep.notifications.models import Message
from esep.planning.alerts import period_alert
from esep.planning.models import PeriodAlert
from esep.testing import factories as f
from esep.testing.protocols import at

pytestmark = pytest.mark.django_db


def test_alert_lists_not_planned_and_not_held_once_per_body_and_period():
    body = f.body()
    off1, p1 = f.inspector_with_precinct(body)
    _off2, p2 = f.inspector_with_precinct(body)
    f.meeting(reporters=[(off1, p1)], starts_at=at(2026, 3, 27, 18), status=MeetingStatus.SCHEDULED)
    f.staff(Role.STAFF_UNIT, body, email="shtab@police.kz", preferred_language="ru")
    f.staff(Role.CHIEF, body, email="chief@police.kz")
    f.staff(Role.INSPECTOR, body, email="uip@police.kz")
    now = at(2026, 3, 20, 9)
    first = period_alert(days=14, now=now)
    # The inspectors' Q1 and, ending the same day, the chiefs' report for 2025 (Order 608 p.4: in Q1).
    assert (first.alerts, first.messages) == (2, 4)
    alert = PeriodAlert.objects.get(body=body, kind="inspector")
    assert alert.not_planned == [f"№{p2.number}"] and alert.not_held == [f"№{p1.number}"]
    assert PeriodAlert.objects.get(body=body, kind="chief").not_planned == [str(body)]
    ru = Message.objects.get(to="shtab@police.kz", subject__contains="31.03.2026", body__contains="№")
    assert ru.language == "ru" and "31.03.2026" in ru.body and f"№{p2.number}" in ru.body
    assert Message.objects.filter(to="chief@police.kz", language="kk").exists()
    assert not Message.objects.filter(to="uip@police.kz").exists()
    again = period_alert(days=14, now=now)
    assert (again.alerts, again.messages) == (0, 0)
    assert Message.objects.count() == 4


def test_no_alert_far_from_the_end_of_the_period(capsys):
    body = f.body()
    f.inspector_with_precinct(body)
    f.staff(Role.STAFF_UNIT, body, email="shtab@police.kz")
    assert period_alert(days=14, now=at(2026, 2, 1, 9)).alerts == 0
    call_command("planning", "alert", "--days", "3")
    assert "warning(s)" in capsys.readouterr().out
