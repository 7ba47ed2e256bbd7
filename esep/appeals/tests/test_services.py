import datetime as dt

import pytest
import time_machine
from django.core import mail

from esep.accounts.models import Role
from esep.appeals import services
from esep.appeals.models import Appeal, AppealKind, AppealStatus, EventKind
from esep.appeals.routing import route_agency
from esep.notifications.backends import LocmemSmsBackend
from esep.notifications.models import Message
from esep.notifications.services import messages_send
from esep.testing import appeals as ta
from esep.testing import factories as f

pytestmark = pytest.mark.django_db

MONDAY = ta.almaty(2026, 2, 2, 11)  # a working Monday after Law 241-VIII


def kinds(appeal):
    return list(appeal.events.values_list("kind", flat=True))


@time_machine.travel(MONDAY, tick=False)
def test_registration_gives_number_ticket_and_stored_term():
    appeal = ta.appeal(actor=f.staff())
    assert appeal.status == AppealStatus.REGISTERED
    assert appeal.number.startswith("2026-")
    assert appeal.registered_on == dt.date(2026, 2, 2)
    # АППК art. 76 p.1: 15 working days from the day after registration.
    assert appeal.due_on == dt.date(2026, 2, 23)
    assert appeal.due_basis["rule"] == "appk.term_days"
    assert appeal.due_basis["citation_ru"] == "АППК, ст. 76 п.1"
    assert kinds(appeal) == [EventKind.REGISTERED, EventKind.NOTICE]
    # АППК art. 64 p.3: the ticket with number, date and time, who received it.
    msg = Message.objects.get(related_id=str(appeal.pk))
    assert appeal.number in msg.body and "02.02.2026 11:00" in msg.body and "23.02.2026" in msg.body
    assert appeal.code in msg.body


@pytest.mark.parametrize(
    ("received", "registered"),
    [
        pytest.param(ta.almaty(2026, 2, 7, 11), dt.date(2026, 2, 9), id="АППК art. 64 p.2: Saturday -> Monday"),
        pytest.param(ta.almaty(2026, 2, 3, 20), dt.date(2026, 2, 4), id="АППК art. 64 p.2: after hours -> next day"),
        pytest.param(ta.almaty(2026, 2, 3, 10), dt.date(2026, 2, 3), id="АППК art. 64 p.2: working hours -> same day"),
    ],
)
def test_registration_day(received, registered):
    with time_machine.travel(received, tick=False):
        appeal = ta.appeal()
    assert appeal.registered_on == registered


def test_law_change_does_not_rewrite_an_old_case():
    # Before Law 241-VIII the term ran from receipt; the case keeps the rule of its day.
    with time_machine.travel(ta.almaty(2025, 12, 1, 11), tick=False):
        old = ta.appeal()
    from esep.law import rules

    before, after = (v.valid_from.isoformat() for v in rules.versions("appk.term_days") if v.act == "appk")
    assert old.due_basis["valid_from"] == before
    with time_machine.travel(ta.almaty(2026, 2, 2, 11), tick=False):
        new = ta.appeal()
    assert new.due_basis["valid_from"] == after
    old.refresh_from_db()
    assert old.due_basis["valid_from"] == before


@time_machine.travel(MONDAY, tick=False)
def test_contact_is_kept_only_with_consent():
    appeal = ta.appeal(applicant_contact="+77012345678", contact_consent=False)
    assert appeal.applicant_contact == ""
    assert kinds(appeal)[-1] == EventKind.NOTICE_IMPOSSIBLE
    assert not Message.objects.exists()


@time_machine.travel(MONDAY, tick=False)
def test_anonymous_appeal_ends_without_answer():
    appeal = ta.appeal(applicant_name="", applicant_contact="", contact_consent=False)
    assert appeal.status == AppealStatus.ENDED_WITHOUT_ANSWER
    assert "88" in appeal.ended_reason


@time_machine.travel(MONDAY, tick=False)
def test_crime_report_is_not_on_the_appk_clock():
    appeal = ta.appeal(kind=AppealKind.CRIME_REPORT, applicant_name="")
    assert appeal.status == AppealStatus.REGISTERED  # anonymous crime reports are not ended (АППК art. 88)
    assert appeal.due_on is None
    with pytest.raises(services.AppealError):
        services.appeal_forward(appeal=appeal, actor=f.staff(b=appeal.body), agency=f.agency())
    appeal = services.appeal_register_crime(appeal=appeal, actor=f.staff(b=appeal.body), register_number="КУИ 123")
    assert appeal.status == AppealStatus.CRIME_REGISTERED


@time_machine.travel(MONDAY, tick=False)
def test_same_source_twice_gives_one_appeal():
    body = f.body()
    first = ta.appeal(body=body, source_key="questions.question:1")
    second = ta.appeal(body=body, source_key="questions.question:1")
    assert first.pk == second.pk
    assert Appeal.objects.count() == 1
    assert Message.objects.count() == 1


def test_routing_picks_the_nearest_competent_body():
    reg = f.region()
    dist = f.district(reg)
    place = f.settlement(dist)
    regional = f.agency(reg, ["housing", "roads"], name_ru="Управление ЖКХ области")
    district_dept = f.agency(dist, ["housing"], name_ru="Отдел ЖКХ района")
    f.agency(f.district(reg), ["housing"], name_ru="Чужой район")
    assert route_agency(territory=place, subject="housing") == district_dept
    assert route_agency(territory=place, subject="roads") == regional
    assert route_agency(territory=place, subject="health") is None


@time_machine.travel(MONDAY, tick=False)
def test_forward_notifies_agency_and_person_at_once_then_agency_answers():
    body = f.body()
    place = f.settlement(body.territory)
    dept = f.agency(body.territory, ["housing"])
    appeal = ta.appeal(body=body, territory=place, subject="housing", applicant_contact="8 701 234 56 78")
    forward = services.appeal_forward(appeal=appeal, actor=f.staff(b=body))
    appeal.refresh_from_db()
    assert forward.agency == dept and forward.routed_automatically
    assert appeal.status == AppealStatus.FORWARDED
    assert appeal.redirect_due_on == dt.date(2026, 2, 5)  # АППК art. 65: 3 working days
    assert appeal.forwarded_late is False
    messages_send()
    assert mail.outbox[0].to == [dept.email]
    assert forward.token in mail.outbox[0].body
    assert [s["to"] for s in LocmemSmsBackend.outbox] == ["+77012345678", "+77012345678"]
    assert dept.name_kk in LocmemSmsBackend.outbox[-1]["body"] or dept.name in LocmemSmsBackend.outbox[-1]["body"]

    services.appeal_record_agency_reply(
        token=forward.token, text="Шам орнатылды.", measures="3 шам", number="№ 12", name="Бөлім басшысы"
    )
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.ANSWERED and appeal.answered_by_agency
    assert appeal.answer_text == "Шам орнатылды."
    with pytest.raises(services.AppealError):
        services.appeal_record_agency_reply(token=forward.token, text="again", name="x")
    with pytest.raises(services.AppealError):
        services.appeal_record_agency_reply(token="wrong", text="x", name="x")
    services.appeal_close(appeal=appeal, actor=f.staff(b=body))
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.CLOSED
    assert kinds(appeal) == [
        EventKind.REGISTERED,
        EventKind.NOTICE,
        EventKind.FORWARDED,
        EventKind.NOTICE,
        EventKind.AGENCY_REPLIED,
        EventKind.NOTICE,
        EventKind.CLOSED,
    ]


@time_machine.travel(MONDAY, tick=False)
def test_outside_competence_item_is_forwarded_at_registration():
    body = f.body()
    dept = f.agency(body.territory, ["roads"])
    appeal = ta.appeal(body=body, subject="roads", competence="other")
    assert appeal.status == AppealStatus.FORWARDED
    assert appeal.forwards.get().agency == dept


def test_late_forward_is_frozen_as_late():
    body = f.body()
    dept = f.agency(body.territory, ["housing"])
    with time_machine.travel(MONDAY, tick=False):
        appeal = ta.appeal(body=body, subject="housing", competence="other", territory=f.settlement(f.district()))
    assert appeal.status == AppealStatus.REGISTERED  # no competent body known for that territory
    with time_machine.travel(ta.almaty(2026, 2, 9, 10), tick=False):
        services.appeal_forward(appeal=appeal, actor=f.staff(b=body), agency=dept)
    appeal.refresh_from_db()
    assert appeal.forwarded_late is True
    assert appeal.events.get(kind=EventKind.FORWARDED).data["late"] is True


def test_extension_only_by_the_head_and_at_most_two_months():
    body = f.body()
    with time_machine.travel(MONDAY, tick=False):
        appeal = ta.appeal(body=body)
        clerk = f.staff(b=body)
        chief = f.user(Role.CHIEF, body_=body)
        with pytest.raises(services.AppealError):
            services.appeal_extend(appeal=appeal, actor=clerk, until=dt.date(2026, 3, 20), reason="Тексеру")
        with pytest.raises(services.AppealError):
            services.appeal_extend(appeal=appeal, actor=chief, until=dt.date(2026, 4, 6), reason="Тексеру")
        with pytest.raises(services.AppealError):
            services.appeal_extend(appeal=appeal, actor=chief, until=dt.date(2026, 3, 20), reason="  ")
        appeal = services.appeal_extend(appeal=appeal, actor=chief, until=dt.date(2026, 4, 2), reason="Сараптама қажет")
    assert appeal.status == AppealStatus.EXTENDED
    assert appeal.effective_due_on == dt.date(2026, 4, 2)
    assert appeal.extension_basis["citation"] == "АППК art. 76 p.3"
    notice = Message.objects.filter(related_id=str(appeal.pk)).first()
    assert "02.04.2026" in notice.body and "Сараптама қажет" in notice.body


def test_answer_lateness_is_frozen_at_the_answer():
    body = f.body()
    with time_machine.travel(MONDAY, tick=False):
        on_time = ta.appeal(body=body)
        late = ta.appeal(body=body)
        services.appeal_answer(appeal=on_time, actor=f.staff(b=body), text="Жауап", measures="Патруль күшейтілді")
    with time_machine.travel(ta.almaty(2026, 2, 25, 11), tick=False):
        services.appeal_answer(appeal=late, actor=f.staff(b=body), text="Жауап", language="ru")
    on_time.refresh_from_db()
    late.refresh_from_db()
    assert on_time.answered_late is False and late.answered_late is True
    assert late.answer_language == "ru"
    assert late.answer_appeal_rights  # АППК arts. 89, 91: the right to appeal is stated
    assert late.events.get(kind=EventKind.ANSWERED).overdue is True
    assert on_time.events.get(kind=EventKind.ANSWERED).overdue is False


@time_machine.travel(MONDAY, tick=False)
def test_guards_refuse_impossible_changes():
    appeal = ta.appeal()
    actor = f.staff(b=appeal.body)
    services.appeal_answer(appeal=appeal, actor=actor, text="Жауап")
    with pytest.raises(services.AppealError):
        services.appeal_answer(appeal=appeal, actor=actor, text="Екінші жауап")
    with pytest.raises(services.AppealError):
        services.appeal_answer(appeal=ta.appeal(body=appeal.body), actor=actor, text="x" * 20_000)
