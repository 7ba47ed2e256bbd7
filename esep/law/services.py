"""Writes of the law app: the editable calendar. Every write drops the cached calendar of every process."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from esep.core.audit import audit_record
from esep.law import calendar
from esep.law.models import CalendarDay


def calendar_day_save(*, day: CalendarDay, actor: Any = None) -> CalendarDay:
    """Add or change a day of the calendar (a transfer, a holiday's lunar date). Deadlines already stored on
    records are not recomputed: a deadline is fixed when its clock starts (STYLE)."""
    with transaction.atomic():
        day.full_clean()
        day.save()
        audit_record(
            actor=actor, action="calendar_day.save", obj=day, data={"date": day.date.isoformat(), "kind": day.kind}
        )
        transaction.on_commit(calendar.invalidate)
    calendar.invalidate()
    return day


def calendar_day_delete(*, day: CalendarDay, actor: Any = None) -> None:
    with transaction.atomic():
        audit_record(
            actor=actor, action="calendar_day.delete", obj=day, data={"date": day.date.isoformat(), "kind": day.kind}
        )
        day.delete()
        transaction.on_commit(calendar.invalidate)
    calendar.invalidate()
