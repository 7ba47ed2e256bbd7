"""The register of complaints about officers: from a minutes item to its outcome, who may see and decide
(АППК art. 99; Order 608 p.16; Order 652 p.32), and the analytics counted by the database."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from esep.accounts.models import Role
from esep.appeals.models import AppealKind, AppealStatus
from esep.complaints import selectors, services
from esep.complaints.models import OfficerComplaint, Outcome
from esep.meetings.models import MeetingStatus
from esep.testing import appeals as ta
from esep.testing import factories as f
from esep.workflows.sealing import appeals_open_for_protocol

pytestmark = pytest.mark.django_db

NOW = ta.almaty(2026, 3, 10, 11)


@pytest.fixture
def world():
    region = f.region_body()
    district = f.body(parent=region, terr=f.district(region.territory))
    other = f.body()
    point = f.point(district)
    inspector, precinct = f.inspector_with_precinct(district)
    precinct.point = point
    precinct.save()
    return {
        "region": region,
        "district": district,
        "other": other,
        "precinct": precinct,
        "inspector": inspector,
        "inspector_user": f.staff(Role.INSPECTOR, district, officer=inspector),
        "colleague": f.staff(Role.INSPECTOR, district),
        "chief": f.staff(Role.CHIEF, district),
        "region_staff": f.staff(Role.STAFF_UNIT, region),
        "other_chief": f.staff(Role.CHIEF, other),
        "oversight": f.user(Role.OVERSIGHT, terr=None),
    }


def _complaint(w, **kw) -> OfficerComplaint:
    kw.setdefault("officers", [w["inspector"]])
    kw.setdefault("precinct", w["precinct"])
    return services.complaint_register(
        body=w["district"],
        text=kw.pop("text", "Учаскелік инспектор арызымды қабылдамады."),
        source=kw.pop("source", "letter"),
        actor=w["chief"],
        applicant_name=kw.pop("applicant_name", "Асқаров Бауыржан"),
        **kw,
    )


@time_machine.travel(NOW, tick=False)
def test_complaint_from_a_minutes_item_reaches_its_outcome(world):
    meeting = f.meeting(
        starts_at=ta.almaty(2026, 3, 5, 18),
        status=MeetingStatus.HELD,
        reporters=[(world["inspector"], world["precinct"])],
    )
    proto = ta.signed_protocol(meeting, [{"text": "Инспектор шағымымды тіркемеді, дөрекі сөйледі."}])
    (appeal,) = appeals_open_for_protocol(protocol=proto, actor=world["chief"])
    assert appeal.kind == AppealKind.APPEAL
    complaint = services.complaint_from_appeal(appeal=appeal, officers=[world["inspector"]], actor=world["chief"])
    appeal.refresh_from_db()
    # АППК art. 99: considered as a complaint, 20 working days from registration.
    assert appeal.kind == AppealKind.COMPLAINT
    assert complaint.source == "minutes" and complaint.precinct == world["precinct"]
    assert complaint.point == world["precinct"].point
    services.complaint_record_outcome(
        complaint=complaint,
        actor=world["region_staff"],  # the staff unit of the body above
        outcome=Outcome.PARTLY,
        measures="training",
        decision_number="12/45",
        decision_date=dt.date(2026, 3, 10),
    )
    complaint.refresh_from_db()
    appeal.refresh_from_db()
    assert complaint.outcome == Outcome.PARTLY and complaint.decision_number == "12/45"
    assert appeal.status == AppealStatus.ANSWERED
    assert "12/45" in appeal.answer_text
    # Entering it twice yields the same case.
    assert (
        services.complaint_from_appeal(appeal=appeal, officers=[world["inspector"]], actor=world["chief"]) == complaint
    )


@time_machine.travel(NOW, tick=False)
def test_officer_concerned_never_sees_nor_decides(client, world):
    complaint = _complaint(world)
    client.force_login(world["inspector_user"])
    assert client.get(reverse("complaints_staff:detail", args=[complaint.pk])).status_code == 404
    assert client.get(reverse("appeals_staff:detail", args=[complaint.appeal.pk])).status_code == 404
    response = client.post(
        reverse("complaints_staff:outcome", args=[complaint.pk]),
        {"outcome": "not_confirmed", "measures": "none", "decision_number": "1", "decision_date": "2026-03-10"},
    )
    assert response.status_code == 404
    listing = client.get(reverse("complaints_staff:list"))
    assert complaint.appeal.number not in listing.content.decode()
    assert complaint.appeal.number not in client.get(reverse("appeals_staff:list") + "?status=all").content.decode()
    assert complaint.appeal.number not in client.get(reverse("complaints_staff:export")).content.decode()
    # Even the chief cannot decide a complaint about themselves: the body above does.
    chief_officer = f.officer(world["district"], position="chief")
    chief = f.staff(Role.CHIEF, world["district"], officer=chief_officer)
    about_chief = _complaint(world, officers=[chief_officer])
    with pytest.raises(services.ComplaintError):
        services.complaint_record_outcome(
            complaint=about_chief,
            actor=chief,
            outcome="not_confirmed",
            measures="none",
            decision_number="2",
            decision_date=dt.date(2026, 3, 10),
        )
    assert OfficerComplaint.objects.get(pk=about_chief.pk).outcome == ""
    # A colleague of the same precinct sees the case.
    client.force_login(world["colleague"])
    assert client.get(reverse("complaints_staff:detail", args=[complaint.pk])).status_code == 200


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("who", "status"),
    [
        pytest.param("other_chief", 404, id="other body: 404"),
        pytest.param("oversight", 403, id="read-only oversight: 403"),
        pytest.param("colleague", 403, id="inspector does not decide (АППК art. 76 p.3 by analogy): 403"),
    ],
)
def test_outcome_refused(client, world, who, status):
    complaint = _complaint(world)
    client.force_login(world[who])
    response = client.post(
        reverse("complaints_staff:outcome", args=[complaint.pk]),
        {"outcome": "confirmed", "measures": "disciplinary", "decision_number": "1", "decision_date": "2026-03-10"},
    )
    assert response.status_code == status
    assert OfficerComplaint.objects.get(pk=complaint.pk).outcome == ""


@time_machine.travel(NOW, tick=False)
def test_chief_records_outcome_through_the_page(client, world):
    complaint = _complaint(world)
    client.force_login(world["chief"])
    page = client.get(reverse("complaints_staff:detail", args=[complaint.pk]))
    assert "Асқаров Бауыржан" in page.content.decode()
    assert "Нәтижені жазу" in page.content.decode()  # "Record the outcome", in Kazakh by default
    ru = client.get(reverse("complaints_staff:detail", args=[complaint.pk]).replace("/kk/", "/ru/", 1))
    assert "Записать результат" in ru.content.decode()
    bad = {
        "outcome": "not_confirmed",
        "measures": "disciplinary",
        "decision_number": "7",
        "decision_date": "2026-03-10",
    }
    client.post(reverse("complaints_staff:outcome", args=[complaint.pk]), bad)
    assert OfficerComplaint.objects.get(pk=complaint.pk).outcome == ""
    good = {**bad, "outcome": "confirmed"}
    response = client.post(reverse("complaints_staff:outcome", args=[complaint.pk]), good, follow=True)
    assert response.status_code == 200
    saved = OfficerComplaint.objects.get(pk=complaint.pk)
    assert (saved.outcome, saved.measures, saved.decision_number) == ("confirmed", "disciplinary", "7")


@time_machine.travel(NOW, tick=False)
def test_outside_roles_see_no_applicant_and_cannot_enter(client, world):
    complaint = _complaint(world)
    client.force_login(world["oversight"])
    page = client.get(reverse("complaints_staff:detail", args=[complaint.pk]))
    assert page.status_code == 200
    assert "Асқаров" not in page.content.decode()
    assert "Асқаров" not in client.get(reverse("complaints_staff:export")).content.decode()
    assert client.get(reverse("complaints_staff:create")).status_code == 403
    assert client.get(reverse("complaints_staff:import")).status_code == 403


@time_machine.travel(NOW, tick=False)
def test_per_unit_analytics_equal_an_independent_count(client, world):
    second_inspector, second_precinct = f.inspector_with_precinct(world["district"])
    f.assignment(f.officer(world["district"]), world["precinct"])  # two officers serve the first precinct
    plan = [
        (world["precinct"], [world["inspector"]], "confirmed"),
        (world["precinct"], [world["inspector"]], "partly"),
        (world["precinct"], [world["inspector"]], "not_confirmed"),
        (world["precinct"], [world["inspector"]], ""),
        (second_precinct, [second_inspector], "confirmed"),
        (second_precinct, [second_inspector, world["inspector"]], ""),
    ]
    for n, (precinct, officers, outcome) in enumerate(plan):
        c = _complaint(world, precinct=precinct, officers=officers, text=f"Шағым {n}")
        if outcome:
            services.complaint_record_outcome(
                complaint=c,
                actor=world["chief"],
                outcome=outcome,
                measures="none" if outcome == "not_confirmed" else "training",
                decision_number=f"D{n}",
                decision_date=dt.date(2026, 3, 10),
            )
    # The independent count, in Python over what the plan says.
    expected: dict[int, list[int]] = {}
    for precinct, _officers, outcome in plan:
        row = expected.setdefault(precinct.pk, [0, 0])
        row[0] += 1
        row[1] += outcome in ("confirmed", "partly")
    stats = {r["key"]: r for r in selectors.complaint_stats(world["chief"], "precinct")}
    assert {k: [r["received"], r["confirmed"]] for k, r in stats.items()} == expected
    assert stats[world["precinct"].pk]["officers"] == 2
    assert stats[world["precinct"].pk]["received_per_100"] == 200.0
    by_officer = {r["key"]: r["received"] for r in selectors.complaint_stats(world["chief"], "officer")}
    assert by_officer == {world["inspector"].pk: 5, second_inspector.pk: 2}
    trend = selectors.complaint_trend(world["chief"])
    assert trend == [{"year": 2026, "quarter": 1, "received": 6, "confirmed": 3}]
    # Another body's chief counts nothing of it.
    assert selectors.complaint_stats(world["other_chief"], "body") == []
    client.force_login(world["chief"])
    page = client.get(reverse("complaints_staff:analytics") + "?by=point")
    assert page.status_code == 200 and str(world["precinct"].point) in page.content.decode()


@time_machine.travel(NOW, tick=False)
def test_list_and_analytics_query_counts_do_not_grow_with_the_register(client, world, django_assert_max_num_queries):
    for n in range(12):
        _complaint(world, text=f"Шағым {n}")
    client.force_login(world["chief"])
    with django_assert_max_num_queries(14):
        page = client.get(reverse("complaints_staff:list") + "?outcome=pending&from=2026-01-01&q=")
    numbers = list(OfficerComplaint.objects.values_list("appeal__number", flat=True))
    assert len(numbers) == 12 and all(number in page.content.decode() for number in numbers)
    for by in ("officer", "precinct", "point", "body", "region"):
        with django_assert_max_num_queries(14):
            assert client.get(reverse("complaints_staff:analytics") + f"?by={by}").status_code == 200
    # Bad filters are ignored, never a 500.
    assert (
        client.get(reverse("complaints_staff:list") + "?from=notadate&body=x&outcome=zzz&page=abc").status_code == 200
    )


@time_machine.travel(NOW, tick=False)
def test_staff_enter_a_question_appeal_in_the_register_from_its_page(client, world):
    appeal = ta.appeal(body=world["district"], source="question", precinct=world["precinct"])
    client.force_login(world["chief"])
    detail = client.get(reverse("appeals_staff:detail", args=[appeal.pk])).content.decode()
    url = reverse("complaints_staff:from_appeal", args=[appeal.pk])
    assert url in detail
    assert client.post(url, {"officers": []}).status_code == 400
    response = client.post(url, {"officers": [world["inspector"].pk]})
    complaint = OfficerComplaint.objects.get(appeal=appeal)
    assert response.status_code == 302 and complaint.source == "question"
    assert url not in client.get(reverse("appeals_staff:detail", args=[appeal.pk])).content.decode()
    # A read-only role cannot; another body does not even see the appeal.
    client.force_login(world["oversight"])
    assert client.post(url, {"officers": [world["inspector"].pk]}).status_code == 403
    client.force_login(world["other_chief"])
    assert client.get(url).status_code == 404
