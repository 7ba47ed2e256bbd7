"""Memory and build time of the residents' place search index (esep.territory.search), in one process.

    python bench/search_index.py [--scale default --scale national] [--fresh]

For each scale, builds (or reuses) the database bench/public_pages.py uses in var/bench/ (KATO territory,
then `esep demo load --scale <scale>`), then in a fresh process: sets Django up, reads the process's
resident memory, builds the index as the first search would, and prints the entries, the trigram postings,
the Python memory the index holds (tracemalloc, after a garbage collection), the growth of the resident
(anonymous) memory, the ratio of the index to the process's memory before it, and the build time. Every web worker
keeps one index, so its size counts once per worker.

Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from public_pages import PY, ROOT, SETTINGS, URLS, _env, prepare_database

MEASURE = """
import gc, json, time, tracemalloc
import django
django.setup()
from django.db import connection
from esep.territory import search

def rss_mb():
    # Anonymous memory only: SQLite's memory-mapped database file would count in the resident size too.
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("RssAnon:")) / 1024

connection.ensure_connection()
started = time.perf_counter()
search._get_index()
built = time.perf_counter() - started
search.reset_index()
gc.collect()
before_rss = rss_mb()
tracemalloc.start()
index = search._get_index()
gc.collect()
held, _peak = tracemalloc.get_traced_memory()
tracemalloc.stop()
after_rss = rss_mb()
started = time.perf_counter()
search.search("Караганда")
first = time.perf_counter() - started
print(json.dumps({
    "entries": len(index.entries), "postings": len(index.postings),
    "positions": sum(len(p) for p in index.postings.values()),
    "index_mb": held / 2**20, "rss_before_mb": before_rss, "rss_growth_mb": after_rss - before_rss,
    "build_s": built, "search_ms": first * 1000,
}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", action="append", help="default and national unless given")
    parser.add_argument("--fresh", action="store_true", help="rebuild the benchmark databases")
    args = parser.parse_args()
    scales = args.scale or ["default", "national"]
    var = ROOT / "var" / "bench"
    var.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="esep-bench-"))
    (tmp / "esep_bench_settings.py").write_text(SETTINGS)
    (tmp / "esep_bench_urls.py").write_text(URLS)
    rows = []
    for scale in scales:
        db_file = var / f"public-{scale}.sqlite3"
        env = _env(tmp, f"sqlite:///{db_file}")
        if args.fresh and db_file.exists():
            db_file.unlink()
        if not db_file.exists():
            prepare_database(env, scale)
        out = subprocess.run([PY, "-c", MEASURE], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
        rows.append((scale, json.loads(out.stdout.strip().splitlines()[-1])))
    print()
    print(f"{'scale':<10} {'entries':>8} {'grams':>7} {'postings':>9} {'index MB':>9} {'RSS +MB':>8} "
          f"{'of process':>10} {'build s':>8} {'1st search ms':>14}")  # fmt: skip
    for scale, r in rows:
        ratio = r["index_mb"] / r["rss_before_mb"]
        print(f"{scale:<10} {r['entries']:>8} {r['postings']:>7} {r['positions']:>9} {r['index_mb']:>9.1f} "
              f"{r['rss_growth_mb']:>8.1f} {ratio:>9.2f}x {r['build_s']:>8.2f} {r['search_ms']:>14.1f}")  # fmt: skip
    print("\n'of process': the index's memory over the worker's resident memory before it was built.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
