from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from esep.accounts.permissions import Action, restrict
from esep.core import clock
from esep.meetings.models import Meeting, MeetingStatus


def meetings_to_announce(user: Any) -> QuerySet[Meeting]:
    """The user's meetings from today on that are drafted, scheduled or announced."""
    return (
        restrict(Meeting.objects.all(), user, Action.VIEW)
        .filter(
            status__in=[MeetingStatus.DRAFT, MeetingStatus.SCHEDULED, MeetingStatus.ANNOUNCED],
            starts_at__gte=clock.now(),
        )
        .select_related("body", "announcement")
        .order_by("starts_at")
    )


def meeting_for_staff(user: Any, pk: int) -> Meeting | None:
    return (
        restrict(Meeting.objects.all(), user, Action.VIEW)
        .select_related("body", "announcement")
        .prefetch_related("reporters__officer", "reporters__precinct", "announcement__channels")
        .filter(pk=pk)
        .first()
    )
