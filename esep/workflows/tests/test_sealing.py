"""Signing the minutes opens the appeals through the workflow, in the sealing transaction (Order 608 pp.16-17)."""

import pytest
import time_machine

from esep.appeals.models import Appeal, AppealSource
from esep.protocols import services
from esep.protocols.models import ProtocolStatus
from esep.protocols.signals import minutes_sealed
from esep.testing.protocols import at, inspector_meeting_with_people, minutes

pytestmark = pytest.mark.django_db
DAY = at(2026, 3, 10, 18)


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_signed_minutes_open_an_appeal_for_the_complaint_not_answered_in_full():
    meeting, inspector, secretary = inspector_meeting_with_people(DAY)
    protocol = minutes(meeting, secretary, answered_in_full=False)

    services.protocol_sign(protocol=protocol, user=inspector)

    appeal = Appeal.objects.get(meeting=meeting)
    assert appeal.source == AppealSource.PROTOCOL
    assert appeal.text == protocol.items.get().text


@time_machine.travel(at(2026, 3, 10, 21), tick=False)
def test_a_failing_receiver_rolls_the_sealing_back():
    meeting, inspector, secretary = inspector_meeting_with_people(DAY)
    protocol = minutes(meeting, secretary, answered_in_full=False)

    def refuse(**kwargs):
        raise RuntimeError("appeals are down")

    minutes_sealed.connect(refuse, dispatch_uid="test-refuse")
    try:
        with pytest.raises(RuntimeError):
            services.protocol_sign(protocol=protocol, user=inspector)
    finally:
        minutes_sealed.disconnect(dispatch_uid="test-refuse")
    protocol.refresh_from_db()
    assert protocol.status != ProtocolStatus.SIGNED
    assert not Appeal.objects.filter(meeting=meeting).exists()
