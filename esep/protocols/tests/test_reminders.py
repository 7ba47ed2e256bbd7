import pytest
import time_machine
from django.core.management import call_command

from esep.notifications.models import Message
from esep.protocols import services
from esep.protocols.models import MinutesReminder
from esep.protocols.reminders import minutes_remind
from esep.testing.protocols import at, inspector_meeting_with_people, minutes

pytestmark = pytest.mark.django_db
DAY = at(2026, 3, 10, 18)


def _reminders():
    return Message.objects.filter(related_type="meetings.meeting")


def test_no_reminder_while_the_day_of_the_meeting_lasts():
    # Order 608 p.14; Order 652 p.32: the minutes are completed on the day; until midnight in Almaty it is not late.
    _meeting, _inspector, _secretary = inspector_meeting_with_people(DAY)
    with time_machine.travel(at(2026, 3, 10, 23, 59), tick=False):
        assert minutes_remind().sent == 0
    assert not _reminders().exists()


def test_sweep_run_twice_sends_one_reminder_then_a_second_days_later():
    _meeting, inspector, secretary = inspector_meeting_with_people(DAY)
    with time_machine.travel(at(2026, 3, 11, 0, 5), tick=False):
        first = minutes_remind()
        again = minutes_remind()
        call_command("protocols", "remind")
    assert (first.sent, again.sent) == (1, 0)
    recipients = set(_reminders().values_list("to", flat=True))
    assert recipients == {inspector.email, secretary.email}
    assert _reminders().count() == 2  # one reminder, to each of the two people
    with time_machine.travel(at(2026, 3, 12, 23), tick=False):
        assert minutes_remind().sent == 0
    with time_machine.travel(at(2026, 3, 13, 0, 1), tick=False):
        assert minutes_remind().sent == 1
        assert minutes_remind().sent == 0
    assert sorted(MinutesReminder.objects.values_list("kind", flat=True)) == ["first", "second"]


def test_signed_minutes_get_no_reminder():
    meeting, inspector, secretary = inspector_meeting_with_people(DAY)
    with time_machine.travel(at(2026, 3, 10, 21), tick=False):
        services.protocol_sign(protocol=minutes(meeting, secretary), user=inspector)
    with time_machine.travel(at(2026, 3, 20, 9), tick=False):
        assert minutes_remind().sent == 0
