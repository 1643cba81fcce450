"""The statements name search sends, and how PostgreSQL's are chosen (issue 14).

``search.SearchService`` parses a query, ranks the candidates and shows them; this module
holds the SQL it runs: SQLite's FTS5 statement, PostgreSQL's statements over migration
0012's GIN index (the best kinds of hit first, or the broad query with the narrow kinds
gated behind it), the identity and phone look-ups, the settings of the connection the
keystrokes keep.  Which of a kind's entries a statement reads through the index, and
whether it scans instead, ``search_costs`` says.  A kind of hit is a ``search._Tier``:
its words, each whole or a prefix, as FTS5 terms, PostgreSQL entries and ``LIKE``
patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .pg_array import array_text
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
# Arrays go as one text each (array_text): psycopg's dumping of a Python list cost 9 us
# of a keystroke's CPU per array (a statement sends up to a dozen); a string, 0.3 us.


if TYPE_CHECKING:
    # A kind's entries read through the index and the patterns tested on the rows it
    # finds, for an arm stopping at the given limit (search_costs.EntryFrequencies).
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
            params += [array_text(entries), *patterns]
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
    tested on the rows it finds instead (``search_costs``).
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
    params: list[Any] = [array_text(entries), *patterns, limit + 1]
    shape = [len(patterns)]
    for better, tier in zip([None, *narrow], narrow, strict=False):
        entries, patterns = terms(tier, limit)
        params += [array_text(entries), *patterns]
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
    return array_text(_word_patterns(word, prefix))
