"""Issue 13 on stored meetings: what the describers of meetings, minutes and appeals give the evaluation, and
the findings that follow, on both sides of each boundary (dates of force read from the rules)."""

import datetime as dt

import pytest
import time_machine

from esep.appeals import services as appeal_services
from esep.appeals.describe import describe_appeals
from esep.law import describe as law_describe
from esep.law.describe import describe_meeting, evaluate_meeting
from esep.meetings.models import MeetingKind, MeetingStatus
from esep.protocols import services as protocol_services
from esep.protocols.models import ProtocolVersion
from esep.testing import appeals as ta
from esep.testing import factories as f
from esep.testing.law import first_day
from esep.testing.protocols import at, inspector_meeting_with_people, minutes
from esep.workflows.sealing import appeals_open_for_protocol

pytestmark = pytest.mark.django_db
ONE = dt.timedelta(days=1)
O608 = first_day("meeting.format_allowed", "order_608")
O652 = first_day("meeting.format_allowed", "order_652")


def codes(meeting, today):
    return [x.code for x in evaluate_meeting(meeting, today=today)]


FORMAT = [
    ("723-p.2-chief-online", MeetingKind.CHIEF, O608 - ONE, True),
    ("608-p.2-chief-online", MeetingKind.CHIEF, O608, True),
    ("723-p.2-inspector-online", MeetingKind.INSPECTOR, O652 - ONE, True),
    ("652-p.27-inspector-online", MeetingKind.INSPECTOR, O652, False),
]


@pytest.mark.parametrize(("kind", "day", "expected"), [c[1:] for c in FORMAT], ids=[c[0] for c in FORMAT])
def test_stored_online_meeting(kind, day, expected):
    meeting = f.meeting(
        kind=kind, starts_at=at(day.year, day.month, day.day), status=MeetingStatus.HELD, format="online"
    )
    assert describe_meeting(meeting)["format"] == "online"
    assert ("format.not_allowed" in codes(meeting, day + 30 * ONE)) is expected


@pytest.mark.parametrize(
    ("moment", "offset"),
    [(ta.almaty(2024, 2, 28, 23, 59), "+06:00"), (ta.almaty(2024, 3, 1, 23, 59), "+05:00")],
    ids=["Almaty-UTC+6-before-2024-03-01", "Almaty-UTC+5-from-2024-03-01"],
)
def test_stored_minutes_carry_the_moment_with_its_almaty_offset(moment, offset):
    day = moment.date()
    meeting, inspector, secretary = inspector_meeting_with_people(at(day.year, day.month, day.day, 18))
    with time_machine.travel(moment, tick=False):
        protocol_services.protocol_sign(protocol=minutes(meeting, secretary), user=inspector)
    completed = describe_meeting(meeting)["minutes"]["completed_at"]
    assert completed == f"{day.isoformat()}T23:59:00{offset}"
    found = codes(meeting, day + 5 * ONE)
    assert "minutes.late" not in found and "minutes.before_meeting" not in found


@pytest.mark.parametrize(
    ("signed", "expected"),
    [(at(2026, 3, 12, 17, 59), True), (at(2026, 3, 12, 18, 0), False)],
    ids=["652-p.32-signed-before-it-began", "652-p.32-signed-as-it-began"],
)
def test_stored_minutes_completed_before_the_meeting(signed, expected):
    start = at(2026, 3, 12, 18)
    meeting, inspector, secretary = inspector_meeting_with_people(start)
    # The services refuse minutes started or signed before the meeting starts, so they are sealed at the start;
    # the stored seal time is then set to ``signed`` directly, as a writer to the database could.
    with time_machine.travel(max(signed, start), tick=False):
        protocol = minutes(meeting, secretary)
        protocol_services.protocol_sign(protocol=protocol, user=inspector)
    ProtocolVersion.objects.filter(protocol=protocol, number=1).update(sealed_at=signed)
    assert ("minutes.before_meeting" in codes(meeting, dt.date(2026, 3, 20))) is expected


@pytest.mark.parametrize(
    ("stated", "expected"),
    [(None, None), (4, "registration.incomplete")],
    ids=["652-p.32-as-registered", "652-p.32-more-took-part-than-registered"],
)
def test_stored_registration_is_compared_with_the_minutes(stated, expected):
    meeting, inspector, secretary = inspector_meeting_with_people(at(2026, 3, 12, 18))
    with time_machine.travel(at(2026, 3, 12, 20), tick=False):
        protocol = minutes(meeting, secretary, participants=3)
        if stated is not None:
            protocol.participants_override = stated
            protocol.participants_override_reason = "Бір адам тіркелмей кірді"
            protocol.save()
        protocol_services.protocol_sign(protocol=protocol, user=inspector)
    description = describe_meeting(meeting)
    assert description["registration"] == {"registered": 3}
    assert description["minutes"]["participants"] == (stated or 3)
    found = [c for c in codes(meeting, dt.date(2026, 3, 20)) if c.startswith("registration.")]
    assert found == ([expected] if expected else [])


ANONYMOUS = [
    # АППК art. 88 p.1 sub.2: no name: ended without an answer, not overdue.
    ("АППК-art.88-p.1-sub.2-no-name", {"person_name": "", "person_contact": "", "contact_consent": False}, False),
    # A named person without a contact is not anonymous: owed an answer, overdue when not answered.
    ("АППК-art.76-named-no-contact", {"person_contact": "", "contact_consent": False}, True),
]


@pytest.mark.parametrize(("item", "overdue"), [c[1:] for c in ANONYMOUS], ids=[c[0] for c in ANONYMOUS])
def test_stored_anonymous_appeal_is_not_overdue(monkeypatch, item, overdue):
    monkeypatch.setattr(law_describe, "_describers", [describe_appeals])
    meeting = f.meeting(starts_at=ta.almaty(2026, 2, 5, 18, 30), status=MeetingStatus.HELD)
    with time_machine.travel(ta.almaty(2026, 2, 5, 20), tick=False):
        appeals_open_for_protocol(protocol=ta.signed_protocol(meeting, [{"text": "Жарық жоқ.", **item}]), actor="x")
    (row,) = describe_meeting(meeting)["items"]
    assert row["anonymous"] is True and row["identified"] is overdue
    assert ("appeal.overdue" in codes(meeting, dt.date(2026, 4, 10))) is overdue


def test_stored_extension_notice(monkeypatch):
    monkeypatch.setattr(law_describe, "_describers", [describe_appeals])
    meeting = f.meeting(starts_at=ta.almaty(2026, 2, 5, 18, 30), status=MeetingStatus.HELD)
    chief = f.staff(role="chief", b=meeting.body)
    with time_machine.travel(ta.almaty(2026, 2, 5, 20), tick=False):
        (appeal,) = appeals_open_for_protocol(
            protocol=ta.signed_protocol(meeting, [{"text": "Жарық жоқ."}]), actor=chief
        )
    with time_machine.travel(ta.almaty(2026, 2, 20, 10), tick=False):
        appeal_services.appeal_extend(appeal=appeal, actor=chief, until=dt.date(2026, 3, 20), reason="Тексеру керек")
    (row,) = describe_meeting(meeting)["items"]
    assert row["appeal"]["extension_notified_on"] == "2026-02-20"
    found = codes(meeting, dt.date(2026, 3, 1))
    assert "appeal.extension_not_notified" not in found and "appeal.extension_notified_late" not in found


APPK_FROM = first_day("appk.term_days", "appk")


@pytest.mark.parametrize(
    ("day", "citation"),
    [(APPK_FROM - ONE, "Law 221-III art. 8 p.1"), (APPK_FROM, "АППК art. 76 p.1")],
    ids=["Law-221-art.8-p.1-day-before-АППК", "АППК-art.76-p.1-first-day"],
)
def test_stored_appeal_before_and_after_the_appk(monkeypatch, day, citation):
    """A complaint at a 2021 meeting gets its term under the law of its day, and the findings page agrees."""
    monkeypatch.setattr(law_describe, "_describers", [describe_appeals])
    meeting = f.meeting(starts_at=ta.almaty(day.year, day.month, day.day, 11), status=MeetingStatus.HELD)
    with time_machine.travel(ta.almaty(day.year, day.month, day.day, 13), tick=False):
        (appeal,) = appeals_open_for_protocol(protocol=ta.signed_protocol(meeting, [{"text": "Жарық жоқ."}]), actor="x")
    assert appeal.due_basis["citation"] == citation
    (overdue,) = [x for x in evaluate_meeting(meeting, today=day + 90 * ONE) if x.code == "appeal.overdue"]
    assert overdue.params["due"] == appeal.due_on.isoformat()
    assert overdue.citation == citation
