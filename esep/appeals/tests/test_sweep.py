import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from esep.accounts.models import Role
from esep.appeals import services
from esep.appeals.models import EventKind, Reminder, ReminderKind
from esep.appeals.sweep import appeals_sweep
from esep.notifications.models import Message
from esep.notifications.services import messages_send
from esep.testing import appeals as ta
from esep.testing import factories as f

pytestmark = pytest.mark.django_db

MONDAY = ta.almaty(2026, 2, 2, 11)  # due 23.02.2026


def reminder_mail():
    return Message.objects.filter(to="shtab@police.example.kz")


@pytest.fixture
def appeal():
    body = f.body(email="")
    f.staff(b=body, email="shtab@police.example.kz")
    with time_machine.travel(MONDAY, tick=False):
        return ta.appeal(body=body)


def test_sweep_twice_sends_one_reminder(appeal):
    with time_machine.travel(ta.almaty(2026, 2, 19, 9), tick=False):  # 2 working days before 23.02
        first = appeals_sweep()
        second = appeals_sweep()
        call_command("appeals", "sweep", verbosity=0)
    assert (first.reminders, second.reminders) == (1, 0)
    assert Reminder.objects.get().kind == ReminderKind.DUE_SOON
    assert reminder_mail().count() == 1
    messages_send()
    assert [m.to for m in mail.outbox if "23.02.2026" in m.subject] == [["shtab@police.example.kz"]]


def test_overdue_is_marked_once_with_silence_as_refusal(appeal):
    with time_machine.travel(ta.almaty(2026, 2, 24, 9), tick=False):
        result = appeals_sweep()
        again = appeals_sweep()
    assert (result.marked_overdue, again.marked_overdue) == (1, 0)
    appeal.refresh_from_db()
    assert appeal.overdue_since == dt.date(2026, 2, 24)
    missed = appeal.events.get(kind=EventKind.DEADLINE_MISSED)
    assert "91" in missed.data["citation"]
    assert list(Reminder.objects.values_list("kind", flat=True)) == [ReminderKind.OVERDUE]
    # An answer after that is frozen as late; the overdue mark stays for the statistics.
    with time_machine.travel(ta.almaty(2026, 2, 25, 9), tick=False):
        services.appeal_answer(appeal=appeal, actor=f.staff(b=appeal.body), text="Кеш жауап")
        assert appeals_sweep().reminders == 0
    appeal.refresh_from_db()
    assert appeal.answered_late is True and appeal.overdue_since == dt.date(2026, 2, 24)


def test_extension_moves_the_reminders_to_the_new_date(appeal):
    chief = f.user(Role.CHIEF, body_=appeal.body)
    with time_machine.travel(ta.almaty(2026, 2, 19, 9), tick=False):
        appeals_sweep()
        services.appeal_extend(appeal=appeal, actor=chief, until=dt.date(2026, 3, 31), reason="Сараптама")
        assert appeals_sweep().reminders == 0
    with time_machine.travel(ta.almaty(2026, 3, 27, 9), tick=False):
        assert appeals_sweep().reminders == 1
    assert sorted(Reminder.objects.values_list("for_date", flat=True)) == [dt.date(2026, 2, 23), dt.date(2026, 3, 31)]


def test_reminder_to_forward_and_to_chase_the_competent_body():
    body = f.body(email="")
    f.staff(b=body, email="shtab@police.example.kz")
    with time_machine.travel(MONDAY, tick=False):
        appeal = ta.appeal(body=body, subject="housing", competence="other")  # no competent body known
    assert appeal.redirect_due_on == dt.date(2026, 2, 5)
    with time_machine.travel(ta.almaty(2026, 2, 3, 9), tick=False):
        appeals_sweep()
        appeals_sweep()
    assert list(Reminder.objects.values_list("kind", flat=True)) == [ReminderKind.FORWARD_DUE]
    dept = f.agency(body.territory, ["housing"])
    with time_machine.travel(ta.almaty(2026, 2, 4, 9), tick=False):
        forward = services.appeal_forward(appeal=appeal, actor=f.staff(b=body), agency=dept)
    with time_machine.travel(forward.agency_due_on + dt.timedelta(days=1), tick=False):
        assert appeals_sweep().reminders == 1
        assert appeals_sweep().reminders == 0
    assert Reminder.objects.filter(kind=ReminderKind.AGENCY_OVERDUE).count() == 1
    # No overdue mark for the police: the appeal was passed on in time.
    appeal.refresh_from_db()
    assert appeal.overdue_since is None


def test_reminder_goes_to_the_person_who_took_the_appeal(appeal):
    taker = f.staff(b=appeal.body, email="inspector@police.example.kz")
    with time_machine.travel(ta.almaty(2026, 2, 3, 9), tick=False):
        services.appeal_take(appeal=appeal, actor=taker)
    with time_machine.travel(ta.almaty(2026, 2, 19, 9), tick=False):
        appeals_sweep()
    assert Reminder.objects.get().recipients == ["inspector@police.example.kz"]
