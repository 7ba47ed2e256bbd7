"""Reads of the territory: finding settlements by code or name."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from esep.territory.models import Level, Territory
from esep.territory.search import normalize


def settlements_named(text: str, *, limit: int = 20) -> QuerySet[Territory]:
    """Settlements (and urban units) whose Kazakh or Russian name matches ``text`` (a KATO code works too).

    An exact name beats a name that merely starts with the text."""
    text = text.strip()
    qs = Territory.objects.select_related("parent", "parent__parent")
    if text.isdigit() and len(text) == 9:
        return qs.filter(kato=text)
    key = normalize(text)
    if not key:
        return qs.none()
    # Settlements, and urban units with nothing under them (cities, city districts).
    units = qs.filter(Q(level=Level.SETTLEMENT) | Q(level=Level.SUB_DISTRICT, children__isnull=True))
    exact = units.filter(search_key__regex=rf"(^| \| ){key}( \| |$)")
    if exact.exists():
        return exact[:limit]
    return units.filter(search_key__contains=key).order_by("kato")[:limit]
