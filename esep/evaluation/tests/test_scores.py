"""Issue 12 item 2, "ratings that count": changing the council's criteria changes the scores exactly as
computed here by hand; no one is ranked under the minimum sample; every version of the criteria is kept."""

from __future__ import annotations

import datetime as dt
import math

import pytest
import time_machine

from esep.evaluation import indicators as ind
from esep.evaluation import selectors, services
from esep.evaluation.models import CriteriaSet, Indicator
from esep.evaluation.tests import world as w

pytestmark = pytest.mark.django_db
I = Indicator  # noqa: E741 - short in the tables below

V1 = {I.RATING: (1, 1), I.FIXED: (1, 1), I.NO_COMPLAINT: (1, 1), I.REPORTS_ON_TIME: (1, 1), I.APPEALS_ON_TIME: (1, 1)}
V2 = {I.RATING: (3, 1), I.FIXED: (0, 1), I.NO_COMPLAINT: (2, 1), I.REPORTS_ON_TIME: (0, 1), I.APPEALS_ON_TIME: (1, 1)}


@pytest.fixture
def world():
    with time_machine.travel(w.TODAY, tick=False):
        yield w.build()


def _evaluate(world, **kw):
    with time_machine.travel(w.TODAY, tick=False):
        return selectors.evaluation(world["chief"], root=world["district"], year=w.YEAR, quarter=w.QUARTER, **kw)


def _row(result, level: str, key: int) -> selectors.Row:
    return next(r for r in result.levels[level] if r.key == key)


def _set(world, criteria, valid_from: dt.date, note: str = ""):
    with time_machine.travel(w.TODAY, tick=False):
        return services.criteria_set_create(
            body=world["region"], criteria=criteria, valid_from=valid_from, note=note, actor=world["council"]
        )


def test_each_indicator_is_what_the_register_says(world):
    result = _evaluate(world)
    one, two = _row(result, "inspector", world["o1"].pk), _row(result, "inspector", world["o2"].pk)
    m = one.measures
    # Ratings 5, 4, 4, 5, 3: mean 4.2; normalised (4.2 - 1) / 4 = 0.8.
    assert (m[I.RATING].n, m[I.RATING].mean) == (5, pytest.approx(4.2))
    assert m[I.RATING].value == pytest.approx(0.8)
    # Student's t interval: s² = (91 - 5·4.2²) / 4 = 0.7; t(4) = 2.776; half = 2.776·√(0.7/5) = 1.0387;
    # [3.1613, 5] on the 1-5 scale (clipped), [0.5403, 1] normalised.
    half = 2.776 * math.sqrt(0.7 / 5)
    assert m[I.RATING].low == pytest.approx((4.2 - half - 1) / 4)
    assert m[I.RATING].high == pytest.approx(1.0)
    # Two of three problems solved; Wilson's 95 % interval for 2/3 is [0.2077, 0.9385].
    assert (m[I.FIXED].k, m[I.FIXED].n) == (2, 3)
    assert (m[I.FIXED].low, m[I.FIXED].high) == (pytest.approx(0.2077, abs=1e-4), pytest.approx(0.9385, abs=1e-4))
    assert (m[I.NO_COMPLAINT].k, m[I.NO_COMPLAINT].n) == (1, 1)
    assert (m[I.REPORTS_ON_TIME].k, m[I.REPORTS_ON_TIME].n) == (1, 1)
    assert (m[I.APPEALS_ON_TIME].k, m[I.APPEALS_ON_TIME].n) == (3, 4)
    m = two.measures
    assert (m[I.RATING].n, m[I.RATING].mean) == (2, pytest.approx(2.5))
    assert m[I.FIXED].n == 0
    assert (m[I.NO_COMPLAINT].k, m[I.NO_COMPLAINT].n) == (0, 1)  # the confirmed complaint
    assert (m[I.REPORTS_ON_TIME].k, m[I.REPORTS_ON_TIME].n) == (0, 1)  # minutes not signed
    assert (m[I.APPEALS_ON_TIME].k, m[I.APPEALS_ON_TIME].n) == (0, 1)  # unanswered after its term
    assert two.confirmed == 1
    # The precinct carries the same figures as its inspector; the body sums both precincts.
    body = _row(result, "body", world["district"].pk).measures
    assert (body[I.RATING].n, body[I.RATING].mean) == (7, pytest.approx(26 / 7))
    assert (body[I.APPEALS_ON_TIME].k, body[I.APPEALS_ON_TIME].n) == (3, 5)
    assert (body[I.REPORTS_ON_TIME].k, body[I.REPORTS_ON_TIME].n) == (1, 2)
    assert (body[I.NO_COMPLAINT].k, body[I.NO_COMPLAINT].n) == (1, 2)
    assert _row(result, "precinct", world["p1"].pk).measures[I.FIXED].k == 2


def test_changing_the_councils_criteria_changes_the_scores_as_computed_by_hand(world):
    _set(world, V1, dt.date(2026, 1, 1), note="Кеңес хаттамасы №1")
    first = _evaluate(world)
    assert first.criteria.source.version == 1
    one, two = _row(first, "inspector", world["o1"].pk), _row(first, "inspector", world["o2"].pk)
    # Version 1, all weights 1: (0.8 + 2/3 + 1 + 1 + 0.75) / 5.
    assert one.score.value == pytest.approx(100 * (0.8 + 2 / 3 + 1 + 1 + 0.75) / 5)  # 84.33
    assert one.rank == 1
    # Inspector 2 has no "was it fixed?" answer, which counts in version 1: no score, no rank.
    assert two.score.value is None and two.rank is None
    assert two.score.short == ((I.FIXED, 0, 1),)

    # The council sets version 2 from February: ratings weigh 3, complaints 2, appeals 1, the rest 0.
    _set(world, V2, dt.date(2026, 2, 1))
    second = _evaluate(world)
    assert second.criteria.source.version == 2
    one, two = _row(second, "inspector", world["o1"].pk), _row(second, "inspector", world["o2"].pk)
    assert one.score.value == pytest.approx(100 * (3 * 0.8 + 2 * 1 + 1 * 0.75) / 6)  # 85.83
    # Ratings 2 and 3: mean 2.5, normalised 0.375; complaint and appeal 0.
    assert two.score.value == pytest.approx(100 * (3 * 0.375) / 6)  # 18.75
    assert (one.rank, two.rank) == (1, 2)
    # The range is the same weighted mean of the interval bounds.
    m = one.measures
    low = 100 * (3 * m[I.RATING].low + 2 * m[I.NO_COMPLAINT].low + m[I.APPEALS_ON_TIME].low) / 6
    assert one.score.low == pytest.approx(low)

    # An evaluation may still be recomputed with version 1, which is kept as it was.
    again = _evaluate(world, criteria=ind.criteria_of(CriteriaSet.objects.get(body=world["region"], version=1)))
    assert _row(again, "inspector", world["o1"].pk).score.value == pytest.approx(
        first.levels["inspector"][0].score.value
    )


def test_the_version_in_force_on_the_quarters_last_day_is_used(world):
    _set(world, V1, dt.date(2026, 1, 1))
    _set(world, V2, dt.date(2026, 4, 1))  # from the next quarter
    assert _evaluate(world).criteria.source.version == 1


def test_a_region_without_criteria_uses_the_national_default(world):
    result = _evaluate(world)
    assert result.criteria.is_default
    # Default minimum: 20 ratings. Five and two are not enough: no one is ranked.
    assert result.ranked("inspector") == []
    one = _row(result, "inspector", world["o1"].pk)
    assert (I.RATING, 5, 20) in one.score.short


def test_no_ranking_under_the_minimum_sample(world):
    # Five ratings at least: inspector 1 (five) is compared, inspector 2 (two) is not, whatever the score.
    _set(world, {**V2, I.RATING: (3, 5)}, dt.date(2026, 1, 1))
    result = _evaluate(world)
    assert [r.key for r in result.ranked("inspector")] == [world["o1"].pk]
    two = _row(result, "inspector", world["o2"].pk)
    assert two.rank is None and two.score.short == ((I.RATING, 2, 5),)
    assert two.measures[I.RATING].n == 2  # the count and interval are still shown
    assert two.measures[I.RATING].low is not None


def test_criteria_history_is_kept_with_who_and_when(world):
    first = _set(world, V1, dt.date(2026, 1, 1), note="Хаттама №1")
    later = w.TODAY + dt.timedelta(days=3)
    with time_machine.travel(later, tick=False):
        services.criteria_set_create(
            body=world["region"], criteria=V2, valid_from=dt.date(2026, 5, 13), actor=world["council"]
        )
    history = selectors.criteria_history(world["region"])
    assert [c.source.version for c in history] == [2, 1]
    old = history[1]
    assert old.source.pk == first.pk and old.source.note == "Хаттама №1"
    assert old.source.set_by == world["council"]
    assert old.source.set_by_name == world["council"].get_full_name()
    assert old.source.set_at == w.TODAY
    assert history[0].source.set_at == later
    rating = old.weights[0]
    assert (rating.indicator, rating.weight, rating.min_sample) == (I.RATING, 1, 1)
    assert history[0].weight_of(I.FIXED).weight == 0


@pytest.mark.parametrize(
    ("case", "criteria", "valid_from", "field"),
    [
        ("negative weight", {**V1, I.RATING: (-1, 1)}, dt.date(2026, 1, 1), I.RATING),
        ("zero minimum sample", {**V1, I.FIXED: (1, 0)}, dt.date(2026, 1, 1), I.FIXED),
        ("all weights zero", dict.fromkeys(V1, (0, 1)), dt.date(2026, 1, 1), None),
        ("an indicator left out", {k: v for k, v in V1.items() if k != I.FIXED}, dt.date(2026, 1, 1), None),
        ("not a number", {**V1, I.RATING: ("x", 1)}, dt.date(2026, 1, 1), I.RATING),
    ],
)
def test_bad_criteria_are_refused_and_nothing_is_stored(world, case, criteria, valid_from, field):
    with pytest.raises(services.CriteriaError) as refused:
        _set(world, criteria, valid_from)
    assert refused.value.message
    if field:
        assert field in refused.value.fields
    assert not CriteriaSet.objects.exists()


def test_a_version_cannot_come_into_force_before_the_previous_one(world):
    _set(world, V1, dt.date(2026, 3, 1))
    with pytest.raises(services.CriteriaError):
        _set(world, V2, dt.date(2026, 2, 1))
    assert CriteriaSet.objects.count() == 1


def test_wilson_and_t_intervals_by_hand():
    # Wilson 95 % for 0/10 is [0, 0.2775], for 10/10 [0.7225, 1]: never outside [0, 1].
    assert ind.wilson(0, 10) == (0.0, pytest.approx(0.2775, abs=1e-4))
    assert ind.wilson(10, 10) == (pytest.approx(0.7225, abs=1e-4), 1.0)
    mean, low, high = ind.mean_interval(3, 12, 50)  # ratings 3, 4, 5
    assert mean == 4
    # s² = (50 − 3·16) / 2 = 1; t(2) = 4.303; half = 4.303/√3 = 2.4843, clipped to [1, 5].
    assert (low, high) == (pytest.approx(4 - 4.303 / math.sqrt(3)), 5)
    assert ind.t975(35) == 2.042 and ind.t975(5000) == pytest.approx(1.96, abs=1e-3)


def test_the_demo_council_sets_two_versions_and_the_last_quarter_uses_the_second(world):
    from esep.evaluation.demo import COUNCIL, demo_criteria

    with time_machine.travel(w.TODAY, tick=False):
        first, second = demo_criteria(world["region"], today=w.TODAY.date())
    assert (first.version, first.valid_from, second.version, second.valid_from) == (
        1, dt.date(2025, 1, 1), 2, dt.date(2026, 1, 1)
    )  # fmt: skip
    assert second.set_by is None and second.set_by_name == COUNCIL
    assert _evaluate(world).criteria.source == second
