"""Every public form, as a resident (or a bot) uses it: size limits, empty fields, markup, honeypot, minimum
fill time, replayed one-time tokens and floods. Each refusal has the right status and a message in the
page's language, and the stored rows are exactly as before (or, for a flood, nothing past the limit).
Whatever a resident wrote that is stored is shown escaped on every public and staff page."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
import time_machine
from django.db import transaction
from django.test import Client
from django.utils import timezone

from esep.appeals.models import Appeal
from esep.meetings.models import Invitation, Participant
from esep.questions.forms import new_form_token
from esep.questions.models import Question
from esep.testing import audit

pytestmark = pytest.mark.django_db

XSS = '"><img src=x onerror=alert(document.domain)><script>alert(document.cookie)</script>'
RAW = ("<img src=x onerror", "<script>alert(document.cookie)")


def _on_the_day(w, form: str):
    """Self-registration opens on the day of the meeting; the other forms are used before it."""
    if form != "register":
        return contextlib.nullcontext()
    return time_machine.travel(w["meeting"].starts_at + dt.timedelta(minutes=10), tick=False)


@pytest.fixture(scope="module")
def w(django_db_setup, django_db_blocker):
    """Built once; each test runs in its own transaction inside this one, so what it stores is undone."""
    with django_db_blocker.unblock(), transaction.atomic():
        data = audit.world()
        yield data
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _no_wait(settings):
    settings.ESEP_QUESTION_MIN_FILL_SECONDS = 0


def _ask(w, **data):
    payload = {"text": "Аулада жарық жоқ, қашан орнатылады?", "started": new_form_token(), "website": ""}
    payload.update(data)
    return payload


# form -> (url, a valid submission)
def _forms(w):
    on_the_day = {"full_name": "Сейітов Арман", "residence": "Ботақара, Абай к-сі", "eligible": "on"}
    return {
        "ask": (f"/{{l}}/meetings/{w['meeting'].code}/ask/", _ask(w)),
        "register": (f"/{{l}}/m/{w['meeting'].code}/register", on_the_day),
        "invitation": (f"/{{l}}/m/invitation/{w['invitation'].token}/", {"answer": "accept", "note": "Келеміз"}),
        "agency_reply": (
            f"/{{l}}/appeals/reply/{w['forward'].token}/",
            {"text": "Жол жөнделді.", "name": "Бөлім басшысы"},
        ),
        "withdraw_consent": ("/{l}/appeals/consent/withdraw/", {"code": w["own_appeal"].code, "confirm": "on"}),
    }


# (form, case id, changes to the valid submission, status, msgid the page shows or None)
REFUSALS = [
    ("ask", "empty", {"text": ""}, 400, "This field is required."),
    ("ask", "oversize", {"text": "ж" * 2001}, 400, None),
    (
        "ask",
        "markup",
        {"text": "Сұрақ " + XSS},
        400,
        "Remove HTML tags and scripts (text between < and >) and send again.",
    ),
    ("ask", "markup-in-name", {"author_name": XSS, "consent": "on"}, 400, None),
    ("ask", "oversize-contact", {"contact": "7" * 151, "consent": "on"}, 400, None),
    ("ask", "honeypot", {"website": "http://spam.example"}, 400, None),
    ("ask", "nul", {"text": "Аулада жарық жоқ\x00 қашан?"}, 400, None),
    ("register", "empty", {"full_name": ""}, 400, "This field is required."),
    ("register", "oversize-name", {"full_name": "Арман " * 50}, 400, None),
    ("register", "oversize-residence", {"residence": "ж" * 301}, 400, None),
    ("register", "oversize-contact", {"contact": "7" * 201, "consent": "on"}, 400, None),
    ("register", "no-declaration", {"eligible": ""}, 400, None),
    ("invitation", "no-answer", {"answer": ""}, 400, "Choose whether you will attend."),
    ("invitation", "forged-answer", {"answer": "maybe"}, 400, "Choose whether you will attend."),
    ("invitation", "oversize-note", {"note": "ж" * 501}, 400, None),
    (
        "invitation",
        "honeypot",
        {"website": "http://spam.example"},
        400,
        "Your reply could not be accepted. Please try again.",
    ),
    ("invitation", "nul", {"note": "a\x00b"}, 400, None),
    ("agency_reply", "empty", {"text": ""}, 400, "This field is required."),
    ("agency_reply", "oversize", {"text": "ж" * 10_001}, 400, None),
    ("agency_reply", "oversize-name", {"name": "ж" * 201}, 400, None),
    ("agency_reply", "honeypot", {"website": "http://spam.example"}, 400, "This form could not be accepted."),
    ("withdraw_consent", "empty", {"code": ""}, 400, "This field is required."),
    (
        "withdraw_consent",
        "no-confirmation",
        {"confirm": ""},
        400,
        "Tick the box to confirm that you withdraw your consent.",
    ),
    ("withdraw_consent", "unknown-code", {"code": "ZZZZZZZZZZ"}, 404, None),
    ("withdraw_consent", "oversize-code", {"code": "Z" * 41}, 400, None),
    ("withdraw_consent", "honeypot", {"website": "http://spam.example"}, 400, "This form could not be accepted."),
]


@pytest.mark.parametrize("lang", audit.LANGS)
@pytest.mark.parametrize(
    ("form", "case", "changes", "status", "msgid"), REFUSALS, ids=[f"{r[0]}-{r[1]}" for r in REFUSALS]
)
def test_a_refused_submission_says_why_and_stores_nothing(w, form, case, changes, status, msgid, lang):
    url, data = _forms(w)[form]
    before = audit.rows()
    with _on_the_day(w, form):
        response = Client().post(url.format(l=lang), {**data, **changes})
    assert response.status_code == status, (form, case, audit.text_of(response)[-800:])
    assert f'lang="{lang}"' in response.content.decode()
    if msgid:
        assert audit.says(response, msgid, lang), (form, case)
    for raw in RAW:
        assert raw not in response.content.decode()
    assert audit.changed(before, audit.rows()) == {}, (form, case)


def test_each_valid_submission_is_stored_once(w):
    """The valid submissions above really are accepted, so the refusals are about the changed field."""
    forms = _forms(w)
    client = Client()
    assert client.post(forms["ask"][0].format(l="kk"), forms["ask"][1]).status_code == 201
    with time_machine.travel(w["meeting"].starts_at + dt.timedelta(minutes=10), tick=False):
        assert client.post(forms["register"][0].format(l="kk"), forms["register"][1]).status_code == 200
    assert client.post(forms["invitation"][0].format(l="kk"), forms["invitation"][1]).status_code == 200
    assert client.post(forms["agency_reply"][0].format(l="kk"), forms["agency_reply"][1]).status_code == 200
    assert client.post(forms["withdraw_consent"][0].format(l="kk"), forms["withdraw_consent"][1]).status_code == 200
    assert Question.objects.filter(meeting=w["meeting"], text__startswith="Аулада жарық жоқ, қашан").count() == 1
    assert Participant.objects.filter(meeting=w["meeting"]).count() == 1
    assert Invitation.objects.get(pk=w["invitation"].pk).reply_note == "Келеміз"
    assert Appeal.objects.get(pk=w["appeal"].pk).answer_text == "Жол жөнделді."
    assert Appeal.objects.get(pk=w["own_appeal"].pk).applicant_contact == ""


def test_the_registration_honeypot_answers_as_registered_but_stores_nothing(w):
    url, data = _forms(w)["register"]
    before = audit.rows()
    with time_machine.travel(w["meeting"].starts_at + dt.timedelta(minutes=10), tick=False):
        response = Client().post(url.format(l="ru"), {**data, "website": "http://spam.example"})
    assert response.status_code == 200
    assert audit.changed(before, audit.rows()) == {}


@pytest.mark.parametrize("lang", audit.LANGS)
def test_a_question_sent_faster_than_a_person_can_type_is_refused(w, settings, lang):
    settings.ESEP_QUESTION_MIN_FILL_SECONDS = 60
    url, data = _forms(w)["ask"]
    before = audit.rows()
    response = Client().post(url.format(l=lang), data)
    assert response.status_code == 400
    assert audit.says(
        response,
        "Your question was not accepted: the form was sent too fast, expired or was already sent. "
        "Check the text and send it again.",
        lang,
    )
    assert audit.rows() == before


def test_replayed_one_time_tokens_store_nothing_more(w):
    client = Client()
    ask_url, ask = _forms(w)["ask"]
    assert client.post(ask_url.format(l="kk"), ask).status_code == 201
    after_first = audit.rows()
    assert client.post(ask_url.format(l="kk"), ask).status_code == 400  # the same form token again
    reply_url, reply = _forms(w)["agency_reply"]
    assert client.post(reply_url.format(l="kk"), reply).status_code == 200
    after_reply = audit.rows()
    again = client.post(reply_url.format(l="kk"), {**reply, "text": "Басқа жауап"})  # the link's second use
    assert again.status_code == 409
    assert audit.says(again, "The answer has already been recorded. Thank you.", "kk")
    assert Appeal.objects.get(pk=w["appeal"].pk).answer_text == "Жол жөнделді."
    assert audit.rows() == after_reply
    assert len(after_first["questions.question"]) == Question.objects.count()


# form -> (how many pass, the msgid of the 429 page)
FLOODS = {
    "ask": (5, "Too many attempts from your connection. Please try again later."),
    "register": (60, "Too many registrations from this connection. Please register at the door."),
    "invitation": (60, "Too many attempts from this connection. Please try again later."),
    "agency_reply": (10, "Too many requests from your address. Try again in a minute."),
    "withdraw_consent": (10, "Too many attempts from your address. Try again later."),
}


@pytest.mark.parametrize("form", sorted(FLOODS))
def test_a_flood_is_stopped_with_a_translated_429_and_nothing_past_the_limit_is_stored(w, form):
    limit, msgid = FLOODS[form]
    url, data = _forms(w)[form]
    client = Client()
    statuses = []
    with _on_the_day(w, form):
        for i in range(limit):
            payload = {**data, "text": f"Сұрақ нөмірі {'ә' * (i + 1)} көше туралы"} if form == "ask" else data
            if form == "ask":
                payload["started"] = new_form_token()
            statuses.append(client.post(url.format(l="kk"), payload).status_code)
        before = audit.rows()
        payload = {**data, "started": new_form_token()} if form == "ask" else data
        flood = client.post(url.format(l="ru"), payload)
    assert 429 not in statuses
    assert flood.status_code == 429
    assert audit.says(flood, msgid, "ru"), form
    assert audit.rows() == before


def test_staff_login_guessing_is_stopped(w):
    client = Client()
    codes = [
        client.post("/kk/accounts/login/", {"username": "x", "password": f"guess{i}"}).status_code for i in range(11)
    ]
    assert codes[:10] == [200] * 10
    assert codes[10] == 429


def test_what_residents_wrote_is_escaped_on_every_page(w):
    """Markup a resident or another body typed is stored as text and never rendered as markup, on the
    public pages and on every staff page of every role."""
    from esep.core.tests.test_robustness_crawl import public_urls, staff_urls
    from esep.meetings.services import participant_register

    with time_machine.travel(w["meeting"].starts_at + dt.timedelta(minutes=10), tick=False):
        participant_register(
            meeting=w["meeting"], full_name="Арман " + XSS.replace("(", " ").replace(")", " "), residence=XSS,
            method="self", eligibility_declared=True,
        )  # fmt: skip
    client = Client()
    client.post(f"/kk/m/invitation/{w['invitation'].token}/", {"answer": "decline", "note": XSS[:200]})
    client.post(f"/kk/appeals/reply/{w['forward'].token}/", {"text": XSS, "measures": XSS, "name": XSS[:200]})
    assert Appeal.objects.get(pk=w["appeal"].pk).answer_text == XSS
    # as if it had reached the table another way (the form refuses markup)
    Question.objects.filter(pk=w["accepted"].pk).update(text="Сұрақ: a < b & c > d " + XSS)
    shown = []
    for role in ("staff_unit", "admin", "akimat"):
        staff = Client()
        staff.force_login(w["users"][role])
        for url in [*staff_urls(w, "kk"), f"/kk/staff/meetings/{w['meeting'].pk}/door/"]:
            response = staff.get(url)
            body = response.content.decode("utf-8", errors="replace")
            shown += [(role, url) for raw in RAW if raw in body]
    for url in [*public_urls(w, "kk"), f"/kk/track/{w['appeal'].code}/"]:
        body = Client().get(url).content.decode("utf-8", errors="replace")
        shown += [("public", url) for raw in RAW if raw in body]
    assert shown == []
    # ... and it is there, escaped, where it belongs
    status_page = Client().get(f"/kk/track/{w['appeal'].code}/").content.decode()
    assert "&lt;script&gt;alert(document.cookie)&lt;/script&gt;" in status_page


def test_only_moderated_questions_are_public(w):
    accepted = Question.objects.get(pk=w["accepted"].pk)
    page = audit.text_of(Client().get(f"/kk/meetings/{w['meeting'].code}/"))
    assert accepted.status == "accepted" and accepted.text in page
    assert w["submitted"].text not in page
    for url in [f"/kk/meetings/{w['meeting'].code}/calendar.ics", "/kk/meetings/feed.atom"]:
        assert w["submitted"].text not in audit.text_of(Client().get(url))


def test_a_passed_meeting_takes_no_questions_and_says_so(w):
    with time_machine.travel(timezone.now() + dt.timedelta(days=60), tick=False):
        url, data = _forms(w)["ask"]
        before = audit.rows()
        response = Client().post(url.format(l="kk"), {**data, "started": new_form_token()})
    assert response.status_code == 410
    assert audit.rows() == before
