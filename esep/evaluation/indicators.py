"""The arithmetic of the evaluation, without the database: intervals, normalised indicator values, the national
default criteria and the weighted score. ``esep.evaluation.selectors`` feeds it counts made by SQL.

Every indicator is a value between 0 (worst) and 1 (best) with its sample ``n`` and a 95 % interval:

- shares (solved, officers without a confirmed complaint, reports on time, appeals on time): the Wilson score
  interval, which stays inside [0, 1] and is honest for small samples and for shares of 0 or 1;
- the residents' rating (1 to 5): the mean with Student's t interval (mean ± t·s/√n, t for n−1 degrees of
  freedom, s the sample standard deviation), clipped to [1, 5]; then mapped to [0, 1] as (x − 1) / 4.

The combined score is the weighted mean of the indicators whose weight is above zero, and only when each of
them has at least its minimum sample; otherwise there is no score and the entity is not ranked. Its range is
the same weighted mean of the indicators' interval bounds (a conservative band, not a confidence interval).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from esep.evaluation.models import Indicator

Z95 = 1.959963984540054
# Student's t, 0.975 quantile, by degrees of freedom; above the last entry the next smaller one is used
# (slightly wider than exact, never narrower), and the normal quantile from 1000 on.
T975 = {
    1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262, 10: 2.228,
    11: 2.201, 12: 2.179, 13: 2.160, 14: 2.145, 15: 2.131, 16: 2.120, 17: 2.110, 18: 2.101, 19: 2.093, 20: 2.086,
    21: 2.080, 22: 2.074, 23: 2.069, 24: 2.064, 25: 2.060, 26: 2.056, 27: 2.052, 28: 2.048, 29: 2.045, 30: 2.042,
    40: 2.021, 60: 2.000, 120: 1.980, 1000: Z95,
}  # fmt: skip

SCORE_MIN, SCORE_MAX = 1, 5  # a resident's rating (esep.feedback.models)


def t975(df: int) -> float:
    if df >= 1000:
        return Z95
    return T975[max(k for k in T975 if k <= df)]


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of the share k/n."""
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    # At k = 0 or k = n one bound is exactly 0 or 1 (the formula gives it up to rounding).
    return (0.0 if k == 0 else max(0.0, centre - half)), (1.0 if k == n else min(1.0, centre + half))


def mean_interval(n: int, total: float, squares: float) -> tuple[float, float, float]:
    """Mean and Student's t interval from the count, the sum and the sum of squares (what SQL returns)."""
    mean = total / n
    if n < 2:
        return mean, SCORE_MIN, SCORE_MAX
    variance = max(0.0, (squares - n * mean * mean) / (n - 1))
    half = t975(n - 1) * math.sqrt(variance / n)
    return mean, max(SCORE_MIN, mean - half), min(SCORE_MAX, mean + half)


def _unit(x: float) -> float:
    return (x - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)


@dataclass(frozen=True)
class Measure:
    """One indicator of one inspector, precinct or body: sample, value and interval in [0, 1]."""

    indicator: str
    n: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    k: int | None = None  # successes of a share
    mean: float | None = None  # the rating on its 1-5 scale


def share(indicator: str, k: int, n: int) -> Measure:
    if n <= 0:
        return Measure(indicator, 0)
    low, high = wilson(k, n)
    return Measure(indicator, n, k / n, low, high, k=k)


def rating(n: int, total: float, squares: float) -> Measure:
    if n <= 0:
        return Measure(Indicator.RATING, 0)
    mean, low, high = mean_interval(n, float(total), float(squares))
    return Measure(Indicator.RATING, n, _unit(mean), _unit(low), _unit(high), mean=mean)


# --- criteria -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Weight:
    indicator: str
    weight: Decimal
    min_sample: int

    @property
    def label(self) -> str:
        return Indicator(self.indicator).label


@dataclass(frozen=True)
class Criteria:
    """The criteria an evaluation uses: a region's version (``source``), or the national default (None)."""

    weights: tuple[Weight, ...]
    source: object | None = None  # the CriteriaSet

    @property
    def is_default(self) -> bool:
        return self.source is None

    def weight_of(self, indicator: str) -> Weight | None:
        return next((w for w in self.weights if w.indicator == indicator), None)

    @property
    def counted(self) -> tuple[Weight, ...]:
        return tuple(w for w in self.weights if w.weight > 0)

    @property
    def rows(self) -> list[tuple[Weight, float]]:
        """Each indicator with its share of the total weight, in per cent."""
        total = sum(float(w.weight) for w in self.weights) or 1.0
        return [(w, round(100 * float(w.weight) / total, 1)) for w in self.weights]


# The national default, used where a region's council has set nothing: residents' ratings weigh most (the
# speech's "residents rate their inspector"), then the outcome for residents and complaints, then timeliness.
# Minimum samples: 20 ratings and 10 answers before a mean or share is compared; a precinct owes one report
# a quarter and an inspector is one officer, so those count from one.
DEFAULT_CRITERIA = Criteria(
    (
        Weight(Indicator.RATING, Decimal(3), 20),
        Weight(Indicator.FIXED, Decimal(2), 10),
        Weight(Indicator.NO_COMPLAINT, Decimal(2), 1),
        Weight(Indicator.REPORTS_ON_TIME, Decimal(2), 1),
        Weight(Indicator.APPEALS_ON_TIME, Decimal(1), 5),
    )
)


def criteria_of(criteria_set) -> Criteria:
    """A stored version as Criteria (its rows in the order of the indicators)."""
    order = list(Indicator.values)
    rows = sorted(criteria_set.criteria.all(), key=lambda c: order.index(c.indicator))
    return Criteria(tuple(Weight(c.indicator, c.weight, c.min_sample) for c in rows), criteria_set)


# --- the combined score ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    value: float | None  # 0-100, None when a weighted indicator lacks its minimum sample
    low: float | None = None
    high: float | None = None
    short: tuple[tuple[str, int, int], ...] = field(default=())  # (indicator, n, minimum) below the minimum


def combine(measures: dict[str, Measure], criteria: Criteria) -> Score:
    counted = criteria.counted
    short = tuple(
        (w.indicator, measures.get(w.indicator, Measure(w.indicator, 0)).n, w.min_sample)
        for w in counted
        if measures.get(w.indicator, Measure(w.indicator, 0)).n < w.min_sample
    )
    if short or not counted:
        return Score(None, short=short)
    total = sum(float(w.weight) for w in counted)

    def weighted(attr: str) -> float:
        return 100 * sum(float(w.weight) * getattr(measures[w.indicator], attr) for w in counted) / total

    return Score(weighted("value"), weighted("low"), weighted("high"))
