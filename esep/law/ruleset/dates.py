"""Dates of force of the acts, in one place, each with the note saying how it was found or assumed.

The texts give the rule of entry into force ("ten calendar days after the first official publication")
but not the publication dates, so most dates below are assumptions; each version of a rule carries the
note in its ``date_note``. Nothing outside :mod:`esep.law` copies these dates: tests read them from the rules."""

from __future__ import annotations

import datetime as dt

D = dt.date
D723_FROM = D(2018, 11, 20)
O608_FROM = D(2023, 8, 15)
O652_FROM = D(2023, 9, 4)
D723_CHIEF_TO = O608_FROM - dt.timedelta(days=1)
D723_INSPECTOR_TO = O652_FROM - dt.timedelta(days=1)
APPK_FROM = D(2021, 7, 1)
LAW_241_FROM = D(2025, 12, 30)

NOTE_723 = (
    "Decree 723 took force ten calendar days after its first publication (p.2); the publication date is not in "
    "the seed, 20.11.2018 is assumed. It lost force by Decree 758 of 01.09.2023; for each kind of report it is "
    "taken to govern until the order that replaced it took force."
)
NOTE_608 = (
    "Order 608 (registered 02.08.2023) took force ten calendar days after its first publication (p.4); the "
    "publication date is not in the seed, 15.08.2023 is assumed as the date of force."
)
NOTE_652 = (
    "Order 652 (registered 22.08.2023) took force ten calendar days after its first publication (p.6); the "
    "publication date is not in the seed, 04.09.2023 is assumed as the date of force."
)
NOTE_APPK = (
    "The АППК took force on 01.07.2021 (its art. 2 of the enacting law); appeals received earlier fall under the Law "
    "of 12.01.2007 No. 221-III, modelled as the earlier versions of the same rules."
)
LAW_221_TO = APPK_FROM - dt.timedelta(days=1)
NOTE_221 = (
    "Law 221-III of 12.01.2007 governed appeals until the АППК took force (lost force 01.07.2021; last day "
    "30.06.2021). Its own date of force (2007) lies before every meeting Esep judges, so no start date is set. "
    "The law is not among the seed texts: its numbers are those of its last version (calendar days from "
    "receipt) and each paragraph should be checked against the official text."
)
NOTE_241 = (
    "Law 241-VIII of 17.12.2025 took force about ten days after its publication in late December 2025; "
    "30.12.2025 is assumed. Check against the official publication date."
)
NOTE_APPK_UNCHANGED = (
    "Value as in the text in force in January 2026; the version before Law 241-VIII is taken to be the same "
    "(not checked paragraph by paragraph)."
)

CHIEF, INSPECTOR = "chief", "inspector"
