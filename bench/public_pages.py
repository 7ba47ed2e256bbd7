"""Throughput of the residents' pages, cold (page cache off) and warm (page cache on), over many different
URLs per page, against a bare hello view measured in the same run on the same server.

    python bench/public_pages.py [--workers 4] [--requests 400] [--concurrency 8] [--fresh] [--scale national]
                                 [--meetings 2000] [--searches 500] [--port 0] [--reuse]

1. Builds a database with national-scale demo data (KATO territory, then `esep demo load --scale national`)
   in var/bench/ (kept between runs; --fresh rebuilds it). Set ESEP_BENCH_DATABASE_URL to use PostgreSQL
   (with --reuse, a database that already holds the demo is used as it is).
2. Picks many different URLs per page from the data: up to --meetings meetings, --searches search queries
   (names of real places in Kazakh, Russian and Latin letters, a third with a typo), precincts, settlements,
   districts, police bodies.
3. Serves Esep with gunicorn (DEBUG off, plus /__hello__, a view returning "hello" through the same
   middleware) twice: first with the page cache off (a dummy cache: every request renders the page: the
   "cold" cost), then with the configured cache (locmem per process, or ESEP_REDIS_URL): the "warm" cost
   when residents request many different URLs. Each page's requests go round its URL list.
4. Prints, per page, requests per second and the ratio to hello measured on the same server (before and
   after the pages; the mean). Goal: every public page cold at least 0.25x hello. Exit status 1 if one misses.

Not part of the test suite: it takes minutes.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
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
GOAL_COLD = 0.25

SETTINGS = """
from esep.settings import *  # noqa: F403
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "esep_bench_urls"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
import os as _os
if _os.environ.get("ESEP_BENCH_COLD") == "1":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
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
import json, random
from django.utils import timezone
from esep.meetings.models import Meeting, MeetingStatus
from esep.police.models import PoliceBody, Precinct
from esep.public.selectors import public_meetings
from esep.territory.models import Territory
from esep.territory.search import transliterate
rng = random.Random(7)
N_MEETINGS, N_SEARCHES = {meetings}, {searches}
meetings = list(public_meetings().order_by("?").values_list("code", flat=True)[:N_MEETINGS])
assert meetings, "the demo has no public meeting"
precincts = list(Precinct.objects.order_by("?").values_list("body__slug", "number")[:1000])
settlements = list(Territory.objects.filter(level="settlement").order_by("?").values_list("kato", flat=True)[:1000])
districts = list(Territory.objects.filter(level__in=["district", "sub_district"]).order_by("?")
                 .values_list("kato", flat=True)[:500])
regions = list(Territory.objects.filter(level="oblast").values_list("kato", flat=True))
bodies = list(PoliceBody.objects.order_by("?").values_list("slug", flat=True)[:300])
names = list(Territory.objects.exclude(level="oblast").order_by("?").values_list("name_kk", "name_ru")[:N_SEARCHES])
queries = []
for i, (kk, ru) in enumerate(names):
    name = [kk, ru, transliterate(ru)][i % 3]
    words = [w for w in name.replace(".", " ").split() if len(w) > 3] or [name]
    word = words[0]
    if i % 3 == 2 and len(word) > 4:  # a typo: one letter dropped
        cut = rng.randrange(1, len(word) - 1)
        word = word[:cut] + word[cut + 1:]
    queries.append(word)
print(json.dumps({"meetings": meetings, "precincts": precincts, "settlements": settlements, "districts": districts,
                  "regions": regions, "bodies": bodies, "queries": queries}))
"""


def pick_objects(env: dict[str, str], *, meetings: int, searches: int) -> dict:
    import json

    code = PICK.replace("{meetings}", str(meetings)).replace("{searches}", str(searches))
    out = subprocess.run([PY, "-c", f"import django; django.setup()\n{code}"], cwd=ROOT, env=env, check=True,
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


_client = itertools.count(1)


def _get(port: int, path: str) -> int:
    """One GET; each from its own address (X-Forwarded-For, read where the bench trusts one proxy), so the
    public forms' per-address limits meet many residents rather than one."""
    n = next(_client)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        forwarded = f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"
        conn.request("GET", path, headers={"Host": "127.0.0.1", "X-Forwarded-For": forwarded})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def measure(port: int, paths: list[str] | str, *, requests: int, concurrency: int, warmup: int) -> float:
    """Requests per second going round ``paths`` (all must answer 200). The warm-up requests only the hello
    view's path or a few of the list, so the measured requests meet mostly URLs never asked before."""
    paths = [paths] if isinstance(paths, str) else paths
    for path in paths[: min(warmup, 3)]:
        status = _get(port, path)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
    counter = iter(range(requests))
    lock = threading.Lock()
    errors: list[str] = []

    def worker() -> None:
        while True:
            with lock:
                n = next(counter, None)
                if n is None:
                    return
            path = paths[n % len(paths)]
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


def _pages(o: dict) -> list[tuple[str, list[str]]]:
    meetings = o["meetings"]
    precincts = [f"/kk/p/{slug}/{quote(number)}/" for slug, number in o["precincts"]]
    return [
        ("start page", ["/kk/", "/ru/", "/en/"]),
        ("search", [f"/{('ru', 'kk')[i % 2]}/?q={quote(q)}" for i, q in enumerate(o["queries"])]),
        ("region", [f"/kk/t/{k}/" for k in o["regions"]]),
        ("district", [f"/kk/t/{k}/" for k in o["districts"]]),
        ("settlement", [f"/ru/t/{k}/" for k in o["settlements"]]),
        ("police body", [f"/kk/p/{slug}/" for slug in o["bodies"]]),
        ("precinct", precincts),
        ("meeting", [f"/ru/meetings/{code}/" for code in meetings]),
        ("upcoming meetings", ["/kk/meetings/", "/ru/meetings/"] + [f"/kk/meetings/?page={n}" for n in range(2, 30)]),
        ("upcoming, filtered", [f"/kk/meetings/?region={k}" for k in o["regions"]]),
        ("iCal, meeting", [f"/kk/meetings/{code}/calendar.ics" for code in meetings]),
        ("iCal, body", [f"/kk/p/{slug}/calendar.ics" for slug in o["bodies"]]),
        ("iCal, precinct", [p + "calendar.ics" for p in precincts]),
        ("Atom feed", ["/kk/meetings/feed.atom", "/ru/meetings/feed.atom", "/en/meetings/feed.atom"]),
    ]


def _serve(env: dict[str, str], port: int, workers: int, *, cold: bool) -> subprocess.Popen:
    server_env = {**env, "ESEP_BENCH_COLD": "1" if cold else "0"}
    server = subprocess.Popen(
        [PY, "-m", "gunicorn", "esep.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--worker-class", "sync", "--log-level", "warning"],
        cwd=ROOT, env=server_env,
    )  # fmt: skip
    wait_until_up(port)
    return server


def _stop(server: subprocess.Popen | None) -> None:
    if server is None:
        return
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()


def _run(port: int, pages, opts) -> tuple[float, list[tuple[str, float]]]:
    before = measure(port, "/__hello__", **opts)
    rates = [(label, measure(port, paths, **opts)) for label, paths in pages]
    after = measure(port, "/__hello__", **opts)
    return statistics.mean([before, after]), rates


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--scale", default="national")
    parser.add_argument("--meetings", type=int, default=2000)
    parser.add_argument("--searches", type=int, default=500)
    parser.add_argument("--port", type=int, default=0, help="port for gunicorn (0: any free port)")
    parser.add_argument("--reuse", action="store_true", help="use ESEP_BENCH_DATABASE_URL as it is")
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
        if args.reuse:
            print(f"Reusing {database_url}")
        elif "ESEP_BENCH_DATABASE_URL" in os.environ or not db_file.exists():
            prepare_database(env, args.scale)
        else:
            print(f"Reusing {db_file} (--fresh to rebuild)")
        pages = _pages(pick_objects(env, meetings=args.meetings, searches=args.searches))
        port = args.port or free_port()
        opts = {"requests": args.requests, "concurrency": args.concurrency, "warmup": args.workers * 6}
        server = _serve(env, port, args.workers, cold=True)
        hello_cold, cold = _run(port, pages, opts)
        _stop(server)
        server = _serve(env, port, args.workers, cold=False)
        hello_warm, warm = _run(port, pages, opts)
        print()
        print(f"gunicorn, {args.workers} sync workers; {args.requests} requests per page over its URL list, "
              f"{args.concurrency} threads")  # fmt: skip
        print(f"hello: {hello_cold:.0f} req/s (cache off), {hello_warm:.0f} req/s (cache on)")
        print(f"{'page':<22} {'URLs':>5} {'cold req/s':>11} {'cold':>7} {'warm req/s':>11} {'warm':>7}")
        missed = 0
        for (label, paths), (_l, c), (_w, w) in zip(pages, cold, warm, strict=True):
            ratio = c / hello_cold
            missed += ratio < GOAL_COLD
            flag = "" if ratio >= GOAL_COLD else "  BELOW GOAL"
            print(f"{label:<22} {len(paths):>5} {c:11.0f} {ratio:6.2f}x {w:11.0f} {w / hello_warm:6.2f}x{flag}")
        print(f"\n{len(pages) - missed} of {len(pages)} pages cold at or above {GOAL_COLD}x hello.")
        return 1 if missed else 0
    finally:
        _stop(server)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
