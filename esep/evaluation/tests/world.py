"""One district of one region with two inspectors and what residents and the register say about them in the
first quarter of 2026, small enough to compute every score by hand (test_scores.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from esep.accountability.models import FixAnswer, FixCheck
from esep.accounts.models import Role
from esep.appeals.models import Appeal, AppealStatus
from esep.complaints.models import Measure, OfficerComplaint, Outcome
from esep.meetings.models import MeetingStatus
from esep.protocols.models import Protocol, ProtocolStatus
from esep.testing import appeals as ta
from esep.testing import factories as f
from esep.testing import feedback as ff

TODAY = ta.almaty(2026, 5, 10, 11)  # in Q2: Q1 2026 is over
YEAR, QUARTER = 2026, 1


def _report(officer, precinct, day: int, *, signed: bool, scores: list[int]):
    meeting = f.meeting(
        body_=precinct.body,
        reporters=[(officer, precinct)],
        starts_at=ta.almaty(2026, 2, day, 15),
        status=MeetingStatus.HELD,
    )
    Protocol.objects.create(
        meeting=meeting,
        started_at=meeting.starts_at,
        place="Мәдениет үйі",
        status=ProtocolStatus.SIGNED if signed else ProtocolStatus.DRAFT,
    )
    for score in scores:
        ff.rating(meeting, score)
    return meeting


def _fixcheck(meeting, precinct, answer: str) -> None:
    FixCheck.objects.create(
        meeting=meeting,
        precinct=precinct,
        asked_at=ta.almaty(2026, 3, 1),
        answer=answer,
        answered_at=ta.almaty(2026, 3, 5),
    )


def _appeal(body, precinct, *, due: dt.date, late: bool | None, status: str = AppealStatus.ANSWERED) -> Appeal:
    appeal = ta.appeal(body=body, precinct=precinct)
    Appeal.objects.filter(pk=appeal.pk).update(
        due_on=due,
        status=status,
        answered_late=late,
        answered_on=None if late is None else due - dt.timedelta(days=0 if late is False else -3),
    )
    return appeal


def build() -> dict[str, Any]:
    region_terr = f.region(41)
    region = f.region_body(region_terr)
    district = f.body(parent=region, terr=f.district(region_terr, 11))
    o1, p1 = f.inspector_with_precinct(district)
    o2, p2 = f.inspector_with_precinct(district)
    # Inspector 1: five ratings 5, 4, 4, 5, 3 (mean 4.2); minutes signed; two of three problems solved; three
    # of four appeals answered on time; no complaint.
    m1 = _report(o1, p1, 10, signed=True, scores=[5, 4, 4, 5, 3])
    for answer in (FixAnswer.SOLVED, FixAnswer.SOLVED, FixAnswer.NOT_SOLVED):
        _fixcheck(m1, p1, answer)
    for late in (False, False, False, True):
        _appeal(district, p1, due=dt.date(2026, 2, 20), late=late)
    # Inspector 2: ratings 2 and 3; minutes not signed; no "was it fixed?" answer; one appeal still unanswered
    # after its term; one complaint confirmed in March.
    _report(o2, p2, 12, signed=False, scores=[2, 3])
    _appeal(district, p2, due=dt.date(2026, 3, 16), late=None, status=AppealStatus.IN_PROGRESS)
    letter = ta.appeal(body=district, precinct=p2, kind="complaint")
    complaint = OfficerComplaint.objects.create(
        appeal=letter,
        body=district,
        precinct=p2,
        source="letter",
        received_on=dt.date(2026, 2, 1),
        outcome=Outcome.CONFIRMED,
        measures=Measure.DISCIPLINARY,
        decision_number="12-3",
        decision_date=dt.date(2026, 3, 1),
        decided_at=timezone.now(),
    )
    complaint.officers.add(o2)
    other_region = f.region_body(f.region(42))
    other = f.body(parent=other_region, terr=f.district(other_region.territory, 12))
    return {
        "region": region,
        "district": district,
        "o1": o1,
        "o2": o2,
        "p1": p1,
        "p2": p2,
        "other_region": other_region,
        "other": other,
        "chief": f.staff(Role.CHIEF, district),
        "region_chief": f.staff(Role.CHIEF, region),
        "inspector": f.staff(Role.INSPECTOR, district, officer=o1),
        "staff_unit": f.staff(Role.STAFF_UNIT, district),
        "other_chief": f.staff(Role.CHIEF, other),
        "oversight": f.user(Role.OVERSIGHT),
        "council": f.user(Role.PUBLIC_COUNCIL, terr=region_terr),
        "other_council": f.user(Role.PUBLIC_COUNCIL, terr=other_region.territory),
        "district_council": f.user(Role.PUBLIC_COUNCIL, terr=district.territory),
    }
