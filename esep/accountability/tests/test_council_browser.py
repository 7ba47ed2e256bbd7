"""Issue 12 item 3 in a real Chromium, in Kazakh: a member of the region's public council moderates a
resident's comment on a held report and records an observer note on it; a resident then reads the published
note (with the phone number the member typed removed) on the report's page."""

from __future__ import annotations

import re

import pytest

from esep.accounts.models import Role
from esep.feedback.models import CommentStatus
from esep.testing import factories as f
from esep.testing import feedback as tf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pass-word-123"
COMMENT = "Инспектор сұрақтарға толық жауап берді"
NOTE = "Есеп уақытында басталды, тұрғындар тыңдалды. Жарық туралы өтінішті кеңес қадағалайды, тел. +7 701 555 12 34."


@pytest.fixture
def world(settings, live_server, tree):
    settings.SITE_URL = live_server.url
    held = tf.held_meeting(precinct=tree["precinct"])
    rating = tf.rating(held, 5, comment=COMMENT)
    f.user(Role.PUBLIC_COUNCIL, terr=tree["region"], username="kenes", password=PASSWORD,
           first_name="Сәуле", last_name="Бекова")  # fmt: skip
    return {"url": live_server.url, "meeting": held, "rating": rating}


def test_a_council_member_moderates_and_writes_a_note_a_resident_reads_it(world, page):
    base, meeting, rating = world["url"], world["meeting"], world["rating"]
    page.goto(f"{base}/kk/accounts/login/")
    page.fill("input[name=username]", "kenes")
    page.fill("input[name=password]", PASSWORD)
    page.click("form.card button.primary")
    page.wait_for_url(re.compile(r"/kk/staff/"))

    # The comment waits for the council, not for the police body rated.
    page.goto(f"{base}/kk/staff/feedback/")
    assert COMMENT in page.inner_text(f"#r{rating.pk}")
    page.click(f"form[action$='/feedback/{rating.pk}/approve/'] button")
    page.wait_for_selector(f"#r{rating.pk}", state="detached")
    rating.refresh_from_db()
    assert rating.comment_status == CommentStatus.APPROVED

    # The observer note, from the menu to the held report of its region.
    page.goto(f"{base}/kk/staff/")
    page.click("text=Бақылаушы жазбалары")
    page.click(f"#observable a[href$='/observer/{meeting.pk}/']")
    page.fill("#id_text", NOTE)
    page.click("button[name=publish][value='1']")
    page.wait_for_selector("#note-published")
    assert "[…]" in page.inner_text("#note-published")

    # A resident, without an account, reads the note and the approved comment on the report's page.
    page.context.clear_cookies()
    page.goto(f"{base}/kk/meetings/{meeting.code}/")
    notes = page.inner_text("#observer-notes")
    assert "Қоғамдық кеңес бақылаушыларының жазбалары" in notes
    assert "Есеп уақытында басталды, тұрғындар тыңдалды." in notes
    assert "Бекова Сәуле" in notes and "қоғамдық кеңестің мүшесі" in notes
    assert "555 12 34" not in notes
    assert COMMENT in page.inner_text("main")
