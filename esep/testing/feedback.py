"""Factories for residents' ratings."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

from esep.feedback.models import CommentStatus, Rating
from esep.meetings.models import Meeting, MeetingStatus
from esep.testing import public as pf

_keys = itertools.count(1)


def held_meeting(*, precinct, days_ago: int = 3, **kw: Any) -> Meeting:
    return pf.published_meeting(
        precinct=precinct,
        starts_at=(timezone.now() - dt.timedelta(days=days_ago)).replace(minute=0, second=0, microsecond=0),
        status=kw.pop("status", MeetingStatus.HELD),
        **kw,
    )


def rating(meeting: Meeting, score: int = 4, *, comment: str = "", status: str | None = None, **kw: Any) -> Rating:
    """A stored rating (bypassing the window check: for reading tests only)."""
    now = timezone.now()
    if status is None:
        status = CommentStatus.PENDING if comment else CommentStatus.NONE
    return Rating.objects.create(
        meeting=meeting,
        client_key=kw.pop("client_key", f"k{next(_keys)}"),
        score=score,
        comment=comment,
        comment_status=status,
        created_at=now,
        updated_at=now,
        **kw,
    )
