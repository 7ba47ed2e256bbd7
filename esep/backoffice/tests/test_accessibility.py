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
            problems += a11y.check_page(page, name)
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
            problems += a11y.check_page(page, f"inspector: {name}")
        page.goto(f"{live_server.url}/ru/accounts/login/")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
