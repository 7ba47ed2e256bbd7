"""The hook services call when something anonymous pages show has changed.

The kernel owns the hook; the page cache itself lives with the pages it serves (esep.public.cache), which
connects to ``public_content_changed`` when the app loads. So a domain app tells "what residents see has
changed" without knowing who caches what.

``reference()`` keeps, per process, data that many public pages read and that changes only with what they show
(the regions, the filter's choices, which precincts have published decisions): under the public version the
page cache registers (``set_version_source``), so a bump on any server drops it everywhere within the
version's one-second memo, and for PUBLIC_CACHE_SECONDS at most, like a cached page. It is no page cache:
every page is still rendered from it. Without a version source nothing is kept.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.db import transaction
from django.dispatch import Signal
from django.utils.translation import get_language

public_content_changed = Signal()
T = TypeVar("T")
REFERENCE_ENTRIES = 2000
_reference: dict[tuple, tuple[int, float, object]] = {}
_version_source: list[Callable[[], int]] = []


def public_changed() -> None:
    """Something anonymous pages show has changed: every receiver drops what it cached."""
    public_content_changed.send(sender=None)


def public_changed_on_commit() -> None:
    """The same, after the current transaction commits (call it from services)."""
    transaction.on_commit(public_changed)


def set_version_source(source: Callable[[], int]) -> None:
    """The public version ``reference()`` keys on (esep.public.cache.public_version, from PublicConfig.ready)."""
    _version_source[:] = [source]


def reference(name: str, build: Callable[[], T], *key) -> T:
    """``build()``'s value for ``name``, ``key`` and the active language, kept in this process while the public
    version stays the same (PUBLIC_CACHE_SECONDS at most). Callers must not change what they get."""
    if not _version_source:
        return build()
    full = (name, get_language(), *key)
    version, now = _version_source[0](), time.monotonic()
    hit = _reference.get(full)
    if hit is not None and hit[0] == version and now - hit[1] < settings.PUBLIC_CACHE_SECONDS:
        return hit[2]  # type: ignore[return-value]
    value = build()
    if len(_reference) >= REFERENCE_ENTRIES:
        _reference.clear()
    _reference[full] = (version, now, value)
    return value


def reference_reset() -> None:
    """Forget every kept value (tests; in production the version does it)."""
    _reference.clear()
