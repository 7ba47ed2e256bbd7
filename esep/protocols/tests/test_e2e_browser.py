"""One inspector's quarterly report, end to end in a real Chromium: invitations, registration at the door,
minutes and signing, a complaint forwarded to an akimat department with the resident notified, and its
closing, with no compliance findings left at the end. And the same with minutes signed a day late."""

from __future__ import annotations

import re

import pytest
import time_machine

from esep.announcements.services import announcement_publish
from esep.appeals.models import Appeal
from esep.law.describe import evaluate_meeting
from esep.meetings import services as meeting_services
from esep.meetings.models import InviteeCategory, MeetingStatus
from esep.notifications.models import Message
from esep.protocols.models import Protocol, ProtocolStatus
from esep.testing import factories
from esep.testing.protocols import at, held_meeting, inspector_user, person, responsible_for_point, secretary_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pass-word-123"
MEETING_AT = at(2026, 3, 12, 18)  # a Thursday


@pytest.fixture
def world(settings, live_server):
    settings.SITE_URL = live_server.url
    body = factories.body()
    officer, precinct = factories.inspector_with_precinct(body)
    settlement = precinct.settlements.get()
    agency = factories.agency(body.territory, subjects=["housing"], email="zhkh@akimat.example.kz")
    earlier = held_meeting(reporters=[(officer, precinct)], starts_at=at(2025, 12, 10, 18))
    meeting_services.participant_register(
        meeting=earlier, full_name="Қасымов Ғалымжан", residence="Абай к-сі 7", method="door", eligibility_declared=True
    )
    meeting = factories.meeting(
        reporters=[(officer, precinct)], starts_at=MEETING_AT, status=MeetingStatus.SCHEDULED, settlement=settlement
    )
    responsible_for_point(meeting, officer)
    return {
        "meeting": meeting,
        "agency": agency,
        "inspector": inspector_user(officer, username="inspector", password=PASSWORD),
        "secretary": secretary_user(body, username="secretary", password=PASSWORD),
        "chief": person("chief", body, username="chief", password=PASSWORD),
        "url": live_server.url,
    }


def login(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/ru/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.card button.primary")
    page.wait_for_url(re.compile(r"/staff/"))


def invite_everyone(page, base, meeting):
    page.goto(f"{base}/ru/staff/meetings/{meeting.pk}/invitations/")
    for category in InviteeCategory.values:
        page.select_option("select[name=category]", category)
        page.fill("input[name=name]", f"Представитель: {category}")
        page.fill("input[name=email]", "zhkh@akimat.example.kz" if category == "housing" else "")
        page.click("form.card button.primary")
        page.wait_for_selector(f"text=Представитель: {category}")


def register_at_the_door(page, base, meeting, browser):
    door = f"{base}/ru/staff/meetings/{meeting.pk}/door/"
    page.goto(door)
    # A resident known from the previous report: typed in Latin, found as you type, one click.
    page.fill("input[name=q]", "kasym")
    page.click("#known-results button[value=known]")
    page.wait_for_selector("text=Қасымов Ғалымжан зарегистрирован")
    # A new person at the door.
    page.fill("input[name=door-full_name]", "Сәрсенбаева Әйгүл")
    page.fill("input[name=door-residence]", "Абай к-сі 12, 4 пәтер")
    page.check("input[name=door-eligible]")
    page.click("button[value=door]")
    page.wait_for_selector("text=Сәрсенбаева Әйгүл зарегистрирован")
    # A paper sheet: one line refused, and why.
    page.fill("textarea[name=sheet-lines]", "Жұмабаев Ұлан; Абай к-сі 3\nТөлеуова Іңкәр; Абай к-сі 5\nТолько имя\n")
    page.check("input[name=sheet-eligible]")
    page.click("button[value=sheet]")
    page.wait_for_selector("#sheet-results")
    assert "отказано" in page.inner_text("#sheet-results")
    # Self-registration by the QR code's address, on a resident's phone, sent twice.
    phone = browser.new_context(locale="kk-KZ", is_mobile=True, viewport={"width": 390, "height": 800}).new_page()
    for _ in range(2):
        phone.goto(f"{base}/kk/m/{meeting.code}/register")
        phone.fill("input[name=full_name]", "Жұмабаева Гүлнұр")
        phone.fill("input[name=residence]", "Абай к-сі 9")
        phone.check("input[name=eligible]")
        phone.click("button.primary")
        phone.wait_for_selector("#registered")
    phone.context.close()
    page.goto(door)
    assert page.inner_text("#participant-count") == "5"


def test_inspector_quarterly_report_from_invitations_to_a_closed_complaint(world, page, browser):
    base, meeting = world["url"], world["meeting"]
    with time_machine.travel(at(2026, 3, 2, 10), tick=True) as traveller:
        # Preparation: announced 10 days before (Order 652 p.27), every category invited (Order 652 p.28).
        # The inspector prepares and holds the report; the secretary only keeps the minutes (Order 608 p.12).
        announcement_publish(meeting=meeting, actor=world["inspector"])
        login(page, base, "inspector")
        invite_everyone(page, base, meeting)
        invitation = meeting.invitations.get(category="housing")
        reply = Message.objects.get(related_type="meetings.invitation", related_id=str(invitation.pk))
        link = re.search(r"https?://\S+", reply.body).group(0)
        page.goto(link)  # the invitee needs no account
        page.click("button[value=accept]")
        page.wait_for_selector("#reply-status >> text=принято")

        # The day of the report.
        traveller.move_to(at(2026, 3, 12, 17, 45))
        login(page, base, "secretary")  # ten days later: the idle session has ended (docs/security.md)
        register_at_the_door(page, base, meeting, browser)
        # Attendance, video, awards and "held" are the inspector's, who holds the report; the secretary only
        # registers people at the door and keeps the minutes (permissions: the secretary is not a writer).
        login(page, base, "inspector")
        page.goto(f"{base}/ru/staff/meetings/{meeting.pk}/invitations/")
        for category in ("akimat", "police_leadership"):  # Order 652 p.26: they take part
            row = page.locator("#invitations tr", has_text=f"Представитель: {category}")
            row.locator("button[value=yes]").click()
            page.wait_for_load_state()
        page.goto(f"{base}/ru/staff/meetings/{meeting.pk}/")
        page.fill("input[name=url]", "https://video.police.example.kz/report-1")
        page.fill("input[name=sha256]", "c" * 64)
        page.click("text=Добавить ссылку")
        page.wait_for_selector("text=Видеозапись сохранена")
        page.fill("input[name=award-recipient]", "Дружинник Омаров Серік")
        page.fill("input[name=award-reason]", "за помощь в охране общественного порядка")
        page.click("text=Записать награждение")
        traveller.move_to(at(2026, 3, 12, 18, 5))  # "held" only once the meeting has started (issue 8)
        page.goto(f"{base}/ru/staff/meetings/{meeting.pk}/")
        page.click("button[value=held]")
        page.wait_for_selector("#meeting-status >> text=проведена")

        # Minutes, kept by the secretary during the meeting.
        traveller.move_to(at(2026, 3, 12, 19, 40))
        login(page, base, "secretary")  # two hours without a request: logged out when idle
        page.goto(f"{base}/ru/staff/protocols/meeting/{meeting.pk}/")
        page.click("text=Начать протокол")
        page.fill("textarea[name=agenda]", "Инспектор доложил о криминогенной обстановке на участке.")
        page.click("form.card button.primary >> text=Сохранить")
        page.wait_for_selector("text=Протокол сохранён")
        page.select_option("select[name=item-kind]", "complaint")
        page.fill("textarea[name=item-text]", "Во дворе дома 9 по ул. Абая не горят фонари, течёт крыша подъезда.")
        page.fill("input[name=item-person_name]", "Жұмабаева Гүлнұр")
        page.fill("input[name=item-person_contact]", "gulnur@example.kz")
        page.check("input[name=item-contact_consent]")
        page.select_option("select[name=item-competence]", "other")
        page.select_option("select[name=item-subject]", "housing")
        page.select_option("select[name=item-target_agency]", str(world["agency"].pk))
        page.click("#item-form button.primary")
        page.wait_for_selector("text=Запись добавлена")
        page.fill("textarea[name=decision-text]", "Усилить вечернее патрулирование во дворах по ул. Абая")
        page.fill("input[name=decision-responsible]", "УИП участка")
        page.fill("input[name=decision-due_date]", "2026-04-12")
        page.click("#decision-form button")
        page.wait_for_selector("text=Решение записано")

        # Signed the same day by the inspector (Order 652 p.32).
        login(page, base, "inspector")
        page.goto(f"{base}/ru/staff/protocols/{meeting.protocol.pk}/sign/")
        page.click("#signatures button.primary")
        page.wait_for_selector("#protocol-status >> text=подписан")
        assert meeting.protocol.versions.get().sha256

        # The complaint became an appeal, forwarded to the akimat department, the resident notified.
        appeal = Appeal.objects.get(meeting=meeting)
        assert appeal.status == "forwarded" and appeal.forwards.get().agency == world["agency"]
        to_person = Message.objects.filter(related_type="appeals.appeal", to="gulnur@example.kz")
        assert to_person.exists()
        agency_message = Message.objects.filter(to="zhkh@akimat.example.kz", body__contains="/appeals/reply/").get()

        # Next day: the department answers through its link; the resident follows the code.
        traveller.move_to(at(2026, 3, 13, 11))
        agency_page = browser.new_context(locale="ru-RU").new_page()
        agency_page.goto(re.search(r"https?://\S+/appeals/reply/\S+", agency_message.body).group(0).rstrip(".)"))
        agency_page.fill("textarea[name=text]", "Фонари заменены 13.03.2026, кровля подъезда отремонтирована.")
        agency_page.fill("input[name=name]", "Ахметов Б., начальник отдела ЖКХ")
        agency_page.click("form button.primary")
        agency_page.wait_for_load_state()
        agency_page.context.close()
        resident = browser.new_context(locale="kk-KZ").new_page()
        resident.goto(f"{base}/kk/appeals/{appeal.code}/")
        assert resident.inner_text("#appeal-status") != ""
        appeal.refresh_from_db()
        assert appeal.status == "answered"
        resident.context.close()

        # The inspector closes the appeal and controls the execution of the decision (Order 652 p.33).
        login(page, base, "inspector")
        page.goto(f"{base}/ru/staff/appeals/{appeal.pk}/")
        close = page.locator("form[action$='/close/'] button")
        if not close.is_visible():
            page.locator("details", has=close).locator("summary").click()
        close.click()
        page.wait_for_load_state()
        appeal.refresh_from_db()
        assert appeal.status == "closed"
        # Order 652 p.33: the inspector responsible for the district police point closes the decision.
        login(page, base, "inspector")
        page.goto(f"{base}/ru/staff/protocols/")
        page.select_option("select[name=status]", "done")
        page.fill("textarea[name=progress]", "Проведено 6 вечерних патрулей.")
        page.click("text=Записать")
        page.wait_for_selector("text=Исполнение записано")
        page.goto(f"{base}/ru/staff/meetings/{meeting.pk}/")
        page.click("button[value=close]")
        page.wait_for_selector("#meeting-status >> text=закрыта")

        findings = evaluate_meeting(meeting, today=at(2026, 3, 20).date())
    assert [(f.code, f.path) for f in findings] == []
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CLOSED
    assert Protocol.objects.get(meeting=meeting).status == ProtocolStatus.SIGNED


def test_minutes_signed_a_day_late_show_the_finding(world, page):
    base, meeting = world["url"], world["meeting"]
    with time_machine.travel(at(2026, 3, 12, 19), tick=True) as traveller:
        meeting_services.participant_register(
            meeting=meeting,
            full_name="Сәрсенбаева Әйгүл",
            residence="Абай 12",
            method="door",
            eligibility_declared=True,
        )
        meeting_services.meeting_mark_held(meeting=meeting, actor=world["inspector"])  # who holds it, not the secretary
        login(page, base, "secretary")
        page.goto(f"{base}/ru/staff/protocols/meeting/{meeting.pk}/")
        page.click("text=Начать протокол")
        page.wait_for_selector("#protocol-status")
        traveller.move_to(at(2026, 3, 13, 9, 30))  # the next morning
        login(page, base, "inspector")
        page.goto(f"{base}/ru/staff/protocols/{meeting.protocol.pk}/sign/")
        page.click("#signatures button.primary")
        page.wait_for_selector("#protocol-status >> text=подписан")
        findings = evaluate_meeting(meeting, today=at(2026, 3, 13).date())
    late = [f for f in findings if f.code == "minutes.late"]
    assert len(late) == 1 and late[0].citation == "Order 652 p.32"
