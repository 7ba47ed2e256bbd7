"""Issue 14 item 3: one-use form tokens are claimed atomically before saving, in a store every process
shares; several workers without a shared cache fail the deploy check."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.conf import settings

from esep.core import once
from esep.core.models import FormTokenUse

pytestmark = pytest.mark.django_db


def test_without_a_shared_cache_the_claim_is_a_database_row_other_processes_see():
    assert not once.shared_cache()
    assert once.claim("public-form", "abc", ttl=60)
    assert FormTokenUse.objects.filter(key__endswith=":abc").count() == 1
    assert not once.claim("public-form", "abc", ttl=60)
    assert once.claim("other-form", "abc", ttl=60)


def test_a_released_claim_can_be_made_again():
    assert once.claim("public-form", "fix-and-resend", ttl=60)
    once.release("public-form", "fix-and-resend")
    assert once.claim("public-form", "fix-and-resend", ttl=60)


def test_expired_claims_are_swept():
    with time_machine.travel("2026-03-01 10:00:00+05:00", tick=False):
        once.claim("public-form", "old", ttl=60)
    with time_machine.travel("2026-03-01 10:05:00+05:00", tick=False):
        once.claim("public-form", "new", ttl=60)
    assert not FormTokenUse.objects.filter(key__endswith=":old").exists()
    assert once.claim("public-form", "old", ttl=60)


def _check_deploy(**extra: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "ESEP_SECRET_KEY": "a-long-random-production-key-" + "x7Qp2" * 10,
        "ESEP_SECURE": "1",
        "ESEP_SEAL_KEY": "seal-" + "s" * 40,
        "ESEP_DEBUG": "0",
        "ESEP_ALLOWED_HOSTS": "esep.example.kz",
        "ESEP_REDIS_URL": "",
        **extra,
    }
    env.pop("PYTEST_CURRENT_TEST", None)
    return subprocess.run(
        [sys.executable, "-m", "esep", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_fails_for_several_workers_on_a_local_memory_cache():
    result = _check_deploy(ESEP_WEB_CONCURRENCY="4")
    assert result.returncode != 0
    assert "esep.E001" in result.stderr + result.stdout


def test_check_deploy_passes_for_several_workers_sharing_redis():
    result = _check_deploy(ESEP_WEB_CONCURRENCY="4", ESEP_REDIS_URL="redis://127.0.0.1:6379/3")
    assert result.returncode == 0, result.stdout + result.stderr
