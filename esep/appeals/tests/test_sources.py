import datetime as dt

import pytest
import time_machine
from django.core import mail

from esep.appeals.models import Appeal, AppealKind, AppealSource, AppealStatus
from esep.meetings.models import MeetingStatus
from esep.notifications.backends import LocmemSmsBackend
from esep.notifications.services import messages_send
from esep.testing import appeals as ta
from esep.testing import factories as f
from esep.workflows.question_appeal import appeal_open_from_question
from esep.workflows.sealing import appeals_open_for_protocol

pytestmark = pytest.mark.django_db

EVENING = ta.almaty(2026, 2, 5, 18, 30)  # a Thursday gathering after working hours


@pytest.fixture
def meeting():
    return f.meeting(starts_at=EVENING, status=MeetingStatus.HELD)


@time_machine.travel(ta.almaty(2026, 2, 5, 21), tick=False)
def test_items_of_signed_minutes_become_appeals(meeting):
    dept = f.agency(meeting.body.territory, ["housing"])
    proto = ta.signed_protocol(
        meeting,
        [
            {"text": "Жасөспірімдер түнде шу шығарады."},
            {"text": "Жауап толық берілді.", "answered_in_full": True},
            {"text": "Су құбыры жарылды.", "competence": "other", "subject": "housing", "answered_in_full": True},
            {"kind": "crime_report", "text": "Көршімнің малын ұрлады.", "person_name": ""},
            {"kind": "proposal", "text": "Бейнекамера қойыңыз.", "person_contact": "", "contact_consent": False},
        ],
    )
    appeals = appeals_open_for_protocol(protocol=proto, actor=f.staff(b=meeting.body))
    assert [a.text for a in appeals] == [
        "Жасөспірімдер түнде шу шығарады.",
        "Су құбыры жарылды.",
        "Көршімнің малын ұрлады.",
        "Бейнекамера қойыңыз.",
    ]
    complaint, outside, crime, proposal = appeals
    assert complaint.source == AppealSource.PROTOCOL and complaint.meeting == meeting
    assert complaint.received_by_name == "Секретарь Әлия"
    # АППК art. 64 p.2: received after hours on Thursday, registered on Friday.
    assert complaint.registered_on == dt.date(2026, 2, 6)
    assert complaint.precinct == meeting.reporters.first().precinct
    assert outside.status == AppealStatus.FORWARDED and outside.forwards.get().agency == dept
    assert crime.kind == AppealKind.CRIME_REPORT and crime.status == AppealStatus.REGISTERED and crime.due_on is None
    assert proposal.applicant_contact == ""
    # Safe to call again: nothing new.
    again = appeals_open_for_protocol(protocol=proto, actor=f.staff(b=meeting.body))
    assert [a.pk for a in again] == [a.pk for a in appeals]
    assert Appeal.objects.count() == 4
    messages_send()
    assert dept.email in [m.to[0] for m in mail.outbox]
    sms_to = [s["to"] for s in LocmemSmsBackend.outbox]
    assert sms_to.count("+77012345678") == 4  # complaint ticket, outside: ticket + forward, crime report ticket


@time_machine.travel(ta.almaty(2026, 2, 3, 10), tick=False)
def test_question_becomes_an_appeal_followed_with_its_code(meeting):
    q = ta.question(meeting)
    appeal = appeal_open_from_question(question=q, actor=f.staff(b=meeting.body))
    assert appeal.code == q.tracking_code
    assert appeal.source == AppealSource.QUESTION
    assert appeal.applicant_contact == "gulnar@example.kz" and appeal.contact_consent
    assert appeal_open_from_question(question=q, actor=f.staff()).pk == appeal.pk


@time_machine.travel(ta.almaty(2026, 2, 3, 10), tick=False)
def test_question_without_consent_keeps_no_contact(meeting):
    q = ta.question(meeting, consent_at=None, consent_version="", contact="+77011112233")
    appeal = appeal_open_from_question(question=q, actor=f.staff(b=meeting.body))
    assert appeal.applicant_contact == "" and not appeal.contact_consent
