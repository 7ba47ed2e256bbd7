"""The headline indicators a report quotes, with the form cell each one is read from.

Official codes: ``1M.S1.<row>.g<col>`` (Form 1-М section 1) and ``SNG1.<section>.<row>.g<col>`` (Form СНГ-1),
as in data/statistics. The form texts are Russian only; these labels are what residents read.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Headline:
    code: str
    label: object  # lazy translation
    group: str  # "registered" | "results" | "where" | "categories"


REGISTERED = "1M.S1.001.g02"
CRIMES = "1M.S1.003.g02"
MISDEMEANOURS = "1M.S1.002.g02"

HEADLINES: tuple[Headline, ...] = (
    Headline(REGISTERED, _("Criminal offences registered"), "registered"),
    Headline(CRIMES, _("of which crimes"), "registered"),
    Headline(MISDEMEANOURS, _("of which criminal misdemeanours"), "registered"),
    Headline("1M.S1.001.g06", _("Cases completed"), "results"),
    Headline("1M.S1.001.g07", _("Cases sent to court"), "results"),
    Headline("SNG1.R1.01.g6", _("Persons identified who committed crimes"), "results"),
    Headline("1M.S1.001.g26", _("Offences in public places"), "where"),
    Headline("1M.S1.001.g27", _("Offences on streets, squares and in parks"), "where"),
    Headline("1M.S1.001.g28", _("Offences in the domestic sphere"), "where"),
    Headline("SNG1.R2.01.g1", _("Crimes by juveniles or with their participation (completed cases)"), "where"),
    Headline("SNG1.R1.13.g1", _("Thefts"), "categories"),
    Headline("SNG1.R1.16.g1", _("Frauds"), "categories"),
    Headline("SNG1.R1.17.g1", _("Robberies"), "categories"),
    Headline("SNG1.R1.08.g1", _("Murders and attempted murders"), "categories"),
    Headline("SNG1.R1.23.g1", _("Hooliganism"), "categories"),
)
BY_CODE = {h.code: h for h in HEADLINES}

# Form 1-М section 1: the rows and columns read from the full 2022 table (form_1M_section1_by_region.csv).
FORM_1M_ROWS = (1, 2, 3)
FORM_1M_COLUMNS = (2, 6, 7, 26, 27, 28)

# Regions whose boundaries changed in June 2022 (Abai, Zhetysu and Ulytau created from East Kazakhstan,
# Almaty region and Karaganda region): no change is computed for them when either period is 2022 or earlier
# (data/statistics/README.upstream-crime_timeseries.md, "How to add a real comparable year").
BOUNDARY_2022_REGIONS = frozenset({"100000000", "330000000", "620000000", "630000000", "190000000", "350000000"})
BOUNDARY_LAST_YEAR = 2022


def label(code: str, name_ru: str = "") -> str:
    headline = BY_CODE.get(code)
    return str(headline.label) if headline else (name_ru or code)
