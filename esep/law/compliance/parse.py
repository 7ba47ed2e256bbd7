"""Reading a meeting description (the JSON of docs/compliance.md) into typed values.

Every problem raises ``DescriptionError(field, message)`` naming the field by its path in the description
("announcement.published_at", "items[2].forwarded_on"), so a script or a form can point at it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from esep.core import clock

KINDS = ("chief", "inspector")
STATUSES = ("planned", "held", "cancelled")
FORMATS = ("indoor", "outdoor", "online")
ITEM_KINDS = ("complaint", "proposal", "remark", "question", "crime_report")
APPEAL_KINDS = ("appeal", "complaint_against_action")
CHANNELS = ("print", "tv_radio", "official_website", "social_network", "organisations", "other")
TOP_LEVEL = {
    "kind",
    "id",
    "status",
    "period",
    "starts_at",
    "ends_at",
    "officers",
    "format",
    "venue",
    "expected_attendance",
    "actual_attendance",
    "announcement",
    "invited",
    "attended",
    "video",
    "registration",
    "minutes",
    "items",
    "report",
    "as_of",
    "extra",
}


class DescriptionError(ValueError):
    """Bad input: ``field`` is the path of the field at fault, ``message`` says what is wrong."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = str(message)
        super().__init__(f"{field}: {self.message}")

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "message": self.message}


@dataclass
class Officer:
    id: Any
    name: str
    role: str  # chief / inspector / secretary / ...
    precinct: str = ""


@dataclass
class Signature:
    role: str
    officer: Any = None


@dataclass
class Appeal:
    kind: str
    received_at: dt.datetime | None
    registered_on: dt.date | None
    answered_on: dt.date | None
    extended_on: dt.date | None
    extended_until: dt.date | None
    extension_notified_on: dt.date | None = None  # АППК art. 76 p.3, art. 70 p.3
    ended_on: dt.date | None = None  # ended without an answer (e.g. АППК art. 88 p.1 sub.2)


@dataclass
class Item:
    index: int
    kind: str
    answered_in_full: bool
    in_minutes: bool
    police_competence: bool
    received_on: dt.date
    forwarded_on: dt.date | None
    applicant_notified_on: dt.date | None
    anonymous: bool  # nobody to notify: no contact given with consent
    appeal: Appeal | None
    identified: bool = True  # False: no name, signature or address (АППК art. 88 p.1 sub.2)


@dataclass
class Description:
    kind: str
    status: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    date: dt.date
    period_year: int
    period_quarter: int | None
    officers: list[Officer]
    format: str
    venue_capacity: int | None
    expected_attendance: int | None
    actual_attendance: int | None
    announced: bool
    published_at: dt.datetime | None
    channels: list[str]
    content: dict[str, bool]
    invited: list[str]
    attended: list[str]
    video: bool | None
    registration: bool | None
    registered_count: int | None
    has_minutes: bool
    minutes_completed_on: dt.date | None  # the Almaty day (of completed_at when given)
    minutes_completed_at: dt.datetime | None
    minutes_participants: int | None
    minutes_fields: dict[str, bool]
    signatures: list[Signature]
    secretary_from: str | None
    items: list[Item]
    as_of: dt.date
    raw: dict[str, Any] = field(repr=False, default_factory=dict)
    # (rule code, date, kind) asked for by a check but with no version in force: reported as findings
    unknown: dict[tuple[str, dt.date, str | None], str] = field(repr=False, default_factory=dict)

    @property
    def held(self) -> bool:
        if self.status == "held":
            return True
        if self.status in ("planned", "cancelled"):
            return False
        return self.as_of > self.date

    def reporters(self) -> list[Officer]:
        return [o for o in self.officers if o.role == self.kind]


# -- field readers -------------------------------------------------------------------------------------------


def _get(obj: dict, key: str, path: str, kinds: tuple[type, ...], *, required: bool = False, default: Any = None):
    if key not in obj or obj[key] is None:
        if required:
            raise DescriptionError(path, _("This field is required."))
        return default
    val = obj[key]
    if bool in kinds and isinstance(val, bool):
        return val
    if isinstance(val, bool) or not isinstance(val, kinds):
        names = {
            dict: _("an object"),
            list: _("a list"),
            str: _("a text"),
            int: _("a whole number"),
            bool: _("true or false"),
        }
        raise DescriptionError(path, _("Expected %(type)s.") % {"type": names.get(kinds[0], kinds[0].__name__)})
    return val


def _datetime(obj: dict, key: str, path: str, *, required: bool = False) -> dt.datetime | None:
    raw = _get(obj, key, path, (str,), required=required)
    if raw is None:
        return None
    try:
        value = parse_datetime(raw) if _DATETIME.fullmatch(raw) else None
        day = parse_date(raw) if value is None and _DATE.fullmatch(raw) else None
    except ValueError:  # well formed but impossible: 2024-13-01
        value = day = None
    if value is None:
        if day is None:
            raise DescriptionError(path, _("Not a date and time in ISO 8601 (2024-02-20T15:00:00+05:00)."))
        value = dt.datetime.combine(day, dt.time(0, 0))
    _in_range(value.date(), path)
    if timezone.is_naive(value):
        value = timezone.make_aware(value)  # a time without an offset is Almaty time
    return value


def _date(obj: dict, key: str, path: str, *, required: bool = False) -> dt.date | None:
    raw = _get(obj, key, path, (str,), required=required)
    if raw is None:
        return None
    # Exactly a calendar date: "2024-03-31T19:20:00Z" (a moment: which day is it in Almaty?) and
    # "2024-03-31garbage" are refused, not cut to their first ten characters.
    try:
        value = parse_date(raw) if _DATE.fullmatch(raw) else None
    except ValueError:  # well formed but impossible: 2024-02-30
        value = None
    if value is None:
        raise DescriptionError(path, _("Not a date in ISO 8601 (2024-02-20)."))
    return _in_range(value, path)


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A date, "T" or a space, hh:mm[:ss[.ffffff]], then nothing, "Z" or an offset ±hh:mm.
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?")

# Terms are counted forward by months and working days; a date near the end of the calendar would overflow.
YEARS = (1900, 2999)


def _in_range(day: dt.date, path: str) -> dt.date:
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise DescriptionError(
            path, _("The year must be between %(first)s and %(last)s.") % {"first": YEARS[0], "last": YEARS[1]}
        )
    return day


def _count(obj: dict, key: str, path: str) -> int | None:
    value = _get(obj, key, path, (int,))
    if value is not None and value < 0:
        raise DescriptionError(path, _("Must not be negative."))
    return value


def _choice(value: Any, allowed: tuple[str, ...], path: str) -> str:
    if value not in allowed:
        raise DescriptionError(
            path,
            _("Unknown value %(value)s; expected one of: %(allowed)s.")
            % {"value": repr(value), "allowed": ", ".join(allowed)},
        )
    return value


def _flags(obj: dict, key: str, path: str) -> dict[str, bool]:
    """Either a list of the keys present or an object {key: true/false}."""
    raw = _get(obj, key, path, (dict, list), default={})
    if isinstance(raw, list):
        for i, item in enumerate(raw):
            if not isinstance(item, str):
                raise DescriptionError(f"{path}[{i}]", _("Expected %(type)s.") % {"type": _("a text")})
        return dict.fromkeys(raw, True)
    for k, v in raw.items():
        if not isinstance(v, bool):
            raise DescriptionError(f"{path}.{k}", _("Expected %(type)s.") % {"type": _("true or false")})
    return dict(raw)


def _strings(obj: dict, key: str, path: str) -> list[str]:
    raw = _get(obj, key, path, (list,), default=[])
    for i, item in enumerate(raw):
        if not isinstance(item, str):
            raise DescriptionError(f"{path}[{i}]", _("Expected %(type)s.") % {"type": _("a text")})
    return list(raw)


# -- the description ---------------------------------------------------------------------------------------


def parse(data: Any, *, strict: bool = True, today: dt.date | None = None) -> Description:
    if not isinstance(data, dict):
        raise DescriptionError("$", _("The description must be a JSON object."))
    if strict:
        unknown = sorted(set(data) - TOP_LEVEL)
        if unknown:
            raise DescriptionError(unknown[0], _('Unknown field; put extra data under "extra".'))
    kind = _choice(_get(data, "kind", "kind", (str,), required=True), KINDS, "kind")
    status = _choice(_get(data, "status", "status", (str,), default="") or "", ("", *STATUSES), "status")
    starts_at = _datetime(data, "starts_at", "starts_at", required=True)
    ends_at = _datetime(data, "ends_at", "ends_at")
    if ends_at is not None and ends_at < starts_at:
        raise DescriptionError("ends_at", _("The end is before the start."))
    date = timezone.localtime(starts_at).date()

    period = _get(data, "period", "period", (dict,), default={})
    year = _get(period, "year", "period.year", (int,))
    quarter = _get(period, "quarter", "period.quarter", (int,))
    if year is None:
        year = date.year - 1 if kind == "chief" else date.year
    if not 2000 <= year <= 2100:
        raise DescriptionError("period.year", _("Not a plausible year."))
    if kind == "inspector":
        if quarter is None:
            quarter = (date.month - 1) // 3 + 1 if year == date.year else None
            if quarter is None:
                raise DescriptionError("period.quarter", _("An inspector's report needs the quarter it reports for."))
        if not 1 <= quarter <= 4:
            raise DescriptionError("period.quarter", _("A quarter is 1, 2, 3 or 4."))
    elif quarter is not None:
        raise DescriptionError("period.quarter", _("A chief's report covers a whole year; leave the quarter out."))

    officers = []
    for i, raw in enumerate(_get(data, "officers", "officers", (list,), default=[])):
        path = f"officers[{i}]"
        if not isinstance(raw, dict):
            raise DescriptionError(path, _("Expected %(type)s.") % {"type": _("an object")})
        role = _get(raw, "role", f"{path}.role", (str,), default=kind)
        officers.append(
            Officer(
                id=raw.get("id"),
                name=_get(raw, "name", f"{path}.name", (str,), default=""),
                role=role,
                precinct=str(raw.get("precinct") or ""),
            )
        )

    fmt = _choice(_get(data, "format", "format", (str,), default="indoor"), FORMATS, "format")
    venue = _get(data, "venue", "venue", (dict,), default={})
    announcement = _get(data, "announcement", "announcement", (dict,))
    published_at = _datetime(announcement, "published_at", "announcement.published_at") if announcement else None
    channels = _strings(announcement, "channels", "announcement.channels") if announcement else []
    for i, ch in enumerate(channels):
        _choice(ch, CHANNELS, f"announcement.channels[{i}]")
    content = _flags(announcement, "content", "announcement.content") if announcement else {}

    minutes = _get(data, "minutes", "minutes", (dict,))
    completed_on = _date(minutes, "completed_on", "minutes.completed_on") if minutes else None
    completed_at = _datetime(minutes, "completed_at", "minutes.completed_at") if minutes else None
    if completed_at is not None:
        # An instant, converted to Almaty (UTC+6 before 01.03.2024, UTC+5 after): its day is the day of completion.
        local_day = timezone.localtime(completed_at).date()
        if completed_on is not None and completed_on != local_day:
            raise DescriptionError(
                "minutes.completed_on",
                _("completed_on (%(on)s) is not the Almaty day of completed_at (%(at)s).")
                % {"on": completed_on.isoformat(), "at": local_day.isoformat()},
            )
        completed_on = local_day
    participants = _count(minutes, "participants", "minutes.participants") if minutes else None
    signatures = []
    for i, raw in enumerate(_get(minutes, "signatures", "minutes.signatures", (list,), default=[]) if minutes else []):
        if isinstance(raw, str):
            signatures.append(Signature(raw))
        elif isinstance(raw, dict):
            signatures.append(
                Signature(_get(raw, "role", f"minutes.signatures[{i}].role", (str,), required=True), raw.get("officer"))
            )
        else:
            raise DescriptionError(f"minutes.signatures[{i}]", _("Expected %(type)s.") % {"type": _("a text")})

    registration = data.get("registration")
    registered_count = None
    if isinstance(registration, dict):
        registered_count = _count(registration, "registered", "registration.registered")
        if registered_count is None:
            registration = _get(registration, "done", "registration.done", (bool,), required=True)
        else:
            registration = _get(registration, "done", "registration.done", (bool,), default=registered_count > 0)
    elif registration is not None and not isinstance(registration, bool):
        raise DescriptionError("registration", _("Expected %(type)s.") % {"type": _("true or false")})

    as_of = _date(data, "as_of", "as_of") or today or clock.localdate()
    items = [
        _item(raw, i, date, strict=strict) for i, raw in enumerate(_get(data, "items", "items", (list,), default=[]))
    ]

    return Description(
        kind=kind,
        status=status,
        starts_at=starts_at,
        ends_at=ends_at,
        date=date,
        period_year=year,
        period_quarter=quarter if kind == "inspector" else None,
        officers=officers,
        format=fmt,
        venue_capacity=_count(venue, "capacity", "venue.capacity"),
        expected_attendance=_count(data, "expected_attendance", "expected_attendance"),
        actual_attendance=_count(data, "actual_attendance", "actual_attendance"),
        announced=announcement is not None,
        published_at=published_at,
        channels=channels,
        content=content,
        invited=_strings(data, "invited", "invited"),
        attended=_strings(data, "attended", "attended"),
        video=_get(data, "video", "video", (bool,)),
        registration=registration,
        registered_count=registered_count,
        has_minutes=minutes is not None,
        minutes_completed_on=completed_on,
        minutes_completed_at=completed_at,
        minutes_participants=participants,
        minutes_fields=_flags(minutes, "fields", "minutes.fields") if minutes else {},
        signatures=signatures,
        secretary_from=_get(minutes, "secretary_from", "minutes.secretary_from", (str,)) if minutes else None,
        items=items,
        as_of=as_of,
        raw=data,
    )


def _item(raw: Any, i: int, meeting_date: dt.date, *, strict: bool = True) -> Item:
    path = f"items[{i}]"
    if not isinstance(raw, dict):
        raise DescriptionError(path, _("Expected %(type)s.") % {"type": _("an object")})
    kind = _choice(_get(raw, "kind", f"{path}.kind", (str,), default="complaint"), ITEM_KINDS, f"{path}.kind")
    received_on = _date(raw, "received_on", f"{path}.received_on") or meeting_date
    forwarded_on = _date(raw, "forwarded_on", f"{path}.forwarded_on")
    if forwarded_on is not None and forwarded_on < received_on:
        raise DescriptionError(f"{path}.forwarded_on", _("Forwarded before it was received."))
    notified_on = _date(raw, "applicant_notified_on", f"{path}.applicant_notified_on")
    if notified_on is not None and notified_on < received_on:
        raise DescriptionError(f"{path}.applicant_notified_on", _("Notified before it was received."))
    appeal = None
    raw_appeal = _get(raw, "appeal", f"{path}.appeal", (dict,))
    if raw_appeal is not None and kind == "crime_report":
        # АППК art. 3 p.4: a crime report is registered under police law, never put on the АППК clock.
        if strict:
            raise DescriptionError(
                f"{path}.appeal", _("A crime report is not an appeal (APPK art. 3 p.4): it has no APPK procedure.")
            )
        raw_appeal = None
    if raw_appeal is not None:
        ap = f"{path}.appeal"
        received_at = _datetime(raw_appeal, "received_at", f"{ap}.received_at")
        registered_on = _date(raw_appeal, "registered_on", f"{ap}.registered_on")
        if received_at is None and registered_on is None:
            raise DescriptionError(f"{ap}.registered_on", _("An appeal needs registered_on or received_at."))
        first = registered_on or timezone.localtime(received_at).date()
        if (
            received_at is not None
            and registered_on is not None
            and registered_on < timezone.localtime(received_at).date()
        ):
            raise DescriptionError(f"{ap}.registered_on", _("Registered before it was received."))
        answered_on = _date(raw_appeal, "answered_on", f"{ap}.answered_on")
        if answered_on is not None and answered_on < first:
            raise DescriptionError(f"{ap}.answered_on", _("Answered before it was received."))
        extended_on = _date(raw_appeal, "extended_on", f"{ap}.extended_on")
        extended_until = _date(raw_appeal, "extended_until", f"{ap}.extended_until")
        if (extended_on is None) != (extended_until is None):
            raise DescriptionError(f"{ap}.extended_until", _("Give both extended_on and extended_until, or neither."))
        if extended_on is not None and extended_until < extended_on:
            raise DescriptionError(f"{ap}.extended_until", _("The extension ends before it was decided."))
        notified_ext = _date(raw_appeal, "extension_notified_on", f"{ap}.extension_notified_on")
        if notified_ext is not None and (extended_on is None or notified_ext < extended_on):
            raise DescriptionError(f"{ap}.extension_notified_on", _("Notified of an extension before it was decided."))
        ended_on = _date(raw_appeal, "ended_on", f"{ap}.ended_on")
        if ended_on is not None and ended_on < first:
            raise DescriptionError(f"{ap}.ended_on", _("Ended before it was received."))
        if ended_on is not None and answered_on is not None:
            raise DescriptionError(f"{ap}.ended_on", _("An appeal is either answered or ended, not both."))
        appeal = Appeal(
            kind=_choice(_get(raw_appeal, "kind", f"{ap}.kind", (str,), default="appeal"), APPEAL_KINDS, f"{ap}.kind"),
            received_at=received_at,
            registered_on=registered_on,
            answered_on=answered_on,
            extended_on=extended_on,
            extended_until=extended_until,
            extension_notified_on=notified_ext,
            ended_on=ended_on,
        )
    return Item(
        index=i,
        kind=kind,
        answered_in_full=bool(_get(raw, "answered_in_full", f"{path}.answered_in_full", (bool,), default=False)),
        in_minutes=bool(_get(raw, "in_minutes", f"{path}.in_minutes", (bool,), default=False)),
        police_competence=bool(_get(raw, "police_competence", f"{path}.police_competence", (bool,), default=True)),
        received_on=received_on,
        forwarded_on=forwarded_on,
        applicant_notified_on=notified_on,
        anonymous=bool(_get(raw, "anonymous", f"{path}.anonymous", (bool,), default=False)),
        appeal=appeal,
        identified=bool(_get(raw, "identified", f"{path}.identified", (bool,), default=True)),
    )
