"""Reaching the inspector with no report announced: the poster's QR code always works; the question waits
for the precinct's next report and joins it when the report is announced, or staff register it as an appeal
(Order 608 p.8.2, p.16; Order 652 p.27, p.31-32; АППК art. 64)."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from esep.accountability import waiting
from esep.accountability.models import WaitingQuestion, WaitingStatus
from esep.announcements.services import announcement_publish
from esep.appeals.models import Appeal
from esep.meetings.models import MeetingStatus
from esep.questions.forms import new_form_token
from esep.questions.models import Question, QuestionStatus
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def precinct(tree):
    return tree["precinct"]


def _post(client, url, **data):
    payload = {"text": "Біздің көшеде түнде жарық жоқ, не істеуге болады?", "started": new_form_token(), **data}
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=10)):
        return client.post(url, payload)


def test_the_poster_qr_code_works_with_no_meeting_announced(client, precinct):
    body = precinct.body
    response = client.get(f"/kk/p/{body.slug}/{precinct.number}/ask/")
    assert response.status_code == 302
    assert response["Location"] == f"/kk/p/{body.slug}/{precinct.number}/question/"
    page = client.get(response["Location"])
    assert page.status_code == 200 and 'name="text"' in page.content.decode()


def test_a_question_with_no_meeting_waits_and_joins_the_next_report_when_announced(client, tree, precinct):
    body = precinct.body
    response = _post(
        client,
        f"/ru/p/{body.slug}/{precinct.number}/question/",
        author_name="Серікова Айгүл",
        contact="aigul@example.kz",
        consent="on",
    )
    assert response.status_code == 201
    row = WaitingQuestion.objects.get()
    assert row.display_code in response.content.decode()
    assert row.status == WaitingStatus.WAITING and row.consent_at is not None
    # The tracking page says it waits.
    page = client.get(f"/ru/track/{row.tracking_code}/").content.decode()
    assert 'id="waiting-status"' in page
    # A report of the precinct is planned, then announced: the question joins its questions, same code.
    meeting = f.meeting(
        body_=body,
        reporters=[(tree["officer"], precinct)],
        starts_at=timezone.now() + dt.timedelta(days=15),
        status=MeetingStatus.SCHEDULED,
    )
    assert WaitingQuestion.objects.get().status == WaitingStatus.WAITING  # not before it is announced
    announcement_publish(meeting=meeting, actor=f.staff(b=body))
    row.refresh_from_db()
    question = Question.objects.get(meeting=meeting)
    assert row.status == WaitingStatus.JOINED and row.question == question
    assert question.tracking_code == row.tracking_code and question.status == QuestionStatus.SUBMITTED
    assert question.author_name == "Серікова Айгүл" and question.contact == "aigul@example.kz"
    assert (row.author_name, row.contact) == ("", "")  # the personal data now live in one place only
    page = client.get(f"/ru/track/{row.tracking_code}/").content.decode()
    assert 'id="question-status"' in page and f"/ru/meetings/{meeting.code}/" in page
    # A second announcement path (or a retry) joins nothing twice.
    assert waiting.waiting_questions_attach(meeting=meeting) == 0


def test_a_question_of_another_precinct_does_not_join(tree, precinct):
    other = f.precinct(precinct.body)
    row = waiting.waiting_question_submit(precinct=other, text="Басқа учаске туралы сұрақ, жарық жоқ")
    meeting = f.meeting(
        body_=precinct.body,
        reporters=[(tree["officer"], precinct)],
        starts_at=timezone.now() + dt.timedelta(days=15),
    )
    announcement_publish(meeting=meeting, actor=f.staff(b=precinct.body))
    row.refresh_from_db()
    assert row.status == WaitingStatus.WAITING


def test_staff_register_a_waiting_question_as_an_appeal(client, precinct):
    row = waiting.waiting_question_submit(
        precinct=precinct,
        text="Көршілер түнде шу шығарады, полиция келмейді",
        author_name="Серікова Айгүл",
        contact="aigul@example.kz",
        consent_given=True,
    )
    staff = f.staff(b=precinct.body)
    client.force_login(staff)
    assert row.text in client.get("/kk/staff/accountability/waiting/").content.decode()
    response = client.post(f"/kk/staff/accountability/waiting/{row.pk}/appeal/")
    assert response.status_code == 302
    row.refresh_from_db()
    appeal = Appeal.objects.get()
    assert row.status == WaitingStatus.APPEAL and appeal.code == row.tracking_code
    assert appeal.precinct == precinct and appeal.applicant_name == "Серікова Айгүл"
    page = Client().get(f"/kk/track/{row.tracking_code}/").content.decode()
    assert 'id="appeal-status"' in page and 'id="waiting-status"' in page
    # Staff of another body cannot touch it.
    outsider = Client()
    outsider.force_login(f.staff(b=f.body()))
    assert outsider.post(f"/kk/staff/accountability/waiting/{row.pk}/appeal/").status_code == 404


def test_consent_is_needed_for_a_name_and_nothing_is_stored_without_it(client, precinct):
    body = precinct.body
    response = _post(client, f"/kk/p/{body.slug}/{precinct.number}/question/", author_name="Серікова Айгүл")
    assert response.status_code == 400
    assert not WaitingQuestion.objects.exists()


def test_with_a_meeting_announced_the_form_is_the_meeting_one(client, tree, precinct):
    from esep.testing.public import published_meeting

    meeting = published_meeting(precinct=precinct)
    response = client.get(f"/kk/p/{precinct.body.slug}/{precinct.number}/question/")
    assert response.status_code == 302 and response["Location"] == f"/kk/meetings/{meeting.code}/ask/"


def test_both_question_forms_are_one_flow_with_the_same_fields_refusals_and_limits(client, tree, precinct):
    """The question between reports and the question in advance share esep.questions.form_flow: the same
    form, the same answer to a name without consent, and one flood limit across both pages."""
    from esep.testing.public import published_meeting

    body = precinct.body
    other = f.precinct(body)
    meeting = published_meeting(precinct=other, officer=tree["officer"])
    between = f"/ru/p/{body.slug}/{precinct.number}/question/"
    advance = f"/ru/meetings/{meeting.code}/ask/"
    pages = [client.get(url).content.decode() for url in (between, advance)]
    for page in pages:
        assert 'name="website"' in page and 'id="consent-text"' in page and 'name="started"' in page
    refusals = [_post(client, url, author_name="Серікова Айгүл") for url in (between, advance)]
    assert [r.status_code for r in refusals] == [400, 400]
    assert "дайте согласие на обработку персональных" in refusals[0].content.decode()
    assert "дайте согласие на обработку персональных" in refusals[1].content.decode()

    cache.clear()
    for _n in range(5):
        assert _post(client, between).status_code == 201
    assert _post(client, advance).status_code == 429  # the same client, the other page: the same limit
    assert WaitingQuestion.objects.count() == 5 and not Question.objects.filter(meeting=meeting).exists()
