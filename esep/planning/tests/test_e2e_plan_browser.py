"""Issue 8 in a real Chromium: a staff unit plans a quarter for a district body (every precinct) in one step,
sees and fixes a conflict, approves the schedule; an inspector moves one report, a resident who had sent a
question gets the message in the outbox, and the public page shows the new date."""

from __future__ import annotations

import re

import pytest
import time_machine

from esep.accounts.models import Role
from esep.announcements.services import announcement_publish
from esep.meetings.models import Meeting, MeetingStatus
from esep.notifications.models import Message
from esep.planning.models import Schedule, ScheduleStatus
from esep.testing import factories as f
from esep.testing.protocols import at, inspector_user
from esep.testing.public import question

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pass-word-123"


@pytest.fixture
def world(settings, live_server):
    settings.SITE_URL = live_server.url
    body = f.body()
    shared = f.officer(body, last_name="Омаров", first_name="Серік")
    p1, p2 = f.precinct(body, number="1"), f.precinct(body, number="2")
    f.assignment(shared, p1)
    f.assignment(shared, p2)
    other = f.officer(body, last_name="Әлиева", first_name="Дана")
    p10 = f.precinct(body, number="10")
    f.assignment(other, p10)
    # Last quarter both of Omarov's reports were at the same hour in the same hall: the proposal spreads them.
    for p in (p1, p2):
        f.meeting(reporters=[(shared, p)], starts_at=at(2025, 11, 12, 18), status=MeetingStatus.CLOSED)
    f.staff(Role.STAFF_UNIT, body, username="shtab", password=PASSWORD)
    inspector_user(other, username="uip", password=PASSWORD)
    return {"body": body, "p10": p10, "url": live_server.url}


def login(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/ru/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.card button.primary")
    page.wait_for_url(re.compile(r"/staff/"))


def test_plan_a_quarter_fix_a_conflict_approve_then_move_one_report(world, page):
    base, body = world["url"], world["body"]
    with time_machine.travel(at(2026, 1, 12, 10), tick=True):
        login(page, base, "shtab")
        page.goto(f"{base}/ru/staff/planning/plan/")
        page.select_option("select[name=body]", str(body.pk))
        page.fill("input[name=year]", "2026")
        page.fill("input[name=quarter]", "1")
        page.click("#plan-choose button")
        rows = page.locator("#plan-grid tbody tr[id^=row-]")
        assert rows.count() == 3  # every precinct of the body, №1, №2, №10 in number order
        assert [t.split()[0] for t in rows.locator("th").all_inner_texts()] == ["№1", "№2", "№10"]
        # The proposal already keeps Omarov's two reports on different days; the staff unit puts them on one
        # evening and the check shows the clash.
        first_day = rows.nth(0).locator("input[type=date]").input_value()
        second = rows.nth(1).locator("input[type=date]")
        proposed = second.input_value()
        assert proposed != first_day
        second.fill(first_day)
        page.click("button[value=check]")
        page.wait_for_selector("#plan-problems")
        assert "Омаров" in page.inner_text("#plan-grid")  # one officer twice at the same hour
        # Fix it: back to the day proposed.
        page.locator("#plan-grid tbody tr[id^=row-]").nth(1).locator("input[type=date]").fill(proposed)
        # №10 has had no report yet: the staff unit gives its venue.
        third = page.locator("#plan-grid tbody tr[id^=row-]").nth(2)
        third.locator("input[name$=venue_kk]").fill("№3 мектеп, акт залы")
        third.locator("input[name$=venue_ru]").fill("Школа №3, актовый зал")
        page.click("button[value=check]")
        page.wait_for_selector("#plan-ok")
        page.click("button[value=save]")
        page.wait_for_url(re.compile(r"/staff/planning/schedules/\d+/$"))
        page.click("text=Утвердить график")
        page.wait_for_selector("text=График утвержден")
        schedule = Schedule.objects.get(body=body, period_year=2026, period_quarter=1)
        assert schedule.status == ScheduleStatus.APPROVED and schedule.meetings.count() == 3

        # The inspector's report is announced and a resident sends a question with a contact.
        meeting = Meeting.objects.get(reporters__precinct=world["p10"], period_year=2026)
        announcement_publish(meeting=meeting, actor=None)
        question(meeting, language="ru", contact="resident@example.kz", author_name="Ким Ольга", status="accepted")

        login(page, base, "uip")
        page.goto(f"{base}/ru/staff/meetings/{meeting.pk}/")
        page.click("text=Перенести на другую дату")
        page.fill("input[name=date]", "2026-03-10")
        page.fill("input[name=time]", "19:00")
        page.fill("input[name=reason]", "Зал занят под выборы")
        page.click("form.card button.primary")
        page.wait_for_selector("#meeting-history")
        assert "Зал занят под выборы" in page.inner_text("#meeting-history")

        message = Message.objects.get(to="resident@example.kz")
        assert message.language == "ru"
        assert "10.03.2026 19:00" in message.body and "Зал занят под выборы" in message.body

        page.context.clear_cookies()
        page.goto(f"{base}/ru/meetings/{meeting.code}/")
        when = page.inner_text("#meeting-when")
        assert "10 марта 2026 г., 19:00" in when and "Зал занят под выборы" in when
