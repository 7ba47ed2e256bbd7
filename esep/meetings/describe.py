"""What meetings add to the compliance description of a stored meeting (docs/compliance.md): invitations
and who took part, video, registration and attendance."""

from __future__ import annotations

from typing import Any

from esep.meetings.models import InviteeCategory

ATTENDED_KEYS = {InviteeCategory.AKIMAT: "akimat", InviteeCategory.POLICE_LEADERSHIP: "police_leadership"}
# Order 608 p.11 / Order 652 p.28 invite "representatives of the public": a public council is one.
LAW_CATEGORY = {InviteeCategory.PUBLIC_COUNCIL: InviteeCategory.PUBLIC}


def describe_holding(meeting: Any, description: dict) -> None:
    invitations = list(meeting.invitations.all())
    description["invited"] = sorted(
        {
            LAW_CATEGORY.get(i.category, i.category)
            for i in invitations
            if i.category != InviteeCategory.POLICE_LEADERSHIP
        }
    )
    description["attended"] = sorted(
        {ATTENDED_KEYS[i.category] for i in invitations if i.attended_at and i.category in ATTENDED_KEYS}
    )
    description["video"] = meeting.videos.exists()
    count = meeting.participants.count()
    # Order 652 p.32: every participant is registered; the evaluation compares the count with the minutes.
    description["registration"] = {"registered": count}
    if count:
        description["actual_attendance"] = count
