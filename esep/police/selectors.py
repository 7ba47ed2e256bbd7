"""Reads of the police registry that other apps and the public side use."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from esep.police.models import Assignment, Officer, Precinct, StreetRange
from esep.territory.models import Territory


@dataclass(frozen=True)
class InspectorOnDate:
    officer: Officer
    assignment: Assignment
    acting: bool


def inspector_on(precinct: Precinct, day: dt.date) -> InspectorOnDate | None:
    """Who served ``precinct`` on ``day``: an acting inspector (leave, vacancy) takes precedence over the
    permanent one; with neither, None (a vacancy nobody covers)."""
    rows = list(
        Assignment.objects.on(day).filter(precinct=precinct).select_related("officer").order_by("-start", "-id")
    )
    for kind in (Assignment.Kind.ACTING, Assignment.Kind.PERMANENT):
        for row in rows:
            if row.kind == kind:
                return InspectorOnDate(officer=row.officer, assignment=row, acting=kind == Assignment.Kind.ACTING)
    return None


def inspectors_on(precincts: list[Precinct], day: dt.date) -> dict[int, InspectorOnDate]:
    """The same for many precincts in one query (list pages)."""
    result: dict[int, InspectorOnDate] = {}
    rows = (
        Assignment.objects.on(day)
        .filter(precinct__in=precincts)
        .select_related("officer")
        .order_by("precinct_id", "-start", "-id")
    )
    for row in rows:
        current = result.get(row.precinct_id)
        acting = row.kind == Assignment.Kind.ACTING
        if current is None or (acting and not current.acting):
            result[row.precinct_id] = InspectorOnDate(officer=row.officer, assignment=row, acting=acting)
    return result


def precincts_for_settlement(settlement: Territory) -> QuerySet[Precinct]:
    """Precincts covering a settlement, directly or through street ranges in it."""
    direct = Precinct.objects.filter(settlements=settlement)
    by_street = Precinct.objects.filter(street_ranges__settlement=settlement)
    return (
        (direct | by_street)
        .distinct()
        .select_related("body", "point")
        .prefetch_related(Prefetch("street_ranges", queryset=StreetRange.objects.filter(settlement=settlement)))
    )


def precinct_for_address(settlement: Territory, street: str, house: int | None) -> Precinct | None:
    """The precinct of one address in a city: the street range that covers the house."""
    street_key = street.strip().casefold()
    for sr in StreetRange.objects.filter(settlement=settlement).select_related("precinct"):
        if street_key in {sr.street_kk.casefold(), sr.street_ru.casefold()} and (house is None or sr.covers(house)):
            return sr.precinct
    return None


def precinct_at(lat: float, lon: float) -> Precinct | None:
    """The precinct whose area contains the point (bounding boxes in SQL, then the polygon test of
    esep.territory.geo); None where no area is known there. The smallest area wins where two overlap."""
    from esep.territory.geo import point_in_geometry

    candidates = Precinct.objects.filter(
        area_min_lat__lte=lat, area_max_lat__gte=lat, area_min_lon__lte=lon, area_max_lon__gte=lon
    ).select_related("body")
    inside = [p for p in candidates[:200] if p.area and point_in_geometry(lon, lat, p.area)]
    return min(
        inside,
        key=lambda p: (p.area_max_lat - p.area_min_lat) * (p.area_max_lon - p.area_min_lon),
        default=None,
    )
