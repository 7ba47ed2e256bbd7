"""Throughput of the accountability pages against a bare hello view, cold (page cache off) and warm, in one run.

    python bench/accountability_pages.py [--workers 2] [--requests 300] [--concurrency 4] [--scale default] [--fresh]

1. Builds (or reuses) a database in var/bench/: KATO territory, `esep demo load --scale <scale>`, then publishes
   the held reports whose minutes are signed (the redaction step and the staff choice, as staff would) and adds
   questions waiting for a report. Set ESEP_BENCH_DATABASE_URL to use PostgreSQL.
2. Serves Esep twice with gunicorn (DEBUG off) plus /__hello__ (a view returning "hello" through the same
   middleware): once with the page cache off (Django's dummy cache: every request renders) and once with the
   default per-process cache.
3. For each page, requests cycle over many different URLs (up to --urls of each kind: held reports, tracking
   codes, precincts, bodies, regions), each request from a different client address (X-Forwarded-For with
   ESEP_TRUSTED_PROXY_HOPS=1), so neither the page cache nor the rate limit flatters the result. Hello is
   measured before and after the pages in the same server; the ratio uses the mean. Goal: every page
   >= 0.5x hello with the cache off (the minutes PDF is typeset per request and is reported, not held to it).

Not part of the test suite: it takes minutes.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The harness (gunicorn up, requests over many URLs, the esep command) is the residents' pages bench's.
from public_pages import _esep, measure, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
GOAL = 0.5
NOT_HELD_TO_GOAL = {"minutes PDF (public)"}

SETTINGS = """
from esep.core import clock
from esep.settings import *  # noqa: F403
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "esep_bench_urls"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
"""
COLD = 'CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}\n'
URLS = """
from django.urls import path
from esep.public.views import hello
from esep.urls import urlpatterns as esep_urlpatterns
urlpatterns = [path("__hello__", hello), *esep_urlpatterns]
"""

PREPARE = """
from django.db import transaction
from django.utils import timezone
from esep.accountability import publication, waiting
from esep.accountability.models import ReportPublication, WaitingQuestion
from esep.accounts.models import Role, User
from esep.meetings.models import Meeting
from esep.police.models import Precinct
from esep.protocols.models import ProtocolStatus

staff = User.objects.filter(is_active=True, roles__role=Role.ADMIN).first()
staff = staff or User.objects.filter(is_superuser=True).first()
if staff is None:
    staff = User.objects.create_superuser("bench-admin", "bench@example.kz", "bench-password-1")
done = 0
held = Meeting.objects.filter(protocol__status=ProtocolStatus.SIGNED, report_publication__isnull=True).order_by("pk")
for meeting in held[:LIMIT]:
    draft = publication.draft_texts(meeting)
    items = {r["item"].pk: {"text": r["text"], "answer": r["answer"], "publish": True} for r in draft["items"]}
    with transaction.atomic():
        publication.report_publish(
            meeting=meeting, actor=staff, place=draft["place"], agenda=draft["agenda"], show_decisions=True,
            show_items=True, show_video=True, show_minutes=True, items=items,
        )
    done += 1
if not WaitingQuestion.objects.exists():
    for precinct in Precinct.objects.order_by("pk")[:LIMIT]:
        waiting.waiting_question_submit(precinct=precinct, text="Кіреберісте түнде жарық жоқ, не істеуге болады?")
print("published", done, "reports")
"""

PICK = """
import json
from esep.accountability.models import ReportPublication, WaitingQuestion
from esep.appeals.models import Appeal
from esep.police.models import PoliceBody, Precinct
from esep.questions.models import Question
from esep.territory.models import Territory
held = list(ReportPublication.objects.filter(published_at__isnull=False).order_by("pk")
            .values_list("meeting__code", flat=True)[:LIMIT])
codes = list(Question.objects.order_by("pk").values_list("tracking_code", flat=True)[:LIMIT // 2])
codes += list(Appeal.objects.order_by("pk").values_list("code", flat=True)[:LIMIT // 4])
codes += list(WaitingQuestion.objects.order_by("pk").values_list("tracking_code", flat=True)[:LIMIT // 4])
precincts = [(p.body.slug, p.number) for p in Precinct.objects.select_related("body").order_by("pk")[:LIMIT]]
from esep.core import clock
busy = Precinct.objects.filter(meetings__status="announced", meetings__starts_at__gte=clock.now())
quiet = Precinct.objects.exclude(pk__in=busy).select_related("body").order_by("pk")[:LIMIT]
quiet = [(p.body.slug, p.number) for p in quiet]
bodies = list(PoliceBody.objects.order_by("pk").values_list("slug", flat=True)[:LIMIT])
regions = list(Territory.objects.filter(level="oblast").order_by("kato").values_list("kato", flat=True))
print(json.dumps({"held": held, "codes": codes, "precincts": precincts, "quiet": quiet, "bodies": bodies,
                  "regions": regions}))
"""


def _env(tmp: Path, database_url: str, settings_module: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": f"{tmp}{os.pathsep}{ROOT}",
            "DJANGO_SETTINGS_MODULE": settings_module,
            "DATABASE_URL": database_url,
            "ESEP_SECRET_KEY": "bench-" + "x" * 40,
            "ESEP_DEBUG": "0",
            "ESEP_TRUSTED_PROXY_HOPS": "1",
        }
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.pop("ESEP_REDIS_URL", None)
    return env


def _script(env: dict[str, str], code: str, limit: int) -> str:
    program = f"import django; django.setup()\nLIMIT = {limit}\n{code}"
    out = subprocess.run([PY, "-c", program], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


def pages(o: dict) -> list[tuple[str, list[str]]]:
    langs = itertools.cycle(["kk", "ru"])
    return [
        ("held report (meeting page)", [f"/{next(langs)}/meetings/{c}/" for c in o["held"]]),
        ("tracking page", [f"/{next(langs)}/track/{c}/" for c in o["codes"]]),
        ("tracking form", ["/kk/track/", "/ru/track/"]),
        ("question between reports", [f"/{next(langs)}/p/{s}/{n}/question/" for s, n in o["quiet"]]),
        ("follow a precinct", [f"/{next(langs)}/follow/p/{s}/{n}/" for s, n in o["precincts"]]),
        ("Atom, region", [f"/{next(langs)}/meetings/feed.atom?region={r}" for r in o["regions"]]),
        ("Atom, body", [f"/{next(langs)}/p/{b}/feed.atom" for b in o["bodies"]]),
        ("Atom, precinct", [f"/{next(langs)}/p/{s}/{n}/feed.atom" for s, n in o["precincts"]]),
        ("minutes PDF (public)", [f"/{next(langs)}/meetings/{c}/minutes-kk.pdf" for c in o["held"][:20]]),
    ]


def run_server(env: dict[str, str], workers: int, port: int) -> tuple[subprocess.Popen, int]:
    server = subprocess.Popen(
        [PY, "-m", "gunicorn", "esep.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--worker-class", "sync", "--log-level", "warning", "--timeout", "120"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    wait_until_up(port)
    return server, port


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8161, help="the port gunicorn listens on (127.0.0.1)")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--urls", type=int, default=400, help="different URLs of each kind")
    parser.add_argument("--scale", default="default")
    parser.add_argument("--fresh", action="store_true", help="rebuild the benchmark database")
    args = parser.parse_args()

    var = ROOT / "var" / "bench"
    var.mkdir(parents=True, exist_ok=True)
    db_file = var / f"accountability-{args.scale}.sqlite3"
    database_url = os.environ.get("ESEP_BENCH_DATABASE_URL") or f"sqlite:///{db_file}"
    tmp = Path(tempfile.mkdtemp(prefix="esep-bench-"))
    (tmp / "esep_bench_settings.py").write_text(SETTINGS)
    (tmp / "esep_bench_cold.py").write_text(SETTINGS + COLD)
    (tmp / "esep_bench_urls.py").write_text(URLS)
    warm_env = _env(tmp, database_url, "esep_bench_settings")
    cold_env = _env(tmp, database_url, "esep_bench_cold")
    try:
        if args.fresh and db_file.exists():
            db_file.unlink()
        if "ESEP_BENCH_DATABASE_URL" in os.environ or not db_file.exists():
            _esep(warm_env, "i18n_compile")
            _esep(warm_env, "migrate", "--noinput", "-v", "0")
            _esep(warm_env, "territory", "import-all")
            _esep(warm_env, "demo", "load", "--scale", args.scale, "--i-know-this-is-not-production")
        else:
            print(f"Reusing {db_file} (--fresh to rebuild)")
        print(_script(warm_env, PREPARE, args.urls), flush=True)
        o = json.loads(_script(warm_env, PICK, args.urls))
        if not o["held"]:
            raise SystemExit("the demo has no held report with signed minutes to publish")
        table = pages(o)
        opts = {"requests": args.requests, "concurrency": args.concurrency}
        rows: dict[str, dict[str, float]] = {}
        hellos: dict[str, float] = {}
        for mode, env in (("cold", cold_env), ("warm", warm_env)):
            server, port = run_server(env, args.workers, args.port)
            try:
                before = measure(port, ["/__hello__"], **opts, warmup=3)
                for label, paths in table:
                    rows.setdefault(label, {})[mode] = measure(port, paths, **opts, warmup=3)
                after = measure(port, ["/__hello__"], **opts, warmup=3)
            finally:
                stop(server)
            hellos[mode] = statistics.mean([before, after])
        print()
        print(f"gunicorn, {args.workers} sync workers; {args.requests} requests per page, {args.concurrency} threads")
        print(f"hello: cold-server {hellos['cold']:.0f} req/s, warm-server {hellos['warm']:.0f} req/s")
        print(f"{'page':<28} {'URLs':>5} {'cold req/s':>11} {'cold x':>7} {'warm req/s':>11} {'warm x':>7}")
        missed = 0
        for label, paths in table:
            cold = rows[label]["cold"] / hellos["cold"]
            warm = rows[label]["warm"] / hellos["warm"]
            held = label not in NOT_HELD_TO_GOAL
            flag = "" if not held else ("ok" if cold >= GOAL else "BELOW GOAL")
            missed += held and cold < GOAL
            print(f"{label:<28} {len(set(paths)):>5} {rows[label]['cold']:>11.0f} {cold:>7.2f} "
                  f"{rows[label]['warm']:>11.0f} {warm:>7.2f}  {flag}")  # fmt: skip
        print(f"\nGoal: cold >= {GOAL}x hello (page cache off). {missed} page(s) below it.")
        return 1 if missed else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
