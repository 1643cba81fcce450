"""Fewer garbage collections while bulk work allocates millions of short-lived objects
(issue 14).

CPython collects its youngest generation every 700 container allocations.  A sync import
of 100,000 records allocates a dict, ids and times per record: about 950 collections, and
every tenth one walks the records of the pages still alive, 0.45-0.5 s of the import's
2.3 s of interpreter time on PostgreSQL (measured 2026-12-01), all of it holding the
interpreter's lock against the thread that feeds COPY.  Those records hold no reference
cycles: the whole import leaves 1,000-2,000 cyclic objects.  So for the duration of the
work the youngest generation is collected every 50,000 allocations instead (a few
milliseconds each), and the thresholds are put back afterwards.

Process-wide, as the collector is: the first block entered raises the threshold and the
last one left restores it, whatever the threads.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 50_000

_lock = threading.Lock()
_inside = 0
_saved: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def fewer_collections() -> Iterator[None]:
    global _inside, _saved
    with _lock:
        if _inside == 0:
            _saved = gc.get_threshold()
            if _saved[0] and _saved[0] < YOUNG_THRESHOLD:  # 0: collection is off
                gc.set_threshold(YOUNG_THRESHOLD, *_saved[1:])
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0:
                gc.set_threshold(*_saved)
