"""Reads for the residents' side. Only published data: meetings that were announced (and what became of
them), current inspectors, moderated questions. Each page's reads are bounded in queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from esep.core import clock
from esep.core.collation import sort_by, sort_places
from esep.core.pagecache import reference
from esep.meetings.models import Meeting, MeetingReporter, MeetingStatus
from esep.police.models import PoliceBody, Precinct, StreetRange
from esep.police.selectors import inspectors_on
from esep.territory.kato import kato_bounds
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


def in_territory(qs: QuerySet[Meeting], territory: Territory) -> QuerySet[Meeting]:
    """Meetings of a region or district: held there, or by a police body of that territory. The list of
    meetings and the Atom feed filter with this one rule."""
    bounds = kato_bounds(territory.prefix)
    return qs.filter(Q(body__territory__kato__range=bounds) | Q(settlement__kato__range=bounds))


def upcoming_meetings(
    *, territory: Territory | None = None, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> QuerySet[Meeting]:
    qs = public_meetings().filter(status=MeetingStatus.ANNOUNCED, starts_at__gte=clock.now())
    if territory is not None:
        qs = in_territory(qs, territory)
    if date_from is not None:
        qs = qs.filter(starts_at__date__gte=date_from)
    if date_to is not None:
        qs = qs.filter(starts_at__date__lte=date_to)
    # The lists show date, kind, body and venue: no reporters to fetch.
    return qs.select_related("body").order_by("starts_at", "id")


def _announced() -> list[tuple]:
    """(start, id, body's KATO code, settlement's KATO code) of every announced meeting not started when
    read, in date order: a few thousand rows nationally, kept per process under the public version
    (announcing, moving and cancelling a meeting bump it). SQLite would otherwise read each announced
    meeting's row to filter a list by territory."""

    def read() -> list[tuple]:
        return list(
            public_meetings()
            .filter(status=MeetingStatus.ANNOUNCED, starts_at__gte=clock.now())
            .order_by("starts_at", "id")
            .values_list("starts_at", "id", "body__territory__kato", "settlement__kato")
        )

    return reference("public:announced", read)


def upcoming_meeting_ids(
    *, territory: Territory | None = None, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> list[int]:
    """The ids of ``upcoming_meetings(...)``, in the same order, without a query once kept."""
    now = clock.now()
    lo, hi = kato_bounds(territory.prefix) if territory is not None else ("", "")
    ids = []
    for starts_at, pk, body_kato, settlement_kato in _announced():
        if starts_at < now:
            continue
        if territory is not None and not (lo <= (body_kato or "") <= hi or lo <= (settlement_kato or "") <= hi):
            continue
        if date_from is not None or date_to is not None:
            day = timezone.localtime(starts_at).date()
            if (date_from is not None and day < date_from) or (date_to is not None and day > date_to):
                continue
        ids.append(pk)
    return ids


def meetings_in_order(ids: list[int]) -> list[Meeting]:
    """Meetings for a list's rows (with their body), in the order of ``ids``."""
    found = Meeting.objects.select_related("body").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def meeting_by_code(code: str) -> Meeting | None:
    """One public meeting with its reporters, their precincts, points and bodies: two queries."""
    reporters = MeetingReporter.objects.select_related("officer", "precinct__point", "precinct__body")
    return (
        public_meetings()
        .select_related("body__territory", "settlement", "announcement", "report")
        .prefetch_related(Prefetch("reporters", queryset=reporters))
        .filter(code=code)
        .first()
    )


def _meeting_ids_of_precinct(precinct: Precinct) -> list[int]:
    """A precinct's meetings by the link table's precinct index first: joined and ordered by date in one
    query, PostgreSQL walks every meeting by date on a national archive (seconds); a precinct has a few
    dozen meetings, so their ids are read first and the meetings fetched by primary key."""
    through = Meeting.precincts.through
    return list(through.objects.filter(precinct_id=precinct.pk).values_list("meeting_id", flat=True)[:2000])


def next_meeting_of_precinct(precinct: Precinct) -> Meeting | None:
    return (
        public_meetings()
        .filter(id__in=_meeting_ids_of_precinct(precinct), status=MeetingStatus.ANNOUNCED, starts_at__gte=clock.now())
        .order_by("starts_at")
        .first()
    )


def past_meetings_of_precinct(precinct: Precinct, limit: int = 12) -> list[Meeting]:
    ids = _meeting_ids_of_precinct(precinct)
    return list(public_meetings().filter(id__in=ids, status__in=PAST_STATUSES).order_by("-starts_at")[:limit])


def next_and_past_of_precinct(precinct: Precinct, limit: int = 12) -> tuple[Meeting | None, list[Meeting]]:
    """The precinct page's next announced meeting and its last held ones, in two queries."""
    now = clock.now()
    rows = list(
        public_meetings()
        .filter(id__in=_meeting_ids_of_precinct(precinct))
        .filter(Q(status=MeetingStatus.ANNOUNCED, starts_at__gte=now) | Q(status__in=PAST_STATUSES))
        .order_by("starts_at")
    )
    upcoming = next((m for m in rows if m.status == MeetingStatus.ANNOUNCED and m.starts_at >= now), None)
    past = [m for m in reversed(rows) if m.status in PAST_STATUSES][:limit]
    return upcoming, past


def precinct_meetings(precinct: Precinct) -> QuerySet[Meeting]:
    ids = _meeting_ids_of_precinct(precinct)
    return public_meetings().filter(id__in=ids).exclude(status=MeetingStatus.CANCELLED)


def body_meetings(body: PoliceBody) -> QuerySet[Meeting]:
    return public_meetings().filter(body=body).exclude(status=MeetingStatus.CANCELLED)


FEED_FIELDS = (
    "code", "kind", "status", "starts_at", "ends_at", "venue_kk", "venue_ru", "online_url",
    "published_at", "updated_at", "body__name_kk", "body__name_ru", "body__name_en", "body__slug",
    # The venue's settlement, named in the calendar's LOCATION (esep.public.ical).
    "settlement__name_kk", "settlement__name_ru", "settlement__name_en",
)  # fmt: skip


def feed_meetings(qs: QuerySet[Meeting], limit: int) -> list[Meeting]:
    """Meetings for calendars and feeds with only what they print, and ``reporter_names`` (the reporters'
    full names, in order) from one more query instead of two prefetches of whole rows."""
    rows = list(qs.select_related("body", "settlement").only(*FEED_FIELDS)[:limit])
    names: dict[int, list[str]] = {}
    reporters = (
        MeetingReporter.objects.filter(meeting_id__in=[m.pk for m in rows])
        .order_by("meeting_id", "id")
        .values_list("meeting_id", "officer__last_name", "officer__first_name", "officer__patronymic")
    )
    for meeting_id, *parts in reporters:
        names.setdefault(meeting_id, []).append(" ".join(p for p in parts if p))
    for m in rows:
        m.reporter_names = names.get(m.pk, [])
    return rows


def choice_labels(model, field: str) -> dict[str, str]:
    """A choice field's labels in the active language, for writing many rows (``get_FOO_display`` builds its
    lookup table on every call)."""
    return {value: str(label) for value, label in model._meta.get_field(field).flatchoices}


@dataclass(frozen=True)
class PrecinctCard:
    precinct: Precinct
    inspector: object  # InspectorOnDate | None


def precinct_cards(precincts: list[Precinct]) -> list[PrecinctCard]:
    found = inspectors_on(precincts, clock.localdate())
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


def precinct_by_number(slug: str, number: str) -> Precinct | None:
    """A precinct and its body, without what only its page shows (calendars, feeds)."""
    return Precinct.objects.select_related("body").defer("area").filter(body__slug=slug, number=number).first()


def _precinct_order(number: str) -> tuple:
    return (0, int(number), "") if number.isdigit() else (1, 0, number)


def precincts_of_territory(territory: Territory, *, limit: int = 300) -> list[Precinct]:
    """Every precinct serving a place in ``territory``, at any level (region, district, city, city district,
    rural district, settlement): precincts attached to a settlement under it, precincts with a street range
    in it, and precincts of police bodies on it. Precincts attached to ``territory`` itself (the city or
    village the resident asked for) come first, then by police body and number.

    Order 652 p.25: a precinct is the inspector's territory, so a place is served by the precincts whose
    territory lies in it, whichever police body keeps them."""
    through = Precinct.settlements.through
    bounds = kato_bounds(territory.prefix)
    # The ids first, in one UNION whose parts each use an index (a single query with ORs makes SQLite walk
    # every police body).
    parts = [StreetRange.objects.filter(settlement__kato__range=bounds).order_by().values_list("precinct_id")]
    if territory.level != Level.SETTLEMENT:
        parts.append(Precinct.objects.filter(body__territory__kato__range=bounds).order_by().values_list("id"))
    in_settlements = through.objects.filter(territory__kato__range=bounds).order_by().values_list("precinct_id")
    ids = {pk for (pk,) in in_settlements.union(*parts)}
    rows = list(
        Precinct.objects.select_related("body", "point")
        .defer("area")
        .filter(id__in=sorted(ids))
        .order_by("body__path", "id")[:limit]
    )
    own = set(through.objects.filter(territory=territory).values_list("precinct_id", flat=True))
    own |= set(StreetRange.objects.filter(settlement=territory).values_list("precinct_id", flat=True))
    rows.sort(key=lambda p: (p.pk not in own, p.body.path, _precinct_order(p.number)))
    return rows


def bodies_of_territory(territory: Territory) -> list[PoliceBody]:
    return sort_by(
        PoliceBody.objects.filter(territory__kato__range=kato_bounds(territory.prefix))
        .select_related("territory")
        .order_by("path")[:100],
        key=lambda b: b.name,
    )


def regions() -> list[Territory]:
    """The 20 regions in the alphabet of the page's language (esep.core.collation), kept per process
    (esep.core.pagecache.reference). Unordered in SQL: ordered by code, SQLite would read every territory."""
    return reference(
        "regions", lambda: sort_places(Territory.objects.filter(level=Level.OBLAST).order_by(), key=lambda t: t.name)
    )


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
