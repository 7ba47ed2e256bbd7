"""Health, readiness and metrics for the load balancer and monitoring; the jobs page for the administrator."""

from __future__ import annotations

import ipaddress
import secrets

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from esep.accounts.models import Role
from esep.accounts.permissions import has_role
from esep.core.staff import staff_required
from esep.ops import metrics, selectors


@never_cache
@require_GET
def healthz(request):
    """The process answers. Nothing else is checked: a load balancer restarts what fails this."""
    return JsonResponse({"status": "ok"})


def _check_database() -> str:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def _check_cache() -> str:
    key = f"esep:readyz:{secrets.token_hex(4)}"
    cache.set(key, "1", 5)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return what was just written")
    cache.delete(key)
    return "ok"


def _check_migrations() -> str:
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        raise RuntimeError(f"{len(plan)} migration(s) not applied")
    return "ok"


@never_cache
@require_GET
def readyz(request):
    """Ready to serve: the database answers, the cache answers, every migration is applied. 503 otherwise,
    with what failed (no secrets: the checks' names and the errors' types and messages)."""
    checks: dict[str, str] = {}
    ready = True
    for name, check in (("database", _check_database), ("cache", _check_cache), ("migrations", _check_migrations)):
        try:
            checks[name] = check()
        except Exception as exc:
            checks[name] = f"{type(exc).__name__}: {exc}"[:200]
            ready = False
    return JsonResponse({"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503)


def _metrics_allowed(request) -> bool:
    token = settings.ESEP_METRICS_TOKEN
    header = request.headers.get("Authorization", "")
    if token and header.startswith("Bearer ") and secrets.compare_digest(header[7:].strip(), token):
        return True
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


@never_cache
@require_GET
def metrics_view(request):
    """Prometheus text format; from the loopback address, or with ``Authorization: Bearer <ESEP_METRICS_TOKEN>``."""
    if not _metrics_allowed(request):
        return HttpResponse(status=404)
    return HttpResponse(metrics.render(), content_type="text/plain; version=0.0.4; charset=utf-8")


@login_required
@staff_required
def jobs_page(request):
    """Each periodic job: schedule, last run, last failure with its error; then the latest runs."""
    if not has_role(request.user, Role.ADMIN):
        raise PermissionDenied
    return render(
        request, "ops/jobs.html", {"rows": selectors.job_overview(), "recent": selectors.recent_runs()}
    )
