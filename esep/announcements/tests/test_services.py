"""Publishing a meeting: the notice term, the late reason as a finding, channels with proof, the texts."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from esep.announcements.models import Channel
from esep.announcements.services import announcement_channel_record, announcement_publish
from esep.meetings.models import MeetingStatus
from esep.testing import factories as f
from esep.testing import public as pf

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2025, 3, 3, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def staff(tree):
    return f.staff("staff_unit", tree["body"])


def _meeting(tree, days: int, kind: str = "inspector"):
    local = timezone.localtime(NOW) + dt.timedelta(days=days)
    return pf.published_meeting(
        precinct=tree["precinct"],
        status=MeetingStatus.SCHEDULED,
        published_at=None,
        kind=kind,
        starts_at=local.replace(hour=18),
    )


@pytest.mark.parametrize(
    ("kind", "days", "refused"),
    [
        ("inspector", 10, False),
        ("inspector", 9, True),
        ("inspector", 30, False),
        ("chief", 10, False),
        ("chief", 9, True),
    ],
    ids=[
        "order652-p27-10-days",
        "order652-p27-9-days",
        "order652-p27-30-days",
        "order608-p8.2-10-days",
        "order608-p8.2-9-days",
    ],
)
def test_notice_term(tree, staff, kind, days, refused):
    with time_machine.travel(NOW, tick=False):
        meeting = _meeting(tree, days, kind)
        if refused:
            with pytest.raises(ValidationError) as err:
                announcement_publish(meeting=meeting, actor=staff)
            assert "27-т." in str(err.value) or "8.2-т." in str(err.value)  # cited in the reader's language
            meeting.refresh_from_db()
            assert meeting.status == MeetingStatus.SCHEDULED
        else:
            a = announcement_publish(meeting=meeting, actor=staff)
            meeting.refresh_from_db()
            assert meeting.status == MeetingStatus.ANNOUNCED and meeting.published_at == NOW
            assert not a.is_late


def test_late_publication_with_a_reason_stands_as_a_finding(tree, staff):
    with time_machine.travel(NOW, tick=False):
        meeting = _meeting(tree, 5)
        a = announcement_publish(meeting=meeting, actor=staff, late_reason="Перенос из-за паводка")
    assert a.is_late and a.late_reason == "Перенос из-за паводка"
    assert a.days_before == 5 and a.notice_days_required == 10
    from esep.law.describe import describe_meeting, evaluate_meeting

    described = describe_meeting(meeting)
    assert described["extra"]["announcement_late_reason"] == "Перенос из-за паводка"
    assert described["announcement"]["published_at"].startswith("2025-03-03")
    assert described["announcement"]["channels"] == ["official_website"]
    codes = [finding.code for finding in evaluate_meeting(meeting)]
    assert "notice.late" in codes


def test_publishing_twice_or_a_past_meeting_is_refused(tree, staff):
    with time_machine.travel(NOW, tick=False):
        meeting = _meeting(tree, 20)
        announcement_publish(meeting=meeting, actor=staff)
        with pytest.raises(ValidationError):
            announcement_publish(meeting=meeting, actor=staff)
        past = _meeting(tree, -1)
        with pytest.raises(ValidationError):
            announcement_publish(meeting=past, actor=staff, late_reason="x")


def test_texts_in_kazakh_and_russian(tree, staff):
    with time_machine.travel(NOW, tick=False):
        meeting = _meeting(tree, 20)
        a = announcement_publish(meeting=meeting, actor=staff)
    assert "Әбілқайыров Нұрлан Серікұлы" in a.text_kk and "Әбілқайыров Нұрлан Серікұлы" in a.text_ru
    assert f"/kk/meetings/{meeting.code}/ask/" in a.text_kk
    assert f"/ru/meetings/{meeting.code}/ask/" in a.text_ru
    assert "Мәдениет үйі" in a.text_kk and "Дом культуры" in a.text_ru
    assert "+7 721 542 10 02" in a.text_ru  # the УПП phone for those without internet


def test_channels_need_proof(tree, staff):
    with time_machine.travel(NOW, tick=False):
        a = announcement_publish(meeting=_meeting(tree, 20), actor=staff)
        with pytest.raises(ValidationError):
            announcement_channel_record(announcement=a, channel=Channel.REGIONAL_MEDIA, date=NOW.date(), actor=staff)
        announcement_channel_record(
            announcement=a,
            channel=Channel.REGIONAL_MEDIA,
            date=NOW.date(),
            actor=staff,
            url="https://orda.kz/announcement",
        )
        scan = SimpleUploadedFile("poster.jpg", b"\xff\xd8\xff fake jpeg", content_type="image/jpeg")
        announcement_channel_record(
            announcement=a, channel=Channel.ENTRANCE_POSTERS, date=NOW.date(), actor=staff, scan=scan
        )
        with pytest.raises(ValidationError):
            announcement_channel_record(
                announcement=a,
                channel=Channel.SOCIAL_NETWORKS,
                date=NOW.date() + dt.timedelta(days=2),
                actor=staff,
                url="https://instagram.com/p/1",
            )
    assert sorted(c.channel for c in a.channels.all()) == ["entrance_posters", "regional_media", "website"]


def test_publishing_reaches_the_public_pages(client, tree, staff, django_capture_on_commit_callbacks):
    meeting = pf.published_meeting(
        precinct=tree["precinct"], status=MeetingStatus.SCHEDULED, published_at=None, days_ahead=20
    )
    url = f"/kk/p/{tree['body'].slug}/7/"
    assert meeting.code not in client.get(url).content.decode()
    staff_client = client.__class__()
    staff_client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"/kk/staff/announcements/{meeting.pk}/publish/", {"late_reason": ""})
    assert response.status_code == 302
    assert meeting.code in client.get(url).content.decode()


def test_staff_page_refuses_late_publication_without_a_reason(client, tree, staff):
    meeting = pf.published_meeting(
        precinct=tree["precinct"], status=MeetingStatus.SCHEDULED, published_at=None, days_ahead=3
    )
    client.force_login(staff)
    page = client.get(f"/kk/staff/announcements/{meeting.pk}/")
    assert page.status_code == 200
    client.post(f"/kk/staff/announcements/{meeting.pk}/publish/", {"late_reason": ""})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED
    client.post(f"/kk/staff/announcements/{meeting.pk}/publish/", {"late_reason": "Жаңа учаскелік тағайындалды"})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.ANNOUNCED
