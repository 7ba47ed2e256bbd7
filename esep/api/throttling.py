"""The API's throttles. DRF would take the client from X-Forwarded-For, which anyone can send; these take
it from esep.core.ratelimit.client_address, the one trusted reading of the client's address (with
ESEP_TRUSTED_PROXY_HOPS), so a forged header neither dodges a limit nor spends someone else's."""

from __future__ import annotations

from rest_framework import throttling

from esep.core import ratelimit


class _TrustedClient:
    def get_ident(self, request):
        return ratelimit.client_id(request)


class AnonRateThrottle(_TrustedClient, throttling.AnonRateThrottle):
    """Anonymous callers, per client address (settings: DEFAULT_THROTTLE_RATES["anon"])."""


class UserRateThrottle(_TrustedClient, throttling.UserRateThrottle):
    """Signed-in callers per account; anonymous ones per client address."""
