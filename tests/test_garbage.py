"""Bulk work collects garbage less often while it runs, and the collector's thresholds
are what they were once every block has ended, whatever the threads (issue 14)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from makarem_desk.garbage import YOUNG_THRESHOLD, fewer_collections


@pytest.fixture(autouse=True)
def _everyday_thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_the_young_generation_waits_longer_inside_and_as_before_after() -> None:
    with fewer_collections():
        assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_an_error_inside_puts_the_thresholds_back() -> None:
    with pytest.raises(ZeroDivisionError), fewer_collections():
        1 / 0  # noqa: B018
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_blocks_on_two_threads_restore_the_first_thresholds() -> None:
    """A leaves while B is still inside (the order a save-and-restore per block would get
    wrong: B would put back A's raised threshold for good)."""
    a_inside, b_inside, a_left = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, tuple[int, int, int]] = {}

    def a() -> None:
        with fewer_collections():
            a_inside.set()
            b_inside.wait(5)
        a_left.set()

    def b() -> None:
        a_inside.wait(5)
        with fewer_collections():
            b_inside.set()
            a_left.wait(5)
            seen["b, after a left"] = gc.get_threshold()

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen["b, after a left"] == (YOUNG_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_a_higher_threshold_or_collection_off_is_left_alone() -> None:
    gc.set_threshold(100_000, 10, 10)
    with fewer_collections():
        assert gc.get_threshold() == (100_000, 10, 10)
    gc.set_threshold(0, 10, 10)
    with fewer_collections():
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold() == (0, 10, 10)

