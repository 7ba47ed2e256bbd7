"""Issue 14 item 1: the API's throttles cannot be dodged with a forged X-Forwarded-For, and DRF's
NUM_PROXIES follows ESEP_TRUSTED_PROXY_HOPS; compliance/evaluate reads a bounded body."""

from __future__ import annotations

import json

import pytest
from django.conf import settings as django_settings
from django.test import Client
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from esep.law.api import LawAnonThrottle

pytestmark = pytest.mark.django_db


def _forged(n: int) -> dict[str, str]:
    return {"HTTP_X_FORWARDED_FOR": f"203.0.113.{n % 250}, 198.51.100.{n % 200}", "REMOTE_ADDR": "192.0.2.10"}


def test_num_proxies_is_the_declared_number_of_trusted_proxies():
    assert django_settings.REST_FRAMEWORK["NUM_PROXIES"] == django_settings.TRUSTED_PROXY_HOPS
    assert api_settings.NUM_PROXIES == 0


@pytest.mark.parametrize("hops", [0, 1])
def test_password_guesses_with_a_new_forwarded_address_each_time_are_stopped(settings, hops):
    settings.TRUSTED_PROXY_HOPS = hops
    client = Client()
    statuses = []
    for n in range(15):
        # With one trusted proxy, the client can still forge everything before the proxy's own entry.
        headers = _forged(n) if hops == 0 else {"HTTP_X_FORWARDED_FOR": f"203.0.113.{n}, 198.51.100.7"}
        response = client.post(
            "/api/v1/auth/token/",
            {"username": f"guess{n}", "password": "x"},
            **{"REMOTE_ADDR": "192.0.2.10", **headers},
        )
        statuses.append(response.status_code)
    assert statuses[:10] == [401] * 10
    assert set(statuses[10:]) == {429}


def test_anonymous_api_throttle_ignores_a_forged_forwarded_address(monkeypatch):
    # DRF reads the rates once at import; a small one keeps the test short.
    rates = {**SimpleRateThrottle.THROTTLE_RATES, "anon": "5/minute"}
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", rates)
    client = Client()
    statuses = [client.get("/api/v1/territories/", **_forged(n)).status_code for n in range(8)]
    assert statuses[:5] == [200] * 5
    assert statuses[5:] == [429] * 3


def test_law_endpoints_throttle_ignores_a_forged_forwarded_address():
    client = Client()
    limit = int(LawAnonThrottle.rate.split("/")[0])
    statuses = [
        client.get("/api/v1/deadlines/appk.term_days", {"start": "2025-03-14"}, **_forged(n)).status_code
        for n in range(limit + 3)
    ]
    assert statuses[:limit] == [200] * limit
    assert statuses[limit:] == [429] * 3


def test_a_real_client_behind_a_trusted_proxy_is_counted_apart_from_others(settings):
    settings.TRUSTED_PROXY_HOPS = 1
    client = Client()
    limit = int(LawAnonThrottle.rate.split("/")[0])
    for _ in range(limit):
        client.get("/api/v1/deadlines/appk.term_days", {"start": "2025-03-14"}, HTTP_X_FORWARDED_FOR="198.51.100.1")
    url, query = "/api/v1/deadlines/appk.term_days", {"start": "2025-03-14"}
    blocked = client.get(url, query, HTTP_X_FORWARDED_FOR="198.51.100.1")
    other = client.get(url, query, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert blocked.status_code == 429
    assert other.status_code == 200


def test_an_oversized_evaluation_body_is_refused_before_it_is_parsed(settings):
    body = json.dumps({"kind": "chief", "extra": "x" * (settings.ESEP_API_EVALUATE_MAX_BYTES + 10)})
    response = Client().post("/api/v1/compliance/evaluate", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_a_normal_evaluation_body_is_still_read():
    response = Client().post(
        "/api/v1/compliance/evaluate", json.dumps({"kind": "chief"}), content_type="application/json"
    )
    assert response.status_code in (200, 400)
    assert response.status_code != 413
