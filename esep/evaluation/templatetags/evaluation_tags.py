"""How the evaluation pages write a measure: the value, its sample and its 95 % interval."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from esep.evaluation.indicators import Measure
from esep.evaluation.models import Indicator

register = template.Library()


def _n(value: float, places: int = 1) -> str:
    # number_format cuts a float's digits; round first (2/3 is 66.7 %, not 66.6 %).
    return number_format(round(value, places), decimal_pos=places)


@register.filter
def measure_text(measure: Measure) -> str:
    """ "76.5 % (13 of 17; 95 % interval 52.7–90.4 %)", "4.2 of 5 (n = 25; 95 % interval 3.9–4.5)", or
    "no data"."""
    if measure is None or not measure.n:
        return _("no data")
    if measure.indicator == Indicator.RATING:
        low = 1 + 4 * measure.low
        high = 1 + 4 * measure.high
        return _("%(mean)s of 5 (n = %(n)s; 95%% interval %(low)s–%(high)s)") % {
            "mean": _n(measure.mean),
            "n": measure.n,
            "low": _n(low),
            "high": _n(high),
        }
    return _("%(value)s%% (%(k)s of %(n)s; 95%% interval %(low)s–%(high)s%%)") % {
        "value": _n(100 * measure.value),
        "k": measure.k,
        "n": measure.n,
        "low": _n(100 * measure.low),
        "high": _n(100 * measure.high),
    }


@register.filter
def measure_of(measures: dict, indicator: str) -> Measure | None:
    return measures.get(indicator)


@register.filter
def one_place(value: float | None) -> str:
    return "—" if value is None else _n(value)


@register.filter
def indicator_label(value: str) -> str:
    return Indicator(value).label
