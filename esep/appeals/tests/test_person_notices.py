"""Every change the person must hear about reaches them (АППК arts. 64 p.3, 65, 70 p.3, 76 p.3, 91 p.2)."""

import datetime as dt

import pytest
import time_machine

from esep.accounts.models import Role
from esep.appeals import services
from esep.appeals.models import EventKind
from esep.appeals.sweep import appeals_sweep
from esep.notifications.models import Message
from esep.testing import appeals as ta
from esep.testing import factories as f

pytestmark = pytest.mark.django_db
MONDAY = ta.almaty(2026, 2, 2, 11)


def about(appeal):
    return [e.data.get("about") for e in appeal.events.filter(kind=EventKind.NOTICE).order_by("at", "id")]


@pytest.mark.parametrize(
    ("contact", "told"),
    [
        pytest.param("anon@example.kz", ["ended"], id="АППК-art.70p3-nameless-with-contact-told"),
        pytest.param("", [], id="АППК-art.88-nobody-to-tell"),
    ],
)
@time_machine.travel(MONDAY, tick=False)
def test_nameless_appeal_ends_and_a_contact_is_told(contact, told):
    appeal = ta.appeal(applicant_name="", applicant_contact=contact, contact_consent=bool(contact))
    assert appeal.status == "ended_without_answer"
    assert about(appeal) == told
    if told:
        msg = Message.objects.get(related_id=str(appeal.pk))
        assert "88" in msg.body and appeal.code in msg.body


def test_closing_a_forwarded_appeal_tells_the_person_why():
    body = f.body()
    f.agency(body.territory, ["housing"], email="zhkh@example.kz")
    staff = f.staff(Role.STAFF_UNIT, body)
    with time_machine.travel(MONDAY, tick=False):
        appeal = ta.appeal(body=body, subject="housing", competence="other")
    with time_machine.travel(ta.almaty(2026, 4, 1, 11), tick=False):
        services.appeal_close(appeal=appeal, actor=staff, note="Ведомство ответило письмом, копия в деле.")
    assert about(appeal) == ["registered", "forwarded", "closed"]  # АППК arts. 64 p.3, 65, 70 p.3
    msg = Message.objects.filter(related_id=str(appeal.pk), to="baurzhan@example.kz").order_by("-pk").first()
    assert "Ведомство ответило письмом" in msg.body


def test_person_is_told_once_when_the_term_passes_in_silence():
    with time_machine.travel(MONDAY, tick=False):
        appeal = ta.appeal()
    assert appeal.due_on == dt.date(2026, 2, 23)
    with time_machine.travel(ta.almaty(2026, 2, 24, 9), tick=False):
        appeals_sweep()
        appeals_sweep()
    assert about(appeal) == ["registered", "overdue"]  # АППК art. 91 p.2, once
    msg = Message.objects.filter(related_id=str(appeal.pk), to="baurzhan@example.kz").order_by("-pk").first()
    assert "23.02.2026" in msg.body and "91" in msg.body
