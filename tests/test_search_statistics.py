"""How name search keeps PostgreSQL's statistics of its index (issue 14): read every few
minutes, and every half minute while the server has none, so that a new registry's first
ANALYZE (autovacuum's, after its first import) reaches the counters soon.  Plain Python: the server is a function here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from makarem_desk import search_costs, search_sql
from makarem_desk.search_costs import EntryFrequencies

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
    monkeypatch.setattr(search_costs.time, "monotonic", lambda: now[0])
    return now


def test_statistics_are_read_again_soon_while_the_server_has_none(clock: list[float]) -> None:
    server, frequencies = Server(), EntryFrequencies()
    assert frequencies.read(server.run) is None
    clock[0] += 10
    assert frequencies.read(server.run) is None
    assert server.reads == 1  # not on every keystroke

    server.rows = STATISTICS  # the registry's first ANALYZE
    clock[0] += EntryFrequencies.RETRY_SECONDS
    found = frequencies.read(server.run)
    assert found is frequencies and server.reads == 2
    assert found.expected(["محمد$"]) == pytest.approx(60_000)


def test_statistics_once_read_are_kept_for_minutes(clock: list[float]) -> None:
    server, frequencies = Server(), EntryFrequencies()
    server.rows = STATISTICS
    assert frequencies.read(server.run) is frequencies
    clock[0] += EntryFrequencies.RETRY_SECONDS * 2
    frequencies.read(server.run)
    assert server.reads == 1
    clock[0] += EntryFrequencies.TTL_SECONDS
    frequencies.read(server.run)
    assert server.reads == 2


# A registry of 200,000 as its statistics describe it: ANALYZE's most common entries (common
# names and pairs of stems), their shares, then the least and greatest share and nulls.
REGISTRY = [(
    ["محمد$", "محم", "فيص", "القحطاني$", "عبدالله$", "فيص محم", "الل قحط", "الق", "محمود$"],
    [0.25, 0.3, 0.05, 0.06, 0.19, 0.0105, 0.012, 0.2, 0.04, 0.001, 0.3, 0.0],
    200_000.0,
)]


def _kind(*terms: tuple[str, bool]) -> Any:
    from makarem_desk.search import _Tier

    return _Tier(tuple(terms), words=tuple(w for w, _p in terms))


def test_common_words_go_to_the_rows_when_a_short_list_finds_them(clock: list[float]) -> None:
    """Issue 14: a common word's posting list is not decoded when the pair of stems is
    short and holds most of the kind's people; a rare name keeps every entry (its rows
    would be tested by the hundred)."""
    server, frequencies = Server(), EntryFrequencies()
    server.rows = REGISTRY
    frequencies.read(server.run)
    sent, tested = frequencies.index_terms(_kind(("عبدالله", False), ("القحطاني", False)), 21)
    assert sent == ["الل قحط"] and len(tested) == 2
    assert search_sql.word_patterns_param("عبدالله", False) in tested
    # "محمود" is common, but most who hold its stem "محم" hold "محمد": the rows tested
    # before 21 of the kind are found would be many, so its list is read after all.
    sent, tested = frequencies.index_terms(_kind(("سلمي", False), ("محمود", False)), 21)
    assert tested == [] and set(sent) == {"سلمي$", "محمود$", "سلم محم"}
    # A common word whose stem no pair holds ("عب" has none) is tested only when the
    # shortest list sent holds the kind often enough.
    sent, tested = frequencies.index_terms(_kind(("عبدالله", False), ("عب", True)), 21)
    assert tested == [] and set(sent) == {"عبدالله$", "عب"}
    # No statistics yet: every entry, words and pairs.
    cold = EntryFrequencies()
    assert cold.index_terms(_kind(("عبدالله", False), ("القحطاني", False)), 21) == (
        ["عبدالله$", "القحطاني$", "الل قحط"], [])


def test_a_dense_kind_is_scanned_only_when_no_short_list_reads_it(clock: list[float]) -> None:
    """A kind one person in a few hundred holds is scanned, stopping at the limit, unless
    a short list through the index costs less: "محم فيص" has the pair of its stems
    (2,100 people, read in the time a scan tests about a thousand keys)."""
    server, frequencies = Server(), EntryFrequencies()
    server.rows = REGISTRY
    frequencies.read(server.run)
    assert not frequencies.dense(_kind(("محم", True), ("فيص", True)), None, 21)
    # One common start alone: no pair, no short list; a scan finds 21 in a few hundred.
    common = _kind(("محم", True))
    assert frequencies.index_terms(common, 21) == (["محم"], [])
    assert frequencies.dense(common, None, 21)
