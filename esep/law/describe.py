"""Describing a stored meeting as the JSON of docs/compliance.md, so the same evaluation runs on stored
meetings as on descriptions sent by scripts.

``describe_meeting`` fills what the core Meeting and MeetingReporter rows know. Other apps add what they
own (announcement, minutes, items, appeals) by registering a describer in their ``AppConfig.ready()``::

    from esep.law.describe import register_describer

    def describe_announcement(meeting, description):
        description["announcement"] = {"published_at": ..., "channels": [...], "content": {...}}

    register_describer(describe_announcement)

A describer must only add or replace keys of the description; it must not write to the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone

Describer = Callable[[Any, dict], None]
_describers: list[Describer] = []

STATUS_MAP = {
    "draft": "planned",
    "scheduled": "planned",
    "announced": "planned",
    "held": "held",
    "closed": "held",
    "cancelled": "cancelled",
}


def register_describer(fn: Describer) -> Describer:
    """Add a describer (idempotent: registering the same function twice keeps one). Usable as a decorator."""
    if fn not in _describers:
        _describers.append(fn)
    return fn


def unregister_describer(fn: Describer) -> None:
    if fn in _describers:
        _describers.remove(fn)


def describe_meeting(meeting: Any) -> dict[str, Any]:
    """The description of a stored meeting. For many meetings, prefetch ``reporters__officer`` and
    ``reporters__precinct`` and select ``settlement`` first (as esep/law/views.py does for one)."""
    reporters = list(meeting.reporters.all())
    description: dict[str, Any] = {
        "id": meeting.pk,
        "kind": meeting.kind,
        "status": STATUS_MAP.get(meeting.status, ""),
        "period": {"year": meeting.period_year, "quarter": meeting.period_quarter},
        "starts_at": timezone.localtime(meeting.starts_at).isoformat(),
        "officers": [
            {
                "id": r.officer_id,
                "name": r.officer.full_name,
                "role": meeting.kind,
                "precinct": r.precinct.number if r.precinct_id else "",
            }
            for r in reporters
        ],
        "format": meeting.format,
        "venue": {
            "text": meeting.venue_kk or meeting.venue_ru,
            "capacity": meeting.venue_capacity,
            "settlement": meeting.settlement.kato if meeting.settlement_id else None,
        },
        "expected_attendance": meeting.expected_attendance,
    }
    if meeting.ends_at:
        description["ends_at"] = timezone.localtime(meeting.ends_at).isoformat()
    for describer in list(_describers):
        describer(meeting, description)
    return description


def evaluate_meeting(meeting: Any, *, today=None) -> list:
    """Findings for a stored meeting (not strict: describers may add keys of their own). None for a meeting
    of a kind no rule governs (a joint reception with the public council is not a report under Order 608 or
    Order 652)."""
    from esep.law.compliance import KINDS, evaluate

    if meeting.kind not in KINDS:
        return []
    return evaluate(describe_meeting(meeting), strict=False, today=today)
