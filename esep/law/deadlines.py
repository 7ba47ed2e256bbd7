"""Deadlines as pure functions of a rule and a start date over the working-day calendar: the one computation
of every legal term. The appeals clock (esep/appeals/clock.py), the compliance checks and the deadline
command and API all call :func:`compute`; the working-day arithmetic itself is :mod:`esep.law.calendar`'s.

``compute("appk.term_days", received_at)`` gives the due date and the steps by which it was counted, so a
person can check it by hand.

Which version of the rule applies (one rule, documented in docs/compliance.md): the version in force on
``on`` if given; otherwise, for a term of an appeal (one counted from its receipt or registration), the
version in force on the **registration day** (АППК art. 64 p.2: the day of receipt, or the next working day
after hours); otherwise the version in force on the start day. The term is fixed when its clock starts and is
not rewritten by a later change in the law.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from esep.law import calendar
from esep.law.rules import Rule, find, rule, versions

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


APPEAL_EVENTS = frozenset({"receipt", "registration"})


def is_appeal_term(rule_code: str) -> bool:
    """A term counted from an appeal's receipt or registration in some version (its version is chosen by the
    registration day)."""
    return any(v.start_event in APPEAL_EVENTS for v in versions(rule_code))


def version_day(rule_code: str, start: dt.date | dt.datetime, *, registered_on: dt.date | None = None) -> dt.date:
    """The day whose version of ``rule_code`` applies to a term starting at ``start`` (see the module doc)."""
    if is_appeal_term(rule_code):
        if registered_on is not None:
            return registered_on
        if isinstance(start, dt.datetime):
            return calendar.registration_date(start)
    return _to_date(start)


def compute(
    rule_code: str,
    start: dt.date | dt.datetime,
    *,
    on: dt.date | None = None,
    kind: str | None = None,
    registered_on: dt.date | None = None,
) -> Deadline:
    """The due date of ``rule_code`` counted from ``start``.

    - working days: counted from the day after ``start`` (АППК art. 76 p.1); when the term runs from
      registration, the registration day is ``registered_on`` if given, else found from a datetime ``start``
      (АППК art. 64 pp.2-3), else ``start`` itself;
    - calendar days, months, years: the last day is moved to the next working day if it is not one
      (АППК art. 76 p.5);
    - a term "before" (a notice before a meeting) gives the latest day to act, counted back, not moved.

    Raises UnknownRule / RuleNotInForce for a code or date without a rule, NotATerm for a rule that is not a
    term.
    """
    if isinstance(start, dt.datetime) and timezone.is_naive(start):
        start = timezone.make_aware(start)  # Almaty time
    start_day = _to_date(start)
    chosen_on = on or version_day(rule_code, start, registered_on=registered_on)
    the_rule = rule(rule_code, chosen_on, kind=kind)
    if the_rule.unit not in TERM_UNITS:
        raise NotATerm(rule_code)
    cal = calendar.current()
    n = int(the_rule.value)
    steps = [
        f"Rule {the_rule.code}: {the_rule.citation()}, {n} {the_rule.unit.replace('_', ' ')}"
        + (f" from {the_rule.start_event}" if the_rule.start_event else "")
        + f" (version in force on {chosen_on.isoformat()})."
    ]
    if the_rule.date_note:
        steps.append(f"Date of force: {the_rule.date_note}")

    if the_rule.start_event == "registration" and (registered_on is not None or isinstance(start, dt.datetime)):
        registered = registered_on if registered_on is not None else calendar.registration_date(start)
        if registered != start_day:
            steps.append(
                f"Received {timezone.localtime(start):%Y-%m-%d %H:%M} outside working hours or on a non-working "
                f"day: registered on {registered.isoformat()} (АППК art. 64 pp.2-3)."
            )
        start_day = registered

    if the_rule.unit == "working_days":
        due = cal.add_working_days(start_day, n)
        steps.append(f"Counting starts on the day after {start_day.isoformat()}.")
        skipped = [
            f"{day.isoformat()} ({cal.reason(day)})"
            for day in (start_day + dt.timedelta(days=i) for i in range(1, (due - start_day).days))
            if not cal.is_working_day(day)
        ]
        if skipped:
            steps.append("Not counted: " + ", ".join(skipped) + ".")
        steps.append(f"Working day {n} after {start_day.isoformat()}: {due.isoformat()}.")
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
            cite = shift.citation() if shift else "АППК art. 76 p.5"  # the rule for a day no version covers
            steps.append(
                f"{raw.isoformat()} is not a working day ({cal.reason(raw)}): moved to {due.isoformat()} ({cite})."
            )
    steps.append(f"Due: {due.isoformat()}.")
    return Deadline(due=due, start=start_day, rule=the_rule, steps=steps)


def _back(the_rule: Rule, start_day: dt.date, n: int) -> dt.date:
    months = n if the_rule.unit == "months" else 12 * n
    return _add_months(start_day, -months)


def extension_limit(
    decided_on: dt.date, *, registered_on: dt.date | None = None, term_due: dt.date | None = None
) -> Deadline:
    """The latest day an extension of an appeal's term may reach, under the version in force on its
    registration day: N months from the decision (АППК art. 76 p.3), or N calendar days from the end of the
    term (Law 221-III art. 8 p.4) when the version counts from ``term_end``."""
    on = registered_on or decided_on
    version = rule("appk.extension_max_months", on)
    start = term_due if version.start_event == "term_end" and term_due is not None else decided_on
    return compute(version.code, start, on=on)
