"""Work spread over forked worker processes, one per processor.

The workers are forked after the work is prepared: they inherit the function
and its items (acts, templates, documents) and receive only indexes, so nothing
is pickled on the way in; results (bytes, numbers) come back pickled, in order.
Where fork is missing, or the process runs threads (a fork would copy their
locks in whatever state they are), the work runs here, one item after the other.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator

_WORK: tuple[Callable, list] | None = None  # what the forked workers inherit


def workers_for(count: int, at_least: int) -> int:
    """How many processes `count` items deserve (1: do it here)."""
    if (count < at_least or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()):
        return 1
    return max(1, min(os.cpu_count() or 1, 8, count))


def fork_map(function: Callable, items: list, at_least: int, chunk: int = 1) -> Iterator:
    """function(item) for each item, in order."""
    workers = workers_for(len(items), at_least)
    if workers < 2:
        yield from map(function, items)
        return
    global _WORK
    _WORK = (function, items)
    try:
        bounds = [(start, min(start + chunk, len(items))) for start in range(0, len(items), chunk)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for results in pool.imap(_run, bounds):
                yield from results
    finally:
        _WORK = None


def _run(bounds: tuple[int, int]) -> list:
    function, items = _WORK
    return [function(item) for item in items[bounds[0]:bounds[1]]]
