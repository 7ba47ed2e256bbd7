"""One rate limit for every public form: per client, per purpose, trusting proxies only when told to."""

from django.test import RequestFactory

from esep.core import ratelimit


def test_the_limit_counts_per_client_and_purpose():
    rf = RequestFactory()
    a, b = rf.get("/", REMOTE_ADDR="10.0.0.1"), rf.get("/", REMOTE_ADDR="10.0.0.2")
    assert all(ratelimit.allow(a, "ask", limit=3, window=600) for _ in range(3))
    assert not ratelimit.allow(a, "ask", limit=3, window=600)
    assert ratelimit.allow(b, "ask", limit=3, window=600)
    assert ratelimit.allow(a, "status", limit=3, window=600)


def test_forwarded_addresses_are_trusted_only_behind_configured_proxies(settings):
    rf = RequestFactory()
    spoofed = rf.get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="1.1.1.1")
    other = rf.get("/", REMOTE_ADDR="10.0.0.9", HTTP_X_FORWARDED_FOR="2.2.2.2")
    settings.TRUSTED_PROXY_HOPS = 0
    assert ratelimit.client_id(spoofed) == ratelimit.client_id(other)  # a header anyone can send changes nothing
    settings.TRUSTED_PROXY_HOPS = 1
    assert ratelimit.client_id(spoofed) != ratelimit.client_id(other)
    assert "10.0.0.9" not in ratelimit.client_id(spoofed)  # only a keyed hash is kept
