"""Production settings pass Django's deploy checks, and the API publishes its OpenAPI schema."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings


def test_check_deploy_is_clean_under_production_settings():
    env = {
        **os.environ,
        "ESEP_SECRET_KEY": "a-long-random-production-key-" + "x7Qp2" * 10,
        "ESEP_SECURE": "1",
        "ESEP_DEBUG": "0",
        "ESEP_ALLOWED_HOSTS": "esep.example.kz",
        "ESEP_SEAL_KEY": "a-long-random-seal-key-" + "k9Wm4" * 10,
    }
    env.pop("PYTEST_CURRENT_TEST", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [sys.executable, "-m", "esep", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_the_api_schema_is_published(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert b"/api/v1/precincts/" in response.content


def test_settings_come_from_declared_variables():
    from esep import conf

    assert {"DATABASE_URL", "ESEP_SECRET_KEY", "ESEP_DEBUG", "ESEP_ALLOWED_HOSTS"} <= set(conf.DECLARED)
    db = conf.database_from_url("sqlite:////tmp/x.sqlite3")
    assert "journal_mode=WAL" in db["OPTIONS"]["init_command"]
    pg = conf.database_from_url("postgres://postgres@127.0.0.1:5432/test")
    assert (pg["ENGINE"], pg["NAME"], pg["HOST"], pg["PORT"]) == (
        "django.db.backends.postgresql", "test", "127.0.0.1", "5432")  # fmt: skip
    with pytest.raises(ValueError, match="not supported"):
        conf.database_from_url("mysql://x/y")


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
