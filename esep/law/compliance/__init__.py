"""Compliance: a meeting, described as JSON (docs/compliance.md), judged by the rules in force on its date.

``evaluate(description)`` returns the findings, each with a stable code, the rule's citation, a severity and a
message in Kazakh, Russian and English. It stores nothing and reads the database only for the calendar.
Bad input raises ``DescriptionError`` naming the field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from esep.law.compliance.checks import CHECKS, period_rule_code, period_text, period_window, unknown_findings
from esep.law.compliance.findings import ERROR, WARNING, Finding, make, make_unknown
from esep.law.compliance.parse import KINDS, DescriptionError, parse
from esep.law.rules import find

__all__ = [
    "ERROR",
    "KINDS",
    "WARNING",
    "DescriptionError",
    "Finding",
    "evaluate",
    "evaluate_obligation",
    "period_window",
]


def evaluate(description: dict[str, Any], *, strict: bool = True, today: dt.date | None = None) -> list[Finding]:
    """Findings for one meeting. ``strict`` refuses unknown top-level fields (scripts); stored meetings are
    evaluated with ``strict=False`` so that describers of other apps may add their own keys. A cancelled
    meeting has no findings of its own: the missing report shows in :func:`evaluate_obligation`."""
    d = parse(description, strict=strict, today=today)
    if d.status == "cancelled":
        return []
    findings: list[Finding] = []
    for check in CHECKS:
        findings.extend(check(d))
    return findings + unknown_findings(d)


def evaluate_obligation(
    *, kind: str, year: int, quarter: int | None, held_on: list[dt.date], as_of: dt.date
) -> list[Finding]:
    """Findings for an officer's report owed for a period: missing, or held late (Order 608 p.4; Order 652
    p.26; Decree 723 pp.21, 24). ``held_on`` are the dates of the reports held for that period."""
    start, end = period_window(kind, year, quarter)
    r = find(period_rule_code(kind), end, kind=kind) or find(period_rule_code(kind), start, kind=kind)
    if r is None:
        # No version of the period rule for these dates: say so, never report nothing.
        return [make_unknown(period_rule_code(kind), end, "period")]
    period = period_text(kind, year, quarter)
    if any(start <= day <= end for day in held_on):
        return []
    late = sorted(day for day in held_on if day > end)
    if late:
        return [make("report.late", ERROR, [r], "period", period=period, date=late[0])]
    if as_of > end:
        return [make("report.missing", ERROR, [r], "period", period=period, due=end)]
    return []
