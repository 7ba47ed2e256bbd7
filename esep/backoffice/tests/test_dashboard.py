"""The staff "Today" page shows what needs doing in the user's scope, and nothing outside it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from esep.accounts.models import Role
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


def test_a_precinct_without_an_inspector_shows_on_todays_page(client, django_assert_max_num_queries):
    body = f.body()
    served = f.precinct(body, name_kk="Қызмет көрсетілетін")
    f.assignment(prec=served, start=dt.date(2020, 1, 1))
    f.precinct(body, name_kk="Бос учаске")
    elsewhere = f.precinct(f.body(), name_kk="Бөгде бос")
    assert elsewhere
    client.force_login(f.staff(Role.STAFF_UNIT, body))
    with django_assert_max_num_queries(25):
        response = client.get(reverse("backoffice:dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Бос учаске" in html
    assert "Қызмет көрсетілетін" not in html
    assert "Бөгде бос" not in html


def _today_at(hour: int) -> dt.datetime:
    from django.utils import timezone

    local = timezone.localtime()
    return local.replace(hour=hour, minute=0, second=0, microsecond=0)


def test_today_page_leads_to_what_needs_doing(client, django_assert_max_num_queries):
    """Today's report with its door and minutes, an appeal past its term, questions to moderate, a report to
    announce: each a link to the page where the work is done; nothing of another body."""
    import time_machine

    from esep.meetings.models import MeetingStatus
    from esep.questions.services import question_submit
    from esep.testing.appeals import appeal

    body = f.body()
    today = f.meeting(body_=body, starts_at=_today_at(18), status=MeetingStatus.ANNOUNCED)
    upcoming = f.meeting(body_=body, status=MeetingStatus.ANNOUNCED)
    to_announce = f.meeting(body_=body, status=MeetingStatus.SCHEDULED)
    question_submit(meeting=upcoming, text="Біздің көшеде неге жарық жоқ?")
    with time_machine.travel(dt.datetime(2025, 3, 3, 10, tzinfo=dt.UTC)):
        late = appeal(body=body, text="Көршінің иті бақылаусыз жүр.")
    other_body = f.body()
    f.meeting(body_=other_body, starts_at=_today_at(17), status=MeetingStatus.ANNOUNCED, venue_kk="Бөгде зал")
    client.force_login(f.staff(Role.STAFF_UNIT, body))
    with django_assert_max_num_queries(40):
        response = client.get(reverse("backoffice:dashboard"))
    html = response.content.decode()
    assert reverse("meetings_staff:door", args=[today.pk]) in html
    assert reverse("protocols_staff:minutes", args=[today.pk]) in html
    assert reverse("appeals_staff:detail", args=[late.pk]) in html
    assert reverse("questions_staff:queue") in html and "Біздің көшеде неге жарық жоқ?" in html
    assert reverse("announcements_staff:detail", args=[to_announce.pk]) in html
    assert "Бөгде зал" not in html


def test_outside_roles_read_but_are_not_asked_to_work(client):
    from esep.meetings.models import MeetingStatus

    body = f.body()
    today = f.meeting(body_=body, starts_at=_today_at(18), status=MeetingStatus.ANNOUNCED)
    scheduled = f.meeting(body_=body, status=MeetingStatus.SCHEDULED)
    client.force_login(f.user(Role.OVERSIGHT))
    html = client.get(reverse("backoffice:dashboard")).content.decode()
    assert reverse("meetings_staff:workspace", args=[today.pk]) in html
    assert reverse("meetings_staff:door", args=[today.pk]) not in html  # the door is for the body's staff
    assert reverse("announcements_staff:detail", args=[scheduled.pk]) not in html
