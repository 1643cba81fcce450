"""How name search keeps PostgreSQL's statistics of its index (issue 14): read every few
minutes, and every half minute while the server has none, so that a new registry's first
ANALYZE (autovacuum's, after its first import) reaches the counters soon.  Plain Python: the server is a function here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from makarem_desk import search_sql
from makarem_desk.search_sql import _EntryFrequencies

STATISTICS = [(["محمد$", "احمد$"], [0.3, 0.15, 0.15, 0.3, 0.0], 200_000.0)]


class Server:
    def __init__(self) -> None:
        self.rows: list[Sequence[Any]] = []
        self.reads = 0

    def run(self, sql: str, params: tuple[Any, ...] | None) -> list[Sequence[Any]]:
        self.reads += 1
        return self.rows


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    now = [1000.0]
    monkeypatch.setattr(search_sql.time, "monotonic", lambda: now[0])
    return now


def test_statistics_are_read_again_soon_while_the_server_has_none(clock: list[float]) -> None:
    server, frequencies = Server(), _EntryFrequencies()
    assert frequencies.read(server.run) is None
    clock[0] += 10
    assert frequencies.read(server.run) is None
    assert server.reads == 1  # not on every keystroke

    server.rows = STATISTICS  # the registry's first ANALYZE
    clock[0] += _EntryFrequencies.RETRY_SECONDS
    found = frequencies.read(server.run)
    assert found is frequencies and server.reads == 2
    assert found.expected(["محمد$"]) == pytest.approx(60_000)


def test_statistics_once_read_are_kept_for_minutes(clock: list[float]) -> None:
    server, frequencies = Server(), _EntryFrequencies()
    server.rows = STATISTICS
    assert frequencies.read(server.run) is frequencies
    clock[0] += _EntryFrequencies.RETRY_SECONDS * 2
    frequencies.read(server.run)
    assert server.reads == 1
    clock[0] += _EntryFrequencies.TTL_SECONDS
    frequencies.read(server.run)
    assert server.reads == 2
