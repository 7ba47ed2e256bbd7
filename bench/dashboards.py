"""What the staff dashboards cost for users of different areas, at the default and the national scale.

    python bench/dashboards.py [--repeat 7] [--fresh]

Builds (once; --fresh rebuilds) two SQLite databases in var/bench-planning/ with the KATO territory and
`esep demo load` at the default and the national scale. Then, in one process per database, signs in the
demo's district staff unit ("staff"), region staff unit ("region") and the country-wide prosecutor
("prosecutor"), and measures the CPU time (time.process_time, which includes SQLite's work) of the staff
"Today" page and "who did not report" on varied URLs (two quarters, Kazakh and Russian):
cold (first request, caches cleared) and warm (median of --repeat requests), separately; the garbage
collector runs before each timed request, so a collection owed to earlier requests is not counted.

Prints, per user and page, national cost / default cost. Goal (issue 8 item 6): at most 1.3 for the
district and the region users, cold and warm; the country user is printed for information (its area grows
with the data). Exit status 1 if a goal is missed. Not part of the test suite: building the national
database takes minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
DATA = ROOT / "var" / "bench-planning"
GOAL = 1.3
SCOPED_USERS = ("staff", "region")

MEASURE = r"""
import gc, json, statistics, sys, time
import django
django.setup()
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from esep.accounts.models import User

repeat = int(sys.argv[1])
today = timezone.localdate()
quarter = (today.month - 1) // 3 or 4
year = today.year if (today.month - 1) // 3 else today.year - 1
prev_q, prev_y = (quarter - 1, year) if quarter > 1 else (4, year - 1)
pages = {
    "today": ["/kk/staff/", "/ru/staff/"],
    "not_reported": [
        f"/ru/staff/planning/?kind=inspector&year={year}&quarter={quarter}",
        f"/kk/staff/planning/?kind=inspector&year={prev_y}&quarter={prev_q}",
    ],
}
out = {}
for username in ("staff", "region", "prosecutor"):
    client = Client()
    client.force_login(User.objects.get(username=username))
    for page, urls in pages.items():
        cold, warm = [], []
        for url in urls:
            cache.clear()
            gc.collect()  # a collection owed to earlier requests' garbage is not this request's cost
            start = time.process_time()
            response = client.get(url)
            cold.append(time.process_time() - start)
            assert response.status_code == 200, (url, response.status_code)
            runs = []
            for _ in range(repeat):
                gc.collect()
                start = time.process_time()
                client.get(url)
                runs.append(time.process_time() - start)
            warm.append(statistics.median(runs))
        out[f"{username}:{page}"] = {"cold": sum(cold) / len(cold), "warm": sum(warm) / len(warm)}
print(json.dumps(out))
"""


SETTINGS = """
from esep.settings import *  # noqa: F403
DEBUG = False
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
"""


def env_for(db: Path) -> dict[str, str]:
    DATA.mkdir(parents=True, exist_ok=True)
    (DATA / "esep_bench_dash_settings.py").write_text(SETTINGS, encoding="utf-8")
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": f"{DATA}{os.pathsep}{ROOT}",
            "DATABASE_URL": f"sqlite:///{db.resolve()}",
            "ESEP_SECRET_KEY": "bench-" + "x" * 40,
            "ESEP_DEBUG": "0",
            "DJANGO_SETTINGS_MODULE": "esep_bench_dash_settings",
            "ESEP_ALLOWED_HOSTS": "testserver,127.0.0.1",
        }
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def build(scale: str, fresh: bool) -> Path:
    db = DATA / f"{scale}.sqlite3"
    if db.exists() and not fresh:
        return db
    DATA.mkdir(parents=True, exist_ok=True)
    if db.exists():
        db.unlink()
    env = env_for(db)
    for args in (
        ["migrate", "--noinput", "-v", "0"],
        ["territory", "import-all"],
        ["demo", "load", "--scale", scale, "--i-know-this-is-not-production"],
    ):
        print("$ esep", " ".join(args), f"({scale})", flush=True)
        subprocess.run([PY, "-m", "esep", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return db


def measure(db: Path, repeat: int) -> dict[str, dict[str, float]]:
    out = subprocess.run(
        [PY, "-c", MEASURE, str(repeat)], cwd=ROOT, env=env_for(db), check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()
    results = {scale: measure(build(scale, args.fresh), args.repeat) for scale in ("default", "national")}
    failed = False
    print(f"{'user:page':28} {'default ms':>18} {'national ms':>18} {'ratio cold':>11} {'ratio warm':>11}")
    for key in results["default"]:
        d, n = results["default"][key], results["national"][key]
        ratios = {k: n[k] / d[k] if d[k] else float("inf") for k in ("cold", "warm")}
        scoped = key.split(":")[0] in SCOPED_USERS
        miss = scoped and any(r > GOAL for r in ratios.values())
        failed |= miss
        print(
            f"{key:28} {d['cold'] * 1000:8.1f}/{d['warm'] * 1000:8.1f} {n['cold'] * 1000:8.1f}/{n['warm'] * 1000:8.1f}"
            f" {ratios['cold']:11.2f} {ratios['warm']:11.2f}"
            + (f"  MISSED (goal <= {GOAL})" if miss else ("" if scoped else "  (country: for information)"))
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
