"""Reading the evaluation: the criteria in force for a region and a period, and the indicators of every
inspector, precinct and police body under one body for one quarter, counted by the database.

What each indicator counts (docs/evaluation.md):

- **rating** — residents' ratings of the reports held in the quarter (esep.feedback). A report counts for its
  body, for each inspector who reported at it and for each precinct they reported for.
- **fixed** — "was it fixed?" answers given in the quarter (esep.accountability.fixcheck): the share "solved",
  for the precinct and body of the report the problem was raised at.
- **no_complaint** — officers without a complaint confirmed (fully or partly) in the quarter, by the date of
  the decision (esep.complaints): an inspector is one officer; a precinct, the officers serving it on the
  quarter's last day; a body, its active officers and any officer of it with a confirmed complaint.
- **reports_on_time** — the precinct's inspector's report for the quarter held in the quarter with signed
  minutes (esep.planning's statuses; a quarter not yet over counts nothing).
- **appeals_on_time** — appeals and complaints whose АППК term ended in the quarter (before today) that were
  answered within it; one still unanswered after its term counts as late; one answered by another state body
  it was sent to does not count (esep.appeals).

Precinct figures go to the inspector serving the precinct on the quarter's last day (an acting inspector
first), as esep.planning names who owes the report; ratings go to the inspectors who reported. A body's row
holds its own precincts, officers and reports, not those of the bodies under it. Everything is one GROUP BY or
one plain list per indicator, limited in SQL to the bodies the user may evaluate: the number of queries does
not grow with the number of rows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from esep.accountability.models import FixAnswer, FixCheck
from esep.accounts.permissions import Action, restrict
from esep.appeals.models import CLOCKED_KINDS, Appeal, AppealStatus
from esep.complaints.models import CONFIRMED_OUTCOMES, OfficerComplaint
from esep.core import clock
from esep.core.collation import collation_key
from esep.evaluation import indicators as ind
from esep.evaluation.models import CriteriaSet, Indicator
from esep.feedback.models import Rating
from esep.law.compliance import period_window
from esep.meetings.models import MeetingReporter, MeetingStatus
from esep.planning.selectors import HELD, PLANNED, ObligationStatus, status_of
from esep.police.models import Assignment, Officer, PoliceBody, Precinct
from esep.protocols.models import ProtocolStatus
from esep.territory.models import Level

LEVELS = ("inspector", "precinct", "body")
UNANSWERED = (AppealStatus.REGISTERED, AppealStatus.IN_PROGRESS, AppealStatus.EXTENDED)
PERIOD_OVER = (ObligationStatus.ON_TIME, ObligationStatus.LATE, ObligationStatus.MISSING, ObligationStatus.UNPROVEN)


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def last_finished_quarter(today: dt.date) -> tuple[int, int]:
    year, quarter = quarter_of(today)
    return (year - 1, 4) if quarter == 1 else (year, quarter - 1)


# --- criteria ---------------------------------------------------------------------------------------------------


def region_body_of(body: PoliceBody) -> PoliceBody:
    """The police body of ``body``'s region: the highest body above it (or itself) on an oblast's territory;
    the top of its tree if none is."""
    ids = [int(part) for part in body.path.strip("/").split("/") if part] or [body.pk]
    found = {b.pk: b for b in PoliceBody.objects.filter(pk__in=ids).select_related("territory")}
    chain = [found[i] for i in ids if i in found]
    for candidate in chain:
        if candidate.territory.level == Level.OBLAST:
            return candidate
    return chain[0] if chain else body


def region_bodies() -> QuerySet[PoliceBody]:
    """The police bodies whose region's council sets criteria: one on each oblast's territory (the highest)."""
    return PoliceBody.objects.filter(territory__level=Level.OBLAST).select_related("territory").order_by("path")


def criteria_history(region_body: PoliceBody) -> list[ind.Criteria]:
    """Every version, newest first, with its criteria (``source`` is the stored version)."""
    found = CriteriaSet.objects.filter(body=region_body).select_related("body")
    return [ind.criteria_of(s) for s in found.prefetch_related("criteria").order_by("-version")]


@dataclass(frozen=True)
class RegionCriteria:
    body: PoliceBody
    current: CriteriaSet | None  # None: the national default

    @property
    def territory(self):
        return self.body.territory


def public_regions(today: dt.date) -> list[RegionCriteria]:
    """Each region (its highest police body) with the version of its criteria in force ``today``."""
    first: dict[int, PoliceBody] = {}
    for body in region_bodies():
        first.setdefault(body.territory_id, body)
    latest: dict[int, CriteriaSet] = {}
    in_force = CriteriaSet.objects.filter(body__in=list(first.values()), valid_from__lte=today)
    for s in in_force.order_by("body_id", "-version"):
        latest.setdefault(s.body_id, s)
    return [RegionCriteria(b, latest.get(b.pk)) for b in first.values()]


def criteria_in_force(region_body: PoliceBody, on: dt.date) -> ind.Criteria:
    """The newest version in force on ``on``; the national default if the region has none."""
    found = (
        CriteriaSet.objects.filter(body=region_body, valid_from__lte=on)
        .prefetch_related("criteria")
        .order_by("-version")
        .first()
    )
    return ind.criteria_of(found) if found is not None else ind.DEFAULT_CRITERIA


# --- the evaluation -----------------------------------------------------------------------------------------------


@dataclass
class Row:
    level: str
    key: int
    label: str
    detail: str
    measures: dict[str, ind.Measure]
    score: ind.Score
    rank: int | None = None

    @property
    def confirmed(self) -> int:
        m = self.measures[Indicator.NO_COMPLAINT]
        return (m.n - (m.k or 0)) if m.n else 0


@dataclass
class Evaluation:
    root: PoliceBody
    region: PoliceBody
    year: int
    quarter: int
    window: tuple[dt.date, dt.date]
    criteria: ind.Criteria
    levels: dict[str, list[Row]] = field(default_factory=dict)

    def ranked(self, level: str) -> list[Row]:
        return [r for r in self.levels.get(level, []) if r.rank is not None]

    def unranked(self, level: str) -> list[Row]:
        return [r for r in self.levels.get(level, []) if r.rank is None]


class _Acc:
    """Counts that add up: a share (k of n) or a mean (n, sum, sum of squares)."""

    __slots__ = ("k", "n", "s", "ss")

    def __init__(self) -> None:
        self.n = self.k = 0
        self.s = self.ss = 0.0

    def add(self, n: int, k: int = 0, s: float = 0.0, ss: float = 0.0) -> None:
        self.n += n
        self.k += k
        self.s += float(s or 0)
        self.ss += float(ss or 0)


def _bounds(window: tuple[dt.date, dt.date]) -> tuple[dt.datetime, dt.datetime]:
    start, end = window
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(dt.datetime.combine(start, dt.time.min), tz),
        timezone.make_aware(dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min), tz),
    )


def evaluable_bodies(user: Any) -> QuerySet[PoliceBody]:
    return restrict(PoliceBody.objects.all(), user, Action.EVALUATE)


def evaluation(
    user: Any,
    *,
    root: PoliceBody,
    year: int,
    quarter: int,
    criteria: ind.Criteria | None = None,
    as_of: dt.date | None = None,
) -> Evaluation:
    """The indicators and scores of every inspector, precinct and body under ``root`` (which the caller has
    checked the user may evaluate) for the quarter, ranked where the sample allows. ``criteria`` defaults to
    those of ``root``'s region in force on the quarter's last day."""
    as_of = as_of or clock.localdate()
    window = period_window("inspector", year, quarter)
    since, until = _bounds(window)
    region = region_body_of(root)
    if criteria is None:
        criteria = criteria_in_force(region, window[1])
    scope = evaluable_bodies(user).filter(path__startswith=root.path)
    in_scope = scope.values("pk")
    bodies = {b.pk: b for b in scope}
    precinct_body = dict(Precinct.objects.filter(body__in=in_scope).values_list("pk", "body_id"))
    precinct_number = dict(Precinct.objects.filter(body__in=in_scope).values_list("pk", "number"))

    # Who serves each precinct on the quarter's last day (or today): an acting inspector first.
    on = min(window[1], as_of)
    serving: dict[int, tuple[int, str]] = {}
    serving_all: dict[int, set[int]] = defaultdict(set)
    assignments = Assignment.objects.on(on).filter(precinct__body__in=in_scope)
    for precinct_id, officer_id, kind in assignments.order_by("precinct_id", "-start", "-id").values_list(
        "precinct_id", "officer_id", "kind"
    ):
        serving_all[precinct_id].add(officer_id)
        current = serving.get(precinct_id)
        if current is None or (kind == Assignment.Kind.ACTING and current[1] != Assignment.Kind.ACTING):
            serving[precinct_id] = (officer_id, kind)
    inspector_of = {p: officer for p, (officer, _kind) in serving.items()}

    acc: dict[tuple[str, int, str], _Acc] = defaultdict(_Acc)

    def add(level: str, key: int | None, indicator: str, **counts: Any) -> None:
        if key is not None:
            acc[(level, key, indicator)].add(**counts)

    # Ratings of the quarter's reports: per reporter and precinct, and per body (a report counted once).
    ratings = Rating.objects.filter(
        meeting__starts_at__gte=since, meeting__starts_at__lt=until, meeting__body__in=in_scope
    )
    square = Sum(F("score") * F("score"))
    reporters: set[int] = set()
    for row in (
        ratings.filter(meeting__reporters__isnull=False)
        .values("meeting__reporters__officer", "meeting__reporters__precinct")
        .annotate(n=Count("pk"), s=Sum("score"), ss=square)
        .order_by()
    ):
        officer, precinct = row["meeting__reporters__officer"], row["meeting__reporters__precinct"]
        reporters.add(officer)
        add("inspector", officer, Indicator.RATING, n=row["n"], s=row["s"], ss=row["ss"])
        if precinct in precinct_body:
            add("precinct", precinct, Indicator.RATING, n=row["n"], s=row["s"], ss=row["ss"])
    for row in ratings.values("meeting__body").annotate(n=Count("pk"), s=Sum("score"), ss=square).order_by():
        add("body", row["meeting__body"], Indicator.RATING, n=row["n"], s=row["s"], ss=row["ss"])

    # "Was it fixed?" answers given in the quarter.
    solved = Count("pk", filter=Q(answer=FixAnswer.SOLVED))
    fixchecks = FixCheck.objects.filter(
        answered_at__gte=since, answered_at__lt=until, meeting__body__in=in_scope
    ).exclude(answer="")
    for row in fixchecks.values("precinct", "meeting__body").annotate(n=Count("pk"), k=solved).order_by():
        add("body", row["meeting__body"], Indicator.FIXED, n=row["n"], k=row["k"])
        if row["precinct"] in precinct_body:
            add("precinct", row["precinct"], Indicator.FIXED, n=row["n"], k=row["k"])
            add("inspector", inspector_of.get(row["precinct"]), Indicator.FIXED, n=row["n"], k=row["k"])

    # Appeals whose term ended in the quarter, before today.
    term_end = Coalesce("extended_until", "due_on")
    appeals = (
        Appeal.objects.filter(kind__in=sorted(CLOCKED_KINDS), body__in=in_scope, answered_by_agency=False)
        .annotate(term_end=term_end)
        .filter(term_end__gte=window[0], term_end__lte=window[1], term_end__lt=as_of)
        .filter(Q(answered_late__isnull=False) | Q(status__in=UNANSWERED))
    )
    on_time = Count("pk", filter=Q(answered_late=False))
    for row in appeals.values("body", "precinct").annotate(n=Count("pk"), k=on_time).order_by():
        add("body", row["body"], Indicator.APPEALS_ON_TIME, n=row["n"], k=row["k"])
        if row["precinct"] in precinct_body:
            add("precinct", row["precinct"], Indicator.APPEALS_ON_TIME, n=row["n"], k=row["k"])
            add("inspector", inspector_of.get(row["precinct"]), Indicator.APPEALS_ON_TIME, n=row["n"], k=row["k"])

    # Complaints confirmed (fully or partly) in the quarter, by the officers they name.
    confirmed = (
        OfficerComplaint.objects.filter(
            outcome__in=sorted(CONFIRMED_OUTCOMES),
            decision_date__gte=window[0],
            decision_date__lte=window[1],
            body__in=in_scope,
        )
        .values("officers", "officers__body")
        .annotate(n=Count("pk", distinct=True))
        .order_by()
    )
    complained: dict[int, int] = {}
    complained_in_body: dict[int, int] = defaultdict(int)
    for row in confirmed:
        complained[row["officers"]] = row["n"]
        complained_in_body[row["officers__body"]] += 1
    officers_in_body = dict(
        Officer.objects.filter(body__in=in_scope)
        .filter(Q(is_active=True) | Q(pk__in=list(complained)))
        .values("body")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("body", "n")
    )
    for body_id, n in officers_in_body.items():
        add("body", body_id, Indicator.NO_COMPLAINT, n=n, k=n - complained_in_body.get(body_id, 0))
    for precinct_id, officers in serving_all.items():
        bad = sum(1 for o in officers if o in complained)
        add("precinct", precinct_id, Indicator.NO_COMPLAINT, n=len(officers), k=len(officers) - bad)

    # The precinct's inspector's report for the quarter (esep.planning's rule).
    facts: dict[int, dict[str, bool]] = {}
    start, end = window
    held_reports = (
        MeetingReporter.objects.filter(
            meeting__kind="inspector",
            meeting__period_year=year,
            meeting__period_quarter=quarter,
            precinct__body__in=in_scope,
        )
        .exclude(meeting__status=MeetingStatus.CANCELLED)
        .values_list("precinct_id", "meeting__status", "meeting__starts_at", "meeting__protocol__status")
    )
    for precinct_id, status, starts_at, minutes in held_reports:
        f = facts.setdefault(precinct_id, dict.fromkeys(("in", "after", "unsigned", "planned"), False))
        if status in HELD:
            day = timezone.localtime(starts_at).date()
            signed = minutes == ProtocolStatus.SIGNED
            f["in"] |= signed and start <= day <= end
            f["after"] |= signed and day > end
            f["unsigned"] |= not signed
        elif status in PLANNED:
            f["planned"] = True
    none = dict.fromkeys(("in", "after", "unsigned", "planned"), False)
    for precinct_id, body_id in precinct_body.items():
        f = facts.get(precinct_id, none)
        status = status_of(
            window, in_window=f["in"], after_window=f["after"], unsigned=f["unsigned"], planned=f["planned"],
            as_of=as_of,
        )  # fmt: skip
        if status not in PERIOD_OVER:
            continue
        k = int(status == ObligationStatus.ON_TIME)
        add("precinct", precinct_id, Indicator.REPORTS_ON_TIME, n=1, k=k)
        add("body", body_id, Indicator.REPORTS_ON_TIME, n=1, k=k)
        add("inspector", inspector_of.get(precinct_id), Indicator.REPORTS_ON_TIME, n=1, k=k)

    # The inspectors: those serving a precinct here, and those who reported here in the quarter.
    inspector_ids = set(inspector_of.values()) | reporters
    officers = {o.pk: o for o in Officer.objects.filter(pk__in=sorted(inspector_ids)).only(
        "pk", "last_name", "first_name", "patronymic", "body_id"
    )}  # fmt: skip
    precincts_of: dict[int, list[str]] = defaultdict(list)
    for precinct_id, officer_id in inspector_of.items():
        precincts_of[officer_id].append(precinct_number[precinct_id])
    for officer_id in officers:
        add("inspector", officer_id, Indicator.NO_COMPLAINT, n=1, k=int(officer_id not in complained))

    def measures(level: str, key: int) -> dict[str, ind.Measure]:
        out = {}
        for indicator in Indicator.values:
            a = acc.get((level, key, indicator))
            if a is None:
                out[indicator] = ind.Measure(indicator, 0)
            elif indicator == Indicator.RATING:
                out[indicator] = ind.rating(a.n, a.s, a.ss)
            else:
                out[indicator] = ind.share(indicator, a.k, a.n)
        return out

    def row(level: str, key: int, label: str, detail: str) -> Row:
        m = measures(level, key)
        return Row(level, key, label, detail, m, ind.combine(m, criteria))

    result = Evaluation(root, region, year, quarter, window, criteria)
    result.levels["body"] = _ranked([row("body", b.pk, b.name, "") for b in bodies.values()])
    result.levels["precinct"] = _ranked(
        [
            row("precinct", p, _("Precinct %(number)s") % {"number": precinct_number[p]}, bodies[b].name)
            for p, b in precinct_body.items()
            if b in bodies
        ]
    )

    def served(officer_id: int) -> str:
        return ", ".join(_("Precinct %(number)s") % {"number": n} for n in sorted(precincts_of.get(officer_id, [])))

    result.levels["inspector"] = _ranked([row("inspector", o.pk, o.full_name, served(o.pk)) for o in officers.values()])
    return result


def _ranked(rows: list[Row]) -> list[Row]:
    """Rows with a score first, best first, ranked (equal scores share a rank); then the others by name."""
    scored = sorted(
        (r for r in rows if r.score.value is not None),
        key=lambda r: (-round(r.score.value, 6), collation_key(r.label), collation_key(r.detail)),
    )
    rank, previous = 0, None
    for i, r in enumerate(scored, start=1):
        value = round(r.score.value, 6)
        if value != previous:
            rank, previous = i, value
        r.rank = rank
    rest = sorted(
        (r for r in rows if r.score.value is None), key=lambda r: (collation_key(r.label), collation_key(r.detail))
    )
    return scored + rest
