"""Throughput of the residents' pages against a bare hello view, on one production server, in one run.

    python bench/public_pages.py [--workers 4] [--requests 400] [--concurrency 8] [--fresh] [--scale national]

1. Builds a database with national-scale demo data (KATO territory, then `esep demo load --scale national`)
   in var/bench/ (kept between runs; --fresh rebuilds it). Set ESEP_BENCH_DATABASE_URL to use PostgreSQL.
2. Serves Esep with gunicorn on 127.0.0.1 with several workers, DEBUG off, plus one extra URL /__hello__
   (a view returning "hello" through the same middleware), from a settings module written for this run.
3. For each public page: warms it up, sends a bounded number of requests from a few threads, and prints
   requests per second and the ratio to hello (hello is measured before and after the pages; the mean is
   used). Goal: every public page at least 0.5x hello. Exit status 1 if a page misses the goal.

Not part of the test suite: it takes minutes.
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
GOAL = 0.5

SETTINGS = """
from esep.settings import *  # noqa: F403
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "esep_bench_urls"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
"""
URLS = """
from django.urls import path
from esep.public.views import hello
from esep.urls import urlpatterns as esep_urlpatterns
urlpatterns = [path("__hello__", hello), *esep_urlpatterns]
"""


def _env(tmp: Path, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": f"{tmp}{os.pathsep}{ROOT}",
            "DJANGO_SETTINGS_MODULE": "esep_bench_settings",
            "DATABASE_URL": database_url,
            "ESEP_SECRET_KEY": "bench-" + "x" * 40,
            "ESEP_DEBUG": "0",
        }
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def _esep(env: dict[str, str], *args: str) -> None:
    print("$ esep", " ".join(args), flush=True)
    subprocess.run([PY, "-m", "esep", *args], cwd=ROOT, env=env, check=True)


def prepare_database(env: dict[str, str], scale: str) -> None:
    _esep(env, "i18n_compile")
    _esep(env, "migrate", "--noinput", "-v", "0")
    _esep(env, "territory", "import-all")
    _esep(env, "demo", "load", "--scale", scale, "--i-know-this-is-not-production")


PICK = """
import json
from django.utils import timezone
from esep.meetings.models import Meeting, MeetingStatus
from esep.territory.models import Territory
m = (Meeting.objects.filter(status=MeetingStatus.ANNOUNCED, starts_at__gte=timezone.now(), precincts__isnull=False)
     .select_related("body", "body__territory").order_by("starts_at").first())
assert m is not None, "the demo has no announced upcoming meeting"
p = m.precincts.select_related("body").first()
s = p.settlements.select_related("parent").first()
district = m.body.territory if m.body.territory.level == "district" else (s.parent if s else None)
while district is not None and district.level not in ("district", "oblast"):
    district = district.parent
region = Territory.objects.get(kato=m.body.territory.kato[:2] + "0000000")
print(json.dumps({"meeting": m.code, "slug": p.body.slug, "number": p.number, "settlement": s.kato if s else "",
                  "settlement_name": s.name_ru if s else "", "district": district.kato if district else region.kato,
                  "region": region.kato}))
"""


def pick_objects(env: dict[str, str]) -> dict[str, str]:
    import json

    out = subprocess.run([PY, "-c", f"import django; django.setup()\n{PICK}"], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True)  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/__hello__")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not start")


def _get(port: int, path: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def measure(port: int, path: str, *, requests: int, concurrency: int, warmup: int) -> float:
    """Requests per second for ``path`` (all must answer 200)."""
    for _ in range(warmup):
        status = _get(port, path)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
    counter = iter(range(requests))
    lock = threading.Lock()
    errors: list[str] = []

    def worker() -> None:
        while True:
            with lock:
                if next(counter, None) is None:
                    return
            status = _get(port, path)
            if status != 200:
                errors.append(f"{path}: {status}")

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise RuntimeError(f"{len(errors)} failed requests, e.g. {errors[0]}")
    return requests / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--scale", default="national")
    parser.add_argument("--fresh", action="store_true", help="rebuild the benchmark database")
    args = parser.parse_args()

    var = ROOT / "var" / "bench"
    var.mkdir(parents=True, exist_ok=True)
    db_file = var / f"public-{args.scale}.sqlite3"
    database_url = os.environ.get("ESEP_BENCH_DATABASE_URL") or f"sqlite:///{db_file}"
    tmp = Path(tempfile.mkdtemp(prefix="esep-bench-"))
    (tmp / "esep_bench_settings.py").write_text(SETTINGS)
    (tmp / "esep_bench_urls.py").write_text(URLS)
    env = _env(tmp, database_url)
    server = None
    try:
        if args.fresh and db_file.exists():
            db_file.unlink()
        if "ESEP_BENCH_DATABASE_URL" in os.environ or not db_file.exists():
            prepare_database(env, args.scale)
        else:
            print(f"Reusing {db_file} (--fresh to rebuild)")
        o = pick_objects(env)
        port = free_port()
        server = subprocess.Popen(
            [PY, "-m", "gunicorn", "esep.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers",
             str(args.workers), "--worker-class", "sync", "--log-level", "warning"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        wait_until_up(port)
        pages = [
            ("start page", "/kk/"),
            ("search (Russian name)", f"/ru/?q={quote(o['settlement_name'])}"),
            ("search (Latin, typo)", "/kk/?q=karagandy"),
            ("region", f"/kk/t/{o['region']}/"),
            ("district", f"/kk/t/{o['district']}/"),
            ("settlement", f"/ru/t/{o['settlement']}/"),
            ("police body", f"/kk/p/{o['slug']}/"),
            ("precinct", f"/kk/p/{o['slug']}/{quote(o['number'])}/"),
            ("meeting", f"/ru/meetings/{o['meeting']}/"),
            ("upcoming meetings", "/kk/meetings/"),
            ("upcoming, filtered", f"/kk/meetings/?region={o['region']}"),
            ("iCal, meeting", f"/kk/meetings/{o['meeting']}/calendar.ics"),
            ("iCal, body", f"/kk/p/{o['slug']}/calendar.ics"),
            ("iCal, precinct", f"/kk/p/{o['slug']}/{quote(o['number'])}/calendar.ics"),
            ("Atom feed", "/kk/meetings/feed.atom"),
            ("entrance poster (PDF)", f"/kk/p/{o['slug']}/{quote(o['number'])}/poster.pdf"),
        ]
        opts = {"requests": args.requests, "concurrency": args.concurrency, "warmup": args.workers * 6}
        hello_before = measure(port, "/__hello__", **opts)
        results = [(label, path, measure(port, path, **opts)) for label, path in pages]
        hello_after = measure(port, "/__hello__", **opts)
        hello = statistics.mean([hello_before, hello_after])
        print()
        print(f"gunicorn, {args.workers} sync workers; {args.requests} requests per page, {args.concurrency} threads")
        print(f"{'hello':<26} {hello:8.0f} req/s  (before {hello_before:.0f}, after {hello_after:.0f})")
        missed = 0
        for label, path, rate in results:
            ratio = rate / hello
            flag = "ok" if ratio >= GOAL else "BELOW GOAL"
            missed += ratio < GOAL
            print(f"{label:<26} {rate:8.0f} req/s  {ratio:5.2f}x hello  {flag}   {path}")
        print(f"\n{len(results) - missed} of {len(results)} pages at or above {GOAL}x hello.")
        return 1 if missed else 0
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
