"""Health and readiness for the load balancer, Prometheus metrics, request ids and JSON logs."""

from __future__ import annotations

import json
import logging

import pytest
from django.test import override_settings

from esep.ops.models import JobRun, RunStatus
from esep.ops.observability import JsonFormatter, RequestIdFilter, request_id_var

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_readyz_checks_database_cache_and_migrations(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "migrations": "ok"}


def test_readyz_is_503_with_a_migration_missing(client, monkeypatch):
    from django.db.migrations.executor import MigrationExecutor

    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("ops", "0099_future")])
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["migrations"] == "RuntimeError: 1 migration(s) not applied"


def test_readyz_is_503_when_the_cache_loses_writes(client, monkeypatch):
    from django.core.cache import cache

    monkeypatch.setattr(cache, "get", lambda *a, **k: None)
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["checks"]["cache"].startswith("RuntimeError")


def test_metrics_from_loopback_show_requests_jobs_and_overdue_appeals(client):
    from django.utils import timezone

    JobRun.objects.create(job="appeals-sweep", started_at=timezone.now(), status=RunStatus.FAILED)
    client.get("/kk/")
    response = client.get("/metrics")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'esep_request_seconds_count{method="GET",status="2xx",view="public:home"}' in text
    assert 'esep_job_runs_total{job="appeals-sweep",status="failed"} 1.0' in text
    assert "esep_appeals_overdue 0.0" in text
    assert "esep_queue_pending" in text


@override_settings(ESEP_METRICS_TOKEN="s3cret-token-for-prometheus")
def test_metrics_elsewhere_need_the_token(client):
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.7").status_code == 404
    wrong = client.get("/metrics", REMOTE_ADDR="203.0.113.7", HTTP_AUTHORIZATION="Bearer nope")
    assert wrong.status_code == 404
    right = client.get(
        "/metrics", REMOTE_ADDR="203.0.113.7", HTTP_AUTHORIZATION="Bearer s3cret-token-for-prometheus"
    )
    assert right.status_code == 200


def test_every_response_carries_a_request_id(client):
    own = client.get("/healthz")["X-Request-ID"]
    assert len(own) == 32
    kept = client.get("/healthz", HTTP_X_REQUEST_ID="lb-7f3a9c21-01")["X-Request-ID"]
    assert kept == "lb-7f3a9c21-01"
    replaced = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert replaced != "<script>" and len(replaced) == 32


def test_json_log_lines_carry_the_request_id():
    record = logging.LogRecord("esep.test", logging.WARNING, __file__, 1, "Өтініш %s мерзімі өтті", ("A-1",), None)
    token = request_id_var.set("req-12345678")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id_var.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "Өтініш A-1 мерзімі өтті"
    assert line["request_id"] == "req-12345678"
    assert line["level"] == "WARNING" and line["logger"] == "esep.test"
