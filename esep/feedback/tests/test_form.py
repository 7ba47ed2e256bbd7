"""A resident rates a held report: one rating per connection per meeting, refusals store nothing."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from esep.feedback.models import CommentStatus, Rating
from esep.feedback.services import RATING_WINDOW
from esep.questions.forms import new_form_token
from esep.testing import audit
from esep.testing import feedback as tf
from esep.testing import public as pf

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_wait(settings):
    settings.ESEP_QUESTION_MIN_FILL_SECONDS = 0


@pytest.fixture
def held(tree):
    return tf.held_meeting(precinct=tree["precinct"])


def _post(client, meeting, lang="kk", **data):
    payload = {"score": "4", "answered": "yes", "comment": "", "started": new_form_token(), "website": ""}
    payload.update(data)
    return client.post(f"/{lang}/meetings/{meeting.code}/rate/", payload)


def test_a_rating_is_counted_and_shown_on_the_meeting_page(client, held):
    page = client.get(f"/en/meetings/{held.code}/rate/")
    assert page.status_code == 200
    assert "How useful was this report to you?" in page.content.decode()
    response = _post(client, held, lang="en", comment="Clear answers about the lighting.")
    assert response.status_code == 201
    assert "Thank you: your rating is counted." in response.content.decode()
    rating = Rating.objects.get()
    assert (rating.score, rating.answered, rating.comment_status) == (4, "yes", CommentStatus.PENDING)
    meeting_page = client.get(f"/en/meetings/{held.code}/").content.decode()
    assert "4.0 of 5 (ratings: 1)" in meeting_page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param({"score": "0"}, "Select a valid choice", id="score-below-1"),
        pytest.param({"score": "6"}, "Select a valid choice", id="score-above-5"),
        pytest.param({"score": "four"}, "Select a valid choice", id="score-not-a-number"),
        pytest.param({"score": ""}, "This field is required", id="score-missing"),
        pytest.param({"answered": "maybe"}, "Select a valid choice", id="answered-unknown"),
        pytest.param({"comment": "я" * 1001}, "at most 1000 characters", id="comment-too-long"),
        pytest.param({"comment": "<script>alert(1)</script>"}, "Remove HTML tags", id="comment-markup"),
    ],
)
def test_refused_inputs_answer_400_with_a_message_and_store_nothing(client, held, data, message):
    before = audit.rows()
    response = _post(client, held, lang="en", **data)
    assert response.status_code == 400
    assert message in audit.text_of(response)
    assert audit.rows() == before


def test_refusal_is_in_the_page_language(client, held):
    response = _post(client, held, lang="ru", score="9")
    assert response.status_code == 400
    assert audit.says(response, "How useful was this report to you?", "ru")
    assert not Rating.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({"website": "http://spam.example"}, id="honeypot"),
        pytest.param({"started": "forged"}, id="tampered-token"),
        pytest.param({"started": ""}, id="no-token"),
    ],
)
def test_automated_submissions_are_refused(client, held, data):
    response = _post(client, held, lang="en", **data)
    assert response.status_code == 400
    assert "Your rating was not accepted" in response.content.decode()
    assert not Rating.objects.exists()


def test_too_fast_is_refused(client, held, settings):
    settings.ESEP_QUESTION_MIN_FILL_SECONDS = 60
    response = _post(client, held, lang="en")
    assert response.status_code == 400
    assert not Rating.objects.exists()


def test_a_form_is_used_once(client, held):
    token = new_form_token()
    assert _post(client, held, started=token).status_code == 201
    assert _post(client, held, started=token, score="1").status_code == 400
    assert Rating.objects.get().score == 4


def test_a_flood_is_stopped_with_429(client, held):
    statuses = [_post(client, held, lang="ru").status_code for _i in range(7)]
    assert statuses[:5] == [201] * 5
    assert statuses[5:] == [429, 429]
    assert Rating.objects.count() == 1


def test_a_second_rating_from_the_same_connection_replaces_the_first(client, held):
    _post(client, held, score="2", comment="First thoughts")
    _post(client, held, score="5", answered="did_not_ask")
    rating = Rating.objects.get()
    assert (rating.score, rating.answered, rating.comment, rating.comment_status) == (5, "did_not_ask", "", "none")
    other = client.post(
        f"/kk/meetings/{held.code}/rate/",
        {"score": "1", "started": new_form_token()},
        REMOTE_ADDR="10.1.2.3",
    )
    assert other.status_code == 201
    assert sorted(Rating.objects.values_list("score", flat=True)) == [1, 5]


def test_the_key_differs_between_meetings(client, tree, held):
    second = tf.held_meeting(precinct=tree["precinct"], days_ago=5)
    _post(client, held)
    _post(client, second)
    keys = set(Rating.objects.values_list("client_key", flat=True))
    assert len(keys) == 2


def test_before_the_meeting_is_held_there_is_no_form(client, tree):
    announced = pf.published_meeting(precinct=tree["precinct"])
    page = client.get(f"/en/meetings/{announced.code}/rate/")
    assert page.status_code == 200
    assert 'name="score"' not in page.content.decode()
    assert "You can rate the report after it is held." in page.content.decode()
    assert "Rate this report" not in client.get(f"/en/meetings/{announced.code}/").content.decode()
    assert _post(client, announced).status_code == 400
    assert not Rating.objects.exists()


def test_after_the_window_the_form_is_gone_410(client, held):
    with time_machine.travel(held.ends_at + RATING_WINDOW + dt.timedelta(minutes=1)):
        page = client.get(f"/en/meetings/{held.code}/rate/")
        assert page.status_code == 410
        assert "This report can no longer be rated." in page.content.decode()
        assert _post(client, held).status_code == 410
        assert "Rate this report" not in client.get(f"/en/meetings/{held.code}/").content.decode()
    assert not Rating.objects.exists()


def test_on_the_last_day_of_the_window_the_form_still_takes_ratings(client, held):
    with time_machine.travel(held.ends_at + RATING_WINDOW - dt.timedelta(minutes=1)):
        assert _post(client, held).status_code == 201


def test_a_cancelled_meeting_cannot_be_rated(client, tree):
    cancelled = tf.held_meeting(precinct=tree["precinct"], status="cancelled")
    assert _post(client, cancelled).status_code == 410


def test_an_unknown_or_draft_meeting_is_404(client, tree):
    draft = tf.held_meeting(precinct=tree["precinct"], status="draft", published_at=None)
    assert client.get("/kk/meetings/ZZZZZZZZZZ/rate/").status_code == 404
    assert _post(client, draft).status_code == 404


def test_the_rating_page_takes_no_other_method(client, held):
    assert client.put(f"/kk/meetings/{held.code}/rate/").status_code == 405


def test_a_rating_bumps_the_public_cache(client, held, django_capture_on_commit_callbacks):
    first = client.get(f"/en/meetings/{held.code}/")
    assert "No ratings yet." in first.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, held, lang="en", score="3")
    again = client.get(f"/en/meetings/{held.code}/")
    assert "3.0 of 5 (ratings: 1)" in again.content.decode()
