"""The one door from meetings and protocols to esep.law: rules are read by key on the date of the meeting,
so a meeting is judged by the rules of its date and no legal number is written here."""

from __future__ import annotations

import datetime as dt
from typing import Any


def rule_value(key: str, *, on: dt.date) -> Any:
    from esep.law import rules

    return rules.value(key, on=on)


def rule_citation(key: str, *, on: dt.date) -> str:
    """The citation of the rule in force on ``on`` (for destruction records and messages)."""
    from esep.law import rules

    getter = getattr(rules, "citation", None)
    if getter is not None:
        return str(getter(key, on=on))
    rule = rules.get(key, on=on)
    return str(getattr(rule, "citation", "") or key)
