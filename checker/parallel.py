"""Extraction in parallel processes: reports in, each report's claims out, in input order.

Takes reports (or claims files, which pass through) and a number of jobs;
gives one list of claims per item, in the order of the items, identical to
what one process gives: every report is extracted on its own, so where it
is extracted cannot change its claims, and results are put back in input
order whatever order the workers finish in.

On Linux, workers are forked while this process runs a single thread: they
start at once with the lexicon already loaded, and a script that calls
``check_files(..., jobs=2)`` needs no ``if __name__ == "__main__"`` guard.
Beside other threads (a Dask client's, a server's) forking can copy a held
lock, so then, and on other systems, workers are spawned (a clean
interpreter each). Reports go out in chunks, several per worker, so that a
slow report does not leave the other cores idle and the cost of sending a
report is paid once per chunk, not per report.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import cache

from .extract import Extractor
from .lexicon import Lexicon, default_lexicon
from .models import Claim, ClaimsFile, Report

# below this many reports a pool costs more to start than it saves
MIN_PARALLEL = 16


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@cache
def _default_extractor() -> Extractor:
    return Extractor(default_lexicon())


def _extract_chunk(chunk: list[Report | ClaimsFile], lexicon: Lexicon | None) -> list[list[Claim]]:
    extractor = _default_extractor() if lexicon is None else Extractor(lexicon)
    return [list(item.claims) if isinstance(item, ClaimsFile) else extractor.extract(item) for item in chunk]


def _start_method() -> multiprocessing.context.BaseContext:
    safe_to_fork = sys.platform == "linux" and threading.active_count() == 1
    return multiprocessing.get_context("fork" if safe_to_fork else "spawn")


def extract_each(items: list[Report | ClaimsFile], lexicon: Lexicon | None = None, jobs: int = 1,
                 min_parallel: int = MIN_PARALLEL, progress: Callable[[int, int], None] | None = None,
                 ) -> list[list[Claim]]:
    """The claims of every item, in item order; in ``jobs`` processes when there are enough items.

    ``progress`` is called with (items done, items in all) as results come in.
    """
    total = len(items)
    if jobs <= 1 or total < max(min_parallel, 2):
        if progress is None:
            return _extract_chunk(items, lexicon)
        out: list[list[Claim]] = []
        for done, item in enumerate(items):
            progress(done, total)
            out.extend(_extract_chunk([item], lexicon))
        progress(total, total)
        return out
    jobs = min(jobs, total)
    size = max(1, math.ceil(total / (jobs * 4)))
    chunks = [items[i:i + size] for i in range(0, total, size)]
    with ProcessPoolExecutor(max_workers=jobs, mp_context=_start_method()) as pool:
        # map yields results in submission order: the output order does not depend on the workers
        found: list[list[Claim]] = []
        for chunk_result in pool.map(_extract_chunk, chunks, [lexicon] * len(chunks)):
            found.extend(chunk_result)
            if progress is not None:
                progress(len(found), total)
        return found


def extract_reports(reports: list[Report], jobs: int = 1, lexicon: Lexicon | None = None) -> list[Claim]:
    """All claims of the reports, flattened in report order (as ``extract_claims`` gives them)."""
    return [c for claims in extract_each(list(reports), lexicon, jobs) for c in claims]
