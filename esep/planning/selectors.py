"""The plan of required reports, read from the registry and the meetings.

Who owes what (Order 608 p.4; Order 652 p.26; Decree 723 pp.21, 24):
- a chief's report is owed by each territorial police body for each year, to be held in Q1 of the next year;
  it is the body's obligation, whoever is chief at the time;
- an inspector's report is owed for each precinct for each quarter. The inspector named is the one serving
  the precinct on the last day of the quarter (or today, if the quarter is not over), an acting inspector
  taking precedence, as ``inspector_on`` decides. A report by anyone serving the precinct meets it; a
  vacant precinct still owes it (shown with no inspector). A joint gathering meets the obligation of every
  precinct whose inspector reports at it.

Statuses: held on time, held late, missing (the period is over and nothing was held), planned (a meeting is
scheduled), upcoming (nothing yet, the period is not over).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Case, Count, Exists, IntegerField, Max, OuterRef, Q, Value, When
from django.utils import timezone

from esep.accounts.permissions import Action, restrict
from esep.core import clock
from esep.core.collation import number_sql_order
from esep.law.compliance import period_window
from esep.meetings.models import Meeting, MeetingReporter, MeetingStatus
from esep.police.models import Assignment, PoliceBody, Precinct
from esep.protocols.models import Protocol, ProtocolStatus

HELD = {MeetingStatus.HELD, MeetingStatus.CLOSED}
PLANNED = {MeetingStatus.DRAFT, MeetingStatus.SCHEDULED, MeetingStatus.ANNOUNCED}
DEFAULT_DURATION = dt.timedelta(hours=2)  # when a meeting has no end time, for overlap checks only


class ObligationStatus:
    """A report is **done** (on time or late) only with signed minutes (Order 608 pp.14-15; Order 652 p.32):
    a meeting marked held whose minutes are not signed is "unproven" and is not counted as done."""

    ON_TIME = "on_time"
    LATE = "late"
    UNPROVEN = "unproven"
    MISSING = "missing"
    PLANNED = "planned"
    UPCOMING = "upcoming"
    ALL = (ON_TIME, LATE, UNPROVEN, MISSING, PLANNED, UPCOMING)
    NOT_DONE = (MISSING, UNPROVEN)  # not held, or held without signed minutes: not reported at all


@dataclass
class Obligation:
    kind: str
    year: int
    quarter: int | None
    body: PoliceBody
    precinct: Precinct | None
    officer: Any  # the inspector who owes it (None for a chief's report or a vacant precinct)
    acting: bool
    status: str
    window: tuple[dt.date, dt.date]
    meetings: list[Meeting] = field(default_factory=list)


def _signed(m: Meeting) -> bool:
    signed = getattr(m, "minutes_signed", None)
    if signed is not None:
        return bool(signed)
    protocol = getattr(m, "protocol", None) if hasattr(m, "protocol") else None
    return bool(protocol and protocol.status == ProtocolStatus.SIGNED)


def status_of(
    window: tuple[dt.date, dt.date], *, in_window: bool, after_window: bool, unsigned: bool, planned: bool,
    as_of: dt.date,
) -> str:  # fmt: skip
    """The one rule, from facts SQL or Python can compute: a signed report in the window, a signed one
    after it, a held one without signed minutes, a planned one."""
    _start, end = window
    if in_window:
        return ObligationStatus.ON_TIME
    if after_window:
        return ObligationStatus.LATE
    if unsigned:
        return ObligationStatus.UNPROVEN
    if planned:
        return ObligationStatus.PLANNED if as_of <= end else ObligationStatus.MISSING
    return ObligationStatus.MISSING if as_of > end else ObligationStatus.UPCOMING


def _status(window: tuple[dt.date, dt.date], meetings: list[Meeting], as_of: dt.date) -> str:
    start, end = window
    held = [(timezone.localtime(m.starts_at).date(), _signed(m)) for m in meetings if m.status in HELD]
    return status_of(
        window,
        in_window=any(start <= d <= end and ok for d, ok in held),
        after_window=any(d > end and ok for d, ok in held),
        unsigned=any(not ok for _d, ok in held),
        planned=any(m.status in PLANNED for m in meetings),
        as_of=as_of,
    )


def _bodies(user: Any, root: PoliceBody | None):
    qs = restrict(PoliceBody.objects.select_related("territory"), user, Action.VIEW)
    if root is not None:
        qs = qs.filter(path__startswith=root.path)
    return qs


def chief_obligations(
    user: Any, *, year: int, root: PoliceBody | None = None, as_of: dt.date | None = None
) -> list[Obligation]:
    """One obligation per body in the user's scope (under ``root``) for the year ``year``."""
    as_of = as_of or clock.localdate()
    window = period_window("chief", year, None)
    bodies = list(_bodies(user, root).order_by("path"))
    meetings = defaultdict(list)
    qs = restrict(Meeting.objects.filter(kind="chief", period_year=year), user, Action.VIEW).exclude(
        status=MeetingStatus.CANCELLED
    )
    if root is not None:
        qs = qs.filter(body__path__startswith=root.path)
    qs = qs.annotate(minutes_signed=Exists(Protocol.objects.filter(meeting=OuterRef("pk"), status="signed")))
    for m in qs.only("id", "body_id", "starts_at", "status", "code", "kind"):
        meetings[m.body_id].append(m)
    return [
        Obligation(
            "chief", year, None, b, None, None, False, _status(window, meetings[b.pk], as_of), window, meetings[b.pk]
        )
        for b in bodies
    ]


def _serving(user: Any, root: PoliceBody | None, on: dt.date) -> dict[int, Assignment]:
    """Who serves each precinct of the user's area on ``on``, scoped in SQL (an acting inspector first)."""
    qs = restrict(Assignment.objects.on(on), user, Action.VIEW)
    if root is not None:
        qs = qs.filter(precinct__body__path__startswith=root.path)
    serving: dict[int, Assignment] = {}
    for a in qs.select_related("officer").order_by("precinct_id", "-start", "-id"):
        current = serving.get(a.precinct_id)
        if current is None or (a.kind == Assignment.Kind.ACTING and current.kind != Assignment.Kind.ACTING):
            serving[a.precinct_id] = a
    return serving


def _reporters_in(user: Any, root: PoliceBody | None, year: int, quarter: int):
    qs = restrict(
        MeetingReporter.objects.filter(
            meeting__kind="inspector", meeting__period_year=year, meeting__period_quarter=quarter
        ),
        user,
        Action.VIEW,
    ).exclude(meeting__status=MeetingStatus.CANCELLED)
    qs = qs.exclude(precinct__isnull=True)
    if root is not None:
        qs = qs.filter(meeting__body__path__startswith=root.path)
    return qs


def inspector_obligations(
    user: Any, *, year: int, quarter: int, root: PoliceBody | None = None, as_of: dt.date | None = None
) -> list[Obligation]:
    """One obligation per precinct in the user's scope (under ``root``) for the quarter. Three queries
    whatever the number of precincts, each limited in SQL to the user's area: precincts, assignments,
    meetings with their reporters and whether their minutes are signed."""
    as_of = as_of or clock.localdate()
    window = period_window("inspector", year, quarter)
    on = min(window[1], as_of)
    precincts = restrict(Precinct.objects.select_related("body"), user, Action.VIEW)
    if root is not None:
        precincts = precincts.filter(body__path__startswith=root.path)
    precincts = list(precincts.order_by("body__path", *number_sql_order("number")))
    serving = _serving(user, root, on)
    by_precinct: dict[int, list[Meeting]] = defaultdict(list)
    reporters = _reporters_in(user, root, year, quarter).select_related("meeting")
    reporters = reporters.annotate(
        minutes_signed=Exists(Protocol.objects.filter(meeting=OuterRef("meeting_id"), status="signed"))
    )
    for r in reporters:
        r.meeting.minutes_signed = r.minutes_signed
        if r.meeting not in by_precinct[r.precinct_id]:
            by_precinct[r.precinct_id].append(r.meeting)
    out = []
    for p in precincts:
        a = serving.get(p.pk)
        found = by_precinct.get(p.pk, [])
        out.append(
            Obligation(
                "inspector",
                year,
                quarter,
                p.body,
                p,
                a.officer if a else None,
                bool(a and a.kind == Assignment.Kind.ACTING),
                _status(window, found, as_of),
                window,
                found,
            )
        )
    return out


def inspector_counts(
    user: Any, *, year: int, quarter: int, root: PoliceBody | None = None, as_of: dt.date | None = None
) -> list[BodyCounts]:
    """The same statuses as ``inspector_obligations``, counted per body for pages that show only counts.
    Two queries, both limited in SQL to the user's area, both counting in SQL (no model object is built):
    the precincts per body, and per precinct (GROUP BY) four flags of its reports in the period — signed and
    held in the window, signed and held after it, held without signed minutes, planned — counted per body
    and flags. Correlated
    EXISTS per precinct were tried first: SQLite drove them from the meetings' period index and took seconds
    for a region."""
    as_of = as_of or clock.localdate()
    window = period_window("inspector", year, quarter)
    precincts = restrict(Precinct.objects.all(), user, Action.VIEW)
    if root is not None:
        precincts = precincts.filter(body__path__startswith=root.path)
    owed = dict(precincts.order_by().values("body_id").annotate(n=Count("id")).values_list("body_id", "n"))
    # Driven from the period's meetings of the area's bodies (index meeting_body_kind_period), so the cost
    # follows the area and one quarter, not the area's whole history nor the country's quarter.
    bodies = _bodies(user, root).values_list("id", flat=True)
    reporters = _reporters_in(user, root, year, quarter).filter(meeting__body_id__in=list(bodies))
    start, end = window
    zone = timezone.get_current_timezone()
    first = dt.datetime.combine(start, dt.time(), zone)  # the window's days in Asia/Almaty, as instants
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), zone)
    held = Q(meeting__status__in=HELD)
    signed = held & Q(meeting__protocol__status=ProtocolStatus.SIGNED)

    def flag(*cases: When) -> Max:
        return Max(Case(*cases, default=Value(0), output_field=IntegerField()))

    yes, no = Value(1), Value(0)

    # Four flags per precinct (GROUP BY precinct), then the precincts counted per body and combination of flags
    # (GROUP BY over that): at most sixteen rows per body reach Python, whatever the number of precincts.
    per_precinct = (
        reporters.order_by()
        .values("precinct_id")
        .annotate(
            body=Max("precinct__body_id"),
            in_window=flag(When(signed & Q(meeting__starts_at__gte=first, meeting__starts_at__lt=after), then=yes)),
            after_window=flag(When(signed & Q(meeting__starts_at__gte=after), then=yes)),
            unsigned=flag(When(signed, then=no), When(held, then=yes)),
            planned=flag(When(Q(meeting__status__in=PLANNED), then=yes)),
        )
        .values_list("body", "in_window", "after_window", "unsigned", "planned")
    )
    sql, params = per_precinct.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT f.*, COUNT(*) FROM ({sql}) f GROUP BY 1, 2, 3, 4, 5", params)  # noqa: S608
        grouped = cursor.fetchall()
    per_body: dict[int, dict[str, int]] = {body_id: dict.fromkeys(ObligationStatus.ALL, 0) for body_id in owed}
    with_reports: dict[int, int] = defaultdict(int)
    for body_id, i, a, u, p, n in grouped:
        if body_id not in per_body:
            continue  # a precinct outside the area reported at a meeting inside it (the scope is per body)
        status = status_of(
            window, in_window=bool(i), after_window=bool(a), unsigned=bool(u), planned=bool(p), as_of=as_of
        )
        per_body[body_id][status] += n
        with_reports[body_id] += n
    for body_id, n in owed.items():  # precincts with no report at all in the period
        status = status_of(window, in_window=False, after_window=False, unsigned=False, planned=False, as_of=as_of)
        per_body[body_id][status] += n - with_reports[body_id]
    bodies = PoliceBody.objects.in_bulk(list(per_body))
    return sorted((BodyCounts(bodies[pk], counts) for pk, counts in per_body.items()), key=lambda r: r.body.path)


def obligations(
    user: Any, *, kind: str, year: int, quarter: int | None = None, root: PoliceBody | None = None, as_of=None
) -> list[Obligation]:
    if kind == "chief":
        return chief_obligations(user, year=year, root=root, as_of=as_of)
    return inspector_obligations(user, year=year, quarter=quarter, root=root, as_of=as_of)


@dataclass
class BodyCounts:
    body: PoliceBody
    counts: dict[str, int]

    @property
    def owed(self) -> int:
        return sum(self.counts.values())

    @property
    def not_reported(self) -> int:
        return sum(self.counts[s] for s in ObligationStatus.NOT_DONE)

    @property
    def done(self) -> int:
        return self.counts[ObligationStatus.ON_TIME] + self.counts[ObligationStatus.LATE]

    @property
    def percent_not_reported(self) -> float:
        """Reports not held, or held without signed minutes, as a share of those owed (late ones are apart)."""
        return round(100 * self.not_reported / self.owed, 1) if self.owed else 0.0

    @property
    def percent_done(self) -> float:
        return round(100 * self.done / self.owed, 1) if self.owed else 0.0


def counts_by_body(items: list[Obligation]) -> list[BodyCounts]:
    """Obligations counted per body, in the order of the body tree."""
    rows: dict[int, BodyCounts] = {}
    for ob in items:
        row = rows.get(ob.body.pk)
        if row is None:
            row = rows[ob.body.pk] = BodyCounts(ob.body, dict.fromkeys(ObligationStatus.ALL, 0))
        row.counts[ob.status] += 1
    return sorted(rows.values(), key=lambda r: r.body.path)


def rolled_up(rows: list[BodyCounts], *, root: PoliceBody | None) -> list[BodyCounts]:
    """Counts summed one level below ``root`` (without a root, at the highest level of the user's scope
    that has more than one body), worst first: the country reads as regions, a region as its districts,
    so oversight sees one screen and drills down."""
    if not rows:
        return []
    chains = [[int(part) for part in row.body.path.strip("/").split("/")] for row in rows]

    def key_at(chain: list[int], depth: int) -> int:
        return chain[min(depth, len(chain) - 1)]

    if root is not None:
        depth = len(root.path.strip("/").split("/"))
    else:
        depth = 0
        deepest = max(len(chain) for chain in chains) - 1
        while depth < deepest and len({key_at(chain, depth) for chain in chains}) == 1:
            depth += 1
    groups: dict[int, dict[str, int]] = {}
    for row, chain in zip(rows, chains, strict=True):
        bucket = groups.setdefault(key_at(chain, depth), dict.fromkeys(ObligationStatus.ALL, 0))
        for status, count in row.counts.items():
            bucket[status] += count
    bodies = PoliceBody.objects.in_bulk(list(groups))
    result = [BodyCounts(bodies[key], counts) for key, counts in groups.items()]
    return sorted(
        result,
        key=lambda r: (-r.counts[ObligationStatus.MISSING], -r.counts[ObligationStatus.LATE], r.body.path),
    )


# -- conflicts -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    kind: str  # "officer" | "venue"
    first: Meeting
    second: Meeting
    what: str  # the officer's name or the venue


def _span(m: Meeting) -> tuple[dt.datetime, dt.datetime]:
    return m.starts_at, m.ends_at or (m.starts_at + DEFAULT_DURATION)


def _venue_key(m: Meeting) -> tuple[Any, str] | None:
    from esep.territory.search import normalize

    text = normalize(m.venue_kk or m.venue_ru or "")
    if not text or m.format == "online":
        return None
    return (m.settlement_id, text)


def conflicts_for(meetings: list[Meeting]) -> list[Conflict]:
    """Officers in two meetings at overlapping times, and venues (same settlement and venue text) booked
    twice, between ``meetings`` and any other meeting not cancelled that overlaps them."""
    if not meetings:
        return []
    lo = min(m.starts_at for m in meetings) - dt.timedelta(days=1)
    hi = max(_span(m)[1] for m in meetings) + dt.timedelta(days=1)
    officer_ids = {r.officer_id for m in meetings for r in m.reporters.all()}
    settlements = {m.settlement_id for m in meetings}
    others = list(
        Meeting.objects.filter(starts_at__gte=lo, starts_at__lte=hi)
        .exclude(status=MeetingStatus.CANCELLED)
        .filter(Q(reporters__officer_id__in=officer_ids) | Q(settlement_id__in=[s for s in settlements if s]))
        .distinct()
        .prefetch_related("reporters__officer")
    )
    pool = {m.pk: m for m in [*others, *meetings]}
    ordered = sorted(pool.values(), key=lambda m: (m.starts_at, m.pk))
    own = {m.pk for m in meetings}
    found: list[Conflict] = []
    for i, a in enumerate(ordered):
        _a_start, a_end = _span(a)
        for b in ordered[i + 1 :]:
            b_start, _b_end = _span(b)
            if b_start >= a_end:
                break
            if a.pk not in own and b.pk not in own:
                continue
            shared = {r.officer_id: r.officer for r in a.reporters.all()}.keys() & {
                r.officer_id for r in b.reporters.all()
            }
            for officer_id in sorted(shared):
                name = next(r.officer.full_name for r in a.reporters.all() if r.officer_id == officer_id)
                found.append(Conflict("officer", a, b, name))
            ka, kb = _venue_key(a), _venue_key(b)
            if ka is not None and ka == kb:
                found.append(Conflict("venue", a, b, a.venue))
    return found


def schedule_meetings(schedule) -> list[Meeting]:
    """The meetings of a schedule that are not cancelled, in time order."""
    return list(
        schedule.meetings.exclude(status=MeetingStatus.CANCELLED)
        .select_related("body", "settlement")
        .prefetch_related("reporters__officer", "reporters__precinct")
        .order_by("starts_at")
    )
