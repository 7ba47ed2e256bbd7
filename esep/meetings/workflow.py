"""The life of a meeting as a plain transition table (no database needed to read or test it)."""

from __future__ import annotations

from esep.meetings.models import MeetingStatus as S

TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SCHEDULED, S.CANCELLED}),
    S.SCHEDULED: frozenset({S.ANNOUNCED, S.HELD, S.CANCELLED, S.DRAFT}),
    S.ANNOUNCED: frozenset({S.HELD, S.CANCELLED}),
    # A held meeting is closed once its minutes are signed; nothing reopens it (corrections are addenda).
    S.HELD: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
    S.CANCELLED: frozenset(),
}

# Registration of participants is open while the meeting can still take place or is being held.
REGISTRATION_OPEN = frozenset({S.SCHEDULED, S.ANNOUNCED, S.HELD})


def can_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())
