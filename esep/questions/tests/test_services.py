"""The moderation workflow: what moves where, who sees what, and what an appeal becomes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from esep.questions import services
from esep.questions.codes import ALPHABET, clean_code, new_code
from esep.questions.models import TRANSITIONS, Question, QuestionStatus, can_move
from esep.testing import factories as f
from esep.testing import public as pf

pytestmark = pytest.mark.django_db
S = QuestionStatus


@pytest.fixture
def meeting(tree):
    return pf.published_meeting(precinct=tree["precinct"])


@pytest.fixture
def inspector(tree):
    return f.staff("inspector", tree["body"])


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        (S.SUBMITTED, S.ACCEPTED, True),
        (S.SUBMITTED, S.REJECTED, True),
        (S.SUBMITTED, S.MERGED, True),
        (S.SUBMITTED, S.ANSWERED_MEETING, False),
        (S.ACCEPTED, S.ANSWERED_MEETING, True),  # Order 608 p.7; Order 652 p.31
        (S.ACCEPTED, S.ANSWERED_WRITING, True),
        (S.ACCEPTED, S.APPEAL, True),  # Order 608 p.16; Order 652 p.32
        (S.ACCEPTED, S.REJECTED, False),
        (S.REJECTED, S.ACCEPTED, False),
        (S.ANSWERED_MEETING, S.APPEAL, False),
    ],
    ids=lambda v: str(v),
)
def test_transition_table(current, target, allowed):
    assert can_move(current, target) is allowed


def test_every_status_is_final_or_has_a_way_forward():
    for status in S:
        assert status in TRANSITIONS or Question(status=status).is_final


def test_codes_are_typable_and_looked_up_loosely():
    code = new_code()
    assert len(code) == 10 and set(code) <= set(ALPHABET)
    assert clean_code(f" {code[:5].lower()}-{code[5:]} ") == code
    assert clean_code("О") is None and clean_code("") is None and clean_code("x" * 41) is None


def test_submit_needs_consent_for_personal_data(meeting):
    with pytest.raises(ValidationError):
        services.question_submit(meeting=meeting, text="Вопрос про свет", contact="+77010000000")
    q = services.question_submit(meeting=meeting, text="Вопрос про свет")
    assert q.status == S.SUBMITTED and q.consent_version == "" and q.consent_at is None


def test_submit_refused_for_unannounced_meeting(tree):
    draft = pf.published_meeting(precinct=tree["precinct"], status="scheduled", published_at=None)
    with pytest.raises(ValidationError):
        services.question_submit(meeting=draft, text="Вопрос про свет")
    assert not Question.objects.exists()


def test_accept_merge_reject_and_answers(meeting, inspector):
    a = services.question_accept(question=pf.question(meeting), actor=inspector)
    assert a.status == S.ACCEPTED and a.moderated_by == inspector
    dup = services.question_merge(question=pf.question(meeting), into=a, actor=inspector)
    assert dup.status == S.MERGED and dup.merged_into == a
    rejected = services.question_reject(question=pf.question(meeting), reason="Не по теме", actor=inspector)
    assert rejected.reject_reason == "Не по теме" and rejected.closed_at is not None
    with pytest.raises(ValidationError):
        services.question_reject(question=pf.question(meeting), reason="  ", actor=inspector)
    answered = services.question_answer_in_writing(question=a, answer="Освещение установят в мае.", actor=inspector)
    assert answered.status == S.ANSWERED_WRITING
    with pytest.raises(ValidationError):
        services.question_answer_at_meeting(question=answered, actor=inspector)


def test_merge_only_into_an_accepted_question_of_the_same_meeting(tree, meeting, inspector):
    other_meeting = pf.published_meeting(precinct=tree["precinct"], days_ahead=30)
    target = services.question_accept(question=pf.question(other_meeting), actor=inspector)
    with pytest.raises(ValidationError):
        services.question_merge(question=pf.question(meeting), into=target, actor=inspector)
    with pytest.raises(ValidationError):
        services.question_merge(question=pf.question(meeting), into=pf.question(meeting), actor=inspector)


def test_moderation_is_audited(meeting, inspector):
    from esep.core.models import AuditEntry

    q = services.question_accept(question=pf.question(meeting), actor=inspector)
    assert AuditEntry.objects.filter(action="question.accept", object_id=str(q.pk)).exists()


def test_accepted_question_becomes_an_appeal(meeting, inspector):
    from esep.workflows.question_appeal import question_to_appeal

    q = services.question_accept(question=pf.question(meeting), actor=inspector)
    done = question_to_appeal(question=q, actor=inspector)
    assert done.status == S.APPEAL and done.appeal_ref


def test_staff_queue_is_scoped_and_acts(client, tree, meeting, inspector):
    q = pf.question(meeting, text="Question for the queue")
    stranger = f.staff("inspector", f.body())
    client.force_login(stranger)
    assert "Question for the queue" not in client.get("/kk/staff/questions/").content.decode()
    assert client.post(f"/kk/staff/questions/{q.pk}/accept/").status_code == 404
    client.force_login(inspector)
    assert "Question for the queue" in client.get("/kk/staff/questions/").content.decode()
    client.post(f"/kk/staff/questions/{q.pk}/accept/")
    q.refresh_from_db()
    assert q.status == S.ACCEPTED
    client.post(f"/kk/staff/questions/{q.pk}/written/", {"answer": "Жауап"})
    q.refresh_from_db()
    assert q.status == S.ANSWERED_WRITING and q.answer == "Жауап"
