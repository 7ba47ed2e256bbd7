"""One-use tokens (a public form's signed start token): claimed atomically, before anything is saved, in a
store every app process shares.

- With a shared cache (ESEP_REDIS_URL), ``cache.add`` claims the key: Redis sets it only if absent (SET NX),
  so of two requests sending the same form at once exactly one gets True.
- Without one (local memory is per process), the claim is a row in FormTokenUse, whose unique key the
  database enforces across processes and servers.

A claim that is followed by a refusal to save (the service raised a validation error) is released, so the
person can correct the form and send it again; a claim whose request dies before saving stays spent, and the
person sends a fresh form.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction

from esep.core import clock
from esep.core.models import FormTokenUse

LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def shared_cache() -> bool:
    """True when the default cache is one store for every process (not local memory)."""
    return settings.CACHES["default"]["BACKEND"] not in LOCAL_CACHES


def _key(purpose: str, token: str) -> str:
    return f"esep:once:{purpose}:{token}"[:120]


def claim(purpose: str, token: str, *, ttl: int) -> bool:
    """Spend ``token`` for ``purpose``; True only for the first claim while the token lives (``ttl`` s)."""
    key = _key(purpose, token)
    if shared_cache():
        return bool(cache.add(key, 1, ttl))
    now = clock.now()
    FormTokenUse.objects.filter(expires_at__lt=now).delete()
    try:
        with transaction.atomic():
            FormTokenUse.objects.create(key=key, expires_at=now + dt.timedelta(seconds=ttl))
    except IntegrityError:
        return False
    return True


def release(purpose: str, token: str) -> None:
    """Give back a claim whose form was then refused, so the same form can be corrected and sent."""
    key = _key(purpose, token)
    if shared_cache():
        cache.delete(key)
    else:
        FormTokenUse.objects.filter(key=key).delete()
