import datetime as dt
import hashlib

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from esep.meetings import services
from esep.meetings.models import DestructionRecord, MeetingKind, Participant
from esep.protocols import services as protocol_services
from esep.protocols.sealing import verify_all
from esep.testing import factories
from esep.testing.protocols import at, held_meeting, inspector_meeting_with_people, minutes

pytestmark = pytest.mark.django_db
DAY = at(2026, 3, 10, 18)


def test_uploaded_video_gets_its_sha256_and_the_retention_date_of_the_law():
    meeting = held_meeting(starts_at=DAY)
    data = b"\x00\x01video-bytes" * 1000
    video = services.video_add_upload(meeting=meeting, upload=SimpleUploadedFile("r.mp4", data), actor=None)
    assert video.sha256 == hashlib.sha256(data).hexdigest()
    assert video.size == len(data)
    # Order 652 p.32: kept 1 year; 10.03.2027 is a Wednesday, a working day.
    assert video.retain_until == dt.date(2027, 3, 10)


def test_a_chiefs_report_video_is_kept_without_a_countable_term():
    # Order 608 p.18: a chief's report materials are kept under Order 236's rules, which set no term here.
    meeting = held_meeting(starts_at=DAY, kind=MeetingKind.CHIEF)
    video = services.video_add_link(meeting=meeting, url="https://video.example.kz/c", sha256="b" * 64, actor=None)
    assert video.retain_until is None


def test_linked_video_needs_a_sha256():
    meeting = held_meeting(starts_at=DAY)
    with pytest.raises(ValidationError, match="64"):
        services.video_add_link(meeting=meeting, url="https://video.example.kz/1", sha256="abc", actor=None)
    video = services.video_add_link(meeting=meeting, url="https://video.example.kz/1", sha256="A" * 64, actor=None)
    assert video.sha256 == "a" * 64


def test_retention_purge_anonymises_after_the_term_keeps_counts_and_seal_and_is_idempotent(
    capsys, django_capture_on_commit_callbacks
):
    with time_machine.travel(at(2026, 3, 10, 21), tick=False):
        meeting, inspector, secretary = inspector_meeting_with_people(DAY)
        protocol = minutes(meeting, secretary, participants=4)
        protocol_services.protocol_sign(protocol=protocol, user=inspector)
        video = services.video_add_upload(meeting=meeting, upload=SimpleUploadedFile("r.mp4", b"abc"), actor=None)
        chief_meeting = held_meeting(starts_at=DAY, kind=MeetingKind.CHIEF)
        services.participant_register(
            meeting=chief_meeting,
            full_name="Бастық Тыңдаушы",
            residence="Абай 1",
            method="door",
            eligibility_declared=True,
        )
    storage, name = video.file.storage, video.file.name
    assert storage.exists(name)

    with time_machine.travel(at(2027, 3, 10, 12), tick=False):  # the last day of the term: kept
        call_command("retention", "purge")
    assert not DestructionRecord.objects.exists()

    with time_machine.travel(at(2027, 3, 11, 12), tick=False), django_capture_on_commit_callbacks(execute=True):
        call_command("retention", "purge")
        call_command("retention", "purge")
    record = DestructionRecord.objects.get()
    assert record.meeting == meeting and record.rule_citation == "Order 652 p.32"
    assert record.counts["participants_anonymised"] == 4 and record.counts["videos_destroyed"] == 1
    assert record.counts["video_sha256"] == [hashlib.sha256(b"abc").hexdigest()]
    assert not Participant.objects.filter(meeting=meeting).exclude(full_name="").exists()
    assert meeting.participants.count() == 4  # the count stays
    assert not storage.exists(name)
    item = protocol.items.get()
    assert item.person_name == "" and item.text  # the complaint stays, the person goes
    assert verify_all() == []  # the seal survives anonymisation
    assert chief_meeting.participants.get().full_name == "Бастық Тыңдаушы"  # Order 608: not this rule
    assert "purged 0 meeting(s)" in capsys.readouterr().out.splitlines()[-1]


def test_other_meetings_lose_nothing():
    with time_machine.travel(at(2026, 3, 10, 21), tick=False):
        old = held_meeting(starts_at=DAY)
        recent = factories.meeting(starts_at=at(2026, 12, 1, 18))
        for m in (old, recent):
            services.participant_register(
                meeting=m, full_name="Тұрғын Бір", residence="Абай 1", method="door", eligibility_declared=True
            )
    with time_machine.travel(at(2027, 4, 1, 12), tick=False):
        call_command("retention", "purge")
    assert recent.participants.get().full_name == "Тұрғын Бір"
    assert old.participants.get().full_name == ""
