"""Test helpers for esep.law: calendar rows and meeting descriptions (the JSON of docs/compliance.md)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from esep.law import calendar, rules
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


def clean_description(kind: str = "inspector", when: str = "2024-05-20") -> dict[str, Any]:
    """A held meeting with no findings under the rules in force on ``when`` (Decree 723 before the 2023
    orders, Orders 608/652 after). Tests mutate one field to show one finding."""
    day = dt.date.fromisoformat(when)
    period = {"year": day.year - 1} if kind == "chief" else {"year": day.year, "quarter": (day.month - 1) // 3 + 1}
    announced = (day - dt.timedelta(days=12)).isoformat()
    # Which act governs is the rules' business: no date of force is copied here.
    governing = rules.find("meeting.signatories", day, kind=kind)
    under_723 = governing is None or governing.act == "decree_723"
    if under_723:
        signatures = ["secretary", kind, "akimat_stamp"]
        secretary = "akimat"
    elif kind == "chief":
        signatures, secretary = ["secretary", "chief"], "police"
    else:
        signatures, secretary = ["inspector"], None
    minutes: dict[str, Any] = {
        "completed_on": when,
        "fields": ["time", "date", "place", "participants_count", "decisions", "citizen_items"],
        "signatures": signatures,
    }
    if secretary:
        minutes["secretary_from"] = secretary
    return copy.deepcopy(
        {
            "kind": kind,
            "status": "held",
            "period": period,
            "starts_at": f"{when}T18:00:00+05:00",
            "ends_at": f"{when}T19:30:00+05:00",
            "officers": [{"id": 1, "name": "Сапаров Ерлан", "role": kind}],
            "format": "indoor",
            "venue": {"text": "Мәдениет үйі", "capacity": 120},
            "expected_attendance": 100,
            "actual_attendance": 90,
            "announcement": {
                "published_at": f"{announced}T10:00:00+05:00",
                "channels": ["print", "official_website", "social_network"],
                "content": ["time", "place", "schedule", "questions_channel"],
            },
            "invited": [
                "maslikhat",
                "public",
                "health",
                "social",
                "education",
                "agriculture",
                "housing",
                "organisations",
                "media",
                "akimat",
            ],
            "attended": ["akimat", "police_leadership"],
            "video": True,
            "registration": True,
            "minutes": minutes,
            "items": [],
            "as_of": (day + dt.timedelta(days=60)).isoformat(),
        }
    )


def first_day(code: str, act: str, *, kind: str | None = None) -> dt.date:
    """The first day a version of ``code`` from ``act`` is in force (for ``kind``), read from the rules."""
    for version in rules.versions(code):
        if version.act == act and (kind is None or version.kind in (kind, None)) and version.valid_from:
            return version.valid_from
    raise LookupError(f"no dated version of {code} from {act}")


def last_day(code: str, act: str, *, kind: str | None = None) -> dt.date:
    """The last day a version of ``code`` from ``act`` is in force (for ``kind``), read from the rules."""
    for version in rules.versions(code):
        if version.act == act and (kind is None or version.kind in (kind, None)) and version.valid_to:
            return version.valid_to
    raise LookupError(f"no version of {code} from {act} with an end")
