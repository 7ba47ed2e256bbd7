"""Planning one report (issue 8 items 1, 3, 4): create, edit, reschedule with the reason in the history,
cancel with the reason shown publicly, everyone who acted told in their language; nothing that proves a
report took place is recorded before it starts (frozen clock, Asia/Almaty)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from esep.accounts.models import Role
from esep.announcements.services import announcement_publish
from esep.meetings import services
from esep.meetings.models import Meeting, MeetingStatus
from esep.notifications.models import Message
from esep.protocols import services as protocol_services
from esep.protocols.models import Protocol, Signature
from esep.testing import factories as f
from esep.testing.protocols import at, inspector_user, minutes, register_people, secretary_user
from esep.testing.public import question
from esep.workflows import scheduling

pytestmark = pytest.mark.django_db
START = at(2026, 3, 12, 23)  # a meeting at 23:00 Almaty time, as in the issue


def _planner(meeting):
    # The staff unit plans, moves and marks reports held; the secretary keeps the minutes only (permissions).
    return f.staff(Role.STAFF_UNIT, meeting.body)


def _api(client, user):
    client.force_login(user)
    return client


# --- evidence before "held" (Order 652 p.32; Order 608 p.2) ------------------------------------------------


def test_held_minutes_and_signing_before_the_start_are_refused_by_the_services():
    meeting = f.meeting(starts_at=START, status=MeetingStatus.ANNOUNCED)
    secretary = secretary_user(meeting.body)
    with time_machine.travel(at(2026, 3, 12, 21, 24), tick=False):
        register_people(meeting, 3)
        with pytest.raises(ValidationError, match="before it starts"):
            services.meeting_mark_held(meeting=meeting, actor=_planner(meeting))
        with pytest.raises(ValidationError, match="before the meeting starts"):
            protocol_services.protocol_start(meeting=meeting, actor=secretary)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.ANNOUNCED
    assert not Protocol.objects.filter(meeting=meeting).exists()


def test_signing_before_the_start_is_refused_even_with_minutes_already_open():
    meeting = f.meeting(starts_at=START, status=MeetingStatus.HELD)
    secretary = secretary_user(meeting.body)
    inspector = inspector_user(meeting.reporters.get().officer)
    with time_machine.travel(START + dt.timedelta(minutes=30), tick=False):
        protocol = minutes(meeting, secretary)
    with (
        time_machine.travel(START - dt.timedelta(hours=1), tick=False),
        pytest.raises(ValidationError, match="signed before the meeting starts"),
    ):
        protocol_services.protocol_sign(protocol=protocol, user=inspector)
    assert not Signature.objects.filter(version__protocol=protocol).exists()


def test_marking_held_on_the_page_before_the_start_says_why_and_stores_nothing(client):
    meeting = f.meeting(starts_at=START, status=MeetingStatus.ANNOUNCED)
    client.force_login(_planner(meeting))
    with time_machine.travel(at(2026, 3, 12, 21, 24), tick=False):
        response = client.post(
            reverse("meetings_staff:status", kwargs={"pk": meeting.pk}), {"action": "held"}, follow=True
        )
    assert "23:00" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.ANNOUNCED


def test_marking_held_in_the_api_before_the_start_is_409_and_stores_nothing(client):
    meeting = f.meeting(starts_at=START, status=MeetingStatus.ANNOUNCED)
    planner = _planner(meeting)
    api = _api(client, planner)
    with time_machine.travel(at(2026, 3, 12, 21, 24), tick=False):
        register_people(meeting, 3)
        response = api.post(f"/api/v1/meetings/{meeting.pk}/held/")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_started"
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.ANNOUNCED
    with time_machine.travel(START + dt.timedelta(minutes=5), tick=False):
        # Over an hour later the idle session (30 min) has ended: the planner signs in afresh.
        api.logout()
        api.force_login(planner)
        assert api.post(f"/api/v1/meetings/{meeting.pk}/held/").status_code == 200
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD


def test_an_inspectors_report_without_registered_participants_is_not_held(client):
    # Order 652 p.32: every participant is registered.
    meeting = f.meeting(starts_at=START, status=MeetingStatus.ANNOUNCED)
    api = _api(client, _planner(meeting))
    with time_machine.travel(START + dt.timedelta(minutes=5), tick=False):
        response = api.post(f"/api/v1/meetings/{meeting.pk}/held/")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "evidence_missing"
    assert "652" in response.json()["error"]["message"]


def test_an_online_chiefs_report_is_not_held():
    # Order 608 p.2: the chief's report is an in-person speech ("очное выступление").
    body = f.body()
    chief = f.officer(body, position="chief")
    meeting = f.meeting(
        kind="chief", body_=body, reporters=[(chief, None)], starts_at=START, status=MeetingStatus.ANNOUNCED,
        format="online", online_url="https://meet.example.kz/x",
    )  # fmt: skip
    with (
        time_machine.travel(START + dt.timedelta(minutes=5), tick=False),
        pytest.raises(ValidationError, match=r"608 p\.2"),
    ):
        services.meeting_mark_held(meeting=meeting, actor=f.staff(Role.STAFF_UNIT, body))


# --- create, reschedule, cancel ------------------------------------------------------------------------------


def test_staff_create_an_inspectors_report_through_the_api(client):
    officer, precinct = f.inspector_with_precinct()
    api = _api(client, f.staff(Role.STAFF_UNIT, officer.body))
    with time_machine.travel(at(2026, 2, 1, 10), tick=False):
        response = api.post(
            "/api/v1/meetings/",
            {
                "kind": "inspector",
                "body": officer.body_id,
                "starts_at": "2026-03-12T18:00:00+05:00",
                "venue_kk": "Мектеп",
                "venue_ru": "Школа",
                "reporters": [{"officer": officer.pk, "precinct": precinct.pk}],
            },
            content_type="application/json",
        )
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["period_year"], data["period_quarter"], data["status"]) == (2026, 1, "scheduled")
    assert data["reporters"] == [{"officer": officer.pk, "precinct": precinct.pk}]


def test_api_permissions_other_body_404_read_only_403(client):
    meeting = f.meeting(starts_at=START)
    other = f.staff(Role.STAFF_UNIT, f.body())
    api = _api(client, other)
    assert api.get(f"/api/v1/meetings/{meeting.pk}/").status_code == 404
    assert api.post(f"/api/v1/meetings/{meeting.pk}/cancel/", {"reason": "x"}).status_code == 404
    client.logout()
    akimat = f.user(Role.AKIMAT, terr=meeting.body.territory)
    api = _api(client, akimat)
    assert api.get(f"/api/v1/meetings/{meeting.pk}/").status_code == 200
    for verb in ("cancel", "reschedule", "held"):
        assert api.post(f"/api/v1/meetings/{meeting.pk}/{verb}/", {"reason": "x"}).status_code == 403
    patch = api.patch(f"/api/v1/meetings/{meeting.pk}/", {"venue_capacity": 5}, content_type="application/json")
    assert patch.status_code == 403
    response = api.post(
        "/api/v1/meetings/",
        {"kind": "chief", "body": meeting.body_id, "starts_at": "2027-02-01T10:00:00+05:00"},
        content_type="application/json",
    )
    assert response.status_code == 403
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED


def test_reschedule_keeps_the_reason_and_tells_the_question_author_in_their_language():
    meeting = f.meeting(starts_at=START, status=MeetingStatus.SCHEDULED)
    question(meeting, language="ru", contact="asker@example.kz", author_name="Ким Ольга")
    staff = _planner(meeting)
    with time_machine.travel(at(2026, 2, 20, 10), tick=False):
        change = scheduling.meeting_reschedule(
            meeting=meeting, starts_at=at(2026, 3, 19, 18), reason="Зал на ремонте", actor=staff
        )
    assert change.old_starts_at == START and change.notified == 1
    message = Message.objects.get(to="asker@example.kz")
    assert message.language == "ru"
    assert "19.03.2026 18:00" in message.body and "Зал на ремонте" in message.body
    assert message.subject == "Отчёт полиции перенесён на новую дату"


def test_a_published_meeting_moved_under_the_notice_term_needs_a_reason():
    meeting = f.meeting(starts_at=at(2026, 3, 30, 18), status=MeetingStatus.SCHEDULED)
    staff = _planner(meeting)
    with time_machine.travel(at(2026, 3, 1, 10), tick=False):
        announcement_publish(meeting=meeting, actor=staff)
        with pytest.raises(ValidationError, match="at least 10 days"):
            scheduling.meeting_reschedule(meeting=meeting, starts_at=at(2026, 3, 5, 18), reason="Ауа райы", actor=staff)
        meeting.refresh_from_db()
        assert meeting.starts_at == at(2026, 3, 30, 18)
        scheduling.meeting_reschedule(
            meeting=meeting, starts_at=at(2026, 3, 5, 18), reason="Ауа райы", late_reason="Сел қаупі", actor=staff
        )
    meeting.announcement.refresh_from_db()
    assert meeting.announcement.is_late and meeting.announcement.late_reason == "Сел қаупі"


def test_moving_out_of_the_quarter_is_refused():
    meeting = f.meeting(starts_at=START)
    with (
        time_machine.travel(at(2026, 2, 1, 10), tick=False),
        pytest.raises(ValidationError, match="outside the reporting quarter"),
    ):
        scheduling.meeting_reschedule(
            meeting=meeting, starts_at=at(2026, 4, 2, 18), reason="x", actor=_planner(meeting)
        )


def test_the_workflow_itself_refuses_a_secretary_whatever_page_calls_it():
    """The secretary keeps the minutes; moving or cancelling a report is for those who plan it, even when the
    workflow is called directly rather than through the pages or the API. Nothing is stored."""
    from django.core.exceptions import PermissionDenied

    meeting = f.meeting(starts_at=START)
    secretary = secretary_user(meeting.body)
    with time_machine.travel(at(2026, 2, 1, 10), tick=False):
        with pytest.raises(PermissionDenied):
            scheduling.meeting_reschedule(
                meeting=meeting, starts_at=at(2026, 3, 19, 18), reason="Зал жөндеуде", actor=secretary
            )
        with pytest.raises(PermissionDenied):
            scheduling.meeting_cancel(meeting=meeting, reason="Карантин", actor=secretary)
    meeting.refresh_from_db()
    assert meeting.starts_at == START and meeting.status != "cancelled"
    assert not meeting.changes.exists()


def test_marking_held_and_closing_refuse_a_secretary_called_directly():
    """Marking a report held is for those who hold it (the pages and the API ask too): the service itself
    refuses a secretary, with the evidence all present and after the start. Nothing is stored."""
    from django.core.exceptions import PermissionDenied

    meeting = f.meeting(starts_at=START, status=MeetingStatus.ANNOUNCED)
    secretary = secretary_user(meeting.body)
    with time_machine.travel(START + dt.timedelta(minutes=5), tick=False):
        register_people(meeting, 3)
        with pytest.raises(PermissionDenied):
            services.meeting_mark_held(meeting=meeting, actor=secretary)
        meeting.refresh_from_db()
        assert meeting.status == MeetingStatus.ANNOUNCED
        services.meeting_mark_held(meeting=meeting, actor=inspector_user(meeting.reporters.get().officer))
        with pytest.raises(PermissionDenied):
            services.meeting_close(meeting=meeting, actor=secretary)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD


def test_cancel_shows_the_reason_on_the_public_page_and_moves_show_the_old_date(
    client, django_capture_on_commit_callbacks
):
    meeting = f.meeting(starts_at=START, status=MeetingStatus.SCHEDULED)
    staff = _planner(meeting)
    url = f"/ru/meetings/{meeting.code}/"
    with time_machine.travel(at(2026, 2, 1, 10), tick=False):
        announcement_publish(meeting=meeting, actor=staff)
        with django_capture_on_commit_callbacks(execute=True):
            scheduling.meeting_reschedule(
                meeting=meeting, starts_at=at(2026, 3, 13, 18), reason="Су тасқыны", actor=staff
            )
        page = client.get(url).content.decode()
        assert "Су тасқыны" in page and "12 марта 2026" in page  # the old date, with the reason
        with django_capture_on_commit_callbacks(execute=True):
            scheduling.meeting_cancel(meeting=meeting, reason="Карантин жарияланды", actor=staff)
        page = client.get(url).content.decode()
    assert "Карантин жарияланды" in page
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.CANCELLED


# --- staff pages -------------------------------------------------------------------------------------------


def test_staff_plan_a_report_on_the_page_with_the_serving_inspector(client):
    officer, precinct = f.inspector_with_precinct()
    client.force_login(f.staff(Role.STAFF_UNIT, officer.body))
    with time_machine.travel(at(2026, 2, 1, 10), tick=False):
        response = client.post(
            "/ru/staff/meetings/new/",
            {
                "kind": "inspector", "body": officer.body_id, "precinct": precinct.pk, "date": "2026-03-12",
                "time": "18:00", "venue_kk": "Мектеп", "venue_ru": "Школа", "format": "indoor",
            },
        )  # fmt: skip
    assert response.status_code == 302
    meeting = Meeting.objects.get(body=officer.body)
    assert meeting.reporters.get().officer == officer
    assert meeting.starts_at == at(2026, 3, 12, 18)


def test_the_page_refuses_a_past_date_with_a_message_and_stores_nothing(client):
    officer, precinct = f.inspector_with_precinct()
    client.force_login(f.staff(Role.STAFF_UNIT, officer.body))
    with time_machine.travel(at(2026, 2, 1, 10), tick=False):
        response = client.post(
            "/ru/staff/meetings/new/",
            {"kind": "inspector", "body": officer.body_id, "precinct": precinct.pk, "date": "2026-01-12",
             "time": "18:00", "format": "indoor"},
        )  # fmt: skip
    assert response.status_code == 400
    assert "будущую дату" in response.content.decode()
    assert not Meeting.objects.filter(body=officer.body).exists()


def test_reschedule_page_keeps_history_on_the_workspace(client):
    meeting = f.meeting(starts_at=START)
    client.force_login(_planner(meeting))
    with time_machine.travel(at(2026, 2, 1, 10), tick=False):
        response = client.post(
            f"/ru/staff/meetings/{meeting.pk}/reschedule/",
            {"date": "2026-03-13", "time": "18:30", "reason": "Свет отключат"},
        )
        assert response.status_code == 302
        page = client.get(f"/ru/staff/meetings/{meeting.pk}/").content.decode()
    assert "Свет отключат" in page and "12.03.2026 23:00" in page and "13.03.2026 18:30" in page


@pytest.mark.parametrize("path", ["reschedule/", "edit/"])
def test_plan_pages_permissions_other_body_404_read_only_403(client, path):
    meeting = f.meeting(starts_at=START)
    client.force_login(f.staff(Role.STAFF_UNIT, f.body()))
    assert client.get(f"/ru/staff/meetings/{meeting.pk}/{path}").status_code == 404
    client.force_login(f.user(Role.OVERSIGHT, terr=meeting.body.territory))
    assert client.get(f"/ru/staff/meetings/{meeting.pk}/{path}").status_code == 403
    assert client.post(f"/ru/staff/meetings/{meeting.pk}/{path}", {"reason": "x"}).status_code == 403


def test_new_report_page_is_403_for_a_read_only_role(client):
    body = f.body()
    client.force_login(f.user(Role.OVERSIGHT, terr=body.territory))
    assert client.get("/ru/staff/meetings/new/").status_code == 403


def test_meetings_api_is_documented_with_examples(client):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    paths = schema["paths"]
    for path, method in [
        ("/api/v1/meetings/", "get"),
        ("/api/v1/meetings/", "post"),
        ("/api/v1/meetings/{id}/", "patch"),
        ("/api/v1/meetings/{id}/reschedule/", "post"),
        ("/api/v1/meetings/{id}/cancel/", "post"),
        ("/api/v1/meetings/{id}/held/", "post"),
    ]:
        assert method in paths[path], (path, method)
    create = paths["/api/v1/meetings/"]["post"]["requestBody"]["content"]["application/json"]
    assert "examples" in create
    move = paths["/api/v1/meetings/{id}/reschedule/"]["post"]["requestBody"]["content"]["application/json"]
    assert "examples" in move


def test_api_bad_input_is_400_in_the_one_error_format_and_stores_nothing(client):
    meeting = f.meeting(starts_at=START)
    api = _api(client, _planner(meeting))
    response = api.post(
        f"/api/v1/meetings/{meeting.pk}/reschedule/", {"starts_at": "not a date"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"starts_at", "reason"}
    assert api.get("/api/v1/meetings/", {"year": "x"}).status_code == 400
    meeting.refresh_from_db()
    assert meeting.starts_at == START and not meeting.changes.exists()
