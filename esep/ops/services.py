"""Running a job and recording the run: the only code that writes JobRun rows."""

from __future__ import annotations

import io
import os
import socket
import traceback

from django.core.management import call_command
from django.utils import timezone

from esep.core import clock
from esep.ops.jobs import JOBS
from esep.ops.models import JobRun, RunStatus

KEEP_TEXT = 4000  # characters of output and of the error kept per run
KEEP_RUNS_DAYS = 90


def _worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def job_run(name: str, *, attempt: int = 1) -> JobRun:
    """Run job ``name`` now and record it. A failure is recorded with its traceback and raised again, so
    the queue retries it."""
    job = JOBS[name]
    run = JobRun.objects.create(job=name, attempt=attempt, started_at=clock.now(), worker=_worker_name())
    out = io.StringIO()
    try:
        call_command(*job.command, stdout=out, stderr=out)
    except BaseException as exc:
        run.status = RunStatus.FAILED
        run.finished_at = clock.now()
        run.output = out.getvalue()[-KEEP_TEXT:]
        run.error = "".join(traceback.format_exception(exc))[-KEEP_TEXT:]
        run.save(update_fields=["status", "finished_at", "output", "error"])
        raise
    run.status = RunStatus.SUCCEEDED
    run.finished_at = clock.now()
    run.output = out.getvalue()[-KEEP_TEXT:]
    run.save(update_fields=["status", "finished_at", "output"])
    return run


def job_skipped(name: str, *, attempt: int = 1) -> JobRun:
    """Another worker holds the job's lock: record that this one stood aside."""
    now = clock.now()
    return JobRun.objects.create(
        job=name, attempt=attempt, started_at=now, finished_at=now, worker=_worker_name(), status=RunStatus.SKIPPED
    )


def job_runs_prune(*, days: int = KEEP_RUNS_DAYS) -> int:
    """Forget runs older than ``days`` (the record is for operations, not an archive)."""
    deleted, _ = JobRun.objects.filter(started_at__lt=clock.now() - timezone.timedelta(days=days)).delete()
    return deleted
