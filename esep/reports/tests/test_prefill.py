"""Each prefilled section equals a count made here, independently, from the same rows (Order 608 p.6;
Order 652 p.30)."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

import pytest

from esep.appeals.models import AppealStatus
from esep.law import rules
from esep.reports import prefill, services
from esep.testing import factories as f
from esep.testing.appeals import appeal
from esep.testing.feedback import rating
from esep.testing.protocols import at, person

pytestmark = pytest.mark.django_db


def _staff(body):
    return person("staff_unit", body)


def _block(report, key):
    return report.blocks.get(section=key)


def test_608_p6_all_ten_sections_in_order(chief_case):
    report = services.report_prepare(meeting=chief_case["meeting"], actor=_staff(chief_case["body"]))
    keys = list(report.blocks.values_list("section", flat=True))
    assert keys == list(rules.rule("report.sections", dt.date(2025, 2, 20), kind="chief").value)
    assert len(keys) == 10


def test_608_p6_sub1_crime_situation_equals_the_rows(chief_case):
    report = services.report_prepare(meeting=chief_case["meeting"], actor=_staff(chief_case["body"]))
    block = _block(report, "crime_situation")
    got = {r["code"]: (r["value"], r["previous"], r["delta"], r["percent"]) for r in block.data["rows"]}
    expected = {}
    for code, before, now in chief_case["rows"]:
        if code in ("1M.S1.001.g02", "1M.S1.003.g02", "1M.S1.002.g02", "SNG1.R1.13.g1"):
            pct = (Decimal((now - before) * 100) / Decimal(before)).quantize(Decimal("0.1"), ROUND_HALF_UP)
            expected[code] = (now, before, now - before, str(pct))
    assert got == expected
    # What residents are used to hearing: "712 → 800, +12.4%" (parliament speech, fifth conclusion).
    assert "712 → 800, +12,4%" in block.text_kk and "712 → 800, +12,4%" in block.text_ru


def test_608_p6_sub3_and_sub4_results_and_places_equal_the_rows(chief_case):
    report = services.report_prepare(meeting=chief_case["meeting"], actor=_staff(chief_case["body"]))
    values = {code: now for code, _b, now in chief_case["rows"]}
    for key, codes in (
        ("rights_and_investigation", ["1M.S1.001.g06", "1M.S1.001.g07"]),
        ("public_order", ["1M.S1.001.g26", "1M.S1.001.g28"]),
    ):
        rows = _block(report, key).data["rows"]
        assert [(r["code"], r["value"]) for r in rows] == [(c, values[c]) for c in codes]


def test_608_p6_sub6_appeals_equal_an_independent_count(chief_case):
    body = chief_case["body"]
    made = [
        appeal(body=body, received_at=at(2024, 3, 5, 11), subject="police"),
        appeal(body=body, received_at=at(2024, 6, 5, 11), subject="roads"),
        appeal(body=body, received_at=at(2024, 9, 5, 11), subject="roads"),
        appeal(body=body, received_at=at(2024, 11, 5, 11), subject="housing"),
        appeal(body=body, received_at=at(2023, 11, 5, 11), subject="roads"),  # the year before: not counted
    ]
    from esep.appeals.models import Appeal

    Appeal.objects.filter(pk=made[0].pk).update(answered_on=dt.date(2024, 3, 20), answered_late=False)
    Appeal.objects.filter(pk=made[1].pk).update(answered_on=dt.date(2024, 7, 20), answered_late=True)
    Appeal.objects.filter(pk=made[2].pk).update(overdue_since=dt.date(2024, 10, 1))
    rows = list(Appeal.objects.filter(pk__in=[a.pk for a in made]))
    in_year = [a for a in rows if timezone_year(a.received_at) == 2024]
    expected = {
        "received": len(in_year),
        "answered_on_time": sum(1 for a in in_year if a.answered_on and a.answered_late is False),
        "answered_late": sum(1 for a in in_year if a.answered_late),
        "overdue": sum(1 for a in in_year if a.overdue_since and a.finished_at is None),
    }
    by_subject = {}
    for a in in_year:
        by_subject[a.subject] = by_subject.get(a.subject, 0) + 1
    report = services.report_prepare(meeting=chief_case["meeting"], actor=_staff(body))
    counts = _block(report, "appeals").data["counts"]
    assert (
        {k: counts[k] for k in expected}
        == expected
        == {
            "received": 4,
            "answered_on_time": 1,
            "answered_late": 1,
            "overdue": 1,
        }
    )
    assert counts["by_subject"] == by_subject


def timezone_year(moment):
    from django.utils import timezone

    return timezone.localtime(moment).year


def test_608_p6_sub7_public_opinion_equals_the_ratings(chief_case):
    precinct = chief_case["precinct"]
    m1 = f.meeting(
        body_=chief_case["body"],
        starts_at=at(2024, 5, 20),
        status="held",
        reporters=[(chief_case["officer"], precinct)],
    )
    m2 = f.meeting(
        body_=chief_case["body"],
        starts_at=at(2024, 10, 20),
        status="held",
        reporters=[(chief_case["officer"], precinct)],
    )
    old = f.meeting(
        body_=chief_case["body"],
        starts_at=at(2023, 10, 20),
        status="held",
        reporters=[(chief_case["officer"], precinct)],
    )
    scores = [(m1, 5, "yes"), (m1, 3, "no"), (m2, 4, "yes"), (old, 1, "no")]
    for m, s, answered in scores:
        rating(m, s, answered=answered)
    counted = [(s, a) for m, s, a in scores if m is not old]
    report = services.report_prepare(meeting=chief_case["meeting"], actor=_staff(chief_case["body"]))
    data = _block(report, "public_opinion").data
    assert data["count"] == len(counted) == 3
    assert data["average"] == round(sum(s for s, _a in counted) / len(counted), 2)
    assert data["yes"] == sum(1 for _s, a in counted if a == "yes")
    assert data["meetings"] == 2


def test_608_p6_sub8_legislation_lists_the_rules_that_took_force_in_the_period(chief_case):
    # 2023: Order 608 took force for chiefs (assumed 15.08.2023).
    meeting = chief_case["meeting"]
    meeting.period_year = 2023
    meeting.save()
    expected = {
        (r.act, r.paragraph, r.valid_from)
        for r in rules.all_rules()
        if r.valid_from is not None and r.valid_from.year == 2023 and r.kind != "inspector"
    }
    report = services.report_prepare(meeting=meeting, actor=_staff(chief_case["body"]))
    got = {
        (i["act"], i["paragraph"], dt.date.fromisoformat(i["from"]))
        for i in _block(report, "legislation").data["rules"]
    }
    assert got == expected and ("order_608", "p.6", dt.date(2023, 8, 15)) in got
    assert "№ 608 бұйрық" in _block(report, "legislation").text_kk


def test_608_p6_sub9_items_sent_to_the_akimat_grouped_by_subject_and_settlement(chief_case):
    body, village, other = chief_case["body"], chief_case["village"], chief_case["other"]
    akimat = f.agency(chief_case["district"], subjects=["roads", "housing"], kind="akimat_department")
    cases = [("roads", village), ("roads", village), ("housing", village), ("roads", other)]
    for subject, place in cases:
        appeal(
            body=body,
            received_at=at(2024, 4, 2, 11),
            subject=subject,
            competence="other",
            agency=akimat,
            territory=place,
        )
    expected = {}
    for subject, place in cases:
        expected[(subject, place.kato)] = expected.get((subject, place.kato), 0) + 1
    report = services.report_prepare(meeting=chief_case["meeting"], actor=_staff(body))
    rows = _block(report, "local_problems").data["rows"]
    assert {(r["subject"], r["kato"]): r["count"] for r in rows} == expected
    assert "Ботақара" in _block(report, "local_problems").text_kk


def test_652_p30_inspector_sections_prevention_and_previous_complaints(tree):
    from esep.statistics.services import prevention_report_save

    precinct, officer = tree["precinct"], tree["officer"]
    staff = _staff(tree["body"])
    prevention_report_save(
        precinct=precinct,
        year=2024,
        quarter=2,
        values={"visits": 40, "talks": 12, "protocols": 3, "registered_persons": 9},
        actor=staff,
    )
    prevention_report_save(
        precinct=precinct,
        year=2023,
        quarter=2,
        values={"visits": 32, "talks": 12, "protocols": 5, "registered_persons": 8},
        actor=staff,
    )
    previous = f.meeting(body_=tree["body"], starts_at=at(2024, 3, 20), status="held", reporters=[(officer, precinct)])
    complaint = appeal(body=tree["body"], received_at=at(2024, 3, 20, 12), meeting=previous, precinct=precinct)
    meeting = f.meeting(body_=tree["body"], starts_at=at(2024, 6, 20), status="held", reporters=[(officer, precinct)])
    meeting.precincts.add(precinct)
    previous.precincts.add(precinct)
    report = services.report_prepare(meeting=meeting, actor=staff)
    assert list(report.blocks.values_list("section", flat=True)) == list(
        rules.rule("report.sections", dt.date(2024, 6, 20), kind="inspector").value
    )
    data = _block(report, "prevention").data
    assert data["current"] == {"visits": 40, "talks": 12, "protocols": 3, "registered_persons": 9}
    assert data["previous"]["visits"] == 32
    assert "32 → 40, +25,0%" in _block(report, "prevention").text_kk
    measures = _block(report, "complaints").data["measures"]
    assert [m["number"] for m in measures] == [complaint.number]
    assert complaint.status in (AppealStatus.REGISTERED, AppealStatus.IN_PROGRESS)


def test_report_period_of_each_kind():
    class M:
        kind, period_year, period_quarter = "inspector", 2024, 4

    assert prefill.report_period(M) == (dt.date(2024, 10, 1), dt.date(2024, 12, 31))
    M.kind = "chief"
    assert prefill.report_period(M) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def test_608_p6_sub6_previous_reports_decisions_with_their_execution(chief_case):
    from esep.protocols.models import Decision
    from esep.testing.protocols import minutes, secretary_user

    body = chief_case["body"]
    earlier = f.meeting(
        kind="chief", body_=body, reporters=[(chief_case["chief"], None)], starts_at=at(2024, 2, 15, 15), status="held"
    )
    minutes(earlier, secretary_user(body), participants=0)
    Decision.objects.filter(protocol__meeting=earlier).update(control_status="done", progress="Рейдтер өтті.")
    expected = [(d.text, d.control_status) for d in Decision.objects.filter(protocol__meeting=earlier).order_by("pk")]
    report = services.report_prepare(meeting=chief_case["meeting"], actor=_staff(body))
    block = _block(report, "appeals")
    assert (
        [(d["text"], d["status"]) for d in block.data["decisions"]] == expected == [("Түнгі рейдтерді күшейту", "done")]
    )
    assert "Түнгі рейдтерді күшейту (УИП): орындалды" in block.text_kk
