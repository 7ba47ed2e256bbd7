"""A whole period for a whole body in one step (Order 608 p.8.1: the police body sets the dates and approves
the schedules).

``period_proposals`` lists every report the body (with the bodies under it) still owes in the period — one
per precinct for an inspectors' quarter (Order 652 p.26), one per body for the chiefs' year (Order 608 p.4) —
each with a date, time and venue proposed from the last report there, moved to the nearest day that avoids
what can be foreseen: a weekend or public holiday (``esep.law.calendar``), a day outside the period or in the
past, a second report of the same officer that day, the same venue booked that day. ``plan_check`` finds what
would still go wrong (one officer twice at once, one venue twice, a public holiday, a date outside the
period) so the staff unit fixes it before saving; ``plan_period`` refuses a plan with conflicts and
otherwise writes every meeting, its reporters and the draft schedule in one transaction with bulk inserts.

Set-based throughout: a fixed number of queries whatever the number of precincts (plain values, the last
report of each precinct by a window function), conflicts found in memory by grouping per officer and per
venue, never by comparing every pair.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext as _

from esep.core import clock
from esep.core.audit import audit_record
from esep.core.collation import collation_key
from esep.core.i18n import LANGS, fallback_order
from esep.law import calendar
from esep.law.compliance import period_window
from esep.meetings.models import Meeting, MeetingReporter, MeetingStatus
from esep.planning.models import Schedule, ScheduleEntry, ScheduleStatus
from esep.police.models import Assignment, Officer, PoliceBody, Position, Precinct
from esep.territory.search import normalize

DEFAULT_TIME = dt.time(18, 0)  # after working hours, when most residents can come (Order 652 p.27)
DEFAULT_CHIEF_TIME = dt.time(15, 0)
DURATION = dt.timedelta(hours=2)
MAX_ROWS = 20000
# How far back "the last report there" is looked for: older reports say nothing about the next period.
LOOK_BACK = {"inspector": dt.timedelta(days=400), "chief": dt.timedelta(days=800)}


@dataclass
class PlanRow:
    """One report to plan. ``key`` identifies it in the grid: "p<precinct id>" or "b<body id>"."""

    key: str
    body_id: int
    precinct_id: int | None
    officer_id: int | None
    label: str
    officer_name: str
    date: dt.date | None
    time: dt.time | None
    venue_kk: str = ""
    venue_ru: str = ""
    settlement_id: int | None = None
    include: bool = True
    source: str = ""  # where the proposal came from: "last" (the last report there) or "default"
    problems: list[str] = field(default_factory=list)

    @property
    def starts_at(self) -> dt.datetime | None:
        if self.date is None or self.time is None:
            return None
        return timezone.make_aware(dt.datetime.combine(self.date, self.time), _zone())


def _zone():
    return timezone.get_current_timezone()


@lru_cache(maxsize=50000)
def _venue_text(text: str) -> str:
    return normalize(text)


def venue_key(settlement_id: int | None, body_id: int, venue_kk: str, venue_ru: str) -> tuple | None:
    """What makes two reports share a hall: the same venue text in the same settlement (without a settlement,
    within the same police body: "the akimat's hall" of two districts is two halls). None: no venue given."""
    text = _venue_text(venue_kk or venue_ru or "")
    if not text:
        return None
    return ("s", settlement_id, text) if settlement_id else ("b", body_id, text)


# --- proposals ------------------------------------------------------------------------------------------------


def _spread(window: tuple[dt.date, dt.date], index: int) -> dt.date:
    """A default day in the second month of the period, spread over weekdays so one officer's several
    precincts do not all fall on one day."""
    start, end = window
    return min(start + dt.timedelta(days=35 + index), end)


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _from_last(local: dt.date, own: tuple[dt.date, dt.date], window: tuple[dt.date, dt.date]) -> dt.date:
    """The same place in the period as the last report had in its own period ``own``: the same month of the
    period, the same week and weekday, however many periods ago it was."""
    months = (local.year - own[0].year) * 12 + local.month - own[0].month
    span = (window[1].year - window[0].year) * 12 + window[1].month - window[0].month
    months = min(max(months, 0), span)
    first = _add_months(window[0].replace(day=1), months)
    day = first
    for d in (local.day, 30, 29, 28):
        try:
            day = first.replace(day=d)
            break
        except ValueError:
            continue
    shift = (local.weekday() - day.weekday()) % 7
    day = day + dt.timedelta(days=shift if shift <= 3 else shift - 7)
    return min(max(day, window[0]), window[1])


@dataclass
class _Booking:
    """A report taking an officer and a venue for a while: one already in the database (``row`` None) or
    one of the plan."""

    start: dt.datetime
    end: dt.datetime
    officers: frozenset[int]
    venue: tuple | None
    row: PlanRow | None = None


def _bookings(lo: dt.datetime, hi: dt.datetime, *, officer_ids: set[int], venues: set[tuple]) -> list[_Booking]:
    """The reports not cancelled starting between ``lo`` and ``hi`` that share an officer or a venue with
    the plan. Two queries of plain values."""
    settlement_ids = {v[1] for v in venues if v[0] == "s"}
    body_ids = {v[1] for v in venues if v[0] == "b"}
    live = Meeting.objects.filter(starts_at__gt=lo, starts_at__lt=hi).exclude(status=MeetingStatus.CANCELLED)
    # "officer_id + 0": SQLite would otherwise probe the (meeting, officer) index once per meeting of the
    # window and per officer of the plan; this way it reads each meeting's reporters once.
    reporters = (
        MeetingReporter.objects.filter(meeting__starts_at__gt=lo, meeting__starts_at__lt=hi)
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .alias(officer_key=F("officer_id") + 0)
        .filter(officer_key__in=officer_ids)
    )
    officers: dict[int, set[int]] = defaultdict(set)
    for meeting_id, officer_id in reporters.values_list("meeting_id", "officer_id"):
        officers[meeting_id].add(officer_id)
    where = Q(pk__in=list(officers))
    if settlement_ids:
        where |= Q(settlement_id__in=settlement_ids)
    if body_ids:
        where |= Q(settlement__isnull=True, body_id__in=body_ids)
    out = []
    rows = (
        live.filter(where)
        .order_by()
        .values_list("id", "starts_at", "ends_at", "settlement_id", "body_id", "venue_kk", "venue_ru", "format")
    )
    for pk, start, end, settlement_id, body_id, venue_kk, venue_ru, fmt in rows:
        key = venue_key(settlement_id, body_id, venue_kk, venue_ru) if fmt != "online" else None
        shared_officers = frozenset(officers.get(pk, ()))
        if not shared_officers and key not in venues:
            continue
        out.append(_Booking(start, end or start + DURATION, shared_officers, key))
    return out


class _Board:
    """The days already taken, per officer and per venue, and the working days of the period left to
    choose from: a proposal goes to the working day nearest the one wanted on which neither its officer
    nor its venue has another report."""

    def __init__(self, window: tuple[dt.date, dt.date], earliest: dt.date) -> None:
        day, self.days = max(window[0], earliest), []
        while day <= window[1]:
            if calendar.is_working_day(day):
                self.days.append(day)
            day += dt.timedelta(days=1)
        self.officer: dict[int, set[dt.date]] = defaultdict(set)
        self.venue: dict[tuple, set[dt.date]] = defaultdict(set)

    def book(self, officers, venue: tuple | None, start: dt.datetime, end: dt.datetime) -> None:
        first, last = timezone.localtime(start).date(), timezone.localtime(end).date()
        for officer_id in officers:
            self.officer[officer_id].update({first, last})
        if venue is not None:
            self.venue[venue].update({first, last})

    def _free(self, officer_id: int | None, venue: tuple | None, day: dt.date) -> bool:
        if officer_id is not None and day in self.officer.get(officer_id, ()):
            return False
        return venue is None or day not in self.venue.get(venue, ())

    def place(self, officer_id: int | None, venue: tuple | None, wanted: dt.date) -> dt.date:
        """The free working day nearest ``wanted`` (the later one on a tie), booked; ``wanted`` itself when
        the period has no free day left (the check then shows the conflict)."""
        days = self.days
        later = bisect_left(days, wanted)
        earlier = later - 1
        chosen = None
        while earlier >= 0 or later < len(days):
            if later < len(days) and (earlier < 0 or days[later] - wanted <= wanted - days[earlier]):
                candidate, later = days[later], later + 1
            else:
                candidate, earlier = days[earlier], earlier - 1
            if self._free(officer_id, venue, candidate):
                chosen = candidate
                break
        day = chosen or wanted
        if officer_id is not None:
            self.officer[officer_id].add(day)
        if venue is not None:
            self.venue[venue].add(day)
        return day


def _earliest(window: tuple[dt.date, dt.date]) -> dt.date:
    """The first day a report can still be planned on: tomorrow, or the period's first day."""
    return max(window[0], clock.localdate() + dt.timedelta(days=1))


def _last_reports(kind: str, owners: list[int], window: tuple[dt.date, dt.date]) -> dict[str, tuple]:
    """The last report (not cancelled) of each precinct (inspectors) or body (chiefs) of ``owners``, in one
    query driven by their index: a window function numbers each one's reports from the newest, and only the
    first is read.
    Values: (local date, local time, venue_kk, venue_ru, settlement id, its own period window)."""
    since = timezone.make_aware(dt.datetime.combine(window[0] - LOOK_BACK[kind], dt.time()))
    if kind == "inspector":
        qs = MeetingReporter.objects.filter(
            precinct_id__in=owners, meeting__kind="inspector", meeting__starts_at__gte=since
        ).exclude(meeting__status=MeetingStatus.CANCELLED)
        part, prefix, owner = "precinct_id", "meeting__", "precinct_id"
    else:
        qs = Meeting.objects.filter(body_id__in=owners, kind="chief", starts_at__gte=since).exclude(
            status=MeetingStatus.CANCELLED
        )
        part, prefix, owner = "body_id", "", "body_id"
    qs = qs.annotate(
        newest=Window(
            RowNumber(), partition_by=[F(part)], order_by=[F(f"{prefix}starts_at").desc(), F(f"{prefix}id").desc()]
        )
    ).filter(newest=1)
    found: dict[str, tuple] = {}
    zone, windows = _zone(), {}
    fields = ("starts_at", "venue_kk", "venue_ru", "settlement_id", "period_year", "period_quarter")
    for pk, starts_at, venue_kk, venue_ru, settlement_id, year, quarter in qs.values_list(
        owner, *(prefix + f for f in fields)
    ):
        local = timezone.localtime(starts_at, zone)
        time = local.time().replace(second=0, microsecond=0)
        if (year, quarter) not in windows:
            windows[year, quarter] = period_window(kind, year, quarter)
        found[f"{'p' if kind == 'inspector' else 'b'}{pk}"] = (
            local.date(),
            time,
            venue_kk,
            venue_ru,
            settlement_id,
            windows[year, quarter],
        )
    return found


def _planned_already(kind: str, year: int, quarter: int | None, body: PoliceBody) -> set[str]:
    qs = Meeting.objects.filter(kind=kind, period_year=year, body__path__startswith=body.path).exclude(
        status=MeetingStatus.CANCELLED
    )
    if kind == "inspector":
        return {
            f"p{pid}"
            for pid in MeetingReporter.objects.filter(
                meeting__in=qs.filter(period_quarter=quarter), precinct__isnull=False
            ).values_list("precinct_id", flat=True)
        }
    return {f"b{bid}" for bid in qs.order_by().values_list("body_id", flat=True)}


def _serving(path: str, on: dt.date) -> dict[int, tuple[int, str]]:
    """Who serves each precinct under ``path`` on ``on`` (an acting inspector first): officer id and name."""
    serving: dict[int, tuple[int, str, str]] = {}
    rows = (
        Assignment.objects.on(on)
        .filter(precinct__body__path__startswith=path)
        .order_by("precinct_id", "-start", "-id")
        .values_list("precinct_id", "kind", "officer_id", "officer__last_name", "officer__first_name",
                     "officer__patronymic")
    )  # fmt: skip
    for precinct_id, kind, officer_id, *name in rows:
        current = serving.get(precinct_id)
        if current is None or (kind == Assignment.Kind.ACTING and current[2] != Assignment.Kind.ACTING):
            serving[precinct_id] = (officer_id, " ".join(part for part in name if part), kind)
    return {pk: (officer_id, name) for pk, (officer_id, name, _kind) in serving.items()}


def _first_settlements(path: str) -> dict[int, int]:
    """Each precinct's first settlement (in KATO order), the default venue's settlement. Driven from the
    precincts under ``path``; the order is taken in Python (ordering in SQL made SQLite walk every KATO row)."""
    through = Precinct.settlements.through
    first: dict[int, tuple[str, int]] = {}
    rows = through.objects.filter(precinct__body__path__startswith=path)
    for precinct_id, territory_id, kato in rows.values_list("precinct_id", "territory_id", "territory__kato"):
        if precinct_id not in first or kato < first[precinct_id][0]:
            first[precinct_id] = (kato, territory_id)
    return {pk: territory_id for pk, (_kato, territory_id) in first.items()}


def _propose(rows: list[PlanRow], last: dict[str, tuple], window, default_index) -> None:
    """Fill each row's date, time and venue: from the last report there, else a default day; then move it
    to the nearest free working day of the period (the board of what is already taken)."""
    earliest = _earliest(window)
    board = _Board(window, earliest)
    lo = timezone.make_aware(dt.datetime.combine(window[0], dt.time())) - DURATION
    hi = timezone.make_aware(dt.datetime.combine(window[1] + dt.timedelta(days=1), dt.time())) + DURATION
    wanted: dict[str, dt.date] = {}
    for index, row in enumerate(rows):
        previous = last.get(row.key)
        if previous is not None:
            day, row.time, row.venue_kk, row.venue_ru, settlement_id, own = previous
            row.settlement_id = settlement_id or row.settlement_id
            wanted[row.key] = _from_last(day, own, window)
            row.source = "last"
        else:
            wanted[row.key] = _spread(window, default_index(index, row))
            row.source = "default"
    venues = {venue_key(r.settlement_id, r.body_id, r.venue_kk, r.venue_ru) for r in rows} - {None}
    officer_ids = {r.officer_id for r in rows if r.officer_id}
    for b in _bookings(lo, hi, officer_ids=officer_ids, venues=venues):
        board.book(b.officers, b.venue, b.start, b.end)
    # Reports with a day of their own (from the last report) choose first; defaults fill around them.
    for row in sorted(rows, key=lambda r: r.source != "last"):
        key = venue_key(row.settlement_id, row.body_id, row.venue_kk, row.venue_ru)
        row.date = board.place(row.officer_id, key, max(wanted[row.key], earliest))


def period_proposals(*, body: PoliceBody, kind: str, year: int, quarter: int | None) -> list[PlanRow]:
    """Every report the body's subtree still owes in the period, with a proposal that avoids the conflicts
    it can foresee. A fixed number of queries, of plain values."""
    window = period_window(kind, year, quarter)
    done = _planned_already(kind, year, quarter, body)
    rows: list[PlanRow] = []
    if kind == "inspector":
        order = fallback_order()
        precincts = []
        for pk, body_id, path, number, *names in Precinct.objects.filter(body__path__startswith=body.path).values_list(
            "id", "body_id", "body__path", "number", *(f"name_{code}" for code in LANGS)
        ):
            name = next((names[LANGS.index(code)] for code in order if names[LANGS.index(code)]), "")
            precincts.append((path, collation_key(number), pk, body_id, f"№{number} {name}"))
        precincts.sort(key=lambda p: p[:2])
        on = window[0] if window[0] > clock.localdate() else clock.localdate()
        serving = _serving(body.path, min(on, window[1]))
        settlements = _first_settlements(body.path)
        last = _last_reports(kind, [p[2] for p in precincts if f"p{p[2]}" not in done], window)
        for _path, _number, pk, body_id, label in precincts:
            key = f"p{pk}"
            if key in done:
                continue
            officer_id, officer_name = serving.get(pk, (None, ""))
            rows.append(
                PlanRow(
                    key=key,
                    body_id=body_id,
                    precinct_id=pk,
                    officer_id=officer_id,
                    label=label,
                    officer_name=officer_name,
                    date=None,
                    time=DEFAULT_TIME,
                    settlement_id=settlements.get(pk),
                )
            )
        per_officer: dict[int, int] = defaultdict(int)

        def default_index(index: int, row: PlanRow) -> int:
            if row.officer_id is None:
                return index % 20
            per_officer[row.officer_id] += 1
            return per_officer[row.officer_id] - 1

    else:
        bodies = list(PoliceBody.objects.filter(path__startswith=body.path))
        bodies.sort(key=lambda b: (b.path.count("/"), collation_key(b.name)))
        chiefs = {
            o.body_id: o
            for o in Officer.objects.filter(
                body__path__startswith=body.path, position=Position.CHIEF, is_active=True
            ).order_by("id")
        }
        last = _last_reports(kind, [b.pk for b in bodies if f"b{b.pk}" not in done], window)
        for b in bodies:
            key = f"b{b.pk}"
            if key in done:
                continue
            chief = chiefs.get(b.pk)
            rows.append(
                PlanRow(
                    key=key,
                    body_id=b.pk,
                    precinct_id=None,
                    officer_id=chief.pk if chief else None,
                    label=b.name,
                    officer_name=chief.full_name if chief else "",
                    date=None,
                    time=DEFAULT_CHIEF_TIME,
                    settlement_id=None,
                )
            )

        def default_index(index: int, row: PlanRow) -> int:
            return index

    _propose(rows, last, window, default_index)
    return rows


# --- conflicts ------------------------------------------------------------------------------------------------


def plan_check(rows: list[PlanRow], *, kind: str, year: int, quarter: int | None) -> list[PlanRow]:
    """The rows with their problems filled in (a copy). Looks within the plan and against meetings already
    planned: one officer twice within two hours, one venue (settlement and venue text) twice, a public
    holiday, a date outside the period, a missing date, time or reporter. Two queries; the overlaps are
    found per officer and per venue, each group in time order."""
    window = period_window(kind, year, quarter)
    out = [_copy(r) for r in rows]
    chosen = [r for r in out if r.include]
    now = clock.now()
    holidays: dict[dt.date, bool] = {}
    starts: dict[int, dt.datetime] = {}
    zone = _zone()
    for r in chosen:
        start = None if r.date is None or r.time is None else dt.datetime.combine(r.date, r.time, zone)
        if start is None:
            r.problems.append(_("Give the date and time."))
            continue
        starts[id(r)] = start
        if not window[0] <= r.date <= window[1]:
            r.problems.append(
                _("The date is outside the period (%(start)s – %(end)s).")
                % {"start": window[0].strftime("%d.%m.%Y"), "end": window[1].strftime("%d.%m.%Y")}
            )
        if r.date not in holidays:
            holidays[r.date] = not calendar.is_working_day(r.date) and calendar.current().reason(r.date) != "weekend"
        if holidays[r.date]:
            r.problems.append(_("The date is a public holiday."))
        if start <= now:
            r.problems.append(_("The date is in the past."))
        if kind == "inspector" and r.officer_id is None:
            r.problems.append(_("No inspector serves this precinct: assign one first."))
    timed = [r for r in chosen if id(r) in starts]
    if not timed:
        return out
    planned = []
    for r in timed:
        start = starts[id(r)]
        key = venue_key(r.settlement_id, r.body_id, r.venue_kk, r.venue_ru)
        planned.append(_Booking(start, start + DURATION, frozenset({r.officer_id} - {None}), key, r))
    lo = min(b.start for b in planned) - DURATION
    hi = max(b.start for b in planned) + DURATION
    officer_ids = {o for b in planned for o in b.officers}
    venues = {b.venue for b in planned} - {None}
    everything = _bookings(lo, hi, officer_ids=officer_ids, venues=venues) + planned
    by_officer: dict[int, list[_Booking]] = defaultdict(list)
    by_venue: dict[tuple, list[_Booking]] = defaultdict(list)
    for b in everything:
        for officer_id in b.officers:
            by_officer[officer_id].append(b)
        if b.venue is not None:
            by_venue[b.venue].append(b)
    for group in by_officer.values():
        for row, other in _overlaps(group):
            text = (
                _("%(officer)s has another report at that time (%(other)s).")
                % {"officer": row.officer_name, "other": other.label}
                if other is not None
                else _("%(officer)s already has a planned report at that time.") % {"officer": row.officer_name}
            )
            if text not in row.problems:
                row.problems.append(text)
    for group in by_venue.values():
        for row, _other in _overlaps(group):
            text = _("The venue is booked at that time for another report.")
            if text not in row.problems:
                row.problems.append(text)
    return out


def _copy(row: PlanRow) -> PlanRow:
    """The row with no problems yet (dataclasses.replace, without its per-call overhead)."""
    copy = PlanRow.__new__(PlanRow)
    copy.__dict__.update(row.__dict__)
    copy.problems = []
    return copy


def _overlaps(group: list[_Booking]):
    """(row, other row or None) for each pair of overlapping bookings of one group with a plan row in it."""
    if len(group) < 2 or all(b.row is None for b in group):
        return
    group.sort(key=lambda b: b.start)
    for i, a in enumerate(group):
        for b in group[i + 1 :]:
            if b.start >= a.end:
                break
            if a.row is not None:
                yield a.row, b.row
            if b.row is not None:
                yield b.row, a.row


# --- saving -------------------------------------------------------------------------------------------------


def plan_period(
    *, body: PoliceBody, kind: str, year: int, quarter: int | None, rows: list[PlanRow], actor: Any
) -> Schedule:
    """Create every chosen report of the plan and the body's draft schedule for the period, in one
    transaction. Refused, storing nothing, when any row has a problem or nothing is chosen."""
    if kind == "chief":
        quarter = None
    elif quarter not in (1, 2, 3, 4):
        raise ValidationError(_("An inspectors' schedule needs a quarter from 1 to 4."))
    if len(rows) > MAX_ROWS:
        raise ValidationError(_("Too many rows in one plan."))
    checked = plan_check(rows, kind=kind, year=year, quarter=quarter)
    chosen = [r for r in checked if r.include]
    if not chosen:
        raise ValidationError(_("Choose at least one report to plan."), code="empty")
    if any(r.problems for r in chosen):
        raise ValidationError(_("Resolve the conflicts before saving the plan."), code="conflicts")
    zone = _zone()
    starts = [dt.datetime.combine(r.date, r.time, zone) for r in chosen]
    with transaction.atomic():
        schedule, _created = Schedule.objects.select_for_update().get_or_create(
            body=body, kind=kind, period_year=year, period_quarter=quarter
        )
        if schedule.status != ScheduleStatus.DRAFT:
            raise ValidationError(_("The schedule is approved; reopen it to change it."), code="status")
        meetings = [
            Meeting(
                kind=kind,
                body_id=r.body_id,
                period_year=year,
                period_quarter=quarter,
                starts_at=start,
                ends_at=start + DURATION,
                settlement_id=r.settlement_id,
                venue_kk=r.venue_kk[:300],
                venue_ru=r.venue_ru[:300],
                status=MeetingStatus.SCHEDULED,
            )
            for r, start in zip(chosen, starts, strict=True)
        ]
        Meeting.objects.bulk_create(meetings, batch_size=1000)
        MeetingReporter.objects.bulk_create(
            [
                MeetingReporter(meeting=m, officer_id=r.officer_id, precinct_id=r.precinct_id)
                for m, r in zip(meetings, chosen, strict=True)
                if r.officer_id
            ],
            batch_size=1000,
        )
        through = Meeting.precincts.through
        through.objects.bulk_create(
            [
                through(meeting_id=m.pk, precinct_id=r.precinct_id)
                for m, r in zip(meetings, chosen, strict=True)
                if r.precinct_id
            ],
            batch_size=1000,
        )
        ScheduleEntry.objects.bulk_create(
            [ScheduleEntry(schedule=schedule, meeting=m) for m in meetings], batch_size=1000
        )
        audit_record(
            actor=actor,
            action="schedule.plan_period",
            obj=schedule,
            data={"meetings": len(meetings), "kind": kind, "year": year, "quarter": quarter},
        )
    return schedule
