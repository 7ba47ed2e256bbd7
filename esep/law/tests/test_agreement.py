"""One computation of each term (issue 9): the appeal the services store and the finding evaluate() returns
agree on the due date and on late / not late, for 1,000 random moments of receipt (any hour, any day from
the АППК's date of force to the end of 2026)."""

import datetime as dt
import random

import pytest

from esep.appeals.describe import _appeal_facts
from esep.appeals.models import AppealKind
from esep.law import rules
from esep.law.compliance import evaluate
from esep.testing import appeals as ta
from esep.testing import factories as f

pytestmark = pytest.mark.django_db

MOMENTS = 1000


def _description(procedure: dict, *, as_of: dt.date) -> dict:
    received = dt.datetime.fromisoformat(procedure["received_at"])
    return {
        "kind": "inspector",
        "status": "held",
        "starts_at": received.isoformat(),
        "items": [{"kind": "complaint", "in_minutes": True, "appeal": procedure}],
        "as_of": as_of.isoformat(),
    }


def _appeal_findings(description: dict) -> dict[str, dict]:
    return {x.code: x.params for x in evaluate(description, strict=False) if x.code.startswith("appeal.")}


def test_stored_appeal_and_evaluate_agree_on_1000_random_moments():
    first = next(v.valid_from for v in rules.versions("appk.term_days") if v.act == "appk")
    last = dt.date(2026, 12, 31)
    rng = random.Random(20260109)
    body = f.body()
    disagreements = []
    for _ in range(MOMENTS):
        day = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
        received_at = ta.almaty(day.year, day.month, day.day, rng.randrange(24), rng.randrange(60))
        kind = rng.choice([AppealKind.APPEAL, AppealKind.COMPLAINT])
        stored = ta.appeal(body=body, received_at=received_at, kind=kind)
        procedure = _appeal_facts(stored)["appeal"]

        # Unanswered, judged long after: overdue, with the due date evaluate() computed.
        found = _appeal_findings(_description(procedure, as_of=stored.due_on + dt.timedelta(days=90)))
        if found.get("appeal.overdue", {}).get("due") != stored.due_on.isoformat():
            disagreements.append((received_at.isoformat(), kind, "due", stored.due_on, found))
            continue
        # Answered a few days either side of the stored term: late exactly when the stored term says so.
        answered = stored.due_on + dt.timedelta(days=rng.randrange(-3, 4))
        answered = max(answered, stored.registered_on)
        found = _appeal_findings(
            _description({**procedure, "answered_on": answered.isoformat()}, as_of=answered + dt.timedelta(days=1))
        )
        if ("appeal.answered_late" in found) != (answered > stored.due_on):
            disagreements.append((received_at.isoformat(), kind, "late", stored.due_on, answered, found))
    assert not disagreements, disagreements[:5]


def test_the_example_of_the_issue_is_one_term():
    # Received on Monday 29.12.2025 at 19:30, after hours: registered on 30.12.2025, under Law 241-VIII, so
    # the term counts 15 working days from the next day. The appeals clock and evaluate() say the same.
    received_at = ta.almaty(2025, 12, 29, 19, 30)
    stored = ta.appeal(received_at=received_at)
    assert stored.registered_on == dt.date(2025, 12, 30)
    # The version in force on the registration day (docs/compliance.md), not on the day of receipt, which
    # would give 22.01.2026 from receipt under the old text.
    assert stored.due_on == dt.date(2026, 1, 23)
    procedure = _appeal_facts(stored)["appeal"]
    found = _appeal_findings(_description(procedure, as_of=dt.date(2026, 6, 1)))
    assert found["appeal.overdue"]["due"] == stored.due_on.isoformat()
    answered_on_due = {**procedure, "answered_on": stored.due_on.isoformat()}
    assert "appeal.answered_late" not in _appeal_findings(_description(answered_on_due, as_of=dt.date(2026, 6, 1)))
