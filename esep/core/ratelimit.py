"""The one rate limit of Esep's public forms, lookups and logins: a fixed window counted in the shared
cache per client and purpose (with Redis configured, all app servers share the count).

The client is a keyed hash of REMOTE_ADDR (the raw address is never stored). X-Forwarded-For is trusted
only when ESEP_TRUSTED_PROXY_HOPS (esep.conf) says how many proxies stand in front of Esep.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache


def client_id(request) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_HOPS
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops > 0 and forwarded:
        chain = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(chain) >= hops:
            address = chain[-hops]
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:32]


def allow(request, scope: str, *, limit: int, window: int) -> bool:
    """Count one attempt; False when the client has used up ``limit`` attempts in this ``window`` (s)."""
    bucket = int(time.time() // window)
    key = f"esep:rate:{scope}:{client_id(request)}:{bucket}"
    cache.add(key, 0, window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window + 5)
        count = 1
    return count <= limit
