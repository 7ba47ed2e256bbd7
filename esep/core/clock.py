"""Esep's "now", injectable.

Code that needs the current moment calls ``clock.now()`` (or ``localdate()``/``localtime()``, in Asia/Almaty),
never ``timezone.now()`` directly, and models default their creation times to ``clock.now``. Normally that
is Django's ``timezone.now()``; a caller that must act at another moment (the demo's showcase plays a story
that happened over months) runs its code inside ``clock.use(source)``, which only that thread or task sees.
Nothing is patched: other requests and threads keep the real time. Tests may also travel in time with
time-machine, which ``timezone.now()`` follows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils import timezone

_source: ContextVar[Callable[[], dt.datetime] | None] = ContextVar("esep_clock_source", default=None)


def now() -> dt.datetime:
    """The current moment (aware, UTC), or the injected source's."""
    source = _source.get()
    return source() if source is not None else timezone.now()


def localtime(value: dt.datetime | None = None) -> dt.datetime:
    """``value`` (default: now()) in the current time zone (Asia/Almaty)."""
    return timezone.localtime(value if value is not None else now())


def localdate(value: dt.datetime | None = None) -> dt.date:
    """The date of ``value`` (default: now()) in the current time zone (Asia/Almaty)."""
    return localtime(value).date()


@contextmanager
def use(source: Callable[[], dt.datetime]) -> Iterator[None]:
    """Inside the block, ``now()`` asks ``source`` (a callable returning an aware datetime)."""
    token = _source.set(source)
    try:
        yield
    finally:
        _source.reset(token)
