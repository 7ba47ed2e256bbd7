"""esep.core.clock: the one "now" services and models read, injectable without patching anything."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.utils import timezone

from esep.core import clock
from esep.core.models import AuditEntry

MOMENT = dt.datetime(2025, 3, 14, 4, 30, tzinfo=dt.UTC)  # 09:30 in Almaty (UTC+5)


def test_without_injection_it_is_the_real_time():
    before = timezone.now()
    assert before <= clock.now() <= timezone.now()


def test_use_changes_now_inside_the_block_only():
    with clock.use(lambda: MOMENT):
        assert clock.now() == MOMENT
        assert clock.localdate() == dt.date(2025, 3, 14)
        assert clock.localtime().hour == 9
    assert clock.now() != MOMENT


def test_another_thread_keeps_the_real_time():
    seen = []
    with clock.use(lambda: MOMENT):
        worker = threading.Thread(target=lambda: seen.append(clock.now()))
        worker.start()
        worker.join()
    assert seen and seen[0] != MOMENT


def test_blocks_nest_and_restore():
    later = MOMENT + dt.timedelta(days=1)
    with clock.use(lambda: MOMENT):
        with clock.use(lambda: later):
            assert clock.now() == later
        assert clock.now() == MOMENT


@pytest.mark.django_db
def test_rows_are_created_at_the_injected_moment():
    with clock.use(lambda: MOMENT):
        entry = AuditEntry.objects.create(action="clock.test", actor_name="test")
    entry.refresh_from_db()
    assert entry.created_at == MOMENT
