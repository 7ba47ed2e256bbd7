"""Reads of ratings: what the public pages show (count, average, approved comments), the moderation queue in
the user's scope, and per-inspector averages by quarter for the back office."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Count, Q, QuerySet

from esep.accounts.models import Role
from esep.accounts.permissions import Action, has_role, restrict
from esep.feedback.models import CommentStatus, Rating
from esep.meetings.models import Meeting


@dataclass(frozen=True)
class Summary:
    count: int
    average: float | None


EMPTY = Summary(0, None)


def summaries(meeting_ids: list[int]) -> dict[int, Summary]:
    """Count and average score per meeting, one query."""
    if not meeting_ids:
        return {}
    rows = (
        Rating.objects.filter(meeting_id__in=meeting_ids)
        .values("meeting_id")
        .annotate(n=Count("id"), avg=Avg("score"))
        .order_by()
    )
    return {r["meeting_id"]: Summary(r["n"], round(r["avg"], 1)) for r in rows}


def combined(parts: list[Summary]) -> Summary:
    count = sum(s.count for s in parts)
    if not count:
        return EMPTY
    return Summary(count, round(sum(s.average * s.count for s in parts if s.average is not None) / count, 1))


def approved_comments(meeting_id: int, limit: int = 50) -> list[Rating]:
    return list(
        Rating.objects.filter(meeting_id=meeting_id, comment_status=CommentStatus.APPROVED)
        .only("comment", "score", "updated_at")
        .order_by("-updated_at")[:limit]
    )


def moderation_queue(user: Any) -> QuerySet[Rating]:
    """Comments waiting for the staff of the meeting's body (police roles of its subtree, or an admin).

    Driven from the meetings of the user's area (``meeting_id IN`` them, on the ratings' (status, meeting)
    index), not from every pending comment of the country joined to its meeting: a district's queue costs what
    the district's meetings cost. ``restrict`` stays the rule of who may moderate."""
    qs = restrict(Rating.objects.all(), user, Action.MODERATE).filter(comment_status=CommentStatus.PENDING)
    if not has_role(user, Role.ADMIN):
        qs = qs.filter(meeting_id__in=restrict(Meeting.objects.all(), user, Action.VIEW).values("pk"))
    return qs.select_related("meeting", "meeting__body").order_by("updated_at")


def last_quarters(today: dt.date, n: int = 4) -> list[tuple[int, int]]:
    """The current quarter and the n-1 before it, newest first."""
    year, quarter = today.year, (today.month - 1) // 3 + 1
    result = []
    for _i in range(n):
        result.append((year, quarter))
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    return result


def inspector_quarters(precinct: Any, *, today: dt.date) -> list[dict[str, Any]]:
    """Average score and count per inspector and reporting quarter, for the reports given for ``precinct`` in
    the last four quarters. One query."""
    quarters = last_quarters(today)
    period = Q(pk__in=[])
    for year, quarter in quarters:
        period |= Q(meeting__period_year=year, meeting__period_quarter=quarter)
    rows = (
        Rating.objects.filter(period, meeting__reporters__precinct=precinct)
        .values(
            "meeting__reporters__officer_id",
            "meeting__reporters__officer__last_name",
            "meeting__reporters__officer__first_name",
            "meeting__period_year",
            "meeting__period_quarter",
        )
        .annotate(n=Count("id", distinct=True), avg=Avg("score"))
        .order_by("meeting__reporters__officer__last_name", "-meeting__period_year", "-meeting__period_quarter")
    )
    return [
        {
            "officer": f"{r['meeting__reporters__officer__last_name']} {r['meeting__reporters__officer__first_name']}",
            "year": r["meeting__period_year"],
            "quarter": r["meeting__period_quarter"],
            "count": r["n"],
            "average": round(r["avg"], 1),
        }
        for r in rows
    ]
