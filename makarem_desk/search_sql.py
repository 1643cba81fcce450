"""The statements name search sends, and how PostgreSQL's are chosen (issue 14).

``search.SearchService`` parses a query, ranks the candidates and shows them; this module
holds the SQL it runs: SQLite's FTS5 statement, PostgreSQL's statements over migration
0012's GIN index (the best kinds of hit first, or the broad query with the narrow kinds
gated behind it), the identity and phone look-ups, the settings of the connection the
keystrokes keep, and the estimate, from the server's statistics, of how many people a
name query will find and which of its entries to read through the index.  A kind of hit
is a ``search._Tier``: its words, each whole or a prefix, as FTS5 terms, PostgreSQL
entries, ``LIKE`` patterns and regular expressions.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .search_pairs import PAIR_SEPARATOR, typed_pairs, typed_stem
from .text import COMPOUND_PREFIXES

if TYPE_CHECKING:
    from .search import _Tier

    # Runs fixed SQL ("?" placeholders) with its parameters and returns the rows.
    _Run = Callable[[str, tuple[Any, ...] | None], list[Sequence[Any]]]

# The SQLite index keeps words as its tokenizer makes them ("_" is a word character to re).
_NOT_TOKEN = re.compile(r"[\W_]+")

# PostgreSQL's index as migration 0012 created it, over every prefix of every word of a
# key ("$" after a whole word) and every pair of its words' stems (search_pairs); a bulk
# load drops it and builds it once at the end.
PG_INDEX_NAME = "ix_beneficiary_name_entries"
PG_INDEX_DDL = (
    f"CREATE INDEX IF NOT EXISTS {PG_INDEX_NAME} ON beneficiary "
    "USING gin (beneficiary_name_entries(search_key)) WITH (fastupdate = on)"
)
_WHOLE = "$"  # after a whole word (or half) in the entries: never in a folded word


# The kept connection's planner: the service chooses each arm's way in from the server's
# statistics (_EntryFrequencies), so a statement's plan no longer depends on its words and
# is made once per statement and kept (a fifth of a keystroke on the server was planning).
# An arm to be scanned is written so that no index can serve it; every other read has an
# index, which the planner is told to take.
_KEPT_SETTINGS = (
    "SET plan_cache_mode = force_generic_plan",
    "SET enable_seqscan = off",
    # That setting makes a scan look costly enough to compile its expressions: 250 ms.
    "SET jit = off",
)


# The columns the result list shows, and the folded name the ranking reads.
_SHOWN = (
    "id, first_name, father_name, grandfather_name, family_name, identity_number, phone, "
    "city, birth_date, search_key"
)
_KEY_AT = 9  # search_key in a candidate row


@lru_cache(maxsize=8)
def _fts_sql(tiers: int) -> str:
    """SQLite: candidates of one or more tiers, each limited on its own, in one statement
    (PostgreSQL's are _kinds_sql and _gated_sql)."""
    # The FTS5 index is keyed on SQLite's rowid; the limit goes inside, or SQLite would
    # collect every matching rowid first.
    arm = "SELECT rowid FROM beneficiary_fts WHERE beneficiary_fts MATCH ? LIMIT ?"
    ids = " UNION ALL ".join([f"SELECT rowid FROM ({arm})"] * tiers)
    return f"SELECT {_SHOWN} FROM beneficiary WHERE rowid IN ({ids})"


# PostgreSQL's index (migration 0012), and the statements' tests of a key.
_ENTRIES = "beneficiary_name_entries(search_key)"
_HOLDS = f"{_ENTRIES} @> ?::text[]"  # through the index


def _pg_array(items: Sequence[str]) -> str:
    """A text array as PostgreSQL writes one: psycopg's dumping of a Python list cost 9 us
    of a keystroke's CPU for each (a statement sends up to a dozen); a string, 0.3 us."""
    quoted = (item.replace("\\", "\\\\").replace('"', '\\"') for item in items)
    return "{" + ",".join(f'"{q}"' for q in quoted) + "}"

if TYPE_CHECKING:
    # A kind's entries read through the index and the patterns tested on the rows it
    # finds, for an arm stopping at the given limit (_EntryFrequencies.index_terms).
    _Terms = Callable[[_Tier, int], tuple[list[str], list[str]]]


# A key holds an entry when the key, a space at each end, matches one of the entry's
# LIKE patterns (``_word_patterns``).  Not a regular expression: each keystroke's words
# are new ones, and PostgreSQL compiled each expression afresh (12 us on the server,
# several a keystroke), and tested a row in 1.05 us where these take 0.7.
_HOLDS_ON_ROW = "(' ' || search_key || ' ') LIKE ANY (?::text[])"


def _matches(words: int) -> str:
    """A key holds every entry of a kind of ``words`` words, tested on the key itself
    (``_Tier.patterns``): the index's function costs a call of PL/pgSQL a row."""
    return " AND ".join([_HOLDS_ON_ROW] * words)


def _kinds(
    arms: Sequence[tuple[_Tier, _Tier | None, bool]], n: int, terms: _Terms
) -> tuple[str, tuple[Any, ...]]:
    """PostgreSQL: the statement reading candidates of several kinds and its values; each
    arm is (the kind, the better kind whose people it leaves out, whether it is scanned)."""
    params: list[Any] = []
    shape = []
    for kind, better, scanned in arms:
        if scanned:
            params += kind.likes() + kind.patterns()
            tested = 0
        else:
            entries, patterns = terms(kind, n)
            params += [_pg_array(entries), *patterns]
            tested = len(patterns)
        params += better.patterns() if better else []
        params.append(n)
        shape.append((scanned, len(kind.terms), better is not None, tested))
    if len(arms) > 1:
        params.append(n)  # the limit of them all together
    return _kinds_sql(tuple(shape)), tuple(params)


@lru_cache(maxsize=256)
def _kinds_sql(arms: tuple[tuple[bool, int, bool, int], ...]) -> str:
    """PostgreSQL: candidates of several kinds, the best kind first, each kind but the
    first without the people of the kind before it (which it contains), all together
    limited.  The arms run in order and only while the limit is not reached, so a common
    name costs the first kind's read alone.  ``arms``: (scanned, words, leaves out a
    better kind, words tested on the rows the index finds).

    An arm held by one person in a few hundred is scanned, stopping at the limit: each
    key tested with ``LIKE`` for every word, then exactly (``_matches``).  It reads a
    range of row addresses, not the whole table: a sequential scan of a table this size
    goes through a small ring of buffers and starts where the last one stopped, so each
    keystroke read its pages afresh; the range's pages stay in the server's cache.
    Another arm is read through the index (``_HOLDS``), its commonest words perhaps
    tested on the rows it finds instead (``_EntryFrequencies.index_terms``).
    """
    parts = []
    for scanned, words, has_better, tested in arms:
        if scanned:
            tests = ["ctid >= '(0,0)'::tid", *["search_key LIKE ?"] * words, _matches(words)]
        else:
            tests = [_HOLDS, *[_HOLDS_ON_ROW] * tested]
        if has_better:
            tests.append(f"NOT ({_matches(words)})")
        parts.append(f"(SELECT {_SHOWN} FROM beneficiary WHERE {' AND '.join(tests)} LIMIT ?)")
    if len(parts) == 1:
        return parts[0][1:-1]
    return f"{' UNION ALL '.join(parts)} LIMIT ?"


def _gated(
    broad: _Tier, narrow: Sequence[_Tier], limit: int, terms: _Terms
) -> tuple[str, tuple[Any, ...]]:
    """PostgreSQL, a name few hold: the statement of ``_gated_sql`` and its values."""
    entries, patterns = terms(broad, limit + 1)
    params: list[Any] = [_pg_array(entries), *patterns, limit + 1]
    shape = [len(patterns)]
    for better, tier in zip([None, *narrow], narrow, strict=False):
        entries, patterns = terms(tier, limit)
        params += [_pg_array(entries), *patterns]
        params += better.patterns() if better else []
        params += [limit + 1, *tier.patterns(), limit, limit]
        shape += [len(tier.terms), len(patterns)]
    return _gated_sql(tuple(shape)), tuple(params)


@lru_cache(maxsize=256)
def _gated_sql(shape: tuple[int, ...]) -> str:
    """PostgreSQL, a name few hold: the broad query's candidates and, in the same
    statement, each narrow kind (every word whole, then all but the last whole, less the
    kind before it) — an arm read only when the broad query overflows and its candidates
    hold fewer than the limit of that kind, as the SQLite path decides in Python.  Its
    conditions on the candidates are evaluated once, before the arm, which is not read at
    all when they fail.  The statement is planned once (the kept connection's settings),
    so its size costs no planning per keystroke.  ``shape``: how many words the broad
    query tests on its rows, then each narrow kind's words and words tested on its rows."""
    tested, narrow = shape[0], shape[1:]
    arms = [f"SELECT {_SHOWN} FROM b"]
    for i in range(0, len(narrow), 2):
        words, tested_here = narrow[i], narrow[i + 1]
        arms.append(
            f"(SELECT {_SHOWN} FROM beneficiary WHERE {_HOLDS}"
            + f" AND {_HOLDS_ON_ROW}" * tested_here
            + (f" AND NOT ({_matches(words)})" if i else "")
            + " AND (SELECT count(*) FROM b) >= ?"
            f" AND (SELECT count(*) FROM b WHERE {_matches(words)}) < ? LIMIT ?)"
        )
    return (
        f"WITH b AS MATERIALIZED (SELECT {_SHOWN} FROM beneficiary WHERE {_HOLDS}"
        + f" AND {_HOLDS_ON_ROW}" * tested
        + " LIMIT ?) "
        + " UNION ALL ".join(arms)
    )


_BY_IDENTITY = f"SELECT {_SHOWN} FROM beneficiary WHERE identity_number = ? LIMIT ?"
_BY_PHONE = f"SELECT {_SHOWN} FROM beneficiary WHERE phone = ? OR phone_alt = ? LIMIT ?"


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
_COMMON = 2
# A kind expected to hold this many times the people a keystroke asks for holds them: the
# kinds after it are left out of its statement.  The estimate takes the words as
# independent; a wrong one costs a statement more (the broad query), never a hit.
_SURE = 5
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


class _EntryFrequencies:
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

    def read(self, run: _Run) -> _EntryFrequencies | None:
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
        words' entries and the pairs of their stems) and the regular expressions it tests
        on the rows found instead of a word's entry.  GIN decodes the posting list of
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


def _fts_term(word: str, prefix: bool) -> str:
    """One word for the SQLite index (migration 0008): the index holds both halves of a
    compound, so the word itself is the only term — no alternatives.  The index keeps no
    positions, so a word the tokenizer would cut in two ("a_b") goes as two words."""
    star = "*" if prefix else ""
    parts = [p for p in _NOT_TOKEN.split(word) if p] or [word]
    return " AND ".join(f'"{p}"{star}' for p in parts)


def pg_entry(word: str, prefix: bool) -> str:
    """One typed word as the entry of the PostgreSQL index (migrations 0009, 0012): it
    holds every prefix of each word and of a compound's second half, so a prefix is the
    word itself and a whole word is marked."""
    return word if prefix else word + _WHOLE


_LIKE_SPECIAL = re.compile(r"[\\%_]")


@lru_cache(maxsize=4096)
def _word_patterns(word: str, prefix: bool) -> tuple[str, ...]:
    """``LIKE`` patterns one of which a search key, a space at each end, matches exactly
    when the function's entries of the key hold ``pg_entry(word, prefix)``: a key word
    starting with the word (or equal to it), or made of a joining prefix and a second
    half that does (0009's function takes one half and no more)."""
    literal = _LIKE_SPECIAL.sub(r"\\\g<0>", word)
    end = "%" if prefix else " %"
    return tuple(f"% {joining}{literal}{end}" for joining in ("", *COMPOUND_PREFIXES))


@lru_cache(maxsize=4096)
def word_patterns_param(word: str, prefix: bool) -> str:
    """``_word_patterns`` as the statements' ``LIKE ANY`` takes them (a text array)."""
    return _pg_array(_word_patterns(word, prefix))
