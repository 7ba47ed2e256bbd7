"""Issue 14 item 3: the same question form sent twice at the same moment (a double tap, a retry by a flaky
phone, two workers) is stored once, on PostgreSQL, with Redis as the shared cache and without it (the
database then keeps the spent tokens). Skipped on SQLite, which serialises writers anyway.

Redis: ESEP_TEST_REDIS_URL, else ESEP_REDIS_URL (CI's PostgreSQL run configures one)."""

from __future__ import annotations

import os
import threading

import pytest
from django.core.cache import caches
from django.db import connection, connections
from django.test import Client

from esep.questions.forms import new_form_token
from esep.questions.models import Question
from esep.testing import public as pf

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
SENDS = 6


@pytest.fixture(autouse=True)
def _postgres_only(settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL=postgres://...)")
    settings.ESEP_QUESTION_MIN_FILL_SECONDS = 0


def _redis_url() -> str:
    return os.environ.get("ESEP_TEST_REDIS_URL") or os.environ.get("ESEP_REDIS_URL") or ""


@pytest.fixture(params=["redis", "database"])
def store(request, settings):
    if request.param == "redis":
        url = _redis_url()
        if not url:
            pytest.skip("set ESEP_TEST_REDIS_URL (redis://127.0.0.1:6379/N) to race through Redis")
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    else:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    caches["default"].clear()
    yield request.param
    caches["default"].clear()


def test_one_form_sent_several_times_at_once_is_stored_once(tree, store):
    from esep.core import once

    assert once.shared_cache() == (store == "redis")
    meeting = pf.published_meeting(precinct=tree["precinct"])
    payload = {"text": "Аулада жарық жоқ, қашан орнатылады?", "started": new_form_token(), "website": ""}
    url = f"/kk/meetings/{meeting.code}/ask/"
    barrier = threading.Barrier(SENDS)
    statuses, errors = [], []

    def send(n: int):
        try:
            client = Client(REMOTE_ADDR=f"198.51.100.{n}")
            barrier.wait(timeout=10)
            statuses.append(client.post(url, payload).status_code)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(SENDS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    assert sorted(statuses) == [201] + [400] * (SENDS - 1)
    assert Question.objects.filter(meeting=meeting).count() == 1
