"""Production settings as the README gives them: a shared Redis cache that works with the pip-installed
client (issue 14 item 2), and no start without the shared secret key (issue 14 item 9)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import override_settings

from esep import conf

# The tests' own Redis database (CI and each developer may pick another with ESEP_TEST_REDIS_URL).
REDIS_URL = os.environ.get("ESEP_TEST_REDIS_URL", "redis://127.0.0.1:6379/2")


def _esep(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("ESEP_", "PYTEST_"))}
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "esep", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _redis_reachable() -> bool:
    parts = urlsplit(REDIS_URL)
    try:
        socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=2).close()
    except OSError:
        return False
    return True


needs_redis = pytest.mark.skipif(
    not _redis_reachable() and not os.environ.get("CI"),
    reason=f"Redis is not reachable at {REDIS_URL} (CI requires it)",
)


def test_production_without_a_secret_key_does_not_start():
    result = _esep("check", ESEP_SECURE="1", ESEP_ALLOWED_HOSTS="esep.example.kz")
    assert result.returncode != 0
    assert "ESEP_SECRET_KEY is not set" in result.stderr
    assert "ESEP_SECURE=1" in result.stderr


def test_production_with_a_secret_key_starts():
    result = _esep(
        "check", ESEP_SECURE="1", ESEP_ALLOWED_HOSTS="esep.example.kz", ESEP_SECRET_KEY="k" * 60, ESEP_SEAL_KEY="s" * 60
    )
    assert result.returncode == 0, result.stderr


def test_without_production_a_local_key_is_kept_in_the_var_dir(tmp_path):
    probe = "from django.conf import settings; print(len(settings.SECRET_KEY))"
    first = _esep("shell", "-v", "0", "-c", probe, ESEP_VAR_DIR=str(tmp_path))
    assert first.returncode == 0, first.stderr
    assert (tmp_path / "secret_key").read_text().strip()
    assert _esep("shell", "-v", "0", "-c", probe, ESEP_VAR_DIR=str(tmp_path)).stdout == first.stdout


@needs_redis
def test_esep_redis_url_gives_the_redis_cache_with_the_installed_client():
    probe = (
        "from django.core.cache import caches; cache = caches['default']; cache.set('esep:probe', 41, 30); "
        "print(type(cache).__name__, cache.get('esep:probe') + 1)"
    )
    result = _esep("shell", "-v", "0", "-c", probe, ESEP_REDIS_URL=REDIS_URL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["RedisCache", "42"]


@needs_redis
@pytest.mark.django_db
def test_pages_are_served_and_cached_through_redis(client):
    redis_cache = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    with override_settings(CACHES=redis_cache):
        caches["default"].delete_many([])  # connects: fails here if the client is missing
        first = client.get("/kk/?redis-probe=1")
        second = client.get("/kk/?redis-probe=1")
        assert (first.status_code, second.status_code) == (200, 200)
        assert second["X-Esep-Cache"] == "hit"
        assert second.content == first.content
    assert conf.DECLARED["ESEP_REDIS_URL"].default == ""
