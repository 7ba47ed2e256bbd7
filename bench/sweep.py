"""Benchmark: ``esep appeals sweep`` with nothing to do, against backlogs of 500, 5,000 and 50,000 overdue
appeals, and the cost ratio between the largest and the smallest.

    python bench/sweep.py [--sizes 500,5000,50000] [--repeat 5] [--database-url URL]

Every appeal of the backlog is past its term, already marked overdue and already reminded, as the first
sweep leaves them: a later run has nothing to do, and should cost a handful of queries whatever the
backlog (issue: "periodic work that costs what is new"). The database is a fresh SQLite file by default;
``--database-url postgres://...`` uses an (empty, throw-away) PostgreSQL database instead. Times are the
best of ``--repeat`` runs, CPU time of this process and wall time, both printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "esep.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,5000,50000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{tmp.name}/sweep.sqlite3"

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from esep.appeals.models import Appeal, Reminder, ReminderKind
    from esep.appeals.sweep import appeals_sweep
    from esep.core import clock
    from esep.testing import appeals as ta
    from esep.testing import factories as f

    call_command("migrate", verbosity=0)
    body = f.body(email="")
    f.staff(b=body, email="shtab@police.example.kz")
    with clock.use(lambda: ta.almaty(2026, 2, 2, 11)):
        first = ta.appeal(body=body)
    template = Appeal.objects.values().get(pk=first.pk)
    due = first.effective_due_on
    later = ta.almaty(2026, 3, 10, 9)
    have = 0
    rows_out = []
    for size in sorted(int(s) for s in args.sizes.split(",")):
        batch = []
        for i in range(have, size):
            row = {k: v for k, v in template.items() if k not in ("id", "number", "code", "source_key")}
            row["overdue_since"] = due + dt.timedelta(days=1)
            batch.append(Appeal(**row, number=f"B-{i}", code=f"bench{i:012d}"))
        created = Appeal.objects.bulk_create(batch, batch_size=2000)
        Reminder.objects.bulk_create(
            [Reminder(appeal=a, kind=ReminderKind.OVERDUE, for_date=due) for a in created], batch_size=2000
        )
        have = size
        with connection.cursor() as cursor:  # statistics, as autovacuum (PostgreSQL) or PRAGMA optimize would
            cursor.execute("ANALYZE")
        with clock.use(lambda: later):
            appeals_sweep()  # the first appeal's own reminder; afterwards every run has nothing to do
            best_cpu = best_wall = float("inf")
            for _ in range(args.repeat):
                c0, w0 = time.process_time(), time.perf_counter()
                with CaptureQueriesContext(connection) as ctx:
                    result = appeals_sweep()
                best_cpu = min(best_cpu, time.process_time() - c0)
                best_wall = min(best_wall, time.perf_counter() - w0)
                assert result.reminders == 0 and result.marked_overdue == 0
        rows_out.append((size, best_cpu, best_wall, len(ctx.captured_queries)))
        print(f"{size:>7} overdue appeals: idle sweep {best_wall * 1000:8.2f} ms wall, "
              f"{best_cpu * 1000:8.2f} ms CPU, {len(ctx.captured_queries)} queries")
    small, large = rows_out[0], rows_out[-1]
    print(f"ratio {large[0]}:{small[0]} — wall {large[2] / small[2]:.2f}, CPU {large[1] / small[1]:.2f} "
          f"(target <= 1.5) on {connection.vendor}")


if __name__ == "__main__":
    main()
