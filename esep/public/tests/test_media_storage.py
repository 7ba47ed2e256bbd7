"""Uploads live behind one storage setting (ESEP_MEDIA_STORAGE): the local filesystem by default, an S3-compatible
bucket in production. Whatever the storage, files are served only through Esep's media view with its checks:
here with Django's in-memory storage standing in for a bucket (nothing on the local disk)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from esep.accounts.models import Role
from esep.announcements.models import Announcement, Channel, ChannelRecord
from esep.meetings.models import Video
from esep.testing import factories as f
from esep.testing.protocols import at, held_meeting

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


@pytest.fixture
def remote_storage(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "must-stay-empty")
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    yield
    assert not Path(settings.MEDIA_ROOT).exists()  # nothing was written to the local disk


def test_files_in_another_storage_are_served_with_the_same_checks(client, remote_storage):
    with time_machine.travel(at(2026, 3, 12, 20), tick=False):
        meeting = held_meeting(starts_at=at(2026, 3, 12, 18))
        video = Video(meeting=meeting, sha256="0" * 64, size=len(MP4))
        video.file.save("v.mp4", ContentFile(MP4), save=True)
        announcement = Announcement.objects.create(
            meeting=meeting, published_at=at(2026, 3, 1, 10), notice_days_required=10, days_before=11
        )
        record = ChannelRecord(announcement=announcement, channel=Channel.ENTRANCE_POSTERS, date=at(2026, 3, 1, 10))
        record.scan.save("s.pdf", ContentFile(PDF), save=True)
    assert default_storage.exists(record.scan.name)
    public = client.get(record.scan.url)
    assert public.status_code == 200
    assert public["Content-Disposition"].startswith("attachment")
    assert b"".join(public.streaming_content) == PDF
    assert client.get(video.file.url).status_code == 404  # a video is for the meeting's staff only
    client.force_login(f.staff(Role.STAFF_UNIT, meeting.body))
    private = client.get(video.file.url)
    assert private.status_code == 200 and b"".join(private.streaming_content) == MP4


def _settings_in_a_fresh_process(**env: str) -> subprocess.CompletedProcess:
    code = "import django; django.setup(); from django.conf import settings; print(settings.STORAGES['default'])"
    full = {**os.environ, "DJANGO_SETTINGS_MODULE": "esep.settings", **env}
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=full, capture_output=True, text=True, timeout=120)


def test_s3_is_chosen_by_setting_and_keeps_the_bucket_private():
    done = _settings_in_a_fresh_process(ESEP_MEDIA_STORAGE="s3", ESEP_S3_BUCKET="esep-media")
    assert done.returncode == 0, done.stderr
    assert "storages.backends.s3.S3Storage" in done.stdout
    assert "'default_acl': 'private'" in done.stdout and "'bucket_name': 'esep-media'" in done.stdout


@pytest.mark.parametrize(
    "env, message",
    [
        ({"ESEP_MEDIA_STORAGE": "s3"}, "needs ESEP_S3_BUCKET"),
        ({"ESEP_MEDIA_STORAGE": "ftp"}, "must be filesystem or s3"),
    ],
)
def test_a_storage_setting_that_cannot_work_stops_startup(env, message):
    done = _settings_in_a_fresh_process(**env)
    assert done.returncode != 0 and message in done.stderr
