"""Who may go where: the status workflow of an appeal, in plain Python (no database)."""

from __future__ import annotations

from esep.appeals.models import AppealKind, AppealStatus

S = AppealStatus

# АППК appeals: registered -> considered -> answered / forwarded / extended / ended -> closed.
APPEAL_TRANSITIONS: dict[str, frozenset[str]] = {
    S.REGISTERED: frozenset({S.IN_PROGRESS, S.EXTENDED, S.FORWARDED, S.ANSWERED, S.ENDED_WITHOUT_ANSWER}),
    S.IN_PROGRESS: frozenset({S.EXTENDED, S.FORWARDED, S.ANSWERED, S.ENDED_WITHOUT_ANSWER}),
    S.EXTENDED: frozenset({S.FORWARDED, S.ANSWERED, S.ENDED_WITHOUT_ANSWER}),
    # A forwarded appeal ends with the competent body's answer (recorded by that body or by staff), or is
    # closed by staff when following it up is no longer useful.
    S.FORWARDED: frozenset({S.ANSWERED, S.CLOSED}),
    S.ANSWERED: frozenset({S.CLOSED}),
    S.ENDED_WITHOUT_ANSWER: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}

# Crime reports are not АППК appeals (АППК art. 3 p.4): registered in the crime register, then closed.
CRIME_TRANSITIONS: dict[str, frozenset[str]] = {
    S.REGISTERED: frozenset({S.IN_PROGRESS, S.CRIME_REGISTERED}),
    S.IN_PROGRESS: frozenset({S.CRIME_REGISTERED}),
    S.CRIME_REGISTERED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}


# Complaints against an act or inaction: as appeals, but never extended (АППК art. 99).
COMPLAINT_TRANSITIONS: dict[str, frozenset[str]] = {
    status: targets - {S.EXTENDED} for status, targets in APPEAL_TRANSITIONS.items() if status != S.EXTENDED
}


def allowed(kind: str, status_from: str) -> frozenset[str]:
    if kind == AppealKind.CRIME_REPORT:
        table = CRIME_TRANSITIONS
    elif kind == AppealKind.COMPLAINT:
        table = COMPLAINT_TRANSITIONS
    else:
        table = APPEAL_TRANSITIONS
    return table.get(status_from, frozenset())


def can_transition(kind: str, status_from: str, status_to: str) -> bool:
    return status_to in allowed(kind, status_from)
