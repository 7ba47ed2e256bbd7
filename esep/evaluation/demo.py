"""The demo's criteria: two versions set by the public council of the showcase region, so that the history,
the public page and the evaluation under a region's own criteria can be seen (esep/demo/generator.py)."""

from __future__ import annotations

import datetime as dt

from esep.evaluation.models import CriteriaSet, Indicator
from esep.evaluation.selectors import last_finished_quarter
from esep.evaluation.services import criteria_set_create
from esep.police.models import PoliceBody

COUNCIL = "Public council (demo)"
FIRST = {
    Indicator.RATING: (3, 20),
    Indicator.FIXED: (2, 10),
    Indicator.NO_COMPLAINT: (2, 1),
    Indicator.REPORTS_ON_TIME: (2, 1),
    Indicator.APPEALS_ON_TIME: (1, 5),
}
# The council's second decision: residents' word weighs more, and fewer answers are enough to compare.
SECOND = {
    Indicator.RATING: (4, 10),
    Indicator.FIXED: (3, 5),
    Indicator.NO_COMPLAINT: (2, 1),
    Indicator.REPORTS_ON_TIME: (2, 1),
    Indicator.APPEALS_ON_TIME: (1, 3),
}


def demo_criteria(region_body: PoliceBody, *, today: dt.date) -> list[CriteriaSet]:
    """Version 1 from 1 January of last year, version 2 from the first day of the last finished quarter."""
    year, quarter = last_finished_quarter(today)
    previous = dt.date(year, 3 * (quarter - 1) + 1, 1)
    return [
        criteria_set_create(
            body=region_body,
            criteria=FIRST,
            valid_from=dt.date(today.year - 1, 1, 1),
            actor=COUNCIL,
            note="Демо: қоғамдық кеңес отырысының хаттамасы №1 / Демо: протокол заседания общественного совета №1",
        ),
        criteria_set_create(
            body=region_body,
            criteria=SECOND,
            valid_from=previous,
            actor=COUNCIL,
            note="Демо: қоғамдық кеңес отырысының хаттамасы №2 / Демо: протокол заседания общественного совета №2",
        ),
    ]
