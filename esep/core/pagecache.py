"""The hook services call when something anonymous pages show has changed.

The kernel owns the hook; the page cache itself lives with the pages it serves (esep.public.cache), which
connects to ``public_content_changed`` when the app loads. So a domain app tells "what residents see has
changed" without knowing who caches what.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

public_content_changed = Signal()


def public_changed() -> None:
    """Something anonymous pages show has changed: every receiver drops what it cached."""
    public_content_changed.send(sender=None)


def public_changed_on_commit() -> None:
    """The same, after the current transaction commits (call it from services)."""
    transaction.on_commit(public_changed)
