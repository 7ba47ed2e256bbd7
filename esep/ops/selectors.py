"""Reading the jobs' records."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from esep.ops.jobs import JOBS, Job
from esep.ops.models import JobRun, RunStatus


@dataclass
class JobRow:
    job: Job
    last_run: JobRun | None
    last_failure: JobRun | None
    runs: int
    failures: int


def job_overview() -> list[JobRow]:
    counts = {
        row["job"]: row
        for row in JobRun.objects.values("job").annotate(
            runs=Count("id"), failures=Count("id", filter=Q(status=RunStatus.FAILED))
        )
    }
    rows = []
    for job in JOBS.values():
        runs = JobRun.objects.filter(job=job.name)
        rows.append(
            JobRow(
                job=job,
                last_run=runs.first(),
                last_failure=runs.filter(status=RunStatus.FAILED).first(),
                runs=counts.get(job.name, {}).get("runs", 0),
                failures=counts.get(job.name, {}).get("failures", 0),
            )
        )
    return rows


def recent_runs(limit: int = 50) -> list[JobRun]:
    return list(JobRun.objects.all()[:limit])


def job_counts() -> dict[tuple[str, str], int]:
    """Runs per job and status, for the metrics."""
    return {(r["job"], r["status"]): r["n"] for r in JobRun.objects.values("job", "status").annotate(n=Count("id"))}
