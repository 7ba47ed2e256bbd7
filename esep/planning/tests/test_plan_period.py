"""A quarter for a whole body in one step (issue 8 item 2): proposals from the last report, conflicts shown
before saving and refused on save, approval of the schedule (Order 608 p.8.1), an empty schedule refused,
a printable schedule; permissions (another body 404, read-only roles 403)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation

from esep.accounts.models import Role
from esep.meetings.models import Meeting, MeetingStatus
from esep.planning.bulk import period_proposals, plan_check
from esep.planning.models import Schedule, ScheduleStatus
from esep.planning.services import schedule_approve, schedule_draft
from esep.testing import factories as f
from esep.testing.protocols import at

pytestmark = pytest.mark.django_db
NOW = at(2026, 1, 10, 10)
URL = "/ru/staff/planning/plan/"


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English (msgids); the pages under /ru/ are checked in Russian."""
    with translation.override("en"):
        yield


@pytest.fixture
def district():
    body = f.body()
    shared = f.officer(body)  # one inspector serving two precincts
    p1, p2 = f.precinct(body, number="1"), f.precinct(body, number="2")
    f.assignment(shared, p1)
    f.assignment(shared, p2)
    p10 = f.precinct(body, number="10")
    f.assignment(f.officer(body), p10)
    last = at(2025, 11, 12, 18)  # both of the shared inspector's last reports at the same hour, a Wednesday
    for p in (p1, p2):
        f.meeting(reporters=[(shared, p)], starts_at=last, status=MeetingStatus.CLOSED, venue_kk=f"Мектеп {p.number}")
    staff = f.staff(Role.STAFF_UNIT, body)
    return {"body": body, "precincts": [p1, p2, p10], "staff": staff, "shared": shared}


def _form(rows, body, **edits):
    data = {"body": body.pk, "kind": "inspector", "year": 2026, "quarter": 1}
    for r in rows:
        data[f"{r.key}-include"] = "on"
        data[f"{r.key}-date"] = r.date.isoformat()
        data[f"{r.key}-time"] = r.time.strftime("%H:%M")
        data[f"{r.key}-venue_kk"] = r.venue_kk
        data[f"{r.key}-venue_ru"] = r.venue_ru
    data.update(edits)
    return data


def test_proposals_come_from_the_last_report_and_avoid_the_conflict_they_can_foresee(district):
    with time_machine.travel(NOW, tick=False):
        rows = period_proposals(body=district["body"], kind="inspector", year=2026, quarter=1)
        assert [r.label.split()[0] for r in rows] == ["№1", "№2", "№10"]  # numbers by value
        first, second = rows[0], rows[1]
        assert first.source == "last" and first.date == dt.date(2026, 2, 11) and first.time == dt.time(18, 0)
        assert first.venue_kk == "Мектеп 1"
        # The shared inspector's second report goes to the nearest free working day, not the same evening.
        assert second.source == "last" and second.date == dt.date(2026, 2, 12) and second.time == dt.time(18, 0)
        assert not any(r.problems for r in plan_check(rows, kind="inspector", year=2026, quarter=1))
        second.date = first.date  # the staff unit puts both on one evening: the check shows it
        checked = plan_check(rows, kind="inspector", year=2026, quarter=1)
    assert any("another report at that time" in p for p in checked[0].problems)
    assert any("another report at that time" in p for p in checked[1].problems)
    assert not checked[2].problems


def test_proposals_avoid_holidays_the_past_and_a_venue_booked_by_another_body():
    village = f.settlement()
    body = f.body()
    p1, p2 = f.precinct(body, number="1"), f.precinct(body, number="2")
    first, second = f.officer(body), f.officer(body)
    f.assignment(first, p1)
    f.assignment(second, p2)
    # №1 last reported on Monday 8 December: the same place next quarter is 8-9 March (public holidays).
    f.meeting(reporters=[(first, p1)], starts_at=at(2025, 12, 8, 18), status=MeetingStatus.CLOSED)
    # №2 reported on 1 October in the village club: the same place is 1 January, a holiday, and in the past.
    f.meeting(reporters=[(second, p2)], starts_at=at(2025, 10, 1, 11), status=MeetingStatus.CLOSED,
              settlement=village, venue_kk="Ауылдық клуб", venue_ru="Сельский клуб")  # fmt: skip
    # A neighbouring body has the club on the first free working day, 5 January.
    neighbour = f.precinct(f.body(), number="7")
    f.meeting(reporters=[(f.officer(neighbour.body), neighbour)], starts_at=at(2026, 1, 5, 11),
              settlement=village, venue_kk="Ауылдық клуб", venue_ru="Сельский клуб")  # fmt: skip
    with time_machine.travel(at(2026, 1, 2, 10), tick=False):
        rows = period_proposals(body=body, kind="inspector", year=2026, quarter=1)
        checked = plan_check(rows, kind="inspector", year=2026, quarter=1)
    assert [r.date for r in rows] == [dt.date(2026, 3, 10), dt.date(2026, 1, 6)]
    assert not any(r.problems for r in checked)


def test_saving_with_a_conflict_is_refused_and_stores_nothing_then_fixed_and_approved(client, district):
    client.force_login(district["staff"])
    body = district["body"]
    with time_machine.travel(NOW, tick=False):
        rows = period_proposals(body=body, kind="inspector", year=2026, quarter=1)
        before = Meeting.objects.count()
        clash = {f"{rows[1].key}-date": rows[0].date.isoformat()}  # the shared inspector twice at once
        response = client.post(URL, _form(rows, body, action="save", **clash))
        assert response.status_code == 400
        assert "другой отчёт" in response.content.decode()
        assert Meeting.objects.count() == before
        fixed = _form(rows, body, action="save", **{f"{rows[1].key}-date": "2026-02-12"})
        response = client.post(URL, fixed)
        assert response.status_code == 302
        schedule = Schedule.objects.get(body=body, kind="inspector", period_year=2026, period_quarter=1)
        assert schedule.meetings.count() == 3
        assert set(schedule.meetings.values_list("status", flat=True)) == {MeetingStatus.SCHEDULED}
        client.post(f"/ru/staff/planning/schedules/{schedule.pk}/approve/")
        schedule.refresh_from_db()
        assert schedule.status == ScheduleStatus.APPROVED
        # Planned now: the grid has nothing left to propose.
        assert period_proposals(body=body, kind="inspector", year=2026, quarter=1) == []
        printable = client.get(f"/ru/staff/planning/schedules/{schedule.pk}/print/").content.decode()
    assert printable.count("<tr>") == 4 and "Дом культуры" in printable


def test_a_date_outside_the_quarter_and_a_holiday_are_problems(district):
    with time_machine.travel(NOW, tick=False):
        rows = period_proposals(body=district["body"], kind="inspector", year=2026, quarter=1)
        rows[0].date = dt.date(2026, 4, 2)
        rows[2].date = dt.date(2026, 3, 8)  # International Women's Day, a public holiday
        checked = plan_check(rows, kind="inspector", year=2026, quarter=1)
    assert any("outside the period" in p for p in checked[0].problems)
    assert any("public holiday" in p for p in checked[2].problems)


def test_an_empty_schedule_cannot_be_approved(district):
    with time_machine.travel(NOW, tick=False):
        # A body with no precincts, approved by its own staff unit (another body's staff may not approve it).
        body = f.body()
        staff = f.staff(Role.STAFF_UNIT, body)
        schedule = schedule_draft(body=body, kind="inspector", year=2026, quarter=2, actor=staff)
        with pytest.raises(ValidationError, match="empty schedule"):
            schedule_approve(schedule=schedule, actor=staff)
    schedule.refresh_from_db()
    assert schedule.status == ScheduleStatus.DRAFT


def test_permissions_other_body_404_read_only_403(client, district):
    body = district["body"]
    client.force_login(f.staff(Role.STAFF_UNIT, f.body()))
    assert client.get(URL, {"body": body.pk}).status_code == 404
    client.force_login(f.user(Role.OVERSIGHT, terr=body.territory))
    assert client.get(URL, {"body": body.pk}).status_code == 403
    with time_machine.travel(NOW, tick=False):
        rows = period_proposals(body=body, kind="inspector", year=2026, quarter=1)
        assert client.post(URL, _form(rows, body, action="save")).status_code == 403
    assert not Schedule.objects.filter(body=body).exists()
