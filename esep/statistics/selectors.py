"""Reading statistics: a territory's figures for a period with the change against the same period of the
previous year, rates per 10,000 residents, and series for charts.

A change is computed only between two figures of the same indicator (hence the same form), the same territory
or precinct, and identical periods one year apart (same month span). For the regions whose boundaries changed
in June 2022 no change is computed when either period is 2022 or earlier. Otherwise the reason is given:
"no_previous" (no comparable period) or "boundary".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q

from esep.statistics.indicators import BOUNDARY_2022_REGIONS, BOUNDARY_LAST_YEAR, HEADLINES, label
from esep.statistics.models import Figure, Population

NO_PREVIOUS, BOUNDARY = "no_previous", "boundary"


def year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


@dataclass(frozen=True)
class Change:
    code: str
    label: str
    value: int
    previous: int | None
    demo: bool
    reason: str = ""
    rate: Decimal | None = None

    @property
    def comparable(self) -> bool:
        return self.previous is not None and not self.reason

    @property
    def delta(self) -> int | None:
        return self.value - self.previous if self.comparable else None

    @property
    def percent(self) -> Decimal | None:
        if not self.comparable or not self.previous:
            return None
        return (Decimal(self.delta * 100) / Decimal(self.previous)).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _boundary_blocked(kato: str, start: dt.date) -> bool:
    return kato in BOUNDARY_2022_REGIONS and year_before(start).year <= BOUNDARY_LAST_YEAR


def population(kato: str, year: int) -> int | None:
    return Population.objects.filter(kato=kato, year=year).values_list("population", flat=True).first()


def territory_changes(
    kato: str, start: dt.date, end: dt.date, codes: list[str] | None = None, *, precinct=None
) -> list[Change]:
    """The headline indicators (or ``codes``) of a territory or precinct for [start, end], in the order of
    the headlines, each with its change against the same period one year before. One query for the figures,
    one for the population."""
    codes = codes or [h.code for h in HEADLINES]
    prev_start, prev_end = year_before(start), year_before(end)
    unit = Q(precinct=precinct) if precinct is not None else Q(kato=kato, precinct__isnull=True)
    rows = (
        Figure.objects.filter(unit, indicator__code__in=codes)
        .filter(Q(period_start=start, period_end=end) | Q(period_start=prev_start, period_end=prev_end))
        .values_list("indicator__code", "indicator__name_ru", "period_start", "value", "demo")
    )
    current, previous = {}, {}
    for code, name_ru, p_start, value, demo in rows:
        (current if p_start == start else previous)[code] = (value, demo, name_ru)
    pop = population(kato, start.year) if precinct is None else None
    blocked = precinct is None and _boundary_blocked(kato, start)
    out = []
    for code in codes:
        if code not in current:
            continue
        value, demo, name_ru = current[code]
        before = previous.get(code)
        reason = BOUNDARY if blocked else ("" if before is not None else NO_PREVIOUS)
        rate = None
        if pop and (end - start).days >= 364:  # a rate per year of residents: full years only
            rate = (Decimal(value * 10000) / Decimal(pop)).quantize(Decimal("0.1"), ROUND_HALF_UP)
        out.append(
            Change(
                code=code,
                label=label(code, name_ru),
                value=value,
                previous=before[0] if before else None,
                demo=demo or bool(before and before[1]),
                reason=reason,
                rate=rate,
            )
        )
    return out


def series(kato: str, code: str, *, precinct=None, months: int = 12) -> list[tuple[int, int, bool]]:
    """(year, value, demo) of full-year figures of one indicator, oldest first (for trend charts)."""
    unit = Q(precinct=precinct) if precinct is not None else Q(kato=kato, precinct__isnull=True)
    rows = Figure.objects.filter(unit, indicator__code=code).values_list("period_start", "period_end", "value", "demo")
    out = []
    for start, end, value, demo in rows:
        if start.month == 1 and start.day == 1 and end == dt.date(start.year, 12, 31) and months == 12:
            out.append((start.year, value, demo))
    return sorted(out)


def national_total(code: str, start: dt.date, end: dt.date) -> int:
    """The sum over regions (9-digit codes ending in seven zeros) of one indicator for one period."""
    from django.db.models import Sum

    qs = Figure.objects.filter(
        indicator__code=code, period_start=start, period_end=end, precinct__isnull=True, kato__endswith="0000000"
    )
    return qs.aggregate(total=Sum("value"))["total"] or 0
