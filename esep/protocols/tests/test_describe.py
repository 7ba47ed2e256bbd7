"""The minutes and the holding of a stored meeting, as the compliance engine sees them (docs/compliance.md)."""

import pytest
import time_machine

from esep.law.describe import describe_meeting, evaluate_meeting
from esep.meetings import services as meeting_services
from esep.meetings.models import InviteeCategory
from esep.protocols import services
from esep.testing.protocols import at, inspector_meeting_with_people, minutes

pytestmark = pytest.mark.django_db
DAY = at(2026, 3, 12, 18)


def _prepare(secretary):
    meeting, inspector, secretary = secretary
    for category in InviteeCategory.values:
        invitation = meeting_services.invitation_create(
            meeting=meeting,
            category=category,
            name=f"{category} өкілі",
            actor=secretary,
        )
        if category in {InviteeCategory.AKIMAT, InviteeCategory.POLICE_LEADERSHIP}:
            meeting_services.invitation_mark_attended(invitation=invitation, attended=True, actor=secretary)
    meeting_services.video_add_link(meeting=meeting, url="https://video.example.kz/r/1", sha256="b" * 64, actor=None)
    return meeting, inspector, secretary


def _codes(meeting, today):
    return sorted(f.code for f in evaluate_meeting(meeting, today=today))


def test_minutes_signed_on_the_day_give_the_engine_what_it_needs():
    with time_machine.travel(at(2026, 3, 1, 10), tick=False):
        meeting, inspector, secretary = inspector_meeting_with_people(DAY)
        meeting.status = "announced"
        meeting.save()
        _prepare((meeting, inspector, secretary))
    with time_machine.travel(at(2026, 3, 12, 21), tick=False):
        protocol = minutes(meeting, secretary, answered_in_full=True, answer="Түсіндірілді")
        meeting_services.meeting_mark_held(meeting=meeting, actor=inspector)  # after registration (652 p.32)
        services.protocol_sign(protocol=protocol, user=inspector)
    description = describe_meeting(meeting)
    # The moment of sealing with its Almaty offset (UTC+5 since 01.03.2024), not only a date.
    assert description["minutes"]["completed_at"] == "2026-03-12T21:00:00+05:00"
    assert description["minutes"]["signatures"] == [
        {"role": "inspector", "officer": meeting.reporters.get().officer_id}
    ]
    registered = meeting.participants.count()
    assert description["video"] is True and description["registration"] == {"registered": registered}
    assert description["minutes"].get("participants", registered) == registered
    assert description["attended"] == ["akimat", "police_leadership"]
    codes = _codes(meeting, at(2026, 3, 20).date())
    assert not [c for c in codes if c.startswith(("minutes.", "video.", "registration.", "invitees.", "items."))], codes


def test_minutes_signed_a_day_late_are_a_finding():
    # Order 652 p.32: the minutes are completed on the day of the report.
    meeting, inspector, secretary = inspector_meeting_with_people(DAY)
    with time_machine.travel(at(2026, 3, 13, 9), tick=False):
        services.protocol_sign(protocol=minutes(meeting, secretary), user=inspector)
    assert "minutes.late" in _codes(meeting, at(2026, 3, 13).date())
