"""Issue 12 item 3: a joint reception of residents with the public council (parliament speech, sixth
conclusion) is planned on the planning pages, announced and takes questions in advance like a report, but it
is no report under Order 608 or Order 652: it never counts as the report a precinct or a body owes."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from esep.accounts.models import Role
from esep.announcements.services import announcement_publish
from esep.law.describe import evaluate_meeting
from esep.meetings import services as meeting_services
from esep.meetings.models import Meeting, MeetingKind, MeetingStatus
from esep.planning.oversight import body_rows
from esep.planning.selectors import chief_obligations, inspector_counts, inspector_obligations
from esep.protocols.models import Protocol
from esep.questions.models import Question
from esep.questions.services import meeting_accepts_questions, question_submit
from esep.testing import factories as f

pytestmark = pytest.mark.django_db


def at(*args) -> dt.datetime:
    return timezone.make_aware(dt.datetime(*args))


def _plan_reception(client: Client, body, precinct) -> Meeting:
    response = client.post(
        "/en/staff/meetings/new/",
        {
            "kind": "reception",
            "body": body.pk,
            "precinct": precinct.pk,
            "date": "2024-05-20",
            "time": "18:00",
            "venue_kk": "Мәдениет үйі",
            "venue_ru": "Дом культуры",
            "format": "indoor",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Meeting.objects.get(kind=MeetingKind.RECEPTION)


def test_a_reception_is_planned_announced_asked_and_held_but_is_not_the_report_owed():
    officer, precinct = f.inspector_with_precinct()
    staff = f.staff(Role.STAFF_UNIT, precinct.body)
    client = Client()
    client.force_login(staff)
    with time_machine.travel(at(2024, 5, 15, 10), tick=False):
        reception = _plan_reception(client, precinct.body, precinct)
        assert [r.officer for r in reception.reporters.all()] == [officer]
        assert (reception.period_year, reception.period_quarter) == (2024, 2)
        # Five days' notice: no term of Order 608 p.8.2 / Order 652 p.27 applies, so no reason is asked.
        announcement = announcement_publish(meeting=reception, actor=staff)
        assert announcement.notice_days_required == 0 and announcement.notice_rule_citation == ""
        page = Client().get(f"/en/meetings/{reception.code}/").content.decode()
        assert "Joint reception with the public council" in page
        assert f'href="/en/meetings/{reception.code}/ask/"' in page  # questions in advance, as for a report
        reception.refresh_from_db()
        assert meeting_accepts_questions(reception)
        question_submit(meeting=reception, text="Аулада жарық жоқ, не істеуге болады?")
    assert Question.objects.filter(meeting=reception).count() == 1
    with time_machine.travel(at(2024, 5, 20, 20), tick=False):
        meeting_services.meeting_mark_held(meeting=reception, actor=staff)  # no door register is required
        Protocol.objects.create(meeting=reception, status="signed", started_at=reception.starts_at, place="Клуб")
    reception.refresh_from_db()
    assert reception.status == MeetingStatus.HELD
    assert evaluate_meeting(reception) == []  # no rule of the orders applies to it

    # Order 652 p.26: the precinct still owes its quarterly report; the reception does not stand in for it.
    admin = f.user(Role.ADMIN)
    (ob,) = inspector_obligations(admin, year=2024, quarter=2, as_of=dt.date(2024, 7, 10))
    assert ob.status == "missing" and ob.meetings == []
    (row,) = inspector_counts(admin, year=2024, quarter=2, as_of=dt.date(2024, 7, 10))
    assert row.counts["missing"] == 1 and row.done == 0
    assert all(r.done == 0 for r in body_rows(admin, kind="inspector", year=2024, quarter=2, root=None))
    # Order 608 p.4: nor does a reception held by the chief count as the chief's yearly report.
    chief = f.officer(precinct.body, position="chief")
    f.meeting(
        kind=MeetingKind.RECEPTION,
        body_=precinct.body,
        reporters=[(chief, None)],
        starts_at=at(2024, 2, 20, 15),
        status=MeetingStatus.HELD,
        period_year=2023,
        period_quarter=1,
    )
    obligations = chief_obligations(admin, year=2023, as_of=dt.date(2024, 4, 10))
    (chief_ob,) = [o for o in obligations if o.body == precinct.body]
    assert chief_ob.status == "missing"


def test_the_law_check_page_says_no_rule_applies_to_a_reception():
    officer, precinct = f.inspector_with_precinct()
    reception = f.meeting(kind=MeetingKind.RECEPTION, reporters=[(officer, precinct)])
    client = Client()
    client.force_login(f.staff(Role.STAFF_UNIT, precinct.body))
    page = client.get(f"/en/staff/law/meetings/{reception.pk}/findings/").content.decode()
    assert 'id="not-statutory"' in page
    detail = client.get(f"/en/staff/announcements/{reception.pk}/").content.decode()
    assert 'id="notice-no-term"' in detail
    # The other pages of a meeting open for a reception too.
    for url in (
        f"/en/staff/meetings/{reception.pk}/",
        f"/en/staff/reports/meeting/{reception.pk}/",
        f"/en/staff/protocols/meeting/{reception.pk}/",
        f"/en/meetings/{reception.code}/",
    ):
        assert client.get(url).status_code in (200, 404), url
