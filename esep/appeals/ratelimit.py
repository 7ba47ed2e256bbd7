"""A small fixed-window rate limit in the shared cache, per client address and purpose."""

from __future__ import annotations

import time

from django.core.cache import cache


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def rate_limited(request, purpose: str, *, limit: int, window: int = 60) -> bool:
    """True when this client has used up ``limit`` requests for ``purpose`` in the current window."""
    key = f"esep.rl.{purpose}.{client_ip(request)}.{int(time.time() // window)}"
    if cache.add(key, 1, timeout=window + 5):
        return False
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window + 5)
        return False
    return count > limit
