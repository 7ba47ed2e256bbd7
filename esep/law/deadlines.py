"""Deadlines as pure functions of a rule and a start date over the working-day calendar.

``compute("appk.term_days", registered)`` gives the due date and the steps by which it was counted, so a
person can check it by hand. The rule is the version in force on ``on`` (by default the start date), which
is how a deadline is fixed when its clock starts and is not rewritten by a later change in the law.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from esep.law import calendar
from esep.law.rules import Rule, find, rule

TERM_UNITS = ("calendar_days", "working_days", "months", "years")


class NotATerm(ValueError):
    """The rule exists but sets no term (a list, a yes/no)."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"rule {code!r} does not set a term; it cannot give a due date")


@dataclass(frozen=True)
class Deadline:
    due: dt.date
    start: dt.date
    rule: Rule
    steps: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "rule": self.rule.code,
            "citation": self.rule.citation(),
            "value": self.rule.value,
            "unit": self.rule.unit,
            "start": self.start.isoformat(),
            "due": self.due.isoformat(),
            "steps": list(self.steps),
        }


def parse_start(text: str) -> dt.date | dt.datetime | None:
    """A date (2025-03-14) or a datetime (2026-01-09T19:30, Almaty time unless an offset is given); None if
    the text is neither."""
    try:
        return parse_datetime(text) if ("T" in text or " " in text) else parse_date(text)
    except ValueError:
        return None


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = _stdlib_calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def _to_date(start: dt.date | dt.datetime) -> dt.date:
    if isinstance(start, dt.datetime):
        if timezone.is_naive(start):
            start = timezone.make_aware(start)
        return timezone.localtime(start).date()
    return start


def compute(
    rule_code: str, start: dt.date | dt.datetime, *, on: dt.date | None = None, kind: str | None = None
) -> Deadline:
    """The due date of ``rule_code`` counted from ``start``.

    - working days: counted from the day after ``start`` (АППК art. 76 p.1); when ``start`` is a datetime
      and the term runs from registration, the registration day is found first (АППК art. 64 pp.2-3);
    - calendar days, months, years: the last day is moved to the next working day if it is not one
      (АППК art. 76 p.5);
    - a term "before" (a notice before a meeting) gives the latest day to act, counted back, not moved.

    Raises UnknownRule / RuleNotInForce for a code or date without a rule, NotATerm for a rule that is not a
    term.
    """
    if isinstance(start, dt.datetime) and timezone.is_naive(start):
        start = timezone.make_aware(start)  # Almaty time
    start_day = _to_date(start)
    the_rule = rule(rule_code, on or start_day, kind=kind)
    if the_rule.unit not in TERM_UNITS:
        raise NotATerm(rule_code)
    cal = calendar.current()
    n = int(the_rule.value)
    steps = [
        f"Rule {the_rule.code}: {the_rule.citation()}, {n} {the_rule.unit.replace('_', ' ')}"
        + (f" from {the_rule.start_event}" if the_rule.start_event else "")
        + f" (version in force on {(on or start_day).isoformat()})."
    ]
    if the_rule.date_note:
        steps.append(f"Date of force: {the_rule.date_note}")

    if isinstance(start, dt.datetime) and the_rule.start_event == "registration":
        registered = calendar.registration_date(start)
        if registered != start_day:
            steps.append(
                f"Received {timezone.localtime(start):%Y-%m-%d %H:%M} outside working hours or on a non-working "
                f"day: registered on {registered.isoformat()} (АППК art. 64 pp.2-3)."
            )
        start_day = registered

    if the_rule.unit == "working_days":
        due = _count_working_days(cal, start_day, n, steps)
    elif the_rule.direction == "before":
        due = start_day - dt.timedelta(days=n) if the_rule.unit == "calendar_days" else _back(the_rule, start_day, n)
        steps.append(f"{n} {the_rule.unit.replace('_', ' ')} before {start_day.isoformat()}: {due.isoformat()}.")
        steps.append("This is the latest day to act; it is not moved for weekends or holidays.")
    else:
        if the_rule.unit == "calendar_days":
            raw = start_day + dt.timedelta(days=n)
        elif the_rule.unit == "months":
            raw = _add_months(start_day, n)
        else:
            raw = _add_months(start_day, 12 * n)
        steps.append(f"{n} {the_rule.unit.replace('_', ' ')} after {start_day.isoformat()}: {raw.isoformat()}.")
        due = cal.next_working_day(raw)
        if due != raw:
            shift = find("appk.deadline_shift", raw)
            cite = shift.citation() if shift else "АППК art. 76 p.5"
            steps.append(
                f"{raw.isoformat()} is not a working day ({cal.reason(raw)}): moved to {due.isoformat()} ({cite})."
            )
    steps.append(f"Due: {due.isoformat()}.")
    return Deadline(due=due, start=start_day, rule=the_rule, steps=steps)


def _back(the_rule: Rule, start_day: dt.date, n: int) -> dt.date:
    months = n if the_rule.unit == "months" else 12 * n
    return _add_months(start_day, -months)


def _count_working_days(cal: calendar.Calendar, start_day: dt.date, n: int, steps: list[str]) -> dt.date:
    steps.append(f"Counting starts on the day after {start_day.isoformat()}.")
    skipped: list[str] = []
    day = start_day
    counted = 0
    while counted < n:
        day += calendar.ONE_DAY
        if cal.is_working_day(day):
            counted += 1
        else:
            skipped.append(f"{day.isoformat()} ({cal.reason(day)})")
    if skipped:
        steps.append("Not counted: " + ", ".join(skipped) + ".")
    steps.append(f"Working day {n} after {start_day.isoformat()}: {day.isoformat()}.")
    return day
