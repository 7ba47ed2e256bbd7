"""The task queue behind ``esep worker``: Huey (a maintained task-queue library), on Redis where Esep has one
(several workers on several servers share it safely), else on a SQLite file beside the database for a
single-machine installation such as the demo. docs/operations.md explains the choice.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from huey import MemoryHuey, RedisHuey, SqliteHuey, crontab

ALMATY = ZoneInfo("Asia/Almaty")


def build_queue():
    name = "esep"
    if getattr(settings, "TESTING", False):
        return MemoryHuey(name, results=False)
    if settings.ESEP_REDIS_URL:
        return RedisHuey(name, url=settings.ESEP_REDIS_URL, results=False)
    path = Path(settings.ESEP_QUEUE_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(name, filename=str(path), results=False)


queue = build_queue()


def almaty_crontab(**spec: str):
    """A Huey schedule read in Asia/Almaty time. Huey hands the validator naive UTC timestamps."""
    matches = crontab(strict=True, **spec)

    def validate(timestamp: dt.datetime) -> bool:
        local = timestamp.replace(tzinfo=dt.UTC).astimezone(ALMATY).replace(tzinfo=None)
        return matches(local)

    return validate
