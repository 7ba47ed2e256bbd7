import pytest
import time_machine

from esep.appeals import services
from esep.appeals.describe import describe_appeals
from esep.appeals.selectors import previous_report_measures
from esep.law import describe as law_describe
from esep.law.describe import describe_meeting, evaluate_meeting
from esep.meetings.models import MeetingStatus
from esep.testing import appeals as ta
from esep.testing import factories as f
from esep.workflows.sealing import appeals_open_for_protocol

pytestmark = pytest.mark.django_db


def test_next_report_gets_measures_taken_on_earlier_complaints():
    off, prec = f.inspector_with_precinct()
    other_off, other_prec = f.inspector_with_precinct(off.body)
    q1 = f.meeting(reporters=[(off, prec)], starts_at=ta.almaty(2026, 2, 5, 18), status=MeetingStatus.HELD)
    elsewhere = f.meeting(
        reporters=[(other_off, other_prec)], starts_at=ta.almaty(2026, 2, 6, 18), status=MeetingStatus.HELD
    )
    q2 = f.meeting(reporters=[(off, prec)], starts_at=ta.almaty(2026, 5, 5, 18))
    staff = f.staff(b=off.body)
    with time_machine.travel(ta.almaty(2026, 2, 5, 20), tick=False):
        lights, _noise = appeals_open_for_protocol(
            protocol=ta.signed_protocol(q1, [{"text": "Жарық жоқ."}, {"text": "Түнгі шу."}]), actor=staff
        )
        appeals_open_for_protocol(protocol=ta.signed_protocol(elsewhere, [{"text": "Басқа учаске."}]), actor=staff)
    with time_machine.travel(ta.almaty(2026, 2, 10, 10), tick=False):
        services.appeal_answer(appeal=lights, actor=staff, text="Жөнделді", measures="Әкімдікке хат, 4 шам орнатылды")

    rows = previous_report_measures(q2)
    assert [r["text"] for r in rows] == ["Жарық жоқ.", "Түнгі шу."]
    assert rows[0]["status"] == "answered" and rows[0]["measures"] == "Әкімдікке хат, 4 шам орнатылды"
    assert rows[1]["finished"] is False
    assert previous_report_measures(q1) == []


def test_compliance_description_carries_forward_and_appeal_dates(monkeypatch):
    # Only this app's describer: the others are tested in their apps.
    monkeypatch.setattr(law_describe, "_describers", [describe_appeals])
    meeting = f.meeting(starts_at=ta.almaty(2026, 2, 5, 18, 30), status=MeetingStatus.HELD)
    f.agency(meeting.body.territory, ["housing"])
    with time_machine.travel(ta.almaty(2026, 2, 5, 20), tick=False):
        appeals_open_for_protocol(
            protocol=ta.signed_protocol(
                meeting,
                [{"text": "Жарық жоқ."}, {"text": "Су жоқ.", "competence": "other", "subject": "housing"}],
            ),
            actor=f.staff(b=meeting.body),
        )
    items = describe_meeting(meeting)["items"]
    assert items[0]["appeal"]["registered_on"] == "2026-02-06"
    assert items[1]["forwarded_on"] == "2026-02-05"
    assert items[1]["applicant_notified_on"] == "2026-02-05"
    with time_machine.travel(ta.almaty(2026, 3, 10, 10), tick=False):
        codes = {finding.code for finding in evaluate_meeting(meeting)}
    assert "appeal.overdue" in codes
    assert "items.not_forwarded" not in codes and "items.applicant_not_notified" not in codes


def test_the_inspector_sees_the_ready_section_when_preparing_the_next_report(client):
    from django.urls import reverse

    off, prec = f.inspector_with_precinct()
    q1 = f.meeting(reporters=[(off, prec)], starts_at=ta.almaty(2026, 2, 5, 18), status=MeetingStatus.HELD)
    q2 = f.meeting(reporters=[(off, prec)], starts_at=ta.almaty(2026, 5, 5, 18))
    staff = f.staff(b=off.body)
    with time_machine.travel(ta.almaty(2026, 2, 5, 20), tick=False):
        (lights,) = appeals_open_for_protocol(protocol=ta.signed_protocol(q1, [{"text": "Жарық жоқ."}]), actor=staff)
    with time_machine.travel(ta.almaty(2026, 2, 10, 10), tick=False):
        services.appeal_answer(appeal=lights, actor=staff, text="Жөнделді", measures="4 шам орнатылды")
    client.force_login(staff)
    html = client.get(reverse("meetings_staff:workspace", args=[q2.pk])).content.decode()
    assert "Жарық жоқ." in html and "4 шам орнатылды" in html
    assert "Алдыңғы есептердегі шағымдар бойынша қабылданған шаралар" in html
