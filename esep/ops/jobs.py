"""The periodic jobs, as data: what each runs, when (Asia/Almaty wall-clock time), and how it is retried.

Each job is one of Esep's idempotent commands; running it twice, or on two workers at once, does its
work once (unique rows, ``SKIP LOCKED``). The worker (``esep worker``) schedules them; ``esep jobs run NAME``
runs one now, recorded the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Job:
    name: str
    command: tuple[str, ...]
    cron: dict[str, str]  # minute, hour, day, month, day_of_week — Asia/Almaty time
    description: object
    retries: int = 3
    retry_delay: int = 60  # seconds before the first retry; doubled for each next one
    retry_backoff: float = 2.0

    @property
    def schedule(self) -> str:
        c = self.cron
        return " ".join(c.get(k, "*") for k in ("minute", "hour", "day", "month", "day_of_week"))


JOBS: dict[str, Job] = {}


def register(job: Job) -> Job:
    if job.name in JOBS:
        raise ValueError(f"job {job.name!r} is registered twice")
    JOBS[job.name] = job
    return job


register(
    Job(
        "notifications-send",
        ("notifications", "send"),
        {"minute": "*"},
        _("Send the outbox: e-mail and SMS, retried with backoff"),
        retry_delay=30,
    )
)
register(
    Job(
        "appeals-sweep",
        ("appeals", "sweep"),
        {"minute": "*/5"},
        _("Mark overdue appeals and remind the responsible staff (APPK)"),
    )
)
register(
    Job(
        "protocols-remind",
        ("protocols", "remind"),
        {"minute": "0"},
        _("Remind about minutes left unsigned after the meeting day"),
    )
)
register(
    Job(
        "accountability-sweep",
        ("accountability", "sweep"),
        {"minute": "15"},
        _("Remind about decisions due and escalate overdue ones; ask whether it was fixed"),
    )
)
register(
    Job(
        "protocols-publish-heads",
        ("protocols", "publish-heads"),
        {"minute": "5", "hour": "0"},
        _("Publish each police body's daily chain head of sealed minutes (the seal's outside witness)"),
    )
)
register(
    Job(
        "planning-alert",
        ("planning", "alert"),
        {"minute": "0", "hour": "8"},
        _("Warn staff units and chiefs of reports still owed before a period ends"),
    )
)
register(
    Job(
        "retention-purge",
        ("retention", "purge"),
        {"minute": "30", "hour": "2"},
        _("Delete personal data past its term, with destruction records"),
        retry_delay=600,
    )
)
