"""The plan of required reports (Order 608 p.4; Order 652 p.26), schedules and their conflicts (608 p.8.1)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from esep.accounts.models import Role
from esep.meetings.models import MeetingStatus
from esep.planning.models import ScheduleStatus
from esep.planning.selectors import (
    chief_obligations,
    conflicts_for,
    counts_by_body,
    inspector_counts,
    inspector_obligations,
)
from esep.planning.services import schedule_approve, schedule_draft, schedule_reopen
from esep.protocols.models import Protocol
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


def at(*args):
    return timezone.make_aware(dt.datetime(*args))


def admin():
    return f.user(Role.ADMIN)


def signed(meeting, status="signed"):
    """Minutes in ``status``: only signed minutes make a held report done (Order 608 pp.14-15; 652 p.32)."""
    Protocol.objects.create(meeting=meeting, status=status, started_at=meeting.starts_at, place="Мектеп")
    return meeting


STATUSES = [
    # (id naming the paragraph, meeting date or None, meeting status, as_of, expected)
    ("652-p.26-held-in-quarter", at(2024, 5, 20, 18), MeetingStatus.HELD, dt.date(2024, 7, 10), "on_time"),
    ("652-p.26-held-after-quarter", at(2024, 7, 2, 18), MeetingStatus.HELD, dt.date(2024, 7, 10), "late"),
    ("652-p.26-nothing-quarter-over", None, None, dt.date(2024, 7, 10), "missing"),
    ("652-p.26-nothing-quarter-running", None, None, dt.date(2024, 5, 1), "upcoming"),
    ("652-p.26-scheduled", at(2024, 6, 20, 18), MeetingStatus.SCHEDULED, dt.date(2024, 5, 1), "planned"),
    ("652-p.32-held-minutes-unsigned-not-done", at(2024, 5, 20, 18), "held:draft", dt.date(2024, 7, 10), "unproven"),
    ("652-p.32-held-no-minutes-not-done", at(2024, 5, 20, 18), "held:none", dt.date(2024, 7, 10), "unproven"),
    ("652-p.26-scheduled-never-held", at(2024, 6, 20, 18), MeetingStatus.SCHEDULED, dt.date(2024, 7, 10), "missing"),
    (
        "652-p.26-cancelled-counts-as-nothing",
        at(2024, 5, 20, 18),
        MeetingStatus.CANCELLED,
        dt.date(2024, 7, 10),
        "missing",
    ),
]


@pytest.mark.parametrize(
    ("when", "status", "as_of", "expected"), [c[1:] for c in STATUSES], ids=[c[0] for c in STATUSES]
)
def test_inspector_obligation_status(when, status, as_of, expected):
    off, prec = f.inspector_with_precinct()
    minutes = "signed"
    if status and ":" in status:
        status, minutes = status.split(":")
    if when:
        m = f.meeting(reporters=[(off, prec)], starts_at=when, status=status, period_year=2024, period_quarter=2)
        if status == MeetingStatus.HELD and minutes != "none":
            signed(m, minutes)
    (ob,) = inspector_obligations(admin(), year=2024, quarter=2, as_of=as_of)
    assert ob.status == expected
    assert ob.officer == off
    # The counts computed in SQL (GROUP BY) agree with the per-precinct statuses.
    (row,) = inspector_counts(admin(), year=2024, quarter=2, as_of=as_of)
    assert row.counts[expected] == 1 and row.owed == 1


def test_joint_gathering_counts_for_each_inspector():
    body = f.body()
    a, pa = f.inspector_with_precinct(body)
    b, pb = f.inspector_with_precinct(body)
    _c, _pc = f.inspector_with_precinct(body)
    signed(f.meeting(reporters=[(a, pa), (b, pb)], starts_at=at(2024, 5, 20, 18), status=MeetingStatus.HELD))
    result = {
        ob.precinct.pk: ob.status
        for ob in inspector_obligations(admin(), year=2024, quarter=2, as_of=dt.date(2024, 7, 10))
    }
    assert result == {pa.pk: "on_time", pb.pk: "on_time", _pc.pk: "missing"}


def test_acting_inspector_owes_the_report_on_the_last_day_of_the_quarter():
    _off, prec = f.inspector_with_precinct()
    acting = f.officer(prec.body)
    f.assignment(acting, prec, start=dt.date(2024, 6, 1), end=dt.date(2024, 7, 31), kind="acting")
    (ob,) = inspector_obligations(admin(), year=2024, quarter=2, as_of=dt.date(2024, 7, 10))
    assert ob.officer == acting and ob.acting


def test_vacant_precinct_still_owes_a_report():
    prec = f.precinct()
    (ob,) = inspector_obligations(admin(), year=2024, quarter=2, as_of=dt.date(2024, 7, 10))
    assert ob.precinct == prec and ob.officer is None and ob.status == "missing"


CHIEF = [
    ("608-p.4-held-in-Q1-2024-for-2023", at(2024, 2, 20, 15), 2023, "on_time"),
    ("723-p.21-held-in-Q1-2023-for-2022", at(2023, 2, 20, 15), 2022, "on_time"),
    ("608-p.4-held-in-Q2-is-late", at(2024, 4, 20, 15), 2023, "late"),
]


@pytest.mark.parametrize(("when", "year", "expected"), [c[1:] for c in CHIEF], ids=[c[0] for c in CHIEF])
def test_chief_obligation(when, year, expected):
    body = f.body()
    chief = f.officer(body, position="chief")
    m = f.meeting(
        kind="chief", body_=body, reporters=[(chief, None)], starts_at=when, status=MeetingStatus.HELD, period_year=year
    )
    signed(m)
    (ob,) = chief_obligations(admin(), year=year, as_of=dt.date(year + 1, 6, 1))
    assert ob.status == expected


def test_obligations_are_restricted_to_the_users_scope():
    mine, other = f.body(), f.body()
    f.inspector_with_precinct(mine)
    f.inspector_with_precinct(other)
    user = f.staff(b=mine)
    obs = inspector_obligations(user, year=2024, quarter=2, as_of=dt.date(2024, 7, 10))
    assert {ob.body.pk for ob in obs} == {mine.pk}
    assert [r.counts["missing"] for r in counts_by_body(obs)] == [1]


def test_conflicts_officer_twice_and_venue_twice():
    body = f.body()
    off, prec = f.inspector_with_precinct(body)
    town = f.settlement()
    m1 = f.meeting(reporters=[(off, prec)], starts_at=at(2024, 5, 20, 18), settlement=town, venue_kk="Мәдениет үйі")
    m2 = f.meeting(reporters=[(off, prec)], starts_at=at(2024, 5, 20, 19), settlement=town, venue_kk="Школа 3")
    other, oprec = f.inspector_with_precinct(body)
    m3 = f.meeting(reporters=[(other, oprec)], starts_at=at(2024, 5, 20, 19), settlement=town, venue_kk="мәдениет  үйі")
    kinds = sorted((c.kind, c.first.pk, c.second.pk) for c in conflicts_for([m1, m2, m3]))
    assert ("officer", m1.pk, m2.pk) in kinds
    assert ("venue", m1.pk, m3.pk) in kinds
    assert all(k != "venue" or {a, b} != {m2.pk, m3.pk} for k, a, b in kinds)


def test_no_conflict_when_times_do_not_overlap():
    off, prec = f.inspector_with_precinct()
    m1 = f.meeting(reporters=[(off, prec)], starts_at=at(2024, 5, 20, 10))
    m2 = f.meeting(reporters=[(off, prec)], starts_at=at(2024, 5, 20, 14))
    assert conflicts_for([m1, m2]) == []


def test_schedule_draft_approve_reopen_and_conflicts_block_approval():
    body = f.body()
    off, prec = f.inspector_with_precinct(body)
    f.meeting(body_=body, reporters=[(off, prec)], starts_at=at(2024, 5, 20, 18), period_year=2024, period_quarter=2)
    clash = f.meeting(
        body_=body, reporters=[(off, prec)], starts_at=at(2024, 5, 20, 19), period_year=2024, period_quarter=2
    )
    user = f.staff(b=body)
    schedule = schedule_draft(body=body, kind="inspector", year=2024, quarter=2, actor=user)
    assert schedule.entries.count() == 2
    with pytest.raises(ValidationError):
        schedule_approve(schedule=schedule, actor=user)
    clash.status = MeetingStatus.CANCELLED
    clash.save()
    schedule = schedule_approve(schedule=schedule, actor=user)
    assert schedule.status == ScheduleStatus.APPROVED and schedule.approved_by == user
    with pytest.raises(ValidationError):
        schedule_approve(schedule=schedule, actor=user)
    assert schedule_reopen(schedule=schedule, actor=user).status == ScheduleStatus.DRAFT


def test_not_reported_page_counts_per_body_with_bounded_queries(client, django_assert_max_num_queries):
    body = f.body()
    for _ in range(15):
        f.inspector_with_precinct(body)
    client.force_login(admin())
    url = reverse("planning_staff:not_reported") + "?kind=inspector&year=2024&quarter=2"
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    assert str(body) in response.content.decode()
    with django_assert_max_num_queries(14):
        response = client.get(url + f"&body={body.pk}")
    assert response.status_code == 200


def test_schedule_page_and_approve_button(client):
    body = f.body()
    off, prec = f.inspector_with_precinct(body)
    f.meeting(body_=body, reporters=[(off, prec)], starts_at=at(2024, 5, 20, 18), period_year=2024, period_quarter=2)
    user = f.staff(b=body)
    client.force_login(user)
    response = client.post(
        reverse("planning_staff:schedule_create"), {"body": body.pk, "kind": "inspector", "year": 2024, "quarter": 2}
    )
    assert response.status_code == 302
    detail = response["Location"]
    assert client.get(detail).status_code == 200
    pk = int(detail.rstrip("/").split("/")[-1])
    response = client.post(reverse("planning_staff:schedule_transition", args=[pk, "approve"]))
    assert response.status_code == 302
    assert client.get(detail).status_code == 200


def test_schedule_of_another_body_is_hidden(client):
    body, other = f.body(), f.body()
    schedule = schedule_draft(body=other, kind="chief", year=2023, quarter=None, actor=None)
    client.force_login(f.staff(b=body))
    assert client.get(reverse("planning_staff:schedule_detail", args=[schedule.pk])).status_code == 404
    assert client.post(reverse("planning_staff:schedule_transition", args=[schedule.pk, "approve"])).status_code == 404


def test_oversight_reads_the_country_as_regions_worst_first_and_drills_down(client):
    from django.urls import reverse

    from esep.accounts.models import Role
    from esep.planning.selectors import ObligationStatus, counts_by_body, obligations, rolled_up

    region_a, region_b = f.region_body(f.region(35)), f.region_body(f.region(10))
    district_a = f.body(terr=f.district(region_a.territory, 11), parent=region_a)
    district_b = f.body(terr=f.district(region_b.territory, 12), parent=region_b)
    for body in (district_a, district_b, district_b):
        f.inspector_with_precinct(body)
    prosecutor = f.user(Role.OVERSIGHT)
    items = obligations(prosecutor, kind="inspector", year=2025, quarter=1)
    country = rolled_up(counts_by_body(items), root=None)
    assert [row.body for row in country] == [region_b, region_a]  # two reports missing before one
    assert country[0].counts[ObligationStatus.MISSING] == 2
    region = rolled_up(counts_by_body(obligations(prosecutor, kind="inspector", year=2025, quarter=1, root=region_b)),
                       root=region_b)  # fmt: skip
    assert [row.body for row in region] == [district_b]
    client.force_login(prosecutor)
    page = client.get(reverse("planning_staff:not_reported"), {"kind": "inspector", "year": 2025, "quarter": 1})
    html = page.content.decode()
    assert html.index(str(region_b.name)) < html.index(str(region_a.name))
