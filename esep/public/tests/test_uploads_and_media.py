"""Issue 14 item 6: uploads are checked by content against each field's allow-list and the size limits of
esep.conf; media is served by the app with access checks, as an attachment with nosniff, also with DEBUG off."""

from __future__ import annotations

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from esep.accounts.models import Role
from esep.announcements.forms import ChannelForm
from esep.announcements.models import Announcement, Channel, ChannelRecord
from esep.core import uploads
from esep.meetings.models import Video
from esep.protocols.forms import ControlForm
from esep.testing import factories as f
from esep.testing.protocols import at, held_meeting

pytestmark = pytest.mark.django_db

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01" + b"\x00" * 64
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
HTML = b"<!doctype html><script>alert(document.cookie)</script>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(MP4, uploads.MP4, id="mp4"),
        pytest.param(b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00", uploads.MOV, id="quicktime"),
        pytest.param(b"\x00\x00\x00\x14ftyp3gp5\x00\x00\x00\x00", uploads.THREE_GP, id="3gp"),
        pytest.param(WEBM, uploads.WEBM, id="webm"),
        pytest.param(b"RIFF\x00\x00\x00\x00AVI LIST", uploads.AVI, id="avi"),
        pytest.param(PDF, uploads.PDF, id="pdf"),
        pytest.param(JPEG, uploads.JPEG, id="jpeg"),
        pytest.param(PNG, uploads.PNG, id="png"),
        pytest.param(HTML, None, id="html"),
        pytest.param(SVG, None, id="svg"),
        pytest.param(b"", None, id="empty"),
    ],
)
def test_formats_are_recognised_by_their_first_bytes(content, expected):
    assert uploads.sniff(content[:16]) == expected


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("recording.mp4", HTML, id="html-named-mp4"),
        pytest.param("page.html", HTML, id="html"),
        pytest.param("logo.svg", SVG, id="svg"),
        pytest.param("scan.pdf", PDF, id="pdf-is-not-a-video"),
    ],
)
def test_meeting_video_refuses_what_is_not_a_video_and_stores_nothing(client, name, content):
    with time_machine.travel(at(2026, 3, 12, 20), tick=False):
        meeting = held_meeting(starts_at=at(2026, 3, 12, 18))
        client.force_login(f.staff(Role.STAFF_UNIT, meeting.body))
        response = client.post(
            reverse("meetings_staff:video", args=[meeting.pk]),
            {"file": SimpleUploadedFile(name, content)},
            follow=True,
        )
    assert not Video.objects.exists()
    assert "allowed formats" in response.content.decode() or "рұқсат етілген" in response.content.decode()


def test_meeting_video_accepts_a_real_video_under_a_name_esep_chooses(client):
    with time_machine.travel(at(2026, 3, 12, 20), tick=False):
        meeting = held_meeting(starts_at=at(2026, 3, 12, 18))
        client.force_login(f.staff(Role.STAFF_UNIT, meeting.body))
        client.post(reverse("meetings_staff:video", args=[meeting.pk]), {"file": SimpleUploadedFile("a.html", MP4)})
    video = Video.objects.get()
    assert video.file.name.endswith(".mp4")
    assert "a.html" not in video.file.name


def test_video_size_limit_comes_from_settings(client, settings):
    settings.ESEP_UPLOAD_VIDEO_MAX_MB = 1
    big = MP4 + b"\x00" * (1024 * 1024)
    with time_machine.travel(at(2026, 3, 12, 20), tick=False):
        meeting = held_meeting(starts_at=at(2026, 3, 12, 18))
        client.force_login(f.staff(Role.STAFF_UNIT, meeting.body))
        client.post(reverse("meetings_staff:video", args=[meeting.pk]), {"file": SimpleUploadedFile("r.mp4", big)})
    assert not Video.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "ok"),
    [
        pytest.param("proof.html", HTML, False, id="html"),
        pytest.param("proof.pdf", HTML, False, id="html-named-pdf"),
        pytest.param("proof.mp4", MP4, False, id="video-is-not-evidence"),
        pytest.param("proof.bin", PDF, True, id="pdf"),
        pytest.param("photo.jpg", JPEG, True, id="jpeg"),
        pytest.param("photo.png", PNG, True, id="png"),
    ],
)
def test_evidence_and_scans_are_pdf_jpeg_or_png_by_content(name, content, ok):
    evidence = ControlForm({"status": "done", "progress": ""}, {"evidence": SimpleUploadedFile(name, content)})
    scan = ChannelForm(
        {"channel": Channel.ENTRANCE_POSTERS, "date": "2026-03-01"}, {"scan": SimpleUploadedFile(name, content)}
    )
    assert evidence.is_valid() is ok, evidence.errors
    assert scan.is_valid() is ok, scan.errors


def test_scan_size_limit_comes_from_settings(settings):
    settings.ESEP_UPLOAD_DOCUMENT_MAX_MB = 1
    form = ChannelForm(
        {"channel": Channel.ENTRANCE_POSTERS, "date": "2026-03-01"},
        {"scan": SimpleUploadedFile("s.pdf", PDF + b"\x00" * (1024 * 1024))},
    )
    assert not form.is_valid()
    assert "scan" in form.errors


@pytest.fixture
def stored():
    with time_machine.travel(at(2026, 3, 12, 20), tick=False):
        meeting = held_meeting(starts_at=at(2026, 3, 12, 18))
        video = Video(meeting=meeting, sha256="0" * 64, size=len(MP4))
        video.file.save("v.mp4", ContentFile(MP4), save=True)
        announcement = Announcement.objects.create(
            meeting=meeting, published_at=at(2026, 3, 1, 10), notice_days_required=10, days_before=11
        )
        record = ChannelRecord(announcement=announcement, channel=Channel.ENTRANCE_POSTERS, date=at(2026, 3, 1, 10))
        record.scan.save("s.pdf", ContentFile(PDF), save=True)
    return meeting, video, record


def test_a_public_scan_is_served_with_debug_off_as_an_attachment(client, settings, stored):
    settings.DEBUG = False
    _meeting, _video, record = stored
    response = client.get(record.scan.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


def test_a_meeting_video_is_only_for_staff_who_may_see_the_meeting(client, stored):
    meeting, video, _record = stored
    assert client.get(video.file.url).status_code == 404
    client.force_login(f.staff(Role.STAFF_UNIT, f.body()))
    assert client.get(video.file.url).status_code == 404
    client.force_login(f.staff(Role.STAFF_UNIT, meeting.body))
    response = client.get(video.file.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/media/nothing.pdf", "/media/../esep/settings.py", "/media/%2e%2e/var/secret_key"])
def test_a_file_no_record_owns_is_404(client, path):
    assert client.get(path).status_code == 404
