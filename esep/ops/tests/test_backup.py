"""The backup and restore drill: back up a database with signed minutes and uploaded files, restore it into a
new database as an operator would (a separate process), and check that every table's row count is equal and
that `esep protocols verify` passes on the restored copy."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from esep.ops.backup import table_counts
from esep.protocols import services
from esep.testing.protocols import at, inspector_meeting_with_people, minutes

ROOT = Path(__file__).resolve().parents[3]


def _signed_minutes_and_a_file():
    with time_machine.travel(at(2026, 3, 10, 21), tick=False):
        meeting, inspector, secretary = inspector_meeting_with_people(at(2026, 3, 10, 18))
        protocol = minutes(meeting, secretary)
        services.protocol_sign(protocol=protocol, user=inspector)
    scan = Path(settings.MEDIA_ROOT) / "announcements" / "scan.pdf"
    scan.parent.mkdir(parents=True, exist_ok=True)
    scan.write_bytes(b"%PDF-1.4 announcement scan")
    return protocol


def _esep(*args: str, database_url: str, media: Path) -> subprocess.CompletedProcess:
    # The copy is verified with the same seal key (kept outside the database, and outside the backup).
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "ESEP_MEDIA_ROOT": str(media),
        "ESEP_SEAL_KEY": settings.ESEP_SEAL_KEY,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "esep", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def _drill(tmp_path: Path, new_database_url: str) -> None:
    _signed_minutes_and_a_file()
    before = table_counts()
    assert before["protocols_protocolversion"] == 1
    call_command("backup", "create", str(tmp_path / "backup"))
    restored_media = tmp_path / "restored-media"
    restore = _esep("backup", "restore", str(tmp_path / "backup"), database_url=new_database_url, media=restored_media)
    assert restore.returncode == 0, restore.stderr
    assert "every table's row count equals the backup's" in restore.stdout
    verify = _esep("protocols", "verify", database_url=new_database_url, media=restored_media)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert "all signed minutes verify" in verify.stdout
    assert (restored_media / "announcements" / "scan.pdf").read_bytes() == b"%PDF-1.4 announcement scan"
    again = _esep("backup", "restore", str(tmp_path / "backup"), database_url=new_database_url, media=restored_media)
    assert again.returncode != 0 and "not empty" in again.stderr  # a restore never overwrites a live database


@pytest.mark.django_db(transaction=True)
def test_backup_restore_drill_on_sqlite(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite drill (the PostgreSQL one is below)")
    _drill(tmp_path, f"sqlite:///{tmp_path / 'restored.sqlite3'}")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_backup_restore_drill_on_postgresql(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    import psycopg

    db = connection.settings_dict
    name = f"esep_restore_{uuid.uuid4().hex[:10]}"
    admin = psycopg.connect(
        host=db["HOST"] or None, port=db["PORT"] or None, user=db["USER"] or None, password=db["PASSWORD"] or None,
        dbname="postgres", autocommit=True,
    )
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        _drill(tmp_path, f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}")
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
