"""System checks of Esep's own deployment rules (run by ``esep check --deploy``)."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, Tags.caches, deploy=True)
def shared_store_for_several_workers(app_configs=None, **kwargs):
    """Rate limits and one-use form tokens live in the cache: with several worker processes a local-memory
    cache gives each its own count (a limit of 5 lets 5 per worker through) and its own list of spent tokens."""
    from esep.core.once import shared_cache

    if settings.ESEP_WEB_CONCURRENCY > 1 and not shared_cache():
        return [
            Error(
                f"ESEP_WEB_CONCURRENCY is {settings.ESEP_WEB_CONCURRENCY} but the cache is local to each process.",
                hint="Set ESEP_REDIS_URL (redis://host:6379/0) so that every worker shares rate limits, "
                "or run one worker (ESEP_WEB_CONCURRENCY=1).",
                id="esep.E001",
            )
        ]
    return []
