"""The anonymous page cache.

Every anonymous GET of a public page is cached under a key that contains the *public version*; anything
that changes what those pages show calls ``esep.core.pagecache.public_changed_on_commit()``, whose signal
reaches ``public_changed()`` here (connected in PublicConfig.ready), which bumps the version, so
every cached page is out at once (the version is a fresh random number, so it never repeats). The version
lives in the database (one row) so that all server processes see a bump even with a per-process cache; each
process re-reads it at most once a second.

Logged-in users, POSTs, responses that set cookies or use a CSRF token are never served from the cache.
The language is part of the path (/kk/, /ru/, /en/), so the key varies by language.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from esep.core import pagecache

MEMO_SECONDS = 1.0
_memo = threading.local()
_PAGE_PREFIX = "esep:public:page"


def _read_version() -> int:
    from esep.public.models import PublicState

    row = PublicState.objects.filter(pk=1).values_list("version", flat=True).first()
    return row or 0


def public_version() -> int:
    now = time.monotonic()
    cached = getattr(_memo, "value", None)
    if cached is not None and now - _memo.read_at < MEMO_SECONDS:
        return cached
    value = _read_version()
    _memo.value, _memo.read_at = value, now
    return value


def public_changed() -> None:
    """Something anonymous pages show has changed: drop every cached public page."""
    from esep.public.models import PublicState

    # A fresh random value rather than +1: a version never comes back, even after a rolled-back bump.
    version = secrets.randbits(62) + 1
    if not PublicState.objects.filter(pk=1).update(version=version):
        PublicState.objects.update_or_create(pk=1, defaults={"version": version})
    _memo.value, _memo.read_at = version, time.monotonic()


def reference_reset() -> None:
    """Forget kept reference data (esep.core.pagecache.reference) and this thread's version memo (tests)."""
    pagecache.reference_reset()
    _memo.__dict__.clear()


def _on_public_content_changed(sender, **kwargs) -> None:
    public_changed()


def _cacheable_request(request) -> bool:
    if request.method not in {"GET", "HEAD"}:
        return False
    if "messages" in request.COOKIES:
        return False
    return not request.user.is_authenticated


def _page_key(request) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:40]
    return f"{_PAGE_PREFIX}:{public_version()}:{digest}"


_KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")


def public_page(view):
    """Serve anonymous GETs of ``view`` from the cache; see the module docstring."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        hit = cache.get(key)
        if hit is not None:
            status, headers, body = hit
            response = HttpResponse(body, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Esep-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not request.META.get("CSRF_COOKIE_USED")
        ):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            headers = [(name, response[name]) for name in _KEPT_HEADERS if response.has_header(name)]
            cache.set(key, (response.status_code, headers, response.content), settings.PUBLIC_CACHE_SECONDS)
            response["X-Esep-Cache"] = "miss"
        return response

    return wrapper
