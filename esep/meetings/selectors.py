"""Reads of meetings for staff pages, always through ``restrict``."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from esep.accounts.permissions import Action, restrict
from esep.meetings.models import Meeting, Participant
from esep.territory.search import normalize

SEARCH_LIMIT = 12


def meetings_for(user: Any, action: Action = Action.VIEW) -> QuerySet[Meeting]:
    return restrict(Meeting.objects.all(), user, action).select_related("body", "settlement")


def meeting_for(user: Any, pk: int, action: Action = Action.VIEW) -> Meeting:
    return meetings_for(user, action).prefetch_related("reporters__officer", "precincts").get(pk=pk)


def known_residents(*, meeting: Meeting, user: Any, query: str) -> list[Participant]:
    """People registered at earlier reports of the same precincts, matching ``query`` in any spelling
    (Kazakh, Russian or Latin), one row per person, newest first; those already here are left out."""
    key = normalize(query)
    if len(key) < 2:
        return []
    here = set(meeting.participants.values_list("person_key", flat=True))
    rows = (
        restrict(Participant.objects.all(), user)
        .filter(meeting__precincts__in=meeting.precincts.all(), anonymised_at__isnull=True)
        .exclude(meeting=meeting)
        .filter(person_key__contains=key)
        .order_by("-registered_at")
        .only("id", "full_name", "residence", "person_key", "registered_at")[:200]
    )
    seen: set[str] = set()
    result: list[Participant] = []
    for row in rows:
        if row.person_key in seen or row.person_key in here:
            continue
        seen.add(row.person_key)
        result.append(row)
        if len(result) >= SEARCH_LIMIT:
            break
    return result
