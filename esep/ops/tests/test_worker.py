"""The worker runs every periodic job on its schedule (Asia/Almaty), retries a failing one with growing pauses,
and the administrator sees each run and each failure."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
import time_machine
from django.urls import reverse

from esep.accounts.models import Role
from esep.ops import tasks
from esep.ops.jobs import JOBS, Job
from esep.ops.models import JobRun, RunStatus
from esep.ops.queue import ALMATY, queue
from esep.testing import factories as f

pytestmark = pytest.mark.django_db(transaction=False)


def _utc_naive(local: dt.datetime) -> dt.datetime:
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def test_every_job_runs_on_its_schedule_through_a_day():
    """A frozen clock walks a whole Almaty day minute by minute; at each minute the worker's scheduler asks
    the queue which periodic jobs are due and the queue executes them, as the consumer does."""
    start = dt.datetime(2026, 3, 10, 0, 0, tzinfo=ALMATY)
    for minute in range(24 * 60):
        local = start + dt.timedelta(minutes=minute)
        with time_machine.travel(local, tick=False):
            for task in queue.read_periodic(_utc_naive(local)):
                queue.execute(task)
    runs = Counter(JobRun.objects.values_list("job", flat=True))
    assert runs == {
        "notifications-send": 1440,
        "appeals-sweep": 288,
        "protocols-remind": 24,
        "accountability-sweep": 24,
        "protocols-publish-heads": 1,
        "planning-alert": 1,
        "retention-purge": 1,
    }
    assert set(runs) == set(JOBS)
    assert not JobRun.objects.exclude(status=RunStatus.SUCCEEDED).exists()
    purge = JobRun.objects.get(job="retention-purge")
    assert purge.started_at.astimezone(ALMATY).strftime("%H:%M") == "02:30"


@pytest.fixture
def failing_job(monkeypatch):
    """A job whose command fails: an evaluation of a file that does not exist."""
    job = Job(
        "test-failing",
        ("compliance", "evaluate", "/nonexistent/esep-meetings.json"),
        {"minute": "0", "hour": "0", "day": "31", "month": "2"},  # never due on its own
        "a job that fails",
        retries=2,
        retry_delay=60,
        retry_backoff=2,
    )
    monkeypatch.setitem(JOBS, job.name, job)
    wrapper = tasks._make(job)
    yield wrapper
    queue._registry.unregister(wrapper.task_class)
    queue.flush()


def test_a_failing_job_is_retried_with_backoff_and_its_failure_is_visible(failing_job, client):
    t0 = dt.datetime(2026, 3, 10, 9, 0, tzinfo=ALMATY)
    with time_machine.travel(t0, tick=False):
        queue.execute(failing_job.s())
    first = JobRun.objects.get()
    assert (first.status, first.attempt) == (RunStatus.FAILED, 1)
    assert "esep-meetings.json" in first.error
    retry = queue.scheduled()
    assert len(retry) == 1 and retry[0].retries == 1
    assert retry[0].eta == _utc_naive(t0) + dt.timedelta(seconds=60)
    with time_machine.travel(t0 + dt.timedelta(seconds=60), tick=False):
        queue.execute(retry[0])
    second = queue.scheduled()[-1]
    assert second.retries == 0
    assert second.eta == _utc_naive(t0) + dt.timedelta(seconds=60 + 120)  # the pause doubled
    assert list(JobRun.objects.order_by("attempt").values_list("attempt", "status")) == [
        (1, RunStatus.FAILED),
        (2, RunStatus.FAILED),
    ]
    admin = f.user(Role.ADMIN)
    client.force_login(admin)
    page = client.get(reverse("ops_staff:jobs"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "test-failing" in text and "esep-meetings.json" in text


def test_only_the_administrator_sees_the_jobs_page(client):
    client.force_login(f.staff())
    assert client.get(reverse("ops_staff:jobs")).status_code == 403
    client.logout()
    assert client.get(reverse("ops_staff:jobs")).status_code in (302, 403)


def test_a_job_held_by_another_worker_is_skipped_and_recorded():
    wrapper = tasks.TASKS["protocols-remind"]
    with queue.lock_task("job-protocols-remind"):
        queue.execute(wrapper.s())
    run = JobRun.objects.get()
    assert run.status == RunStatus.SKIPPED


def test_jobs_command_lists_and_runs(capsys):
    from django.core.management import call_command

    call_command("jobs", "run", "appeals-sweep")
    call_command("jobs", "list")
    out = capsys.readouterr().out
    assert "appeals-sweep: succeeded" in out
    assert "retention-purge" in out and "30 2 * * *" in out
