"""Planning a national quarter in one step, against a bulk insert of the same number of meetings.

    python bench/plan_quarter.py [--fresh] [--repeat 3]

Uses the national demo database of bench/dashboards.py (var/bench-planning/national.sqlite3; built if
missing), copied to a scratch file so nothing is kept. In one process, --repeat times, interleaved:

1. plan: for the next quarter, the proposals of every root police body (every precinct of the country),
   the rows with a problem (a vacant precinct, a clash) left out as a staff unit would, then
   ``plan_period`` for each root body: conflict check and the bulk writes of meetings, reporters,
   precinct links and schedule entries, in one transaction per body (inside one that is rolled back, so
   the next round starts from the same database);
2. baseline: ``bulk_create`` of the same number of Meeting rows (same fields), then of their reporters and
   precinct links (what a meeting is in Esep), timed separately, rolled back.

Prints how many reports were owed and how many were planned without a conflict, the fastest wall and CPU
time (time.process_time, which includes SQLite's work) of each — the machine is shared: the minimum is the
least disturbed run, and CPU time does not count the waits for other processes — and the ratios plan / bulk
meetings and plan / bulk meetings with reporters and links. Goal (issue 8): plan <= 3x the bulk insert of
the meetings with their reporters and links, in CPU time. Exit status 1 if missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from dashboards import build, env_for  # noqa: E402

PY = sys.executable
GOAL = 3.0

MEASURE = r"""
import sys
import time
import django
django.setup()
from django.db import transaction
from django.utils import timezone
from esep.meetings.models import Meeting, MeetingReporter
from esep.planning.bulk import DURATION, period_proposals, plan_check, plan_period
from esep.police.models import PoliceBody

today = timezone.localdate()
quarter = (today.month - 1) // 3 + 2
year = today.year
if quarter == 5:
    year, quarter = year + 1, 1
roots = list(PoliceBody.objects.filter(parent__isnull=True))
repeat = int(sys.argv[1])

class Rollback(Exception):
    pass

def clocks():
    return time.perf_counter(), time.process_time()

def since(start):
    wall, cpu = clocks()
    return wall - start[0], cpu - start[1]

def plan():
    start = clocks()
    planned = []
    try:
        with transaction.atomic():
            for body in roots:
                rows = plan_check(
                    period_proposals(body=body, kind="inspector", year=year, quarter=quarter),
                    kind="inspector", year=year, quarter=quarter,
                )
                for r in rows:
                    r.include = not r.problems  # a staff unit unticks what it cannot plan yet
                if any(r.include for r in rows):
                    plan_period(body=body, kind="inspector", year=year, quarter=quarter, rows=rows, actor="bench")
                    planned.extend(r for r in rows if r.include)
            elapsed = since(start)
            raise Rollback
    except Rollback:
        return elapsed, planned

def bulk(with_links):
    start = clocks()
    try:
        with transaction.atomic():
            meetings = [
                Meeting(kind="inspector", body_id=r.body_id, period_year=year, period_quarter=quarter,
                        starts_at=r.starts_at, ends_at=r.starts_at + DURATION, settlement_id=r.settlement_id,
                        venue_kk=r.venue_kk, venue_ru=r.venue_ru, status="scheduled")
                for r in planned
            ]
            Meeting.objects.bulk_create(meetings, batch_size=1000)
            if with_links:
                MeetingReporter.objects.bulk_create(
                    [MeetingReporter(meeting=m, officer_id=r.officer_id, precinct_id=r.precinct_id)
                     for m, r in zip(meetings, planned)], batch_size=1000)
                through = Meeting.precincts.through
                through.objects.bulk_create(
                    [through(meeting_id=m.pk, precinct_id=r.precinct_id) for m, r in zip(meetings, planned)],
                    batch_size=1000)
            elapsed = since(start)
            raise Rollback
    except Rollback:
        return elapsed

owed = sum(1 for b in roots for r in period_proposals(body=b, kind="inspector", year=year, quarter=quarter))
plans, bulks, links = [], [], []
for _ in range(repeat):  # interleaved, so a busy moment of the shared machine hits all three alike
    seconds, planned = plan()
    plans.append(seconds)
    bulks.append(bulk(False))
    links.append(bulk(True))
def best(runs):
    return min(w for w, _c in runs), min(c for _w, c in runs)

print(owed, len(planned), *best(plans), *best(bulks), *best(links))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    source = build("national", args.fresh)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "plan.sqlite3"
        shutil.copy(source, db)
        env = env_for(db)
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        out = subprocess.run(
            [PY, "-c", MEASURE, str(args.repeat)], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        )
    values = out.stdout.split()[-8:]
    owed, n = int(values[0]), int(values[1])
    plan, meetings, links = (tuple(float(v) for v in values[i : i + 2]) for i in (2, 4, 6))
    print(f"reports owed and not yet planned: {owed}; planned in one step without a conflict: {n}")
    print(f"{'':42} {'wall s':>8} {'CPU s':>8} {'ratio wall':>11} {'ratio CPU':>10}")
    print(f"{'plan (proposals, conflict check, writes)':42} {plan[0]:8.2f} {plan[1]:8.2f}")
    for label, base in ((f"bulk insert of {n} meetings", meetings), ("... with reporters and precinct links", links)):
        print(f"{label:42} {base[0]:8.2f} {base[1]:8.2f} {plan[0] / base[0]:11.2f} {plan[1] / base[1]:10.2f}")
    ratio = plan[1] / links[1]
    if ratio > GOAL:
        print(f"MISSED: plan / bulk insert (CPU) = {ratio:.2f} > {GOAL}")
        return 1
    return 0


if __name__ == "__main__":
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    sys.exit(main())
