"""What a PostgreSQL name search reads, chosen from the server's statistics (issue 14).

Before a keystroke's statement is written (``search_sql``), the service estimates how
many people each kind of hit holds (the statistics ANALYZE keeps of the index's most
common entries), and from those: which kinds to read first, whether a kind is scanned
(stopping at the limit) or read through the index, and which of its entries the index
reads (words and pairs of stems, ``search_pairs``) while its common words are tested on
the rows found.  The costs are in people of a posting list decoded, measured on the
bench's registry (``bench/search_bench_pg.py``).  A wrong estimate costs time, never a hit.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .search_pairs import PAIR_SEPARATOR, typed_pairs, typed_stem
from .search_sql import PG_INDEX_NAME, pg_entry

if TYPE_CHECKING:
    from .search import _Tier
    from .search_sql import _Run


# PostgreSQL's statistics of the entries (ANALYZE's most common elements of the column,
# the ones the planner reads too), with the table's size.
_ENTRY_STATISTICS = (
    "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, t.reltuples "
    "FROM pg_class AS i JOIN pg_namespace AS n ON n.oid = i.relnamespace "
    "JOIN pg_index AS x ON x.indexrelid = i.oid JOIN pg_class AS t ON t.oid = x.indrelid "
    "JOIN pg_stats AS s ON s.schemaname = n.nspname AND s.tablename = i.relname "
    f"WHERE i.oid = to_regclass('{PG_INDEX_NAME}')"
)


# A scan tests about this many beneficiaries' keys in the time the index takes to gather a
# few thousand people (bench/search_bench_pg.py, 200,000 people).
SCAN_ROWS = 1500
# A name expected to be held by more than this many times the people a keystroke shows is
# read by its best kinds first; below, one index lookup for all of them is cheaper than
# two or three (the estimate is rough near the limit: 34 expected, 19 found).
COMMON = 2
# A kind expected to hold this many times the people a keystroke asks for holds them: the
# kinds after it are left out of its statement.  The estimate takes the words as
# independent; a wrong one costs a statement more (the broad query), never a hit.
SURE = 5
# A word held by this share of the registry or more may be tested on the rows the other
# entries find rather than read through the index.  The costs of a keystroke's ways in,
# in people of a posting list decoded (about 6 ns each; bench/search_bench_pg.py, 200,000
# people): a person of the shortest list, put in the bitmap and its page read (0.18 us);
# a row a scan tests (0.39 us); a row the index found tested for a word left out (3.3
# us: a heap page of its own and the expressions).
_LONG_LIST = 0.03
_BITMAP_COST = 30
_SCAN_ROW_COST = 65
_ROW_TEST_COST = 550


class EntryFrequencies:
    """How many people a name query will find, estimated before it runs, to choose the
    order of its kinds: a rare name is read whole by its broad kind (one index lookup,
    every candidate ranked), a common one by its best kinds first, each stopping at the
    limit — the other way round, a rare three-word name would pay for three index
    lookups and a common one for a second statement.  A wrong guess costs time, never a
    hit.  Read from the server every few minutes, on the search's own connection; while
    the server has none (a new registry before autovacuum's first ANALYZE, about a minute
    after its first import), every half minute: without them a common first name is read
    through the index, 5-10 ms a keystroke.  The import does not ANALYZE the table itself:
    0.5 s more for 60,000 people (bench/sync_pg.py)."""

    TTL_SECONDS = 600.0
    RETRY_SECONDS = 30.0

    def __init__(self) -> None:
        self._freq: dict[str, float] = {}
        self._unlisted = 0.0  # an entry not among the most common: rarer than all of them
        self._rows = 0.0
        self._read_at = -math.inf
        self._terms: dict[tuple[Any, ...], tuple[list[str], list[str], float]] = {}

    def read(self, run: _Run) -> EntryFrequencies | None:
        """Itself, read afresh when old; None when the server has no statistics yet."""
        if time.monotonic() - self._read_at > (self.TTL_SECONDS if self._freq
                                               else self.RETRY_SECONDS):
            self._read(run)
        return self if self._freq else None

    def expected(self, entries: Sequence[str], *, listed: bool = False) -> float:
        """How many people hold every entry, the entries taken as independent (as the
        planner takes them); with ``listed``, none unless every entry is among the most
        common (the others' share is only known to be smaller)."""
        share = 1.0
        for entry in set(entries):  # "سعد سعد": one entry, held by the same people
            freq = self._freq.get(entry)
            if freq is None and listed:
                return 0.0
            share *= self._unlisted if freq is None else freq
        return share * self._rows

    def dense(self, kind: _Tier, better: _Tier | None, n: int) -> bool:
        """Whether ``n`` people of ``kind`` (less those of ``better``) are found sooner by a
        scan, stopping at the ``n``-th, than through the index, which reads every person
        of the shortest list it is given (often a pair of stems) and decodes the others."""
        held = self.expected(kind.entries()) - (self.expected(better.entries()) if better else 0)
        if held <= 0:
            return False
        scanned = n * self._rows / held
        return scanned <= SCAN_ROWS and scanned * _SCAN_ROW_COST < self._index_cost(kind, n)

    def _index_cost(self, kind: _Tier, n: int) -> float:
        """What reading ``n`` people of ``kind`` through the index costs, in people of a
        posting list decoded."""
        sent, _patterns, tested = self._plan(kind, n)
        lists = sorted(self._freq.get(e, self._unlisted) * self._rows for e in sent)
        return lists[0] * _BITMAP_COST + sum(lists[1:]) + tested * _ROW_TEST_COST

    def index_terms(self, kind: _Tier, n: int) -> tuple[list[str], list[str]]:
        """What an arm of ``kind`` stopping at ``n`` people reads through the index (its
        words' entries and the pairs of their stems) and the ``LIKE`` patterns it tests on
        the rows found instead of a word's entry.  GIN decodes the posting list of
        every entry it is given: a word a tenth of the registry holds costs more there
        than on the few rows the other entries' lists yield, so the common words are
        tested on the rows when the statistics say that costs less."""
        sent, patterns, _tested = self._plan(kind, n)
        return sent, patterns

    def _plan(self, kind: _Tier, n: int) -> tuple[list[str], list[str], float]:
        key = (kind.terms, n)
        found = self._terms.get(key)
        if found is None:
            if len(self._terms) > 4096:  # distinct queries since the last read
                self._terms.clear()
            found = self._terms[key] = self._new_plan(kind, n)
        return found

    def _new_plan(self, kind: _Tier, n: int) -> tuple[list[str], list[str], float]:
        """(entries sent, patterns tested, rows expected to be tested)."""
        entries = kind.entries()
        pairs = sorted(typed_pairs(kind.terms))
        every: tuple[list[str], list[str], float] = (entries + pairs, [], 0.0)
        if not self._freq:
            return every
        common = [self._freq.get(e, 0.0) >= _LONG_LIST for e in entries]
        sent = pairs + [e for e, c in zip(entries, common, strict=True) if not c]
        held = self.expected(entries)
        if not any(common) or not sent or held <= 0:
            return every
        tested = self._rows_tested(kind, common, sent, held, n)
        decoded = sum(self._freq[e] for e, c in zip(entries, common, strict=True) if c)
        if tested * _ROW_TEST_COST > decoded * self._rows:
            return every
        patterns = [p for p, c in zip(kind.patterns(), common, strict=True) if c]
        return sent, patterns, tested

    def _rows_tested(
        self, kind: _Tier, left_out: list[bool], sent: list[str], held: float, n: int
    ) -> float:
        """How many rows the index finds and the left-out words are tested on before the
        arm has ``n`` people.  When a pair sent holds each left-out word's stem, those
        rows are the kind's people and the few others whose words share the stems (the
        stem's prefix entry against the word's): at most ``n`` of the kind, whatever the
        estimate of ``held`` (the words are not independent).  Else the shortest list
        sent, of which ``held`` hold the kind."""
        paired = {stem for pair in sent if PAIR_SEPARATOR in pair
                  for stem in pair.split(PAIR_SEPARATOR)}
        share = 1.0
        for (word, prefix), out in zip(kind.terms, left_out, strict=True):
            if not out:
                continue
            stem = typed_stem(word, prefix)
            if stem is None or stem not in paired:
                shortest = min(self._freq.get(e, self._unlisted) for e in sent) * self._rows
                return n * shortest / held
            word_share = self._freq[pg_entry(word, prefix)]
            share *= max(1.0, self._freq.get(stem, self._unlisted) / word_share)
        return min(held, n) * share

    def _read(self, run: _Run) -> None:
        self._read_at = time.monotonic()
        self._terms = {}
        rows = run(_ENTRY_STATISTICS, ())
        elems, freqs, tuples = rows[0] if rows else (None, None, 0)
        if not elems or not freqs:
            self._freq = {}
            return
        # The frequencies are followed by their minimum, maximum and the null share.
        self._freq = dict(zip(elems, freqs[: len(elems)], strict=True))
        self._unlisted = min(self._freq.values()) / 2
        self._rows = float(tuples or 0)
