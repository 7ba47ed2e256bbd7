"""The staff pages meet WCAG 2.1 AA as far as a machine can tell, in a real Chromium: axe-core finds no
serious or critical violation on the pages a staff unit and an inspector work with, at phone width (the
secretary at the door) and on a desktop, in Kazakh and Russian."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from esep.accounts.models import Role
from esep.announcements.services import announcement_publish
from esep.meetings.models import InviteeCategory, MeetingStatus
from esep.meetings.services import invitation_create
from esep.questions.services import question_accept, question_submit
from esep.testing import a11y
from esep.testing import factories as f
from esep.testing import protocols as pt
from esep.testing import public as pf
from esep.testing.appeals import appeal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _local_today(hour: int) -> dt.datetime:
    return timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.fixture
def office(transactional_db):
    """One district body's working week: a report today (door open), one held two days ago with draft minutes,
    one to announce, one announced with questions, appeals (one past its term), invitations."""
    tree = pf.karaganda_tree()
    body, precinct, officer = tree["body"], tree["precinct"], tree["officer"]
    staff = f.staff(Role.STAFF_UNIT, body)
    inspector = pt.inspector_user(officer)
    secretary = pt.secretary_user(body)
    reporters = [(officer, precinct)]
    today = f.meeting(body_=body, reporters=reporters, starts_at=_local_today(18), status=MeetingStatus.ANNOUNCED)
    invitation_create(meeting=today, category=InviteeCategory.AKIMAT, name="Аудан әкімдігі", actor=staff)
    pt.register_people(today, 4)
    held = f.meeting(
        body_=body,
        reporters=reporters,
        starts_at=_local_today(18) - dt.timedelta(days=2),
        status=MeetingStatus.HELD,
        published_at=timezone.now() - dt.timedelta(days=20),
    )
    protocol = pt.minutes(held, secretary, participants=3)
    to_announce = f.meeting(body_=body, reporters=reporters, starts_at=_local_today(18) + dt.timedelta(days=30))
    upcoming = f.meeting(body_=body, reporters=reporters, starts_at=_local_today(18) + dt.timedelta(days=25))
    announcement_publish(meeting=upcoming, actor=staff)
    waiting = question_submit(meeting=upcoming, text="Біздің көшеде неге жарық жоқ? Балалар қараңғыда жүреді.")
    accepted = question_submit(meeting=upcoming, text="Учаскелік инспектордың қабылдау уақыты қашан болады?")
    question_accept(question=accepted, actor=staff)
    assert waiting
    open_appeal = appeal(body=body, precinct=precinct)
    return {
        **tree,
        "staff": staff,
        "inspector": inspector,
        "today": today,
        "held": held,
        "protocol": protocol,
        "to_announce": to_announce,
        "upcoming": upcoming,
        "appeal": open_appeal,
    }


def _signed_in(browser, live_server, user, lang: str):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale=f"{lang}-KZ", timezone_id="Asia/Almaty", viewport=a11y.PHONE)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def _open_folded(page) -> None:
    """Unfold every <details> (cancel, answer, extend, forward...) so their forms are checked too."""
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")


def _staff_pages(o) -> dict[str, str]:
    return {
        "Today": "/staff/",
        "precincts": "/staff/registry/precincts/",
        "precinct": f"/staff/registry/precincts/{o['precinct'].pk}/",
        "precinct edit": f"/staff/registry/precincts/{o['precinct'].pk}/edit/",
        "meetings": "/staff/meetings/",
        "meeting workspace (today)": f"/staff/meetings/{o['today'].pk}/",
        "meeting workspace (held)": f"/staff/meetings/{o['held'].pk}/",
        "invitations": f"/staff/meetings/{o['today'].pk}/invitations/",
        "door registration": f"/staff/meetings/{o['today'].pk}/door/",
        "door registration, search": f"/staff/meetings/{o['today'].pk}/door/?q=Тұрғынова",
        "minutes": f"/staff/protocols/meeting/{o['held'].pk}/",
        "minutes not started": f"/staff/protocols/meeting/{o['today'].pk}/",
        "signing": f"/staff/protocols/{o['protocol'].pk}/sign/",
        "minutes list": "/staff/protocols/",
        "appeals": "/staff/appeals/",
        "appeal": f"/staff/appeals/{o['appeal'].pk}/",
        "new appeal": "/staff/appeals/new/",
        "questions": "/staff/questions/",
        "accepted questions": "/staff/questions/?status=accepted",
        "who did not report": "/staff/planning/",
        "who did not report, a body": f"/staff/planning/?body={o['body'].pk}",
        "schedules": "/staff/planning/schedules/",
        "announcements": "/staff/announcements/",
        "announcement to publish": f"/staff/announcements/{o['to_announce'].pk}/",
        "announcement published": f"/staff/announcements/{o['upcoming'].pk}/",
        "findings": f"/staff/law/meetings/{o['held'].pk}/findings/",
        "rules in force": "/staff/law/",
    }


INSPECTOR_PAGES = [
    "Today",
    "meeting workspace (today)",
    "door registration",
    "minutes",
    "signing",
    "appeals",
    "appeal",
    "questions",
]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_staff_unit_pages_have_no_serious_axe_violations(browser, live_server, office, lang):
    context, page = _signed_in(browser, live_server, office["staff"], lang)
    problems: list[str] = []
    try:
        for name, path in _staff_pages(office).items():
            response = page.goto(f"{live_server.url}/{lang}{path}")
            assert response.status == 200, (name, response.status)
            _open_folded(page)
            problems += a11y.check_page(page, name)
        # A form sent empty: the errors the server answers with.
        page.goto(f"{live_server.url}/{lang}/staff/meetings/{office['today'].pk}/door/")
        page.locator("form:has(button[value=door])").evaluate("form => { form.noValidate = true; }")
        with page.expect_navigation():
            page.locator("button[value=door]").click()
        assert page.locator("[aria-invalid=true]").count() >= 1
        problems += a11y.check_page(page, "door registration with errors")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def test_inspector_pages_have_no_serious_axe_violations(browser, live_server, office):
    context, page = _signed_in(browser, live_server, office["inspector"], "kk")
    pages = _staff_pages(office)
    problems: list[str] = []
    try:
        for name in INSPECTOR_PAGES:
            response = page.goto(f"{live_server.url}/kk{pages[name]}")
            assert response.status in (200, 403), (name, response.status)
            _open_folded(page)
            problems += a11y.check_page(page, f"inspector: {name}")
        page.goto(f"{live_server.url}/ru/accounts/login/")
    finally:
        context.close()
    assert not problems, "\n".join(problems)


PHONE_PAGES = [
    "Today",
    "door registration",
    "door registration, search",
    "minutes",
    "signing",
    "questions",
    "appeals",
    "appeal",
    "meeting workspace (held)",
    "who did not report, a body",
    "precincts",
]


def test_phone_pages_of_the_day_reflow_at_320_pixels(browser, live_server, office):
    """The secretary at the door and the inspector on a phone: nothing scrolls sideways at 320 CSS pixels
    (WCAG 1.4.10); the staff menu scrolls inside itself."""
    context, page = _signed_in(browser, live_server, office["staff"], "kk")
    page.set_viewport_size({"width": 320, "height": 640})
    pages = _staff_pages(office)
    wide = []
    try:
        for name in PHONE_PAGES:
            page.goto(f"{live_server.url}/kk{pages[name]}")
            _open_folded(page)
            if overflow := a11y.horizontal_overflow(page):
                wide.append((name, overflow))
    finally:
        context.close()
    assert not wide, f"pages wider than 320 px (page, extra pixels): {wide}"


def test_door_page_is_worked_from_the_keyboard_with_a_visible_focus(browser, live_server, office):
    """The secretary types a name, tabs to "Register" and presses Enter: every stop shows where focus is."""
    context, page = _signed_in(browser, live_server, office["staff"], "ru")
    try:
        page.goto(f"{live_server.url}/ru/staff/meetings/{office['today'].pk}/door/")
        assert page.evaluate("() => document.activeElement.name") == "q"  # the search is ready to type in
        page.locator("#id_door-full_name").focus()
        page.keyboard.type("Жұмабаева Гүлнар")
        stops = [a11y.focus_indicator(page)]
        page.keyboard.press("Tab")
        page.keyboard.type("Абай к-сі, 12")
        stops.append(a11y.focus_indicator(page))
        page.keyboard.press("Tab")
        page.keyboard.press("Space")  # the eligibility declaration
        stops.append(a11y.focus_indicator(page))
        page.keyboard.press("Tab")
        stops.append(a11y.focus_indicator(page))
        assert [stop["id"] or stop["name"] for stop in stops] == [
            "id_door-full_name",
            "id_door-residence",
            "id_door-eligible",
            "action",
        ]
        assert all(a11y.has_visible_focus(stop) for stop in stops), stops
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.locator("#participant-count").inner_text() == "5"
    finally:
        context.close()
