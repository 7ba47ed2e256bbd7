"""Every job of esep.ops.jobs registered as a periodic task of the queue, with its retries and a lock so that
two workers never run the same job at the same moment (the jobs are idempotent besides)."""

from __future__ import annotations

from huey.exceptions import TaskLockedException

from esep.ops import services
from esep.ops.jobs import JOBS, Job
from esep.ops.queue import almaty_crontab, queue

TASKS = {}


def _make(job: Job):
    lock = queue.lock_task(f"job-{job.name}")

    def run(task=None):
        attempt = job.retries - (task.retries if task is not None else job.retries) + 1
        try:
            with lock:
                services.job_run(job.name, attempt=attempt)
        except TaskLockedException:
            services.job_skipped(job.name, attempt=attempt)

    run.__name__ = f"job_{job.name.replace('-', '_')}"
    return queue.periodic_task(
        almaty_crontab(**job.cron),
        retries=job.retries,
        retry_delay=job.retry_delay,
        retry_backoff=job.retry_backoff,
        context=True,
        name=job.name,
    )(run)


for _job in JOBS.values():
    TASKS[_job.name] = _make(_job)
