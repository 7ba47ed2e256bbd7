"""Prometheus metrics (prometheus_client): request latency by view (esep.ops.observability), and, read from the
database and the queue at each scrape, the outbox and queue lengths, job runs and failures, overdue appeals.

With several gunicorn workers set ``PROMETHEUS_MULTIPROC_DIR`` (an empty directory, cleared at start) so
the scrape adds up every worker's requests; see docs/operations.md.
"""

from __future__ import annotations

import os

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import REGISTRY, CounterMetricFamily, GaugeMetricFamily


class EsepCollector:
    def collect(self):
        from django.db.models import Count

        from esep.appeals.models import Appeal
        from esep.appeals.sweep import UNANSWERED
        from esep.notifications.models import Message
        from esep.ops.queue import queue
        from esep.ops.selectors import job_counts

        runs = CounterMetricFamily("esep_job_runs", "Runs of each background job by outcome.", labels=["job", "status"])
        for (job, status), n in sorted(job_counts().items()):
            runs.add_metric([job, status], n)
        yield runs
        overdue = GaugeMetricFamily("esep_appeals_overdue", "Unanswered appeals past their term (APPK).")
        overdue.add_metric([], Appeal.objects.filter(status__in=UNANSWERED, overdue_since__isnull=False).count())
        yield overdue
        outbox = GaugeMetricFamily("esep_outbox_messages", "Outgoing messages by status.", labels=["status"])
        for row in Message.objects.values("status").annotate(n=Count("id")).order_by("status"):
            outbox.add_metric([row["status"]], row["n"])
        yield outbox
        pending = GaugeMetricFamily("esep_queue_pending", "Jobs waiting in the worker's queue.")
        try:
            pending.add_metric([], queue.pending_count())
        except Exception:  # the queue's store is down: the gauge is absent, readiness says why
            return
        yield pending


def render() -> bytes:
    registry = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    esep = CollectorRegistry()
    esep.register(EsepCollector())
    return generate_latest(registry) + generate_latest(esep)
