"""Building a chief's report against rendering its stored page, in one run on the same machine.

    python bench/report_build.py [--repeat 5] [--appeals 30000]

1. Builds a throwaway SQLite database in a temporary directory (or ESEP_BENCH_DATABASE_URL): the official
   statistics of all 20 regions (esep statistics import-official), demo figures for 8 districts of every
   region over 5 years, and national-scale appeals and ratings spread over the region bodies.
2. For several regions (varied URLs): prepares the chief's report from scratch (esep.reports.services
   .report_prepare: every section prefilled from the data) and renders the published report page
   /kk/reports/<code>/ from stored content, cold (page cache cleared) and warm (served from the page cache).
3. Prints the median times and the ratios build / cold render and build / warm render. Goal: build at most
   5x the cold render. Exit status 1 if missed.

Not part of the test suite: it takes a minute or two.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOAL = 5.0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--appeals", type=int, default=30000)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="esep-bench-report-")
    os.environ["DATABASE_URL"] = os.environ.get("ESEP_BENCH_DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "esep.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test.utils import override_settings

    call_command("migrate", verbosity=0)
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    storages = {**settings.STORAGES, "staticfiles": plain}
    with override_settings(STORAGES=storages, ALLOWED_HOSTS=["testserver"]):
        regions = build_data(args.appeals)
        return measure(regions, args.repeat)


def build_data(n_appeals: int):
    import datetime as dt
    import random

    from django.utils import timezone

    from esep.appeals.models import Appeal
    from esep.feedback.models import Rating
    from esep.meetings.models import Meeting
    from esep.reports.demo import demo_figures_csv
    from esep.statistics import services as stats
    from esep.territory.models import Level, Territory
    from esep.testing import factories as f

    t0 = time.perf_counter()
    stats.official_import()
    rng = random.Random(7)
    chosen = ["110000000", "150000000", "230000000", "390000000", "550000000"]
    regions = []
    bodies = []
    for kato in [f"{n}0000000" for n in ("11", "15", "23", "27", "31", "39", "43", "47", "55", "59")]:
        region = Territory.objects.create(
            kato=kato, level=Level.OBLAST, name_kk=f"Облыс {kato[:2]}", name_ru=f"Область {kato[:2]}", prefix=kato[:2]
        )
        rbody = f.body(level="region_dp", terr=region, slug=f"dp-{kato[:2]}")
        bodies.append(rbody)
        for d in range(1, 9):
            dkato = f"{kato[:2]}{d:02d}00000"
            district = Territory.objects.create(
                kato=dkato,
                level=Level.DISTRICT,
                parent=region,
                prefix=dkato[:4],
                name_kk=f"Аудан {dkato[:4]}",
                name_ru=f"Район {dkato[:4]}",
            )
            bodies.append(f.body(terr=district, parent=rbody, slug=f"op-{dkato[:4]}"))
            stats.figures_import(demo_figures_csv(dkato, [2020, 2021, 2022, 2023, 2024]), name=dkato, demo=True)
        if kato in chosen:
            stats.figures_import(demo_figures_csv(kato, [2023, 2024]), name=kato, demo=True)
            chief = f.officer(rbody, position="chief")
            meeting = f.meeting(
                kind="chief",
                body_=rbody,
                reporters=[(chief, None)],
                status="held",
                starts_at=dt.datetime(2025, 2, 20, 10, tzinfo=dt.UTC),
                period_year=2024,
            )
            regions.append(meeting)
    now = timezone.now()
    appeals = []
    for _ in range(n_appeals):
        body = rng.choice(bodies)
        received = dt.datetime(2024, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=rng.randrange(2 * 365 * 24 * 60))
        answered = rng.random() < 0.8
        appeals.append(
            Appeal(
                body=body,
                source="staff",
                text="Bench appeal",
                received_at=received,
                subject=rng.choice(["police", "roads", "housing", "social"]),
                status="answered" if answered else "registered",
                answered_on=(received + dt.timedelta(days=10)).date() if answered else None,
                answered_late=(rng.random() < 0.1) if answered else None,
                finished_at=received + dt.timedelta(days=10) if answered else None,
            )
        )
    Appeal.objects.bulk_create(appeals, batch_size=2000)
    meetings = []
    for body in bodies:
        officer = f.officer(body)
        for q in range(4):
            meetings.append(
                Meeting(
                    kind="inspector",
                    body=body,
                    period_year=2024,
                    period_quarter=q + 1,
                    status="held",
                    starts_at=dt.datetime(2024, 3 * q + 2, 15, 10, tzinfo=dt.UTC),
                )
            )
        del officer
    Meeting.objects.bulk_create(meetings)
    ratings = [
        Rating(
            meeting=m,
            client_key=f"k{m.pk}-{j}",
            score=rng.randint(1, 5),
            answered=rng.choice(["yes", "no", ""]),
            created_at=now,
            updated_at=now,
        )
        for m in Meeting.objects.filter(kind="inspector")
        for j in range(rng.randint(5, 40))
    ]
    Rating.objects.bulk_create(ratings, batch_size=5000)
    print(
        f"data: {Appeal.objects.count()} appeals, {Rating.objects.count()} ratings, "
        f"{len(bodies)} police bodies, built in {time.perf_counter() - t0:.1f} s"
    )
    return regions


def measure(meetings, repeat: int) -> int:
    from django.core.cache import cache
    from django.test import Client

    from esep.reports import services
    from esep.reports.models import Report
    from esep.testing.protocols import person

    actor = None
    build, cold, warm = [], [], []
    client = Client()
    for meeting in meetings:
        actor = person("staff_unit", meeting.body)
        for _ in range(repeat):
            Report.objects.filter(meeting=meeting).delete()
            t = time.perf_counter()
            report = services.report_prepare(meeting=meeting, actor=actor)
            build.append(time.perf_counter() - t)
        services.report_publish(report=report, actor=actor)
        url = f"/kk/reports/{meeting.code}/"
        for _ in range(repeat):
            cache.clear()
            t = time.perf_counter()
            response = client.get(url)
            cold.append(time.perf_counter() - t)
            assert response.status_code == 200, response.status_code
            t = time.perf_counter()
            response = client.get(url)
            warm.append(time.perf_counter() - t)
            assert response.get("X-Esep-Cache") == "hit"
    if os.environ.get("ESEP_BENCH_PROFILE"):
        import cProfile
        import pstats

        Report.objects.filter(meeting=meetings[0]).delete()
        prof = cProfile.Profile()
        prof.enable()
        services.report_prepare(meeting=meetings[0], actor=person("staff_unit", meetings[0].body))
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    b, c, w = (statistics.median(x) * 1000 for x in (build, cold, warm))
    print(f"regions: {len(meetings)}, repeats: {repeat}")
    print(f"build a chief's report (10 sections, prefilled): median {b:.1f} ms")
    print(f"render its stored page, cold (no page cache):     median {c:.1f} ms")
    print(f"render its stored page, warm (page cache):        median {w:.2f} ms")
    print(f"ratio build / cold render: {b / c:.2f}x (goal <= {GOAL:.0f}x)")
    print(f"ratio build / warm render: {b / w:.1f}x")
    return 0 if b / c <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
