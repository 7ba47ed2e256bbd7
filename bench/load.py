"""A load test of a quarter's last week: Locust (headless, pinned in requirements/load.txt) against Esep served
by gunicorn, with the appeals sweep running, reported as ratios to a bare hello view in the same run.

    python bench/load.py [--servers 1] [--workers 4] [--steps 10,20,40] [--seconds 30] [--p99-ms 500]
                         [--scale default|national]

1 server uses SQLite (var/bench/load-<scale>.sqlite3, built once). ``--servers 2`` needs PostgreSQL and
Redis: ESEP_BENCH_DATABASE_URL (an empty, throw-away database) and ESEP_BENCH_REDIS_URL. The mix is in
bench/locustfile.py. For each step (simulated people arriving at a fixed rate each) Locust runs the mix,
then the same number of people asking only /__hello__; the report gives, per step, requests per second,
p50 and p99 latency, failures, and the ratio of the mix's throughput to hello's, and names the highest step
whose p99 stays under the target with no failures. On PostgreSQL it also prints the share of the CPU
used by this database's server processes against the app servers' (from /proc), and for each step the machine's
load average as it began (other work on the machine skews the numbers). `make load` runs it; docs/operations.md
has the numbers of the last run on the project's machine.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from public_pages import SETTINGS, URLS, _env, free_port, prepare_database, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"

TARGETS = """
import json
from django.utils import timezone
from esep.accounts.models import Role, RoleAssignment
from esep.demo.generator import DEMO_PASSWORD
from esep.meetings.models import Meeting, MeetingStatus
from esep.police.models import PoliceBody, Precinct
from esep.public.selectors import public_meetings
from django.test import Client
from esep.territory.models import Territory
from urllib.parse import quote
sample = Precinct.objects.select_related("body").order_by("?")[:300]
precincts = [f"/kk/p/{p.body.slug}/{quote(p.number)}/" for p in sample]
meetings = list(public_meetings().order_by("?").values_list("code", flat=True)[:300])
announced = list(Meeting.objects.filter(status=MeetingStatus.ANNOUNCED, starts_at__gte=timezone.now())
                 .order_by("?").values_list("code", flat=True)[:50])
bodies = [f"/ru/p/{s}/" for s in PoliceBody.objects.order_by("?").values_list("slug", flat=True)[:100]]
regions = list(Territory.objects.filter(level="oblast").values_list("kato", flat=True)) or ["350000000"]
inspector = RoleAssignment.objects.filter(role=Role.INSPECTOR).select_related("user", "body").first()
oversight = RoleAssignment.objects.filter(role=Role.OVERSIGHT).select_related("user").first()
def session(user):
    # Staff log in once a day: the mix starts with a session (a login costs a deliberately slow password hash).
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value
door = Meeting.objects.filter(body=inspector.body).exclude(status="draft").order_by("-starts_at").first()
print(json.dumps({
    "precincts": precincts, "meetings": [f"/ru/meetings/{c}/" for c in meetings],
    "ask": [f"/kk/meetings/{c}/ask/" for c in announced] or [f"/kk/meetings/{meetings[0]}/ask/"],
    "bodies": bodies, "regions": regions, "password": DEMO_PASSWORD,
    "inspector": session(inspector.user), "oversight": session(oversight.user),
    "door": f"/kk/staff/meetings/{door.pk}/door/", "not_reported": "/kk/staff/planning/",
}))
"""


def _targets(env: dict[str, str]) -> str:
    out = subprocess.run([PY, "-c", f"import django; django.setup()\n{TARGETS}"], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True)  # fmt: skip
    return out.stdout.strip().splitlines()[-1]


def _ticks(pid: int) -> int:
    """User+system CPU ticks used so far by process ``pid`` (Linux /proc); 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0
    return int(fields[11]) + int(fields[12])


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def _app_pids(servers: list[subprocess.Popen]) -> list[int]:
    """The gunicorn masters and their workers."""
    pids = []
    for server in servers:
        pids += [server.pid, *_children(server.pid)]
    return pids


def _db_pids(database_url: str) -> list[int]:
    """PostgreSQL's server processes serving this database (other databases on the machine are not counted)."""
    import psycopg

    name = database_url.rsplit("/", 1)[1].split("?")[0]
    with psycopg.connect(database_url.replace("postgres://", "postgresql://")) as conn:
        rows = conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                            [name]).fetchall()  # fmt: skip
    return [pid for (pid,) in rows]


def _locust(env, hosts, users: int, seconds: int, only_hello: bool, out: Path) -> dict:
    env = {**env, "ESEP_LOAD_HOSTS": ",".join(hosts)}
    classes = ["Hello"] if only_hello else ["Resident", "QuestionSender", "DoorStaff", "Oversight"]
    prefix = out / ("hello" if only_hello else "mix")
    subprocess.run(
        [PY, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--host", hosts[0], "--users", str(users),
         "--spawn-rate", str(max(users, 1)), "--run-time", f"{seconds}s", "--csv", str(prefix), "--only-summary",
         "--exit-code-on-error", "0", "--loglevel", "ERROR", *classes],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )  # fmt: skip
    with open(f"{prefix}_stats.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    row = next(r for r in rows if r["Name"] == "Aggregated")
    failures = []
    if Path(f"{prefix}_failures.csv").exists():
        with open(f"{prefix}_failures.csv", newline="") as fh:
            failures = [f"{r['Name']}: {r['Error'][:80]} x{r['Occurrences']}" for r in csv.DictReader(fh)]
    return {
        "slowest": sorted(((float(r["99%"] or 0), r["Name"]) for r in rows if r["Name"] != "Aggregated"),
                          reverse=True)[:3],
        "failure_kinds": failures,
        "rps": float(row["Requests/s"]),
        "p50": float(row["50%"] or 0),
        "p99": float(row["99%"] or 0),
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--servers", type=int, default=1)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers per server")
    parser.add_argument("--steps", default="10,20,40", help="simulated people per step")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--p99-ms", type=float, default=500.0)
    parser.add_argument("--scale", default="default")
    args = parser.parse_args()

    var = ROOT / "var" / "bench"
    var.mkdir(parents=True, exist_ok=True)
    db_file = var / f"load-{args.scale}.sqlite3"
    database_url = os.environ.get("ESEP_BENCH_DATABASE_URL") or f"sqlite:///{db_file}"
    if args.servers > 1 and not (database_url.startswith("postgres") and os.environ.get("ESEP_BENCH_REDIS_URL")):
        sys.exit("several servers need ESEP_BENCH_DATABASE_URL (PostgreSQL) and ESEP_BENCH_REDIS_URL (Redis)")
    tmp = Path(tempfile.mkdtemp(prefix="esep-load-"))
    (tmp / "esep_bench_settings.py").write_text(SETTINGS)
    (tmp / "esep_bench_urls.py").write_text(URLS)
    env = _env(tmp, database_url)
    env["ESEP_QUESTION_MIN_FILL_SECONDS"] = "0"
    # As behind a load balancer: each simulated person comes from their own address (X-Forwarded-For written by
    # one trusted proxy), so the per-address limits of the public forms apply per person, not to the whole test.
    env["ESEP_TRUSTED_PROXY_HOPS"] = "1"
    if os.environ.get("ESEP_BENCH_REDIS_URL"):
        env["ESEP_REDIS_URL"] = os.environ["ESEP_BENCH_REDIS_URL"]
    servers: list[subprocess.Popen] = []
    sweeper = None
    try:
        if database_url.startswith("postgres") or not db_file.exists():
            prepare_database(env, args.scale)
        env["ESEP_LOAD_TARGETS"] = _targets(env)
        hosts = []
        for _ in range(args.servers):
            port = free_port()
            servers.append(subprocess.Popen(
                [PY, "-m", "gunicorn", "esep.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers",
                 str(args.workers), "--log-level", "warning"], cwd=ROOT, env=env))  # fmt: skip
            wait_until_up(port)
            hosts.append(f"http://127.0.0.1:{port}")
        sweep = "while true; do \"$0\" -m esep appeals sweep >/dev/null 2>&1; sleep 15; done"
        sweeper = subprocess.Popen(["bash", "-c", sweep, PY], cwd=ROOT, env=env)
        vendor = "postgresql" if database_url.startswith("postgres") else "sqlite"
        print(f"\n{args.servers} server(s) x {args.workers} gunicorn workers on {vendor}, {args.seconds} s per step, "
              f"p99 target {args.p99_ms:.0f} ms; the appeals sweep runs every 15 s")
        print(f"{'people':>6} {'mix req/s':>10} {'p50 ms':>7} {'p99 ms':>7} {'fail':>5} {'hello req/s':>12} "
              f"{'hello p99':>9} {'ratio':>6} {'db CPU':>7} {'load':>6}")
        best = None
        for users in (int(s) for s in args.steps.split(",")):
            app_pids = _app_pids(servers)
            db_before = {pid: _ticks(pid) for pid in _db_pids(database_url)} if vendor == "postgresql" else {}
            app0 = sum(_ticks(pid) for pid in app_pids)
            load0 = os.getloadavg()[0]
            mix = _locust(env, hosts, users, args.seconds, False, tmp)
            app1 = sum(_ticks(pid) for pid in app_pids)
            share = None
            if vendor == "postgresql":
                db_after = {pid: _ticks(pid) for pid in _db_pids(database_url)}
                db = sum(db_after[pid] - db_before.get(pid, 0) for pid in db_after)
                share = db / max(1, db + app1 - app0)
            hello = _locust(env, hosts, users, args.seconds, True, tmp)
            ratio = mix["rps"] / hello["rps"] if hello["rps"] else 0.0
            print(f"{users:>6} {mix['rps']:>10.1f} {mix['p50']:>7.0f} {mix['p99']:>7.0f} {mix['failures']:>5} "
                  f"{hello['rps']:>12.1f} {hello['p99']:>9.0f} {ratio:>6.2f} "
                  f"{f'{share:.0%}' if share is not None else 'n/a':>7} {load0:>6.1f}")
            print("        slowest p99: " + ", ".join(f"{name} {ms:.0f} ms" for ms, name in mix["slowest"]))
            for kind in mix["failure_kinds"]:
                print(f"        failed: {kind}")
            if mix["p99"] <= args.p99_ms and mix["failures"] == 0:
                best = (users, mix["rps"], ratio)
        if best:
            print(f"\nhighest step within p99 <= {args.p99_ms:.0f} ms and no failures: {best[0]} people, "
                  f"{best[1]:.1f} req/s ({best[2]:.2f}x hello at the same offered load)")
        else:
            print(f"\nno step stayed within p99 <= {args.p99_ms:.0f} ms without failures")
        return 0
    finally:
        if sweeper is not None:
            sweeper.terminate()
        for server in servers:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
