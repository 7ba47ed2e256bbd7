"""Staff pages of a meeting and its minutes: they open, do what the buttons say, and stay in scope."""

import pytest
import time_machine
from django.urls import reverse

from esep.meetings.models import Participant
from esep.protocols.models import ProtocolStatus
from esep.testing import factories
from esep.testing.protocols import at, inspector_meeting_with_people, register_people, secretary_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(client):
    meeting, inspector, secretary = inspector_meeting_with_people(at(2026, 3, 12, 18))
    register_people(meeting, 12)
    client.force_login(secretary)
    return meeting, inspector, secretary


def url(name, *args):
    return reverse(name, args=args)


@time_machine.travel(at(2026, 3, 12, 19), tick=False)
def test_meeting_pages_open_within_a_query_budget(client, setup, django_assert_max_num_queries):
    meeting, _inspector, _secretary = setup
    for name in ("meetings_staff:workspace", "meetings_staff:invitations", "meetings_staff:door"):
        with django_assert_max_num_queries(25):
            response = client.get(url(name, meeting.pk))
        assert response.status_code == 200, name
    assert client.get(url("meetings_staff:list")).status_code == 200
    assert client.get(url("meetings_staff:qr", meeting.pk))["Content-Type"] == "image/svg+xml"
    assert client.get(url("meetings_staff:door", meeting.pk) + "?q=Тұрғынова&partial=results").status_code == 200


@time_machine.travel(at(2026, 3, 12, 19), tick=False)
def test_door_paper_sheet_shows_refusals(client, setup):
    meeting, _inspector, _secretary = setup
    response = client.post(
        url("meetings_staff:door", meeting.pk),
        {"action": "sheet", "sheet-lines": "Жаңа Адам; Абай 3\nТек аты", "sheet-eligible": "on"},
    )
    text = response.content.decode()
    assert response.status_code == 200 and "sheet-results" in text
    assert Participant.objects.filter(meeting=meeting, full_name="Жаңа Адам").exists()


@time_machine.travel(at(2026, 3, 12, 19), tick=False)
def test_minutes_are_started_filled_signed_and_printed_through_the_pages(client, setup, django_assert_max_num_queries):
    meeting, inspector, _secretary = setup
    minutes_url = url("protocols_staff:minutes", meeting.pk)
    assert client.get(minutes_url).status_code == 200
    client.post(minutes_url)
    protocol = meeting.protocol
    with django_assert_max_num_queries(40):
        assert client.get(minutes_url).status_code == 200
    response = client.post(
        url("protocols_staff:item_add", protocol.pk),
        {"item-kind": "complaint", "item-text": "Жарық жоқ", "item-competence": "police", "item-subject": "police"},
    )
    assert response.status_code == 302
    bad = client.post(url("protocols_staff:item_add", protocol.pk), {"item-kind": "complaint", "item-text": ""})
    assert bad.status_code == 400
    client.post(
        url("protocols_staff:decision_add", protocol.pk),
        {"decision-text": "Шам орнату", "decision-responsible": "УИП", "decision-due_date": "2026-04-12"},
    )
    assert protocol.decisions.count() == 1

    page = client.get(url("protocols_staff:sign", protocol.pk)).content.decode()
    assert "waiting" in page or "күтілуде" in page
    assert client.post(url("protocols_staff:sign", protocol.pk)).status_code == 302  # secretary may not sign
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.DRAFT

    client.force_login(inspector)
    client.post(url("protocols_staff:sign", protocol.pk))
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.SIGNED
    pdf = client.get(url("protocols_staff:pdf", protocol.pk, "kk"))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get(url("protocols_staff:pdf", protocol.pk, "xx")).status_code == 404
    assert client.get(url("protocols_staff:list")).status_code == 200


def test_staff_of_another_body_see_nothing(client, setup):
    meeting, _inspector, _secretary = setup
    client.force_login(secretary_user(factories.body()))
    assert client.get(url("meetings_staff:workspace", meeting.pk)).status_code == 404
    assert client.get(url("meetings_staff:door", meeting.pk)).status_code == 404
    assert client.get(url("protocols_staff:minutes", meeting.pk)).status_code == 404


def test_today_page_shows_minutes_not_signed_on_the_day(client, setup):
    meeting, _inspector, _secretary = setup
    with time_machine.travel(at(2026, 3, 13, 9), tick=False):
        page = client.get(reverse("backoffice:dashboard")).content.decode()
    assert reverse("protocols_staff:minutes", args=[meeting.pk]) in page
