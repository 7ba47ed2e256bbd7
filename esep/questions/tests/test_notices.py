"""The author of a question is told when it is accepted, rejected, answered in writing or registered as an
appeal: only with a contact given with consent, in the language of the question, once per status."""

import pytest
from django.core import mail
from django.db import transaction

from esep.notifications.backends import LocmemSmsBackend
from esep.notifications.models import Message
from esep.notifications.services import messages_send
from esep.questions import services
from esep.questions.models import QuestionNotice, QuestionStatus
from esep.questions.notices import notify_author
from esep.testing import factories as f
from esep.testing import public as pf
from esep.workflows.question_appeal import question_to_appeal

pytestmark = pytest.mark.django_db
S = QuestionStatus


@pytest.fixture
def meeting(tree):
    return pf.published_meeting(precinct=tree["precinct"])


@pytest.fixture
def inspector(tree):
    return f.staff("inspector", tree["body"])


@pytest.fixture(autouse=True)
def _sms():
    LocmemSmsBackend.outbox = []
    yield
    LocmemSmsBackend.outbox = []


def ask(meeting, *, contact="aigerim@example.kz", language="kk", name="Айгерім"):
    return services.question_submit(
        meeting=meeting,
        text="Мектеп маңында жылдамдықты шектеу белгісі қажет.",
        author_name=name,
        contact=contact,
        consent_given=bool(name or contact),
        language=language,
    )


def messages(question):
    return list(Message.objects.filter(related_type="questions.question", related_id=str(question.pk)))


@pytest.mark.parametrize(
    ("language", "accepted_words", "answered_words"),
    [
        ("kk", "қабылданды", "жазбаша жауап берілді"),
        ("ru", "принят", "дан письменный ответ"),
        ("en", "is accepted", "answered in writing"),
    ],
)
def test_author_is_told_of_acceptance_and_written_answer_in_their_language(
    meeting, inspector, language, accepted_words, answered_words
):
    question = ask(meeting, language=language)
    assert messages(question) == []  # submitting is not a status change
    services.question_accept(question=question, actor=inspector)
    services.question_answer_in_writing(question=question, answer="Белгі 1 маусымға дейін қойылады.", actor=inspector)
    accepted, answered = sorted(messages(question), key=lambda m: m.pk)
    assert accepted.channel == "email" and accepted.to == "aigerim@example.kz" and accepted.language == language
    assert accepted_words in accepted.body and question.display_code in accepted.body
    # the tracking link, in the author's language
    assert f"/{language}/track/{question.tracking_code}/" in accepted.body
    assert f"/{language}/appeals/consent/withdraw/" in accepted.body  # and how to withdraw consent (PD art. 8)
    assert answered_words in answered.body and "Белгі 1 маусымға дейін қойылады." in answered.body
    messages_send()
    assert len(mail.outbox) == 2


def test_rejection_reason_goes_by_sms_when_the_contact_is_a_phone(meeting, inspector):
    question = ask(meeting, contact="8 (701) 234-56-78", language="ru")
    services.question_reject(question=question, reason="Вопрос не относится к работе полиции.", actor=inspector)
    (msg,) = messages(question)
    assert msg.channel == "sms" and msg.to == "+77012345678"
    assert "Вопрос не относится к работе полиции." in msg.body and "не принят" in msg.body
    messages_send()
    assert [sms["to"] for sms in LocmemSmsBackend.outbox] == ["+77012345678"]


def test_nobody_is_told_without_a_contact(meeting, inspector):
    question = ask(meeting, contact="", name="")
    services.question_accept(question=question, actor=inspector)
    assert messages(question) == [] and not QuestionNotice.objects.exists()


def test_notice_is_once_per_question_and_status(meeting, inspector):
    question = ask(meeting)
    services.question_accept(question=question, actor=inspector)
    question.refresh_from_db()
    # A retry of the same notice (a second server, a replayed task) sends nothing more.
    assert notify_author(question=question, status=S.ACCEPTED) is None
    assert len(messages(question)) == 1
    assert QuestionNotice.objects.get(question=question).status == S.ACCEPTED


def test_rolled_back_change_sends_nothing(meeting, inspector):
    question = ask(meeting)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.question_accept(question=question, actor=inspector)
        raise RuntimeError
    assert messages(question) == [] and not QuestionNotice.objects.exists()


def test_question_turned_into_appeal_gets_one_message_with_the_appeal_link(meeting, inspector):
    question = ask(meeting, language="ru")
    question = services.question_accept(question=question, actor=inspector)
    question_to_appeal(question=question, actor=inspector)
    question.refresh_from_db()
    from esep.appeals.models import Appeal

    appeal = Appeal.objects.get(source_key=f"questions.question:{question.pk}")
    ticket = Message.objects.get(related_type="appeals.appeal", related_id=str(appeal.pk))
    # The appeal's ticket (АППК art. 64 p.3) carries the number and the link; no second message.
    assert appeal.number in ticket.body and f"/ru/track/{appeal.code}/" in ticket.body
    assert [m.subject for m in messages(question)] == [messages(question)[0].subject]  # only "accepted"
    notice = QuestionNotice.objects.get(question=question, status=S.APPEAL)
    assert notice.message_id is None and "appeal" in notice.note


def test_nameless_question_turned_into_appeal_is_told_the_procedure_ended(meeting, inspector):
    # No name: the appeal ends at once as anonymous (АППК art. 88 p.1 sub.2); the person who left a contact
    # is still told the procedure ended (АППК art. 70 p.3), in one message.
    question = ask(meeting, name="", language="en")
    question = services.question_accept(question=question, actor=inspector)
    question_to_appeal(question=question, actor=inspector)
    from esep.appeals.models import Appeal

    appeal = Appeal.objects.get(source_key=f"questions.question:{question.pk}")
    (ended,) = Message.objects.filter(related_type="appeals.appeal", related_id=str(appeal.pk))
    assert appeal.status == "ended_without_answer"
    assert (
        "ended without an answer" in ended.body and "88" in ended.body and f"/en/track/{appeal.code}/" in ended.body
    )
    assert len(messages(question)) == 1  # "accepted" only
