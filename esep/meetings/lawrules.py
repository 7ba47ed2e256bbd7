"""The one door from meetings and protocols to esep.law: rules are read by code on the date of the meeting
and for the kind of meeting, so a meeting is judged by the rules of its date and no legal number is
written here."""

from __future__ import annotations

import datetime as dt
from typing import Any


def rule_value(code: str, *, on: dt.date, kind: str | None = None) -> Any:
    from esep.law import rules

    return rules.value(code, on, kind=kind)


def rule_citation(code: str, *, on: dt.date, kind: str | None = None, lang: str = "en") -> str:
    from esep.law import rules

    return rules.citation(code, on, kind=kind, lang=lang)


def term_end(code: str, *, start: dt.date, kind: str | None = None) -> dt.date:
    """The last day of a term counted by esep.law (units, working days and shifts are the law's business)."""
    from esep.law import deadlines

    return deadlines.compute(code, start, kind=kind).due


def term_end_if_any(code: str, *, start: dt.date, kind: str | None = None) -> dt.date | None:
    """The same, or None where no version of the rule applies to this kind of meeting on that date."""
    from esep.law import rules

    if rules.find(code, start, kind=kind) is None:
        return None
    return term_end(code, start=start, kind=kind)
