"""Test helpers for esep.law: calendar rows and meeting descriptions (the JSON of docs/compliance.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from esep.law import calendar
from esep.law.models import CalendarDay, CalendarDayKind
from esep.law.services import calendar_day_save


def calendar_day(day: dt.date, kind: str = CalendarDayKind.TRANSFER_OFF, **kw: Any) -> CalendarDay:
    """A row of the editable calendar, saved through the service so the cached calendar is dropped."""
    obj = CalendarDay(
        date=day,
        kind=kind,
        name_kk=kw.pop("name_kk", "Демалыс күні"),
        name_ru=kw.pop("name_ru", "Выходной день"),
        name_en=kw.pop("name_en", "Day off"),
        source=kw.pop("source", "test"),
        **kw,
    )
    return calendar_day_save(day=obj)


def reset_calendar() -> None:
    calendar.invalidate()
