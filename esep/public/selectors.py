"""Reads for the residents' side. Only published data: meetings that were announced (and what became of
them), current inspectors, moderated questions. Each page's reads are bounded in queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from esep.core.collation import number_sql_order, sort_by, sort_places
from esep.meetings.models import Meeting, MeetingReporter, MeetingStatus
from esep.police.models import PoliceBody, Precinct, StreetRange
from esep.police.selectors import inspectors_on
from esep.territory.models import Level, Territory

PUBLIC_STATUSES = (MeetingStatus.ANNOUNCED, MeetingStatus.HELD, MeetingStatus.CLOSED)
PAST_STATUSES = (MeetingStatus.HELD, MeetingStatus.CLOSED)


def public_meetings() -> QuerySet[Meeting]:
    """Meetings a resident may see: announced, held or closed; or cancelled after being announced."""
    return Meeting.objects.filter(
        Q(status__in=PUBLIC_STATUSES) | Q(status=MeetingStatus.CANCELLED, published_at__isnull=False)
    )


def _with_reporters(qs: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return qs.select_related("body", "settlement").prefetch_related(
        Prefetch("reporters", queryset=MeetingReporter.objects.select_related("officer", "precinct"))
    )


def upcoming_meetings(
    *, territory: Territory | None = None, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> QuerySet[Meeting]:
    qs = public_meetings().filter(status=MeetingStatus.ANNOUNCED, starts_at__gte=timezone.now())
    if territory is not None:
        qs = qs.filter(
            Q(body__territory__kato__startswith=territory.prefix) | Q(settlement__kato__startswith=territory.prefix)
        )
    if date_from is not None:
        qs = qs.filter(starts_at__date__gte=date_from)
    if date_to is not None:
        qs = qs.filter(starts_at__date__lte=date_to)
    return _with_reporters(qs).order_by("starts_at", "id")


def meeting_by_code(code: str) -> Meeting | None:
    return (
        _with_reporters(public_meetings())
        .select_related("body__territory", "announcement")
        .prefetch_related("reporters__precinct__point", "reporters__precinct__body")
        .filter(code=code)
        .first()
    )


def next_meeting_of_precinct(precinct: Precinct) -> Meeting | None:
    return (
        public_meetings()
        .filter(precincts=precinct, status=MeetingStatus.ANNOUNCED, starts_at__gte=timezone.now())
        .order_by("starts_at")
        .first()
    )


def past_meetings_of_precinct(precinct: Precinct, limit: int = 12) -> list[Meeting]:
    return list(public_meetings().filter(precincts=precinct, status__in=PAST_STATUSES).order_by("-starts_at")[:limit])


def precinct_meetings(precinct: Precinct) -> QuerySet[Meeting]:
    return public_meetings().filter(precincts=precinct).exclude(status=MeetingStatus.CANCELLED)


def body_meetings(body: PoliceBody) -> QuerySet[Meeting]:
    return public_meetings().filter(body=body).exclude(status=MeetingStatus.CANCELLED)


@dataclass(frozen=True)
class PrecinctCard:
    precinct: Precinct
    inspector: object  # InspectorOnDate | None


def precinct_cards(precincts: list[Precinct]) -> list[PrecinctCard]:
    found = inspectors_on(precincts, timezone.localdate())
    return [PrecinctCard(p, found.get(p.pk)) for p in precincts]


def precinct_page(slug: str, number: str) -> Precinct | None:
    return (
        Precinct.objects.select_related("body", "body__territory", "point")
        .prefetch_related(
            Prefetch("settlements", queryset=Territory.objects.select_related("parent").order_by("name_kk")),
            Prefetch("street_ranges", queryset=StreetRange.objects.select_related("settlement").order_by("street_kk")),
        )
        .filter(body__slug=slug, number=number)
        .first()
    )


def precincts_of_territory(territory: Territory) -> list[Precinct]:
    """Precincts serving a settlement, or every precinct of bodies on a district or region."""
    base = Precinct.objects.select_related("body", "point").order_by("body__path", *number_sql_order("number"))
    if territory.level == Level.SETTLEMENT:
        ids = set(territory.precincts.values_list("id", flat=True)) | set(
            StreetRange.objects.filter(settlement=territory).values_list("precinct_id", flat=True)
        )
        return list(base.filter(id__in=ids))
    return list(base.filter(body__territory__kato__startswith=territory.prefix)[:300])


def bodies_of_territory(territory: Territory) -> list[PoliceBody]:
    return sort_by(
        PoliceBody.objects.filter(territory__kato__startswith=territory.prefix)
        .select_related("territory")
        .order_by("path")[:100],
        key=lambda b: b.name,
    )


def regions() -> list[Territory]:
    """The 20 regions in the alphabet of the page's language (esep.core.collation)."""
    return sort_places(Territory.objects.filter(level=Level.OBLAST), key=lambda t: t.name)


def children(territory: Territory) -> list[Territory]:
    return sort_places(Territory.objects.filter(parent=territory)[:500], key=lambda t: t.name)


def district_at(lat: float, lon: float) -> Territory | None:
    """The district at a point: esep.territory.geo.locate when the boundaries are loaded; otherwise the
    district of the nearest settlement with coordinates."""
    try:
        from esep.territory.geo import locate
    except ImportError:
        locate = None
    if locate is not None:
        found = locate(lat, lon)
        if found is not None:
            return found
    box = 0.5
    near = Territory.objects.filter(
        latitude__range=(lat - box, lat + box), longitude__range=(lon - box, lon + box)
    ).only("kato", "latitude", "longitude", "level", "parent_id")
    best = min(near, key=lambda t: (t.latitude - lat) ** 2 + (t.longitude - lon) ** 2, default=None)
    if best is None:
        return None
    node = best
    while node is not None and node.level not in {Level.DISTRICT, Level.OBLAST}:
        node = node.parent
    return node
