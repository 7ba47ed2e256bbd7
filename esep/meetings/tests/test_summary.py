"""Holding a report: what staff publish afterwards reaches the residents' pages."""

import pytest
from django.urls import reverse

from esep.meetings.models import MeetingStatus
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


def test_staff_publish_a_summary_that_residents_then_read(client, django_capture_on_commit_callbacks):
    meeting = f.meeting(status=MeetingStatus.SCHEDULED)
    staff = f.staff(b=meeting.body)
    client.force_login(staff)
    url = reverse("meetings_staff:summary", args=[meeting.pk])
    data = {"summary_kk": "Ұрлық 12%-ға азайды.", "summary_ru": "Краж стало меньше на 12%."}
    client.post(url, data)
    meeting.refresh_from_db()
    assert meeting.summary_kk == ""  # not before the meeting is held
    meeting.status = MeetingStatus.HELD
    meeting.save(update_fields=["status"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302
    client.logout()
    public = client.get(reverse("public:meeting", args=[meeting.code])).content.decode()
    assert "Ұрлық 12%-ға азайды." in public
