"""Causes and conditions: what an akimat sees of its territory (issue 12 item 4; docs/akimats.md).

The 2016 committee speech: the police give akimats no feedback on the causes of offences. This page gives the
akimat of a district, city or region, for its territory: the appeals forwarded to it with their state and its
answers (АППК art. 65; Order 608 p.17), where and about what residents complain (appeals counted by settlement
and subject per quarter, never read one by one), and the official crime statistics of the territory with the
change against the comparable period (esep.statistics' rules). Oversight reads the same for its scope.

Reads only; every figure is counted by the database (GROUP BY), a fixed number of queries whatever the
territory holds. The page and its CSV/XLSX files are built from the same ``Table`` objects, so they hold the
same rows and numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from esep.accounts.permissions import Action, restrict, territory_prefixes
from esep.appeals.models import Appeal, AppealForward
from esep.core import clock
from esep.core.collation import sort_by, sort_places
from esep.police.models import StateAgency, Subject
from esep.reports.prefill import change_short
from esep.statistics import selectors as stats
from esep.statistics.indicators import HEADLINES
from esep.statistics.models import Dataset, Figure
from esep.territory.models import Level, Territory

QUARTERS = 8
TOP = 10
FORWARD_LIMIT = 200
AKIMAT_KINDS = (StateAgency.Kind.AKIMAT, StateAgency.Kind.AKIMAT_DEPARTMENT)
# Registered crimes and their categories: the figures that speak of causes and conditions.
STAT_CODES = tuple(h.code for h in HEADLINES if h.group in ("registered", "categories"))


# --- scope -------------------------------------------------------------------------------------------------------


def _kato(prefix: str) -> str:
    return prefix.ljust(9, "0")


def scopes(user: Any) -> list[str]:
    """The KATO prefixes the user sees this page for ("" for the whole country)."""
    return territory_prefixes(user, Action.COUNT, Appeal)


def territory_choices(user: Any) -> list[Territory]:
    """The user's territories and the regions and districts in them, to narrow the page to one."""
    prefixes = scopes(user)
    if not prefixes:
        return []
    within = Q()
    for prefix in prefixes:
        within |= Q(kato__startswith=prefix)
    own = [_kato(p) for p in prefixes if p]
    qs = Territory.objects.filter(within).filter(Q(level__in=[Level.OBLAST, Level.DISTRICT]) | Q(kato__in=own))
    found = list(qs.only("kato", "prefix", "level", "name_kk", "name_ru", "name_en"))
    return sort_places([t for t in found if t.level == Level.OBLAST], key=lambda t: t.name) + sort_places(
        [t for t in found if t.level != Level.OBLAST], key=lambda t: t.name
    )


def resolve_territory(user: Any, kato: str) -> tuple[bool, Territory | None]:
    """(allowed, territory): the territory the page shows. Without ``kato``: the user's one territory (None for
    the whole country, or when the user has several). A code outside the user's scope is not allowed (404)."""
    prefixes = scopes(user)
    if not prefixes:
        return False, None
    if not kato:
        if len(prefixes) == 1 and prefixes[0]:
            return True, Territory.objects.filter(kato=_kato(prefixes[0])).first()
        return True, None
    if not (kato.isdigit() and len(kato) == 9):
        return False, None
    territory = Territory.objects.filter(kato=kato).first()
    if territory is None or not territory.prefix:
        return False, None
    return any(territory.prefix.startswith(p) for p in prefixes), territory


# --- the period --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    quarter: int

    @property
    def label(self) -> str:
        return f"{self.year} Q{self.quarter}"

    @property
    def slug(self) -> str:
        return f"{self.year}-{self.quarter}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.quarter - 2, 1)

    def next(self) -> Quarter:
        return Quarter(self.year + 1, 1) if self.quarter == 4 else Quarter(self.year, self.quarter + 1)

    def previous(self) -> Quarter:
        return Quarter(self.year - 1, 4) if self.quarter == 1 else Quarter(self.year, self.quarter - 1)

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text: str) -> Quarter | None:
        """ "2025-3" → Q3 2025; anything else None."""
        year, _sep, quarter = (text or "").partition("-")
        if not (year.isdigit() and quarter in ("1", "2", "3", "4")):
            return None
        return cls(int(year), int(quarter))


def window(last: Quarter, n: int = QUARTERS) -> list[Quarter]:
    """``n`` quarters ending with ``last``, oldest first."""
    out = [last]
    while len(out) < n:
        out.append(out[-1].previous())
    return list(reversed(out))


def quarter_choices(today: dt.date | None = None, n: int = 12) -> list[Quarter]:
    """The quarters the page may end with, newest first: the current one and the eleven before it."""
    return list(reversed(window(Quarter.of(today or clock.localdate()), n)))


def _aware(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


# --- tables ------------------------------------------------------------------------------------------------------


@dataclass
class Row:
    cells: list[Any]
    link: str = ""  # the first cell links here on the page
    answer_link: str = ""  # the akimat answers from its own view (forwarded items)


@dataclass
class Table:
    key: str
    title: str
    header: list[str]
    rows: list[Row] = field(default_factory=list)
    footer: list[Any] | None = None
    note: str = ""

    def data(self) -> list[list[Any]]:
        """The rows as a file holds them (the footer last)."""
        return [r.cells for r in self.rows] + ([self.footer] if self.footer else [])


def _appeals(user: Any, territory: Territory | None, subject: str, quarters: list[Quarter]) -> QuerySet[Appeal]:
    """The appeals the user may count, about places in ``territory``, received in the quarters."""
    qs = restrict(Appeal.objects.all(), user, Action.COUNT)
    if territory is not None:
        qs = qs.filter(territory__kato__startswith=territory.prefix)
    if subject:
        qs = qs.filter(subject=subject)
    since, until = _aware(quarters[0].start), _aware(quarters[-1].next().start)
    return qs.filter(received_at__gte=since, received_at__lt=until)


def _by_quarter(qs: QuerySet[Appeal], *fields: str) -> QuerySet:
    tz = ZoneInfo(settings.TIME_ZONE)
    return (
        qs.annotate(y=ExtractYear("received_at", tzinfo=tz), q=ExtractQuarter("received_at", tzinfo=tz))
        .values(*fields, "y", "q")
        .annotate(n=Count("id"))
        .order_by()
    )


def _quarter_cells(counts: dict[Quarter, int], quarters: list[Quarter]) -> list[int]:
    values = [counts.get(q, 0) for q in quarters]
    return [*values, sum(values)]


def _footer(rows: list[Row], leading: int, quarters: list[Quarter]) -> list[Any] | None:
    if not rows:
        return None
    sums = [sum(r.cells[leading + i] for r in rows) for i in range(len(quarters) + 1)]
    return [_("Total"), *[""] * (leading - 1), *sums]


def _names(ids: set[int]) -> dict[int, Territory]:
    found = Territory.objects.filter(pk__in=ids).only("kato", "name_kk", "name_ru", "name_en")
    return {t.pk: t for t in found}


def settlement_table(qs: QuerySet[Appeal], quarters: list[Quarter]) -> tuple[Table, dict[int, Territory]]:
    counts: dict[int | None, dict[Quarter, int]] = {}
    for row in _by_quarter(qs, "territory_id"):
        counts.setdefault(row["territory_id"], {})[Quarter(row["y"], row["q"])] = row["n"]
    places = _names({pk for pk in counts if pk is not None})
    rows = []
    for pk, by_quarter in counts.items():
        place = places.get(pk)
        name = place.name if place else _("place not stated")
        rows.append(Row([name, place.kato if place else "", *_quarter_cells(by_quarter, quarters)]))
    rows = sort_places(rows, key=lambda r: r.cells[0])
    header = [_("Settlement"), _("KATO code"), *[q.label for q in quarters], _("Total")]
    title = _("Appeals by settlement and quarter")
    return Table("settlements", title, header, rows, _footer(rows, 2, quarters)), places


def subject_table(qs: QuerySet[Appeal], quarters: list[Quarter]) -> Table:
    counts: dict[str, dict[Quarter, int]] = {}
    for row in _by_quarter(qs, "subject"):
        counts.setdefault(row["subject"], {})[Quarter(row["y"], row["q"])] = row["n"]
    labels = dict(Subject.choices)
    rows = [Row([str(labels.get(s, s)), *_quarter_cells(c, quarters)]) for s, c in counts.items()]
    rows = sort_by(rows, key=lambda r: r.cells[0])
    header = [_("Subject"), *[q.label for q in quarters], _("Total")]
    return Table("subjects", _("Appeals by subject and quarter"), header, rows, _footer(rows, 1, quarters))


def top_table(qs: QuerySet[Appeal], places: dict[int, Territory]) -> Table:
    """The settlements with the most appeals, each with the subject raised most often there."""
    top = list(qs.values("territory_id").annotate(n=Count("id")).order_by("-n", "territory__kato")[:TOP])
    ids = [r["territory_id"] for r in top]
    by_subject: dict[int | None, list[tuple[int, str]]] = {}
    for row in (
        qs.filter(territory_id__in=[i for i in ids if i is not None])
        .values("territory_id", "subject")
        .annotate(n=Count("id"))
        .order_by()
    ):
        by_subject.setdefault(row["territory_id"], []).append((row["n"], row["subject"]))
    labels = dict(Subject.choices)
    rows = []
    for r in top:
        place = places.get(r["territory_id"])
        subjects = by_subject.get(r["territory_id"], [])
        # The most frequent subject; among equals, the first in the reader's alphabet.
        best = max(subjects, key=lambda s: s[0], default=None)
        tied = sort_by([str(labels.get(s, s)) for n, s in subjects if best and n == best[0]], key=str)
        rows.append(
            Row(
                [
                    place.name if place else _("place not stated"),
                    place.kato if place else "",
                    r["n"],
                    tied[0] if tied else "",
                    best[0] if best else 0,
                ]
            )
        )
    header = [_("Settlement"), _("KATO code"), _("Appeals"), _("Raised most often"), _("of them")]
    return Table("top", _("Settlements with the most appeals"), header, rows)


def forwarded_table(user: Any, territory: Territory | None, subject: str, since: dt.date) -> Table:
    """Appeals forwarded to the akimat and its departments: every one still awaiting an answer, and those
    forwarded since ``since``. The akimat answers an open one from the appeal's page (its own view)."""
    today = clock.localdate()
    qs = restrict(AppealForward.objects.filter(withdrawn=False, agency__kind__in=AKIMAT_KINDS), user, Action.VIEW)
    if territory is not None:
        qs = qs.filter(appeal__territory__kato__startswith=territory.prefix)
    if subject:
        qs = qs.filter(appeal__subject=subject)
    qs = qs.filter(Q(replied_at__isnull=True) | Q(forwarded_on__gte=since))
    total = qs.count()
    answerable = set(restrict(qs.filter(replied_at__isnull=True), user, Action.ANSWER).values_list("pk", flat=True))
    shown = list(
        qs.select_related("appeal", "appeal__territory", "agency").order_by(
            "replied_at", "agency_due_on", "-forwarded_at", "pk"
        )[:FORWARD_LIMIT]
    )
    labels = dict(Subject.choices)
    rows = []
    for fw in shown:
        appeal = fw.appeal
        if fw.replied_at:
            state = _("answered late") if fw.replied_late else _("answered")
        elif fw.agency_due_on and fw.agency_due_on < today:
            state = _("overdue")
        else:
            state = _("awaiting the answer")
        url = reverse("appeals_staff:detail", args=[appeal.pk])
        rows.append(
            Row(
                [
                    appeal.number or f"#{appeal.pk}",
                    _date(fw.forwarded_on),
                    fw.agency.name if fw.agency_id else fw.agency_name,
                    appeal.territory.name if appeal.territory_id else "",
                    str(labels.get(appeal.subject, appeal.subject)),
                    _date(fw.agency_due_on),
                    state,
                    _date(clock.localdate(fw.replied_at)) if fw.replied_at else "",
                    " ".join(p for p in (fw.reply_number, fw.reply_text[:300]) if p),
                ],
                link=url,
                answer_link=f"{url}#agency-answer" if fw.pk in answerable else "",
            )
        )
    header = [
        _("Appeal"),
        _("Forwarded"),
        _("State body"),
        _("Settlement"),
        _("Subject"),
        _("Answer due"),
        _("State"),
        _("Answered"),
        _("Answer"),
    ]
    note = ""
    if total > len(shown):
        note = _("%(shown)s of %(total)s shown; narrow the territory or the subject to see the rest.") % {
            "shown": len(shown),
            "total": total,
        }
    return Table("forwarded", _("Forwarded to the akimat"), header, rows, note=note)


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


# --- official statistics -----------------------------------------------------------------------------------------


@dataclass
class Statistics:
    table: Table
    periods: list[tuple[dt.date, dt.date]]
    period: tuple[dt.date, dt.date] | None
    sources: list[str]
    demo: bool


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _period_text(start: dt.date, end: dt.date) -> str:
    return f"{formats.date_format(start, 'SHORT_DATE_FORMAT')} – {formats.date_format(end, 'SHORT_DATE_FORMAT')}"


def period_slug(period: tuple[dt.date, dt.date]) -> str:
    return f"{period[0].isoformat()}_{period[1].isoformat()}"


def official_statistics(territory: Territory | None, wanted: str = "", until: dt.date | None = None) -> Statistics:
    """Registered crimes and their categories for the territory over one period (the latest ending by
    ``until``, or ``wanted``), each against the identical period a year earlier (esep.statistics.selectors:
    no change across the 2022 boundary change, "no comparable period" otherwise)."""
    header = [
        _("Indicator"),
        _("Value"),
        _("Same period a year earlier"),
        _("Difference"),
        _("Difference, %"),
        _("Not compared"),
        _("Source"),
    ]
    empty = Statistics(Table("statistics", _("Official crime statistics"), header), [], None, [], False)
    if territory is None:
        return empty
    figures = Figure.objects.filter(kato=territory.kato, precinct__isnull=True, indicator__code__in=STAT_CODES)
    periods = list(figures.values_list("period_start", "period_end").distinct().order_by("-period_end", "period_start"))
    if not periods:
        return empty
    period = next((p for p in periods if period_slug(p) == wanted), None)
    if period is None:
        period = next((p for p in periods if until is None or p[1] <= until), periods[-1])
    start, end = period
    changes = stats.territory_changes(territory.kato, start, end, list(STAT_CODES))
    sets = Dataset.objects.filter(
        pk__in=figures.filter(period_start=start, period_end=end).values("dataset_id")
    ).order_by("name")
    sources = sort_by({d.source or d.name for d in sets if not d.demo}, key=str)
    source = "; ".join([*sources, *([str(_("demo"))] if any(d.demo for d in sets) else [])])
    rows = []
    for c in changes:
        # Numbers stay numbers in the files; a change that cannot be computed says why (change_short).
        why = "" if c.comparable else change_short({"previous": c.previous, "delta": None, "reason": c.reason})
        label = f"{c.label} [{_('demo')}]" if c.demo else c.label
        previous = c.previous if c.comparable else None
        rows.append(Row([label, c.value, _blank(previous), _blank(c.delta), _blank(c.percent), why, source]))
    title = _("Official crime statistics, %(period)s") % {"period": _period_text(start, end)}
    table = Table("statistics", title, header, rows)
    return Statistics(table, periods, period, sources, any(c.demo for c in changes))


# --- the page ----------------------------------------------------------------------------------------------------


@dataclass
class Causes:
    territory: Territory | None
    quarters: list[Quarter]
    forwarded: Table
    settlements: Table
    subjects: Table
    top: Table
    statistics: Statistics

    @property
    def tables(self) -> dict[str, Table]:
        return {t.key: t for t in (self.forwarded, self.settlements, self.subjects, self.top, self.statistics.table)}


def causes(
    user: Any, *, territory: Territory | None, last: Quarter, subject: str = "", stat_period: str = ""
) -> Causes:
    """Everything the page shows, for ``territory`` (None: the user's whole scope) and the eight quarters
    ending with ``last``, optionally one subject."""
    quarters = window(last)
    qs = _appeals(user, territory, subject, quarters)
    settlements, places = settlement_table(qs, quarters)
    return Causes(
        territory=territory,
        quarters=quarters,
        forwarded=forwarded_table(user, territory, subject, quarters[0].start),
        settlements=settlements,
        subjects=subject_table(qs, quarters),
        top=top_table(qs, places),
        statistics=official_statistics(territory, stat_period, until=last.next().start - dt.timedelta(days=1)),
    )
