"""Reading appeals: the staff list (restricted, overdue first), the person's status page, and the ready
section of the next report on measures taken (Order 652 p.30; Order 608 p.6 sub.6)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import BooleanField, Case, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from esep.accounts.permissions import Action, restrict
from esep.appeals.models import (
    CLOCKED_KINDS,
    FINISHED_STATUSES,
    PUBLIC_EVENTS,
    Appeal,
    AppealEvent,
    AppealForward,
    AppealStatus,
    EventKind,
)
from esep.core import clock
from esep.meetings.models import Meeting, MeetingKind, MeetingStatus

UNANSWERED = (AppealStatus.REGISTERED, AppealStatus.IN_PROGRESS, AppealStatus.EXTENDED)


def appeals_for_staff(user, *, status: str = "", query: str = "", today: dt.date | None = None) -> QuerySet[Appeal]:
    """The appeals of the user's body subtree, overdue first, then by the date the answer is owed."""
    today = today or clock.localdate()
    qs = restrict(Appeal.objects.select_related("body", "meeting"), user, Action.VIEW)
    if status == "open":
        qs = qs.filter(status__in=[*UNANSWERED, AppealStatus.FORWARDED])
    elif status == "overdue":
        qs = qs.filter(status__in=UNANSWERED).filter(_due_before(today))
    elif status in AppealStatus.values:
        qs = qs.filter(status=status)
    if query:
        query = query.strip()[:100]
        qs = qs.filter(Q(number__icontains=query) | Q(text__icontains=query) | Q(code=query.upper()))
    return qs.annotate(
        due=Coalesce("extended_until", "due_on"),
        is_overdue=Case(
            When(Q(status__in=UNANSWERED, kind__in=CLOCKED_KINDS) & _due_before(today), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
    ).order_by("-is_overdue", "due", "-received_at", "pk")


def _due_before(today: dt.date) -> Q:
    return Q(extended_until__isnull=False, extended_until__lt=today) | Q(extended_until__isnull=True, due_on__lt=today)


def appeal_for_staff(user, pk: int, action: Action = Action.VIEW) -> Appeal | None:
    return (
        restrict(Appeal.objects.select_related("body", "meeting", "precinct", "territory"), user, action)
        .prefetch_related("forwards__agency", Prefetch("events", queryset=AppealEvent.objects.order_by("at", "id")))
        .filter(pk=pk)
        .first()
    )


def appeal_by_code(code: str) -> Appeal | None:
    """For the person's status page: the appeal with this code (codes are upper case, no look-alikes)."""
    code = "".join(ch for ch in (code or "") if ch.isalnum()).upper()[:32]
    if not code:
        return None
    return (
        Appeal.objects.select_related("body")
        .prefetch_related(
            Prefetch("forwards", queryset=AppealForward.objects.filter(withdrawn=False).select_related("agency")),
            Prefetch("events", queryset=AppealEvent.objects.filter(kind__in=PUBLIC_EVENTS).order_by("at", "id")),
        )
        .filter(code=code)
        .first()
    )


def forward_by_token(token: str) -> AppealForward | None:
    if not token or len(token) > 64:
        return None
    return AppealForward.objects.select_related("appeal", "appeal__body").filter(token=token, withdrawn=False).first()


def previous_report_measures(meeting: Meeting) -> list[dict[str, Any]]:
    """The ready section "measures taken on complaints from previous reports" (Order 652 p.30) for the
    next report of the same precinct(s) (an inspector's report) or the same body (a chief's report).

    Each appeal opened from an earlier report of the same precincts/body, that was still open at the
    previous report or finished since: its number, text, status, measures and who answered."""
    earlier = Meeting.objects.filter(starts_at__lt=meeting.starts_at).exclude(pk=meeting.pk)
    earlier = earlier.exclude(status=MeetingStatus.CANCELLED)
    precinct_ids = list(meeting.precincts.values_list("pk", flat=True))
    if meeting.kind == MeetingKind.INSPECTOR and precinct_ids:
        earlier = earlier.filter(precincts__in=precinct_ids).distinct()
        scope = Q(meeting__in=earlier) & (Q(precinct__in=precinct_ids) | Q(precinct__isnull=True))
    else:
        earlier = earlier.filter(body=meeting.body, kind=meeting.kind)
        scope = Q(meeting__in=earlier)
    previous = earlier.order_by("-starts_at").first()
    if previous is None:
        return []
    qs = (
        Appeal.objects.filter(scope)
        .filter(Q(finished_at__isnull=True) | Q(finished_at__gte=previous.starts_at) | Q(meeting=previous))
        .select_related("meeting")
        .prefetch_related(Prefetch("forwards", queryset=AppealForward.objects.filter(withdrawn=False)))
        .order_by("meeting__starts_at", "pk")
        .distinct()
    )
    rows = []
    for appeal in qs:
        forward = appeal.current_forward
        rows.append(
            {
                "number": appeal.number,
                "code": appeal.code,
                "meeting_date": timezone.localtime(appeal.meeting.starts_at).date(),
                "kind": appeal.kind,
                "text": appeal.text,
                "subject": appeal.subject,
                "subject_label": appeal.get_subject_display(),
                "status": appeal.status,
                "status_label": appeal.get_status_display(),
                "finished": appeal.status in FINISHED_STATUSES,
                "registered_on": appeal.registered_on,
                "due_on": appeal.effective_due_on,
                "answered_on": appeal.answered_on,
                "answered_late": appeal.answered_late,
                "overdue": appeal.overdue_since is not None,
                "measures": appeal.answer_measures or (forward.reply_measures if forward else ""),
                "answer": appeal.answer_text,
                "forwarded_to": forward.agency_name if forward else "",
                "agency_answered": bool(forward and forward.replied_at),
                "crime_register_number": appeal.crime_register_number,
            }
        )
    return rows


def appeal_ticket_sent(appeal: Appeal) -> bool:
    """The person was already told about this appeal (its ticket, АППК art. 64 p.3, is a notice event)."""
    return appeal.events.filter(kind=EventKind.NOTICE).exists()
