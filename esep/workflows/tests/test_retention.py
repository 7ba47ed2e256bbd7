"""``esep retention purge`` beyond the report materials: question authors, applicants and outbox recipients
lose their names and contacts when the term of their esep.law rule has passed (Law on personal data
arts. 12, 18), and nothing else changes."""

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from esep.accounts.models import Role
from esep.appeals import services as appeal_services
from esep.appeals.models import Appeal, AppealStatus, EventKind
from esep.law import deadlines, rules
from esep.meetings.models import DestructionRecord, DestructionSubject
from esep.notifications.models import Message, MessageStatus
from esep.notifications.services import messages_send
from esep.questions import services as question_services
from esep.questions.models import Question, QuestionStatus
from esep.testing import appeals as ta
from esep.testing import factories as f
from esep.testing import public as pf
from esep.workflows.retention import expired_through, retention_purge

pytestmark = pytest.mark.django_db
D = dt.date
at = ta.almaty


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("code", "start", "kept_until"),
    [
        # Esep's policy (each rule's date_note says it is not a statutory number).
        pytest.param("retention.question_contact_days", D(2026, 3, 2), D(2026, 4, 1), id="PD-art.12-question-30-days"),
        pytest.param(
            "retention.question_contact_open_years", D(2026, 3, 16), D(2027, 3, 16), id="PD-art.12-open-question-1-year"
        ),
        # 5 Feb 2027 is a Friday; 6 Feb 2027 a Saturday: moved to Monday (АППК art. 76 p.5 via deadlines).
        pytest.param("retention.appeal_applicant_years", D(2026, 2, 6), D(2027, 2, 8), id="PD-art.12-appeal-1-year"),
        pytest.param("retention.outbox_recipient_days", D(2026, 3, 2), D(2026, 4, 1), id="PD-art.12-outbox-30-days"),
    ],
)
def test_retention_rules_are_law_data_with_an_honest_note(code, start, kept_until):
    rule = rules.rule(code, start)
    assert rule.citation() == "Law on personal data art. 12; art. 18"
    assert "policy" in rule.date_note and "not a statutory number" in rule.date_note
    assert deadlines.compute(code, start).due == kept_until
    # The day after the last day kept, the data of that start day are past the term; not before.
    assert expired_through(code, kept_until + dt.timedelta(days=1)) >= start
    assert expired_through(code, kept_until) < start


def _status_page(code: str, lang: str = "ru"):
    with translation.override(lang):
        url = reverse("accountability_public:track_code", args=[code])
    return Client().get(url)


def test_question_authors_lose_name_and_contact_after_the_term(tree):
    inspector = f.staff(Role.INSPECTOR, tree["body"])
    with time_machine.travel(at(2026, 3, 2, 10), tick=False):
        meeting = pf.published_meeting(precinct=tree["precinct"])  # 16 March 2026
        rejected = question_services.question_submit(
            meeting=meeting,
            text="Біздің аулада шамдар жанбайды, не істейсіз?",
            author_name="Жұмабаева Гүлнар",
            contact="gulnar@example.kz",
            consent_given=True,
        )
        never_moderated = question_services.question_submit(
            meeting=meeting,
            text="Жолда жылдамдық шектеуі керек.",
            author_name="Серік",
            contact="+7 701 111 22 33",
            consent_given=True,
        )
        anonymous = question_services.question_submit(meeting=meeting, text="Патруль жиірек жүрсе екен.")
        question_services.question_reject(question=rejected, reason="Жиналыстың тақырыбына жатпайды.", actor=inspector)

    with time_machine.travel(at(2026, 4, 1, 12), tick=False):  # the last day kept: nothing changes
        call_command("retention", "purge")
    rejected.refresh_from_db()
    assert rejected.author_name == "Жұмабаева Гүлнар" and rejected.contact == "gulnar@example.kz"
    assert not DestructionRecord.objects.filter(subject=DestructionSubject.QUESTION_AUTHORS).exists()

    with time_machine.travel(at(2026, 4, 2, 12), tick=False):
        first = retention_purge()
        second = retention_purge()  # run twice = same result
    assert first.questions == 1 and second.questions == 0
    rejected.refresh_from_db()
    assert (rejected.author_name, rejected.contact) == ("", "")
    assert rejected.personal_data_erased_at is not None
    # Nothing else is lost.
    assert rejected.status == QuestionStatus.REJECTED and rejected.reject_reason == "Жиналыстың тақырыбына жатпайды."
    assert rejected.text and rejected.closed_at and rejected.consent_version
    never_moderated.refresh_from_db()
    assert never_moderated.contact == "+7 701 111 22 33"  # not closed: its own, longer term
    record = DestructionRecord.objects.get(subject=DestructionSubject.QUESTION_AUTHORS)
    assert record.meeting is None and record.rule_key == "retention.question_contact_days"
    assert record.rule_citation == "Law on personal data art. 12; art. 18"
    assert record.counts["question_authors_anonymised"] == 1 and record.kept_until == D(2026, 4, 1)

    # The author still follows the question by code; no name on the page.
    with time_machine.travel(at(2026, 4, 2, 13), tick=False):
        response = _status_page(rejected.tracking_code)
    page = response.content.decode()
    assert response.status_code == 200 and "Жиналыстың тақырыбына жатпайды." in page
    assert "Жұмабаева" not in page and "gulnar@" not in page

    # A question never closed: 1 year after its meeting (16.03.2026 -> kept until 16.03.2027).
    with time_machine.travel(at(2027, 3, 16, 12), tick=False):
        assert retention_purge().questions == 0
    with time_machine.travel(at(2027, 3, 17, 12), tick=False):
        assert retention_purge().questions == 1
        assert retention_purge().questions == 0
    never_moderated.refresh_from_db()
    assert never_moderated.contact == "" and never_moderated.status == QuestionStatus.SUBMITTED
    assert DestructionRecord.objects.filter(rule_key="retention.question_contact_open_years").count() == 1
    assert Question.objects.filter(pk=anonymous.pk, personal_data_erased_at__isnull=True).exists()


def test_applicants_lose_name_and_contact_a_year_after_the_appeal_is_finished():
    body = f.body()
    staff = f.staff(Role.STAFF_UNIT, body)
    f.agency(body.territory, ["housing"], name_ru="Отдел ЖКХ", email="zhkh@example.kz")
    with time_machine.travel(at(2026, 2, 2, 11), tick=False):
        ended = ta.appeal(body=body)
        forwarded = ta.appeal(body=body, subject="housing", competence="other", applicant_contact="+7 701 234 56 78")
        still_open = ta.appeal(body=body, applicant_name="Ашық Өтініш")
    with time_machine.travel(at(2026, 2, 5, 11), tick=False):
        # A reason that copies the person's name into the timeline.
        appeal_services.appeal_end_without_answer(
            appeal=ended, actor=staff, reason="Асқаров Бауыржан өтінішін ауызша кері қайтарып алды."
        )
    with time_machine.travel(at(2026, 2, 10, 11), tick=False):
        appeal_services.appeal_record_agency_reply(
            token=forwarded.forwards.get().token, text="Жарық орнатылды.", name="Иванов И., бастық"
        )
        messages_send()
    agency_message = Message.objects.get(to="zhkh@example.kz")
    assert "Асқаров Бауыржан" in agency_message.body and "+7 701 234 56 78" in agency_message.body
    events_before = {a.pk: a.events.count() for a in (ended, forwarded, still_open)}
    flags_before = {
        a.pk: (a.status, a.answered_late, a.overdue_since, a.finished_at, a.due_on, a.text)
        for a in Appeal.objects.all()
    }

    with time_machine.travel(at(2027, 2, 5, 12), tick=False):  # ended 05.02.2026: kept until 05.02.2027
        assert retention_purge().appeals == 0
    with time_machine.travel(at(2027, 2, 6, 12), tick=False):
        assert retention_purge().appeals == 1
        assert retention_purge().appeals == 0
    ended.refresh_from_db()
    assert (ended.applicant_name, ended.applicant_contact) == ("", "")
    assert not ended.is_anonymous  # it had a name; statistics do not change after the fact
    assert "Асқаров" not in ended.events.get(kind=EventKind.ENDED).note
    forwarded.refresh_from_db()
    assert forwarded.applicant_name == "Асқаров Бауыржан"  # finished 10.02.2026: not yet

    with time_machine.travel(at(2027, 2, 11, 12), tick=False):
        assert retention_purge().appeals == 1
    forwarded.refresh_from_db()
    still_open.refresh_from_db()
    assert forwarded.applicant_name == "" and forwarded.applicant_erased_at is not None
    assert still_open.applicant_name == "Ашық Өтініш" and still_open.status == AppealStatus.REGISTERED
    agency_message.refresh_from_db()
    assert "Асқаров" not in agency_message.body and "+7 701 234 56 78" not in agency_message.body
    # Text, status, dates, flags and the timeline stay; one row says the data went.
    for appeal in Appeal.objects.all():
        assert (
            appeal.status,
            appeal.answered_late,
            appeal.overdue_since,
            appeal.finished_at,
            appeal.due_on,
            appeal.text,
        ) == flags_before[appeal.pk]
    assert ended.events.count() == events_before[ended.pk] + 1
    assert ended.events.last().kind == EventKind.DATA_ERASED
    assert still_open.events.count() == events_before[still_open.pk]
    records = DestructionRecord.objects.filter(subject=DestructionSubject.APPEAL_APPLICANTS)
    assert [r.counts["applicants_anonymised"] for r in records.order_by("performed_at")] == [1, 1]
    assert {r.rule_key for r in records} == {"retention.appeal_applicant_years"}

    # The person's page by code still works and shows no name.
    with translation.override("kk"):
        response = Client().get(reverse("accountability_public:track_code", args=[forwarded.code]))
    page = response.content.decode()
    assert response.status_code == 200 and "Жарық орнатылды." in page and "Асқаров" not in page


def test_outbox_recipients_are_erased_30_days_after_sending():
    with time_machine.travel(at(2026, 3, 2, 11), tick=False):
        appeal = ta.appeal()
        messages_send()
        queued = Message.objects.create(channel="sms", to="+77011112233", body="кезекте", next_attempt_at=None)
    sent = Message.objects.get(related_id=str(appeal.pk), status=MessageStatus.SENT)
    assert sent.to == "baurzhan@example.kz"

    with time_machine.travel(at(2026, 4, 1, 12), tick=False):
        assert retention_purge().messages == 0
    with time_machine.travel(at(2026, 4, 2, 12), tick=False):
        assert retention_purge().messages == 1
        assert retention_purge().messages == 0
    sent.refresh_from_db()
    queued.refresh_from_db()
    assert sent.to == "" and sent.status == MessageStatus.SENT and sent.sent_at and sent.body
    assert queued.to == "+77011112233"  # not sent yet: still needed
    record = DestructionRecord.objects.get(subject=DestructionSubject.OUTBOX_RECIPIENTS)
    assert record.counts["message_recipients_erased"] == 1
    assert record.rule_key == "retention.outbox_recipient_days"
