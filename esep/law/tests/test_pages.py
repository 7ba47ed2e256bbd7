"""Staff pages of law: findings of a stored meeting (describe_meeting + describers) and the rules in force."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from esep.accounts.models import Role
from esep.law.describe import describe_meeting, evaluate_meeting, register_describer, unregister_describer
from esep.meetings.models import MeetingStatus
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


def test_describe_meeting_core_fields():
    m = f.meeting(starts_at=timezone.make_aware(dt.datetime(2024, 5, 20, 18)), status=MeetingStatus.SCHEDULED)
    d = describe_meeting(m)
    assert d["kind"] == "inspector"
    assert d["period"] == {"year": 2024, "quarter": 2}
    assert d["starts_at"].startswith("2024-05-20T18:00")
    assert d["officers"][0]["role"] == "inspector"
    assert d["venue"]["capacity"] == 120


def test_describers_add_data_and_findings_follow():
    m = f.meeting(starts_at=timezone.make_aware(dt.datetime(2024, 5, 20, 18)), status=MeetingStatus.HELD)

    def announce(meeting, description):
        description["announcement"] = {"published_at": "2024-05-18T10:00:00+05:00", "content": ["time", "place"]}

    register_describer(announce)
    try:
        codes = {x.code for x in evaluate_meeting(m, today=dt.date(2024, 5, 25))}
    finally:
        unregister_describer(announce)
    assert "notice.late" in codes
    assert "notice.missing" not in codes


def test_findings_page(client, django_assert_max_num_queries):
    m = f.meeting(starts_at=timezone.make_aware(dt.datetime(2024, 5, 20, 18)), status=MeetingStatus.HELD)
    client.force_login(f.staff(b=m.body))
    with django_assert_max_num_queries(12):
        response = client.get(reverse("law_staff:meeting_findings", args=[m.pk]))
    assert response.status_code == 200
    assert "Order 652 p.32" in response.content.decode()


def test_findings_page_hidden_outside_scope(client):
    m = f.meeting()
    client.force_login(f.staff(b=f.body()))
    assert client.get(reverse("law_staff:meeting_findings", args=[m.pk])).status_code == 404


def test_rules_page(client):
    client.force_login(f.user(Role.OVERSIGHT))
    response = client.get(reverse("law_staff:rules") + "?on=2023-06-01")
    assert response.status_code == 200
    assert "№ 723 қаулы, 14-т." in response.content.decode()  # Decree 723 p.14, in Kazakhstan's default language
