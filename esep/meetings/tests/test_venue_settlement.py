"""The venue's settlement of a planned report (issue 8 item 1): chosen on the staff form and in the API among the
settlements of the police body's territory, a settlement of another territory refused with a message and nothing
stored; a report for one precinct is held in the precinct's settlement unless told otherwise; the public page and
the iCal LOCATION name it."""

from __future__ import annotations

import pytest
import time_machine
from django.urls import reverse

from esep.accounts.models import Role
from esep.announcements.services import announcement_publish
from esep.meetings.models import Meeting, MeetingStatus
from esep.testing import factories as f
from esep.testing.protocols import at

pytestmark = pytest.mark.django_db
BEFORE = at(2026, 2, 1, 10)


@pytest.fixture
def district():
    """A district body with an inspector, a precinct in village A, another village B of the same district, and
    village C of another district."""
    terr = f.district()
    body = f.body(terr=terr)
    village_a = f.settlement(terr, name_kk="Талды а.", name_ru="с.Талды")
    village_b = f.settlement(terr, name_kk="Айнабұлақ а.", name_ru="с.Айнабулак")
    elsewhere = f.settlement(f.district(), name_kk="Ақтоғай а.", name_ru="с.Актогай")
    precinct = f.precinct(body, settlements=[village_a])
    officer = f.officer(body)
    f.assignment(officer, precinct)
    return {
        "body": body, "precinct": precinct, "officer": officer, "a": village_a, "b": village_b, "other": elsewhere,
        "staff": f.staff(Role.STAFF_UNIT, body),
    }  # fmt: skip


def _form(d, **extra):
    return {
        "kind": "inspector", "body": d["body"].pk, "precinct": d["precinct"].pk, "date": "2026-03-12",
        "time": "18:00", "venue_kk": "Мектеп", "venue_ru": "Школа", "format": "indoor", **extra,
    }  # fmt: skip


# --- staff pages ------------------------------------------------------------------------------------------------


def test_the_form_offers_the_bodys_settlements_only(client, district):
    client.force_login(district["staff"])
    with time_machine.travel(BEFORE, tick=False):
        page = client.get("/ru/staff/meetings/new/").content.decode()
    assert "Талды" in page and "Айнабулак" in page
    assert "Актогай" not in page


def test_a_report_planned_on_the_page_is_shown_in_its_settlement_publicly_and_in_ical(
    client, district, django_capture_on_commit_callbacks
):
    client.force_login(district["staff"])
    with time_machine.travel(BEFORE, tick=False):
        response = client.post("/ru/staff/meetings/new/", _form(district, settlement=district["b"].pk))
        assert response.status_code == 302
        meeting = Meeting.objects.get(body=district["body"])
        assert meeting.settlement == district["b"]
        with django_capture_on_commit_callbacks(execute=True):
            announcement_publish(meeting=meeting, actor=district["staff"])
        client.logout()
        page = client.get(f"/ru/meetings/{meeting.code}/").content.decode()
        ics = client.get(reverse("public:meeting_ics", kwargs={"code": meeting.code})).content.decode()
    assert "Школа, село Айнабулак" in page
    location = next(line for line in ics.splitlines() if line.startswith("LOCATION:"))
    assert "Айнабулак" in location or "Айнабұлақ" in location


def test_left_empty_the_settlement_is_the_precincts(client, district):
    client.force_login(district["staff"])
    with time_machine.travel(BEFORE, tick=False):
        assert client.post("/ru/staff/meetings/new/", _form(district)).status_code == 302
    assert Meeting.objects.get(body=district["body"]).settlement == district["a"]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("ru", "вне территории органа"),
        ("kk", "аумағына кірмейді"),
        ("en", "is not in the territory of"),
    ],
)
def test_a_settlement_of_another_territory_is_refused_on_the_page_and_nothing_stored(client, district, lang, words):
    client.force_login(district["staff"])
    with time_machine.travel(BEFORE, tick=False):
        response = client.post(f"/{lang}/staff/meetings/new/", _form(district, settlement=district["other"].pk))
    assert response.status_code == 400
    assert words in response.content.decode()
    assert not Meeting.objects.filter(body=district["body"]).exists()


def test_the_edit_page_changes_the_settlement_and_refuses_another_territory(client, district):
    meeting = f.meeting(body_=district["body"], reporters=[(district["officer"], district["precinct"])],
                        starts_at=at(2026, 3, 12, 18), settlement=district["a"])  # fmt: skip
    client.force_login(district["staff"])
    url = f"/ru/staff/meetings/{meeting.pk}/edit/"
    values = {"venue_kk": "Клуб", "venue_ru": "Клуб", "format": "indoor"}
    with time_machine.travel(BEFORE, tick=False):
        page = client.get(url).content.decode()
        assert "Айнабулак" in page and "Актогай" not in page
        refused = client.post(url, {**values, "settlement": district["other"].pk})
        assert refused.status_code == 400 and "вне территории органа" in refused.content.decode()
        meeting.refresh_from_db()
        assert meeting.settlement == district["a"] and meeting.venue_ru != "Клуб"
        assert client.post(url, {**values, "settlement": district["b"].pk}).status_code == 302
    meeting.refresh_from_db()
    assert meeting.settlement == district["b"]


def test_the_edit_page_of_another_body_is_404_and_read_only_is_403(client, district):
    meeting = f.meeting(body_=district["body"], reporters=[(district["officer"], district["precinct"])],
                        starts_at=at(2026, 3, 12, 18), settlement=district["a"])  # fmt: skip
    url = f"/ru/staff/meetings/{meeting.pk}/edit/"
    client.force_login(f.staff(Role.STAFF_UNIT, f.body()))
    assert client.post(url, {"format": "indoor", "settlement": district["b"].pk}).status_code == 404
    client.force_login(f.user(Role.OVERSIGHT, terr=district["body"].territory))
    assert client.post(url, {"format": "indoor", "settlement": district["b"].pk}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.settlement == district["a"]


# --- API --------------------------------------------------------------------------------------------------------


def _create(api, d, **extra):
    payload = {
        "kind": "inspector", "body": d["body"].pk, "starts_at": "2026-03-12T18:00:00+05:00",
        "reporters": [{"officer": d["officer"].pk, "precinct": d["precinct"].pk}], **extra,
    }  # fmt: skip
    return api.post("/api/v1/meetings/", payload, content_type="application/json")


def test_the_api_creates_with_a_kato_code_and_returns_it(client, district):
    client.force_login(district["staff"])
    with time_machine.travel(BEFORE, tick=False):
        response = _create(client, district, settlement=district["b"].kato)
        default = _create(client, district, starts_at="2026-03-13T18:00:00+05:00")
    assert response.status_code == 201, response.content
    assert response.json()["settlement"] == district["b"].kato
    assert default.json()["settlement"] == district["a"].kato  # the precinct's


def test_the_api_refuses_another_territorys_settlement_in_the_one_error_format(client, district):
    client.force_login(district["staff"])
    meeting = f.meeting(body_=district["body"], reporters=[(district["officer"], district["precinct"])],
                        starts_at=at(2026, 3, 12, 18), settlement=district["a"])  # fmt: skip
    with time_machine.travel(BEFORE, tick=False):
        created = _create(client, district, settlement=district["other"].kato, starts_at="2026-03-20T18:00:00+05:00")
        patched = client.patch(
            f"/api/v1/meetings/{meeting.pk}/",
            {"settlement": district["other"].kato},
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE="ru",
        )
        unknown = client.patch(
            f"/api/v1/meetings/{meeting.pk}/", {"settlement": "999999999"}, content_type="application/json"
        )
        moved = client.patch(
            f"/api/v1/meetings/{meeting.pk}/", {"settlement": district["b"].kato}, content_type="application/json"
        )
    assert created.status_code == 400
    error = created.json()["error"]
    assert error["code"] == "settlement" and "аумағына кірмейді" in error["message"]  # the API speaks Kazakh
    assert set(error["fields"]) == {"settlement"}
    assert Meeting.objects.filter(body=district["body"]).count() == 1
    assert patched.status_code == 400 and "вне территории органа" in patched.json()["error"]["message"]
    assert unknown.status_code == 400 and set(unknown.json()["error"]["fields"]) == {"settlement"}
    assert moved.status_code == 200 and moved.json()["settlement"] == district["b"].kato
    meeting.refresh_from_db()
    assert meeting.settlement == district["b"]


def test_the_api_settlement_change_of_another_body_is_404_and_read_only_is_403(client, district):
    meeting = f.meeting(body_=district["body"], reporters=[(district["officer"], district["precinct"])],
                        starts_at=at(2026, 3, 12, 18), settlement=district["a"])  # fmt: skip
    payload = {"settlement": district["b"].kato}
    client.force_login(f.staff(Role.STAFF_UNIT, f.body()))
    url = f"/api/v1/meetings/{meeting.pk}/"
    assert client.patch(url, payload, content_type="application/json").status_code == 404
    client.force_login(f.user(Role.AKIMAT, terr=district["body"].territory))
    assert client.patch(url, payload, content_type="application/json").status_code == 403
    meeting.refresh_from_db()
    assert meeting.settlement == district["a"] and meeting.status == MeetingStatus.SCHEDULED


def test_the_schema_documents_the_settlement_with_an_example(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    create = schema["paths"]["/api/v1/meetings/"]["post"]["requestBody"]["content"]["application/json"]
    assert any("settlement" in e["value"] for e in create["examples"].values())
    plan = schema["components"]["schemas"]["PatchedPlan"]["properties"]["settlement"]
    assert {"type": "string", "maxLength": 9, "pattern": "^([0-9]{9})?$"} in plan["oneOf"]
    assert "KATO" in plan["description"]
    patch = schema["paths"]["/api/v1/meetings/{id}/"]["patch"]
    assert "examples" in patch["requestBody"]["content"]["application/json"]
