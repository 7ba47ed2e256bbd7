"""Withdrawal of consent by a tracking code (Law on personal data art. 8): the contact is deleted at once,
the timeline says so, the question or appeal goes on."""

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import translation

from esep.appeals import services
from esep.appeals.models import EventKind
from esep.notifications.models import Message, MessageStatus
from esep.questions import services as question_services
from esep.questions.models import Question
from esep.testing import appeals as ta
from esep.testing import factories as f
from esep.testing import public as pf
from esep.workflows.question_appeal import question_to_appeal

pytestmark = pytest.mark.django_db
MONDAY = ta.almaty(2026, 2, 2, 11)


def url(lang="kk"):
    with translation.override(lang):
        return reverse("appeals_public:withdraw_consent")


def post(client, code, lang="kk", **extra):
    return client.post(url(lang), {"code": code, "confirm": "on", "website": "", **extra})


@time_machine.travel(MONDAY, tick=False)
def test_appeal_contact_is_deleted_at_once_and_the_timeline_says_so(client):
    appeal = ta.appeal()
    staff = f.staff("staff_unit", appeal.body)
    queued = Message.objects.get(related_id=str(appeal.pk))  # the ticket, not sent yet
    response = post(client, appeal.code.lower(), "ru")
    page = response.content.decode()
    assert response.status_code == 200 and "Ваш контакт удален" in page and appeal.number in page
    appeal.refresh_from_db()
    assert appeal.applicant_contact == "" and appeal.consent_withdrawn_at is not None
    assert appeal.applicant_name == "Асқаров Бауыржан"  # the АППК procedure needs the name (art. 88)
    # The person sees it on their timeline.
    assert appeal.events.filter(kind=EventKind.CONSENT_WITHDRAWN).count() == 1
    with translation.override("en"):
        status = client.get(reverse("accountability_public:track_code", args=[appeal.code])).content.decode()
    assert "consent withdrawn: contact deleted" in status and "baurzhan@" not in status
    # A notice not yet sent to that address is never sent; its row stays without the address.
    queued.refresh_from_db()
    assert queued.to == "" and queued.status == MessageStatus.FAILED
    # Later notices are impossible, and the timeline shows why.
    services.appeal_take(appeal=appeal, actor=staff)
    services.appeal_answer(appeal=appeal, actor=staff, text="Жарық орнатылды.")
    assert Message.objects.filter(related_id=str(appeal.pk)).count() == 1
    assert appeal.events.filter(kind=EventKind.NOTICE_IMPOSSIBLE).exists()
    # Withdrawing again changes nothing.
    assert post(client, appeal.code).status_code == 200
    assert appeal.events.filter(kind=EventKind.CONSENT_WITHDRAWN).count() == 1


@time_machine.travel(MONDAY, tick=False)
def test_question_name_and_contact_go_and_so_does_the_appeal_contact_under_the_same_code(client):
    tree = pf.karaganda_tree()
    meeting = pf.published_meeting(precinct=tree["precinct"])
    question = question_services.question_submit(
        meeting=meeting,
        text="Көшеде жарық жоқ, кешке қауіпті.",
        author_name="Жұмабаева Гүлнар",
        contact="+7 701 555 44 33",
        consent_given=True,
    )
    inspector = f.staff("inspector", tree["body"])
    question = question_services.question_accept(question=question, actor=inspector)
    question_to_appeal(question=question, actor=inspector)
    response = post(client, question.display_code, "en")
    page = response.content.decode()
    assert response.status_code == 200
    assert "your name and contact are deleted" in page and "your contact is deleted" in page
    question.refresh_from_db()
    assert (question.author_name, question.contact) == ("", "") and question.consent_withdrawn_at
    appeal = services.Appeal.objects.get(code=question.tracking_code)
    assert appeal.applicant_contact == "" and appeal.events.filter(kind=EventKind.CONSENT_WITHDRAWN).exists()


@time_machine.travel(MONDAY, tick=False)
def test_question_without_appeal(client):
    tree = pf.karaganda_tree()
    question = question_services.question_submit(
        meeting=pf.published_meeting(precinct=tree["precinct"]),
        text="Балалар алаңында кешке жарық жоқ.",
        author_name="Серік",
        contact="serik@example.kz",
        consent_given=True,
    )
    question = question_services.question_accept(question=question, actor=f.staff("inspector", tree["body"]))
    (notice,) = Message.objects.filter(related_type="questions.question", related_id=str(question.pk))
    response = post(client, question.tracking_code, "kk")
    assert response.status_code == 200 and "Байланысыңыз жойылды" in response.content.decode()
    question.refresh_from_db()
    assert question.contact == "" and question.author_name == "" and question.text
    assert Question.objects.filter(pk=question.pk, personal_data_erased_at__isnull=False).exists()
    notice.refresh_from_db()  # the "accepted" notice was still queued: never sent now
    assert notice.to == "" and notice.status == MessageStatus.FAILED


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("kk", "Бұл кодпен сұрақ та, өтініш те табылмады"),
        ("ru", "Вопрос или обращение с таким кодом не найдены"),
        ("en", "No question or appeal has this code"),
    ],
)
def test_unknown_code_is_a_clear_404_in_the_page_language(client, lang, expected):
    response = post(client, "NOSUCHCODE22", lang)
    assert response.status_code == 404 and expected in response.content.decode()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("kk", "Келісімді кері қайтарып алатыныңызды растау үшін белгі қойыңыз."),
        ("ru", "Отметьте поле, чтобы подтвердить отзыв согласия."),
        ("en", "Tick the box to confirm that you withdraw your consent."),
    ],
)
def test_withdrawal_needs_the_confirmation(client, lang, expected):
    appeal = ta.appeal()
    response = client.post(url(lang), {"code": appeal.code})
    assert response.status_code == 400 and expected in response.content.decode()
    appeal.refresh_from_db()
    assert appeal.applicant_contact == "baurzhan@example.kz"


def test_honeypot_refuses_and_keeps_everything(client):
    appeal = ta.appeal()
    response = post(client, appeal.code, website="http://spam.example")
    assert response.status_code == 400
    appeal.refresh_from_db()
    assert appeal.applicant_contact == "baurzhan@example.kz"


def test_form_needs_csrf():
    appeal = ta.appeal()
    client = Client(enforce_csrf_checks=True)
    assert client.get(url("ru")).status_code == 200
    assert post(client, appeal.code).status_code == 403
    appeal.refresh_from_db()
    assert appeal.applicant_contact == "baurzhan@example.kz"


def test_guessing_codes_is_rate_limited(client):
    codes = [post(client, f"NOSUCHCODE{n:02d}").status_code for n in range(11)]
    assert codes[:10] == [404] * 10 and codes[10] == 429
