"""The АППК clock of an appeal: the one place in this app that asks esep.law for terms.

Every term is computed by esep.law.deadlines, the computation the compliance checks use too; the version of
the rule is the one in force on the appeal's registration day (docs/compliance.md), so the stored appeal and
``evaluate()`` agree (esep/law/tests/test_agreement.py).

Every number comes from a rule of esep.law with its citation; what it returned is stored on the appeal
(``*_basis``) when the clock starts, so a later change of the law does not rewrite old cases.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from esep.law import calendar as work_calendar
from esep.law import deadlines

TERM = "appk.term_days"  # АППК art. 76 pp.1-2
COMPLAINT_TERM = "appk.complaint_term_days"  # АППК art. 99
REDIRECT = "appk.redirect_days"  # АППК art. 65
EXTENSION = "appk.extension_max_months"  # АППК art. 76 p.3
NOTICE = "appk.notice_days"  # АППК art. 76 p.3, art. 70 p.3


def _basis(deadline: Any) -> dict[str, Any]:
    """What the law said when the clock started, kept with the case: rule, value, citations, steps."""
    basis = deadline.as_dict()
    basis["citation_kk"] = deadline.rule.citation("kk")
    basis["citation_ru"] = deadline.rule.citation("ru")
    basis["valid_from"] = deadline.rule.valid_from.isoformat() if deadline.rule.valid_from else None
    return basis


def registration_day(received_at: dt.datetime) -> dt.date:
    """АППК art. 64 p.2: the day of receipt; after hours or on a non-working day, the next working day."""
    return work_calendar.registration_date(received_at)


def term(start: dt.date | dt.datetime) -> tuple[dt.date, dict[str, Any]]:
    """The answer is owed by this date (АППК art. 76 pp.1, 5). Given the moment of receipt, esep.law counts
    from registration or from receipt, whichever the version in force says (Law 241-VIII changed it)."""
    deadline = deadlines.compute(TERM, start)
    return deadline.due, _basis(deadline)


def complaint_term(start: dt.date | dt.datetime) -> tuple[dt.date, dict[str, Any]]:
    """A complaint against an act or inaction is considered by this date, without extension (АППК art. 99)."""
    deadline = deadlines.compute(COMPLAINT_TERM, start)
    return deadline.due, _basis(deadline)


def complaint_rule_citation(on: dt.date, lang: str) -> tuple[int, str]:
    """(working days, citation in ``lang``) of the complaint term in force on ``on``: for the refusal to extend."""
    from esep.law import rules

    found = rules.rule(COMPLAINT_TERM, on)
    return int(found.value), found.citation(lang)


def redirect_term(received_on: dt.date) -> tuple[dt.date, dict[str, Any]]:
    """What is outside competence is passed on by this date (АППК art. 65)."""
    deadline = deadlines.compute(REDIRECT, received_on)
    return deadline.due, _basis(deadline)


def notice_term(on: dt.date, *, registered_on: dt.date | None = None) -> tuple[dt.date, dict[str, Any]]:
    """The person is told of an extension or an end by this date (АППК art. 76 p.3, art. 70 p.3), under the
    version in force on the appeal's registration day, as the compliance checks count it."""
    deadline = deadlines.compute(NOTICE, on, on=registered_on)
    return deadline.due, _basis(deadline)


def extension_limit(
    decided_on: dt.date, *, registered_on: dt.date | None = None, term_due: dt.date | None = None
) -> tuple[dt.date, dict[str, Any]]:
    """The latest date an extension may reach: N months from the decision (АППК art. 76 p.3); the same
    computation as the compliance checks (esep.law.deadlines.extension_limit)."""
    deadline = deadlines.extension_limit(decided_on, registered_on=registered_on, term_due=term_due)
    return deadline.due, _basis(deadline)


def add_working_days(start: dt.date, days: int) -> dt.date:
    return work_calendar.add_working_days(start, days)
