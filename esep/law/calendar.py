"""Kazakhstan's working-day calendar.

A day is a working day unless it is a Saturday or Sunday, a public holiday, or a day off moved there by a
transfer; a weekend day may be made a working day by a transfer (Law on holidays art. 5; Labour Code
arts. 84-85). A holiday that falls on a day off moves the day off to the next working day, except 7 January
and the first day of Kurban Ait.

Sources, in order of precedence:
1. the table ``CalendarDay`` that staff edit (transfers of later years, the lunar date of Kurban Ait, fixes);
2. for years the `holidays` package has confirmed data for (to ``PACKAGE_CONFIRMED_TO``): its KZ calendar,
   which includes carry-overs, transfers and working Saturdays;
3. for later years: the fixed holidays of the rule ``calendar.public_holidays`` with the carry-over rule
   applied here.

The calendar is built once per process and rebuilt when the table changes: services bump a version stamp in
the shared cache, and each process looks at the stamp at most every ``STAMP_CHECK_SECONDS``.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Mapping
from functools import lru_cache

from django.core.cache import cache
from django.db import DatabaseError
from django.utils import timezone

from esep.law import rules

log = logging.getLogger(__name__)

PACKAGE_CONFIRMED_TO = 2025  # `holidays` 0.109 knows KZ transfers and Kurban Ait only up to 2025
STAMP_KEY = "esep.law.calendar.stamp"
STAMP_CHECK_SECONDS = 5.0
ONE_DAY = dt.timedelta(days=1)
SATURDAY = 5

OFF_KINDS = frozenset({"holiday", "transfer_off"})
WORK_KIND = "transfer_work"


@lru_cache(maxsize=64)
def _package_year(year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """Days off on weekdays and working weekend days for ``year`` from the `holidays` package."""
    import holidays

    kz = holidays.country_holidays("KZ", years=[year])
    off = frozenset(d for d in kz if d.year == year)
    work = frozenset(d for d in kz.weekend_workdays if d.year == year)
    return off, work


class Calendar:
    """A working-day calendar with a fixed set of overrides (date -> kind). Pure once built: tests and
    benchmarks can make one with their own overrides; the module functions use the one built from the table."""

    def __init__(self, overrides: Mapping[dt.date, str] | None = None) -> None:
        self.overrides: dict[dt.date, str] = dict(overrides or {})
        self._years: dict[int, tuple[frozenset[dt.date], frozenset[dt.date]]] = {}

    # -- building a year --------------------------------------------------------------------------------
    def _year(self, year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
        cached = self._years.get(year)
        if cached is None:
            cached = _package_year(year) if year <= PACKAGE_CONFIRMED_TO else self._statutory_year(year)
            self._years[year] = cached
        return cached

    def _statutory_year(self, year: int) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
        """Fixed holidays of the rule in force on 1 January, and their carry-overs (Law on holidays art. 5)."""
        spec = rules.value("calendar.public_holidays", dt.date(year, 1, 1))
        holidays = {dt.date(year, m, d): carry for m, d, _key, carry in spec}
        # Days off from the table count as taken when looking for a free day to carry over to.
        taken = set(holidays) | {d for d, k in self.overrides.items() if d.year == year and k in OFF_KINDS}
        off = set(holidays)
        for day in sorted(holidays):
            if not holidays[day] or day.weekday() < SATURDAY:
                continue
            target = day + ONE_DAY
            while target.weekday() >= SATURDAY or target in taken:
                target += ONE_DAY
            taken.add(target)
            off.add(target)
        return frozenset(off), frozenset()

    # -- queries ------------------------------------------------------------------------------------------
    def is_working_day(self, day: dt.date) -> bool:
        kind = self.overrides.get(day)
        if kind is not None:
            return kind == WORK_KIND
        off, work = self._year(day.year)
        if day in work:
            return True
        if day in off:
            return False
        return day.weekday() < SATURDAY

    def reason(self, day: dt.date) -> str:
        """Why a day is not a working day, in English (for the steps of a deadline)."""
        kind = self.overrides.get(day)
        if kind in OFF_KINDS:
            return "day off by transfer" if kind == "transfer_off" else "public holiday"
        if self.is_working_day(day):
            return "working day"
        off, _work = self._year(day.year)
        if day in off:
            return "public holiday or day off carried over"
        return "weekend"

    def next_working_day(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start``, counting from the day after it; ``start`` itself is never
        counted (АППК art. 76 p.1 "from the next day"). n=0 gives ``start``; a negative n counts backwards."""
        step = ONE_DAY if n >= 0 else -ONE_DAY
        remaining = abs(n)
        day = start
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b]: the days after ``a`` up to and including ``b``; negative if b < a.
        ``working_days_between(a, add_working_days(a, n)) == n`` for n >= 0."""
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        day = a + ONE_DAY
        while day <= b:
            if self.is_working_day(day):
                count += 1
            day += ONE_DAY
        return count


# -- the process-wide calendar built from the table ------------------------------------------------------

_lock = threading.Lock()
_current: Calendar | None = None
_current_stamp: object = None
_checked_at = 0.0


def _load_overrides() -> dict[dt.date, str]:
    from esep.law.models import CalendarDay

    try:
        return dict(CalendarDay.objects.values_list("date", "kind"))
    except DatabaseError:  # the table does not exist yet (before migrate): the package and the rule only
        log.warning("law: calendar table unavailable; using the built-in calendar only")
        return {}


def current() -> Calendar:
    """The calendar of this process, rebuilt when the table's version stamp changes."""
    global _current, _current_stamp, _checked_at
    now = time.monotonic()
    if _current is not None and now - _checked_at < STAMP_CHECK_SECONDS:
        return _current
    stamp = cache.get(STAMP_KEY)
    with _lock:
        if _current is None or stamp != _current_stamp:
            _current = Calendar(_load_overrides())
            _current_stamp = stamp
        _checked_at = now
    return _current


def invalidate() -> None:
    """Drop every process's calendar: called by the services that write ``CalendarDay``."""
    global _current
    cache.set(STAMP_KEY, time.time_ns(), timeout=None)
    with _lock:
        _current = None


def is_working_day(day: dt.date) -> bool:
    return current().is_working_day(day)


def next_working_day(day: dt.date) -> dt.date:
    """``day`` itself if it is a working day, else the first working day after it."""
    return current().next_working_day(day)


def add_working_days(start: dt.date, n: int) -> dt.date:
    """The n-th working day counted from the day after ``start`` (never a non-working day for n > 0)."""
    return current().add_working_days(start, n)


def working_days_between(a: dt.date, b: dt.date) -> int:
    """Working days after ``a`` up to and including ``b``."""
    return current().working_days_between(a, b)


def _parse_hhmm(text: str) -> dt.time:
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def registration_date(received_at: dt.datetime) -> dt.date:
    """The day an appeal is registered (АППК art. 64 pp.2-3): the day it is received; if received after
    working hours or on a non-working day, the next working day. Something received before the start of a
    working day is registered that day. A naive datetime is taken as Almaty time."""
    if timezone.is_naive(received_at):
        received_at = timezone.make_aware(received_at)
    local = timezone.localtime(received_at)
    day = local.date()
    _start, end = (_parse_hhmm(t) for t in rules.value("appk.working_hours", day))
    cal = current()
    if not cal.is_working_day(day) or local.time() >= end:
        return cal.next_working_day(day + ONE_DAY)
    return day
