"""A sweep with nothing to do costs the same few queries whatever the backlog of overdue appeals."""

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from esep.appeals.models import Appeal, Reminder
from esep.appeals.sweep import appeals_sweep
from esep.testing import appeals as ta
from esep.testing import factories as f

pytestmark = pytest.mark.django_db

REGISTERED = ta.almaty(2026, 2, 2, 11)  # due 23.02.2026
LATER = ta.almaty(2026, 3, 10, 9)


def _overdue_backlog(body, n: int) -> None:
    """``n`` unanswered appeals past their term, as the first sweep leaves them (marked and reminded)."""
    with time_machine.travel(REGISTERED, tick=False):
        first = ta.appeal(body=body)
    template = Appeal.objects.values().get(pk=first.pk)
    rows = []
    for i in range(n):
        row = {k: v for k, v in template.items() if k not in ("id", "number", "code", "source_key")}
        rows.append(Appeal(**row, number=f"{first.number}-{i}", code=f"{first.code[:20]}{n}x{i}"))
    Appeal.objects.bulk_create(rows)
    with time_machine.travel(LATER, tick=False):
        appeals_sweep()


def _queries_of_idle_sweep() -> int:
    with time_machine.travel(LATER, tick=False), CaptureQueriesContext(connection) as ctx:
        result = appeals_sweep()
    assert (result.marked_overdue, result.reminders) == (0, 0)
    return len(ctx.captured_queries)


def test_idle_sweep_does_not_grow_with_the_backlog():
    body = f.body(email="")
    f.staff(b=body, email="shtab@police.example.kz")
    _overdue_backlog(body, 5)
    small = _queries_of_idle_sweep()
    _overdue_backlog(body, 60)
    large = _queries_of_idle_sweep()
    assert Reminder.objects.count() >= 65  # every appeal was reminded once by the first sweeps
    assert large == small
    assert small <= 6


def test_a_new_overdue_appeal_is_still_found_beside_the_backlog():
    body = f.body(email="")
    f.staff(b=body, email="shtab@police.example.kz")
    _overdue_backlog(body, 3)
    Appeal.objects.filter(number__endswith="-1").update(overdue_since=None)
    with time_machine.travel(LATER, tick=False):
        result = appeals_sweep()
    assert result.marked_overdue == 1
