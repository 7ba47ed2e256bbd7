"""Planning a national quarter in one step, against a bulk insert of the same number of meetings.

    python bench/plan_quarter.py [--fresh]

Uses the national demo database of bench/dashboards.py (var/bench-planning/national.sqlite3; built if
missing), copied to a scratch file so nothing is kept. In one process:

1. plan: for the next quarter, the proposals of every root police body (every precinct of the country),
   the rows with a problem (a vacant precinct, a clash) left out as a staff unit would, then
   ``plan_period`` for each root body: conflict check and the bulk writes of meetings, reporters,
   precinct links and schedule entries, in one transaction per body;
2. baseline: ``bulk_create`` of the same number of Meeting rows (same fields), then of their reporters and
   precinct links (what a meeting is in Esep), timed separately, rolled back.

Prints the wall time of each and the ratios plan / bulk meetings and plan / bulk meetings with reporters.
Goal (issue 8): plan <= 3x the bulk insert of the meetings with their reporters and links. Exit status 1 if
missed.
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

start = time.perf_counter()
planned = []
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
plan_seconds = time.perf_counter() - start
n = len(planned)

class Rollback(Exception):
    pass

def bulk(with_links):
    start = time.perf_counter()
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
            elapsed = time.perf_counter() - start
            raise Rollback
    except Rollback:
        return elapsed

bulk_meetings = bulk(False)
bulk_links = bulk(True)
print(n, plan_seconds, bulk_meetings, bulk_links)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()
    source = build("national", args.fresh)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "plan.sqlite3"
        shutil.copy(source, db)
        env = env_for(db)
        env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        out = subprocess.run([PY, "-c", MEASURE], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    n, plan, bulk_meetings, bulk_links = out.stdout.split()[-4:]
    n, plan, bulk_meetings, bulk_links = int(n), float(plan), float(bulk_meetings), float(bulk_links)
    print(f"reports planned in one step: {n}")
    print(f"plan (proposals, conflict check, writes): {plan:8.2f} s")
    print(f"bulk insert of {n} meetings:            {bulk_meetings:8.2f} s   ratio {plan / bulk_meetings:6.2f}")
    print(f"... with reporters and precinct links:   {bulk_links:8.2f} s   ratio {plan / bulk_links:6.2f}")
    ratio = plan / bulk_links
    if ratio > GOAL:
        print(f"MISSED: plan / bulk insert = {ratio:.2f} > {GOAL}")
        return 1
    return 0


if __name__ == "__main__":
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    sys.exit(main())
