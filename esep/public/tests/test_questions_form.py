"""A resident sends a question in advance; bad input gets a clear message and a 4xx, and nothing is stored."""

from __future__ import annotations

import pytest
from django.core import signing

from esep.questions.forms import new_form_token
from esep.questions.models import Question
from esep.testing import public as pf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_wait(settings):
    settings.ESEP_QUESTION_MIN_FILL_SECONDS = 0


@pytest.fixture
def meeting(tree):
    return pf.published_meeting(precinct=tree["precinct"])


def _post(client, meeting, **data):
    payload = {"text": "Аулада жарық жоқ, қашан орнатылады?", "started": new_form_token(), "website": ""}
    payload.update(data)
    return client.post(f"/kk/meetings/{meeting.code}/ask/", payload)


def test_question_sent_gets_a_tracking_code_and_status(client, meeting):
    response = _post(client, meeting)
    assert response.status_code == 201
    question = Question.objects.get()
    html = response.content.decode()
    assert question.display_code in html
    # The old form still works: it sends the person to the one tracking page, whose address holds the code.
    old = client.post("/kk/questions/status/", {"code": question.tracking_code.lower()})
    assert old.status_code == 302 and old["Location"] == f"/kk/track/{question.tracking_code}/"
    status = client.get(old["Location"])
    assert status.status_code == 200
    assert 'id="question-status"' in status.content.decode()
    assert question.display_code in status.content.decode()


def test_name_and_contact_need_consent_and_record_it(client, meeting):
    refused = _post(client, meeting, author_name="Айгүл", contact="+7 701 111 22 33")
    assert refused.status_code == 400
    assert not Question.objects.exists()
    ok = _post(client, meeting, author_name="Айгүл", contact="+7 701 111 22 33", consent="on")
    assert ok.status_code == 201
    q = Question.objects.get()
    assert q.consent_version and q.consent_at is not None
    assert q.contact == "+7 701 111 22 33"


def test_consent_text_names_operator_purpose_term_transfers_and_withdrawal(client, meeting):
    html = client.get(f"/ru/meetings/{meeting.code}/ask/").content.decode()
    assert meeting.body.name_ru in html  # the operator


@pytest.mark.parametrize(
    ("data", "message_part"),
    [
        ({"text": ""}, "text"),
        ({"text": "қысқа"}, "text"),
        ({"text": "x" * 2001}, "text"),
        ({"text": "Сұрақ <script>alert(1)</script> бар"}, "text"),
        (
            {"text": "Нормальный вопрос про свет", "author_name": "<img src=x onerror=alert(1)>", "consent": "on"},
            "author_name",
        ),
        ({"text": "Нормальный вопрос про свет", "contact": "not a phone", "consent": "on"}, "contact"),
        ({"text": "Нормальный вопрос про свет", "contact": "7" * 200, "consent": "on"}, "contact"),
    ],
    ids=["empty", "too-short", "oversize", "script-tag", "markup-in-name", "bad-contact", "oversize-contact"],
)
def test_bad_fields_are_refused_with_a_message(client, meeting, data, message_part):
    response = _post(client, meeting, **data)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"website": "http://spam.example"},
        {"started": "forged"},
        {"started": signing.dumps({"t": 0, "n": "x"}, salt="other")},
    ],
    ids=["honeypot", "forged-token", "wrong-salt"],
)
def test_robots_are_refused_and_nothing_is_stored(client, meeting, data):
    response = _post(client, meeting, **data)
    assert response.status_code == 400
    assert not Question.objects.exists()


def test_too_fast_is_refused(client, meeting, settings):
    settings.ESEP_QUESTION_MIN_FILL_SECONDS = 60
    assert _post(client, meeting).status_code == 400
    assert not Question.objects.exists()


def test_the_same_form_cannot_be_sent_twice(client, meeting):
    token = new_form_token()
    assert _post(client, meeting, started=token).status_code == 201
    assert _post(client, meeting, started=token).status_code == 400
    assert Question.objects.count() == 1


def test_a_flood_is_stopped_with_429(client, meeting):
    statuses = [_post(client, meeting, text=f"Вопрос номер {i} о порядке на улице").status_code for i in range(8)]
    assert statuses[:5] == [201] * 5
    assert statuses[5:] == [429] * 3
    assert Question.objects.count() == 5


def test_wrong_tracking_codes_are_404_with_a_message(client, meeting):
    for code in ["ABCDE-FGHJK", "nonsense", "x" * 100]:
        response = client.get("/ru/track/", {"code": code}, follow=True)
        assert response.status_code in {400, 404}
        assert 'role="alert"' in response.content.decode()


def test_status_lookups_are_rate_limited(client, meeting):
    codes = [client.get("/ru/track/ABCDEFGHJK/").status_code for _ in range(31)]
    assert codes[-1] == 429


def test_a_meeting_that_has_passed_takes_no_questions(client, tree):
    past = pf.published_meeting(precinct=tree["precinct"], days_ahead=-1, status="held")
    response = _post(client, past)
    assert response.status_code == 410
    assert not Question.objects.exists()


def test_precinct_link_leads_to_the_next_meetings_form(client, tree, meeting):
    response = client.get(f"/kk/p/{tree['body'].slug}/7/ask/")
    assert response.status_code == 302
    assert response["Location"] == f"/kk/meetings/{meeting.code}/ask/"


def test_rejection_reason_is_shown_to_the_author_escaped(client, meeting):
    from esep.questions.services import question_reject
    from esep.testing import factories as f

    q = pf.question(meeting)
    question_reject(question=q, reason="Outside police competence <b>", actor=f.staff(b=meeting.body))
    html = client.get(f"/kk/track/{q.tracking_code}/").content.decode()
    assert "Outside police competence &lt;b&gt;" in html
