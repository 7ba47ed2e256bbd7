"""The one rate limit of Esep's public forms, lookups and logins: a fixed window counted in the shared
cache per client and purpose (with Redis configured, all app servers share the count).

The client is a keyed hash of its address (the raw address is never stored). ``client_address`` is the one
place that decides which address that is: REMOTE_ADDR, or, only when ESEP_TRUSTED_PROXY_HOPS (esep.conf) says
how many proxies of ours stand in front of Esep, the address the outermost of them saw in X-Forwarded-For.
A header the client writes itself is never believed. The API's throttles (esep.api.throttling) use it too.
"""

from __future__ import annotations

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    """The address the request came from, as far as our own proxies vouch for it."""
    address = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_HOPS
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops > 0 and forwarded:
        # Each proxy appends the address it saw, so the last ``hops`` entries were written by our proxies;
        # whatever stands before them came from the client and may be forged.
        chain = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(chain) >= hops:
            address = chain[-hops]
    return address


def _keyed(value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def client_id(request) -> str:
    return _keyed(client_address(request))


def subject_id(value: str) -> str:
    """A keyed hash of any other subject of a limit (a login name), so the raw value is never stored."""
    return _keyed(value.strip().casefold())


def _bucket_key(scope: str, who: str, window: int) -> str:
    return f"esep:rate:{scope}:{who}:{int(time.time() // window)}"


def hit(scope: str, who: str, *, window: int) -> int:
    """Count one event for ``who`` in this window of ``window`` seconds; the count so far."""
    key = _bucket_key(scope, who, window)
    cache.add(key, 0, window + 5)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window + 5)
        return 1


def count(scope: str, who: str, *, window: int) -> int:
    """How many events ``who`` has in this window, without counting one."""
    return int(cache.get(_bucket_key(scope, who, window)) or 0)


def allow(request, scope: str, *, limit: int, window: int) -> bool:
    """Count one attempt; False when the client has used up ``limit`` attempts in this ``window`` (s)."""
    return hit(scope, client_id(request), window=window) <= limit


def too_many(request):
    """The answer every public form gives when ``allow`` said no: 429 with a page in the reader's language."""
    from django.shortcuts import render
    from django.utils.translation import gettext as _

    return render(
        request,
        "public/error.html",
        {
            "title": _("Too many attempts"),
            "message": _("Too many attempts from your connection. Please try again later."),
        },
        status=429,
    )
