"""Backups that can be restored: the database (pg_dump's custom format on PostgreSQL, SQLite's online backup
API on SQLite), the uploaded files, and a manifest with the row count of every table and each file's SHA-256.

A restore loads the dump into an empty database, unpacks the files, and compares every table's row count with
the manifest: a backup is only trusted once a restore of it has been checked this way (docs/operations.md,
"Backup and restore drill"). pg_dump and pg_restore are PostgreSQL's client programs; they are needed on the
machine that takes or restores a PostgreSQL backup, not to run Esep.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

MANIFEST = "manifest.json"


class BackupError(RuntimeError):
    pass


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def table_counts(alias: str = DEFAULT_DB_ALIAS) -> dict[str, int]:
    """Rows in every table of Esep's models (and Django's own), read with one COUNT each."""
    connection = connections[alias]
    existing = set(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            if table in existing and table not in counts:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
                counts[table] = cursor.fetchone()[0]
    return dict(sorted(counts.items()))


def _pg_env(db: dict) -> dict[str, str]:
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _pg_args(db: dict) -> list[str]:
    args = []
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return args


def _program(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not installed on this machine (PostgreSQL's client programs are needed)")
    return found


def backup_create(target: Path, *, alias: str = DEFAULT_DB_ALIAS) -> dict:
    """Write a backup into the empty or new directory ``target``; return the manifest."""
    target.mkdir(parents=True, exist_ok=True)
    if any(target.iterdir()):
        raise BackupError(f"{target} is not empty")
    connection = connections[alias]
    db = connection.settings_dict
    counts = table_counts(alias)
    if connection.vendor == "postgresql":
        dump = target / "database.dump"
        subprocess.run(
            [_program("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "--file", str(dump),
             *_pg_args(db), db["NAME"]],
            check=True, env=_pg_env(db), capture_output=True,
        )
    elif connection.vendor == "sqlite":
        dump = target / "database.sqlite3"
        connection.ensure_connection()
        out = sqlite3.connect(dump)
        try:
            connection.connection.backup(out)
        finally:
            out.close()
    else:
        raise BackupError(f"no backup method for {connection.vendor}")
    media = target / "media.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(media, "w:gz") as tar:
        if media_root.exists():
            tar.add(media_root, arcname="media")
    manifest = {
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "vendor": connection.vendor,
        "files": {p.name: _sha256(p) for p in (dump, media)},
        "tables": counts,
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    return manifest


def backup_restore(source: Path, *, alias: str = DEFAULT_DB_ALIAS) -> dict[str, tuple[int, int]]:
    """Restore ``source`` into the configured, empty database and media directory. Returns the tables whose
    count differs from the manifest as {table: (expected, found)} — empty when the restore is whole."""
    manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
    for name, digest in manifest["files"].items():
        if _sha256(source / name) != digest:
            raise BackupError(f"{name} does not match its SHA-256 in the manifest")
    connection = connections[alias]
    if connection.vendor != manifest["vendor"]:
        raise BackupError(f"the backup is of {manifest['vendor']}, the configured database is {connection.vendor}")
    if set(connection.introspection.table_names()) & set(manifest["tables"]):
        raise BackupError("the configured database is not empty; restore into a new database")
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        connection.close()
        subprocess.run(
            [_program("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", "--dbname", db["NAME"],
             *_pg_args(db), str(source / "database.dump")],
            check=True, env=_pg_env(db), capture_output=True,
        )
    else:
        connection.ensure_connection()
        src = sqlite3.connect(source / "database.sqlite3")
        try:
            src.backup(connection.connection)
        finally:
            src.close()
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / "media.tar.gz", "r:gz") as tar:
        members = [m for m in tar.getmembers() if m.name == "media" or m.name.startswith("media/")]
        for member in members:
            member.name = member.name[len("media/"):] if member.name != "media" else "."
        tar.extractall(media_root, members=members, filter="data")
    connection.close()
    found = table_counts(alias)
    return {
        table: (expected, found.get(table, -1))
        for table, expected in manifest["tables"].items()
        if found.get(table, -1) != expected
    }
