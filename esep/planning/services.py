"""Writes of planning: drafting and approving schedules (Order 608 p.8.1: the police body sets the dates and
approves the schedules). Transitions: draft -> approved (no conflicts left), approved -> draft (reopen)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, require
from esep.core import clock
from esep.core.audit import audit_record
from esep.meetings.models import Meeting, MeetingStatus
from esep.planning.models import Schedule, ScheduleEntry, ScheduleStatus
from esep.planning.selectors import conflicts_for, schedule_meetings

TRANSITIONS = {
    ScheduleStatus.DRAFT: {ScheduleStatus.APPROVED},
    ScheduleStatus.APPROVED: {ScheduleStatus.DRAFT},
}


def _guard(schedule: Schedule, target: str) -> None:
    if target not in TRANSITIONS[ScheduleStatus(schedule.status)]:
        raise ValidationError(
            _("This schedule cannot go from %(from)s to %(to)s.")
            % {"from": schedule.get_status_display(), "to": ScheduleStatus(target).label}
        )


def schedule_draft(*, body, kind: str, year: int, quarter: int | None, actor: Any) -> Schedule:
    """Create (or refresh) the draft schedule of a body for a period, listing the body's meetings of that kind
    and period that are not cancelled."""
    if kind == "chief":
        quarter = None
    elif quarter not in (1, 2, 3, 4):
        raise ValidationError(_("An inspectors' schedule needs a quarter from 1 to 4."))
    with transaction.atomic():
        schedule, created = Schedule.objects.select_for_update().get_or_create(
            body=body, kind=kind, period_year=year, period_quarter=quarter
        )
        if schedule.status != ScheduleStatus.DRAFT:
            raise ValidationError(_("The schedule is approved; reopen it to change it."))
        meetings = Meeting.objects.filter(body=body, kind=kind, period_year=year).exclude(
            status=MeetingStatus.CANCELLED
        )
        if kind == "inspector":
            meetings = meetings.filter(period_quarter=quarter)
        have = set(schedule.entries.values_list("meeting_id", flat=True))
        ScheduleEntry.objects.bulk_create(
            [
                ScheduleEntry(schedule=schedule, meeting_id=pk)
                for pk in meetings.values_list("pk", flat=True)
                if pk not in have
            ]
        )
        audit_record(actor=actor, action="schedule.draft", obj=schedule, data={"created": created})
    return schedule


def schedule_approve(*, schedule: Schedule, actor: Any) -> Schedule:
    """Order 608 p.8.1: the police body approves its schedule (its staff unit or chief; see permissions)."""
    require(actor, Action.APPROVE, schedule)
    with transaction.atomic():
        schedule = Schedule.objects.select_for_update().get(pk=schedule.pk)
        _guard(schedule, ScheduleStatus.APPROVED)
        meetings = schedule_meetings(schedule)
        if not meetings:
            # Order 608 p.8.1: the body approves a schedule of reports; an empty one plans nothing.
            raise ValidationError(_("An empty schedule cannot be approved: plan the reports first."), code="empty")
        if conflicts_for(meetings):
            raise ValidationError(_("Resolve the conflicts before approving the schedule."))
        schedule.status = ScheduleStatus.APPROVED
        schedule.approved_by = actor if getattr(actor, "is_authenticated", False) else None
        schedule.approved_at = clock.now()
        schedule.save(update_fields=["status", "approved_by", "approved_at"])
        audit_record(actor=actor, action="schedule.approve", obj=schedule)
    return schedule


def schedule_reopen(*, schedule: Schedule, actor: Any) -> Schedule:
    require(actor, Action.APPROVE, schedule)
    with transaction.atomic():
        schedule = Schedule.objects.select_for_update().get(pk=schedule.pk)
        _guard(schedule, ScheduleStatus.DRAFT)
        schedule.status = ScheduleStatus.DRAFT
        schedule.approved_by = None
        schedule.approved_at = None
        schedule.save(update_fields=["status", "approved_by", "approved_at"])
        audit_record(actor=actor, action="schedule.reopen", obj=schedule)
    return schedule
