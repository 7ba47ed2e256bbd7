"""Benchmark: evaluate thousands of described meetings and print meetings per second.

    python bench/compliance.py [--n 5000] [--seed 1]

The descriptions are generated (chiefs and inspectors, 2022-2026, across the Decree 723 / Orders 608 and 652
boundary, with random breaches and items with appeals). The baseline, measured in the same run on the same
descriptions, is the cheapest honest work on them: a JSON round trip of each description. The ratio says how
many times more the evaluation costs than that. The calendar is the built-in one (no database).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "esep.settings")

import django

django.setup()

from esep.law import calendar  # noqa: E402
from esep.law.compliance import evaluate  # noqa: E402
from esep.testing.law import clean_description  # noqa: E402


def generate(n: int, rng: random.Random) -> list[dict]:
    out = []
    start = dt.date(2022, 1, 10)
    for _ in range(n):
        kind = rng.choice(("chief", "inspector", "inspector", "inspector"))
        day = start + dt.timedelta(days=rng.randrange(4 * 365))
        if kind == "chief":
            day = dt.date(day.year, rng.randint(1, 3), rng.randint(1, 28))
        d = clean_description(kind, day.isoformat())
        if rng.random() < 0.3:
            d["announcement"]["published_at"] = (
                f"{(day - dt.timedelta(days=rng.randint(0, 9))).isoformat()}T09:00:00+05:00"
            )
        if rng.random() < 0.2:
            d["venue"]["capacity"] = rng.randint(10, 99)
        if rng.random() < 0.2:
            d["minutes"]["signatures"] = d["minutes"]["signatures"][:1]
        if rng.random() < 0.2:
            d["video"] = False
        items = []
        for _ in range(rng.randint(0, 6)):
            item = {"kind": rng.choice(("complaint", "proposal", "remark")), "in_minutes": rng.random() < 0.9}
            if rng.random() < 0.3:
                item["police_competence"] = False
                if rng.random() < 0.7:
                    fwd = day + dt.timedelta(days=rng.randint(0, 8))
                    item["forwarded_on"] = fwd.isoformat()
                    item["applicant_notified_on"] = fwd.isoformat()
            if rng.random() < 0.4:
                reg = day + dt.timedelta(days=rng.randint(0, 3))
                appeal = {"registered_on": reg.isoformat()}
                if rng.random() < 0.8:
                    appeal["answered_on"] = (reg + dt.timedelta(days=rng.randint(1, 30))).isoformat()
                item["appeal"] = appeal
            items.append(item)
        d["items"] = items
        out.append(d)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    descriptions = generate(args.n, random.Random(args.seed))
    # The built-in calendar, so the benchmark needs no database; the module functions use it too.
    calendar._current, calendar._checked_at = calendar.Calendar(), float("inf")

    t0 = time.perf_counter()
    for d in descriptions:
        json.loads(json.dumps(d))
    baseline = time.perf_counter() - t0

    evaluate(descriptions[0])  # warm the translation and rule caches
    t0 = time.perf_counter()
    findings = 0
    for d in descriptions:
        findings += len(evaluate(d))
    elapsed = time.perf_counter() - t0

    print(f"meetings: {args.n}, findings: {findings}")
    print(f"evaluate: {args.n / elapsed:,.0f} meetings/s ({elapsed * 1000 / args.n:.3f} ms each)")
    print(f"baseline (JSON round trip): {args.n / baseline:,.0f} meetings/s")
    print(f"ratio: evaluation costs {elapsed / baseline:.1f}x the baseline")


if __name__ == "__main__":
    main()
