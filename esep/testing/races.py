"""Races for tests on PostgreSQL: several threads (as several servers would) start the same work at once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django.db import connections


def run_at_once(fn: Callable[[], Any], n: int = 2) -> list[Any]:
    """Run ``fn`` in ``n`` threads released together by a barrier, each on its own database connection; the
    results in the order they finished. Fails the test if any thread raised."""
    barrier = threading.Barrier(n)
    results, errors = [], []

    def worker():
        try:
            barrier.wait(timeout=10)
            results.append(fn())
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    return results
