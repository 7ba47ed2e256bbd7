"""A whole period for a whole body in one step (Order 608 p.8.1: the police body sets the dates and approves
the schedules).

``period_proposals`` lists every report the body (with the bodies under it) still owes in the period — one
per precinct for an inspectors' quarter (Order 652 p.26), one per body for the chiefs' year (Order 608 p.4) —
each with a date, time and venue proposed from the last report there. ``plan_check`` finds what would go
wrong (one officer twice at once, one venue twice, a public holiday, a date outside the period) so the
staff unit fixes it before saving; ``plan_period`` refuses a plan with conflicts and otherwise writes every
meeting, its reporters and the draft schedule in one transaction with bulk inserts.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from esep.core import clock
from esep.core.audit import audit_record
from esep.core.collation import collation_key
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
        return timezone.make_aware(dt.datetime.combine(self.date, self.time))


def _spread(window: tuple[dt.date, dt.date], index: int) -> dt.date:
    """A default day in the second month of the period, spread over weekdays so one officer's several
    precincts do not all fall on one day."""
    start, end = window
    day = min(start + dt.timedelta(days=35 + index), end)
    while day.weekday() >= 5 or not calendar.is_working_day(day):
        day += dt.timedelta(days=1)
    return min(day, end)


def _from_last(last: Meeting, window: tuple[dt.date, dt.date]) -> dt.date:
    """The same place in the period as the last report had in its own: same week and weekday."""
    local = timezone.localtime(last.starts_at).date()
    months = 12 if last.kind == "chief" else 3
    year, month = local.year, local.month + months
    while month > 12:
        year, month = year + 1, month - 12
    try:
        day = local.replace(year=year, month=month)
    except ValueError:  # 31st of a shorter month
        day = local.replace(year=year, month=month, day=28)
    shift = (local.weekday() - day.weekday()) % 7
    day = day + dt.timedelta(days=shift if shift <= 3 else shift - 7)
    start, end = window
    return min(max(day, start), end)


def _last_meetings(kind: str, *, precinct_ids: list[int], body_ids: list[int]) -> dict[str, Meeting]:
    """The last report (not cancelled) of each precinct or body, in one query."""
    found: dict[str, Meeting] = {}
    if kind == "inspector":
        rows = (
            MeetingReporter.objects.filter(precinct_id__in=precinct_ids, meeting__kind="inspector")
            .exclude(meeting__status=MeetingStatus.CANCELLED)
            .select_related("meeting")
            .order_by("precinct_id", "-meeting__starts_at")
        )
        for r in rows:
            found.setdefault(f"p{r.precinct_id}", r.meeting)
    else:
        rows = (
            Meeting.objects.filter(body_id__in=body_ids, kind="chief")
            .exclude(status=MeetingStatus.CANCELLED)
            .order_by("body_id", "-starts_at")
        )
        for m in rows:
            found.setdefault(f"b{m.body_id}", m)
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
    return {f"b{bid}" for bid in qs.values_list("body_id", flat=True)}


def period_proposals(*, body: PoliceBody, kind: str, year: int, quarter: int | None) -> list[PlanRow]:
    """Every report the body's subtree still owes in the period, with a proposal. A fixed number of queries."""
    window = period_window(kind, year, quarter)
    done = _planned_already(kind, year, quarter, body)
    rows: list[PlanRow] = []
    if kind == "inspector":
        precincts = list(
            Precinct.objects.filter(body__path__startswith=body.path)
            .select_related("body")
            .prefetch_related("settlements")
        )
        precincts.sort(key=lambda p: (p.body.path, collation_key(p.number)))
        on = window[0] if window[0] > clock.localdate() else clock.localdate()
        serving: dict[int, Assignment] = {}
        for a in (
            Assignment.objects.on(min(on, window[1]))
            .filter(precinct__body__path__startswith=body.path)
            .select_related("officer")
            .order_by("precinct_id", "-start", "-id")
        ):
            current = serving.get(a.precinct_id)
            if current is None or (a.kind == Assignment.Kind.ACTING and current.kind != Assignment.Kind.ACTING):
                serving[a.precinct_id] = a
        last = _last_meetings(kind, precinct_ids=[p.pk for p in precincts], body_ids=[])
        per_officer: dict[int, int] = defaultdict(int)
        for index, p in enumerate(precincts):
            key = f"p{p.pk}"
            if key in done:
                continue
            a = serving.get(p.pk)
            officer = a.officer if a else None
            settlements = list(p.settlements.all())
            row = PlanRow(
                key=key,
                body_id=p.body_id,
                precinct_id=p.pk,
                officer_id=officer.pk if officer else None,
                label=f"№{p.number} {p.name}",
                officer_name=officer.full_name if officer else "",
                date=None,
                time=DEFAULT_TIME,
                settlement_id=settlements[0].pk if settlements else None,
            )
            previous = last.get(key)
            if previous is not None:
                row.date = _from_last(previous, window)
                row.time = timezone.localtime(previous.starts_at).time().replace(second=0, microsecond=0)
                row.venue_kk, row.venue_ru = previous.venue_kk, previous.venue_ru
                row.settlement_id = previous.settlement_id or row.settlement_id
                row.source = "last"
            else:
                n = per_officer[officer.pk] if officer else index
                row.date = _spread(window, n)
                row.source = "default"
            if officer:
                per_officer[officer.pk] += 1
            rows.append(row)
    else:
        bodies = list(PoliceBody.objects.filter(path__startswith=body.path))
        bodies.sort(key=lambda b: (b.path.count("/"), collation_key(b.name)))
        chiefs = {
            o.body_id: o for o in Officer.objects.filter(body__in=bodies, position=Position.CHIEF, is_active=True)
        }
        last = _last_meetings(kind, precinct_ids=[], body_ids=[b.pk for b in bodies])
        for index, b in enumerate(bodies):
            key = f"b{b.pk}"
            if key in done:
                continue
            chief = chiefs.get(b.pk)
            row = PlanRow(
                key=key,
                body_id=b.pk,
                precinct_id=None,
                officer_id=chief.pk if chief else None,
                label=b.name,
                officer_name=chief.full_name if chief else "",
                date=_spread(window, index),
                time=DEFAULT_CHIEF_TIME,
                settlement_id=None,
                source="default",
            )
            previous = last.get(key)
            if previous is not None:
                row.date = _from_last(previous, window)
                row.time = timezone.localtime(previous.starts_at).time().replace(second=0, microsecond=0)
                row.venue_kk, row.venue_ru, row.settlement_id = (
                    previous.venue_kk,
                    previous.venue_ru,
                    previous.settlement_id,
                )
                row.source = "last"
            rows.append(row)
    return rows


# --- conflicts ------------------------------------------------------------------------------------------------


def plan_check(rows: list[PlanRow], *, kind: str, year: int, quarter: int | None) -> list[PlanRow]:
    """The rows with their problems filled in (a copy). Looks within the plan and against meetings already
    planned: one officer twice within two hours, one venue (settlement and venue text) twice, a public
    holiday, a date outside the period, a missing date, time or reporter."""
    window = period_window(kind, year, quarter)
    out = [replace(r, problems=[]) for r in rows]
    chosen = [r for r in out if r.include]
    for r in chosen:
        if r.starts_at is None:
            r.problems.append(_("Give the date and time."))
            continue
        if not window[0] <= r.date <= window[1]:
            r.problems.append(
                _("The date is outside the period (%(start)s – %(end)s).")
                % {"start": window[0].strftime("%d.%m.%Y"), "end": window[1].strftime("%d.%m.%Y")}
            )
        if not calendar.is_working_day(r.date) and calendar.current().reason(r.date) != "weekend":
            r.problems.append(_("The date is a public holiday."))
        if r.starts_at <= clock.now():
            r.problems.append(_("The date is in the past."))
        if kind == "inspector" and r.officer_id is None:
            r.problems.append(_("No inspector serves this precinct: assign one first."))
    timed = sorted((r for r in chosen if r.starts_at is not None), key=lambda r: r.starts_at)
    if not timed:
        return out
    lo, hi = timed[0].starts_at - DURATION, timed[-1].starts_at + DURATION
    existing = list(
        Meeting.objects.filter(starts_at__gt=lo, starts_at__lt=hi)
        .exclude(status=MeetingStatus.CANCELLED)
        .prefetch_related("reporters")
        .only("id", "starts_at", "ends_at", "settlement_id", "venue_kk", "venue_ru", "format")
    )
    # Slots: (start, end, officer ids, venue key, row or None for an existing meeting)
    slots = []
    for m in existing:
        venue = normalize(m.venue_kk or m.venue_ru or "")
        slots.append(
            (m.starts_at, m.ends_at or m.starts_at + DURATION, {r.officer_id for r in m.reporters.all()},
             (m.settlement_id, venue) if venue and m.format != "online" else None, None)
        )  # fmt: skip
    for r in timed:
        venue = normalize(r.venue_kk or r.venue_ru or "")
        slots.append(
            (r.starts_at, r.starts_at + DURATION, {r.officer_id} - {None},
             (r.settlement_id, venue) if venue else None, r)
        )  # fmt: skip
    slots.sort(key=lambda s: s[0])
    for i, (_a_start, a_end, a_officers, a_venue, a_row) in enumerate(slots):
        for b_start, _b_end, b_officers, b_venue, b_row in slots[i + 1 :]:
            if b_start >= a_end:
                break
            if a_row is None and b_row is None:
                continue
            for row, other in ((a_row, b_row), (b_row, a_row)):
                if row is None:
                    continue
                if a_officers & b_officers:
                    text = (
                        _("%(officer)s has another report at that time (%(other)s).")
                        % {"officer": row.officer_name, "other": other.label}
                        if other is not None
                        else _("%(officer)s already has a planned report at that time.") % {"officer": row.officer_name}
                    )
                    if text not in row.problems:
                        row.problems.append(text)
                if a_venue is not None and a_venue == b_venue:
                    text = _("The venue is booked at that time for another report.")
                    if text not in row.problems:
                        row.problems.append(text)
    return out


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
                starts_at=r.starts_at,
                ends_at=r.starts_at + DURATION,
                settlement_id=r.settlement_id,
                venue_kk=r.venue_kk[:300],
                venue_ru=r.venue_ru[:300],
                status=MeetingStatus.SCHEDULED,
            )
            for r in chosen
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
