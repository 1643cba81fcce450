"""Finding a returning beneficiary: by identity number, by phone, or by name words.

What a query is, ``search_query.parse_query`` says: identity and phone lookups, whole or
by prefix, go through their btree indexes.

Name words are folded by ``makarem_desk.text`` exactly as the stored ``search_key`` is, and
each word is a prefix, in any order.  One query to the full-text index (SQLite: migration
0008's FTS5 index of every word and both halves of a compound, prefixes up to ten letters;
PostgreSQL: a GIN index of every prefix of those words as an exact entry) with every
word a prefix usually does: when it finds no more than the limit, all of them are ranked
in Python.  When it finds more (a common first name), one narrower statement asks for the
best kinds of hit — every word whole, then all but the last (still being typed) whole —
but only the kinds the first candidates hold too few of, so a common name typed whole
costs one statement.  On PostgreSQL a name the server's statistics say thousands hold goes
the other way round, in one statement: the best kinds first, each stopping at the limit
(``_kinds_sql``); there the service, not the planner, chooses each arm's way in (a scan
that stops at the limit, or the index) from those statistics, so the search's own
connection plans a statement once.  Every candidate query reads the shown columns too,
through a fixed SQL string on the driver's cursor: one statement per keystroke, rarely
two.  Only when nobody matches every word: the words
without compound joining ("عبد سعد" = "عبدالله سعد"), then all words but one (a city or a
misspelt word typed into the box).

Ranking (``search_rank``) tries each word with the article and the compound prefixes in
front, so the second half of a compound typed alone finds it ("لادن": "بن لادن").  Both
indexes hold those halves as words, so a typed word is one term: on SQLite a prefix
term, on PostgreSQL one exact entry of ``beneficiary_name_prefixes(search_key)``, the
function migration 0009 wrote, which 0012's ``beneficiary_name_entries`` extends with
pairs of word stems (``search_pairs``) and indexes on the beneficiaries themselves.  The
stored keys stay as they are.
"""

from __future__ import annotations

import enum
import math
import threading
import uuid
import weakref
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, select, text
from sqlalchemy.exc import DBAPIError

from .db import Database
from .models import Application, Beneficiary
from .permissions import READS, guarded, register
from .search_costs import COMMON, SURE, EntryFrequencies
from .search_query import SearchQueryError, parse_query
from .search_rank import Rank, alternatives, rank_alternatives
from .search_sql import (
    _BY_IDENTITY,
    _BY_PHONE,
    _KEPT_SETTINGS,
    _KEY_AT,
    _LIKE_SPECIAL,
    _fts_sql,
    _fts_term,
    _gated,
    _kinds,
    pg_entry,
    word_patterns_param,
)
from .text import COMPOUND_PREFIXES


class MatchedBy(enum.StrEnum):
    """What the typed query was taken for: Search's "Found by" column names it (each
    member has a label there, so no stored key ever reaches the screen)."""

    IDENTITY = "identity"  # an identity, iqama or passport number, or its start
    PHONE = "phone"
    NAME = "name"
    FILE_NUMBER = "file_number"  # the "B-…" number printed on the beneficiary's papers
    APPLICATION = "application"  # an application's reference


register({
    "SearchService.search": READS,
})

if TYPE_CHECKING:
    from .search_sql import _Run
    from .services.actor import Actor

    _Stmt = Select[*tuple[Any, ...]]

MAX_LIMIT = 500

# The SQLite index (migration 0008): contentless FTS5 over each word of the key and, for a
# word starting with a compound prefix, its two halves as words too ("عبدالرحمن" also as
# "عبد" and "الرحمن"), so a typed word is one prefix term whichever half it is.  The
# expansion is plain SQL, "-" splitting the word for the tokenizer.


def fts_words_sql(column: str) -> str:
    """SQL giving the text the SQLite index holds for a search key ``column``."""
    split = f"' ' || {column}"
    for prefix in COMPOUND_PREFIXES:
        split = f"replace({split}, ' {prefix}', ' {prefix}-')"
    return f"{column} || {split}"


# A bulk load (demo.py, sqlite_bulk.py) sets the insert trigger aside and fills the index
# once at the end.
# A contentless index has no 'rebuild': emptied, refilled from the table, one segment.
REBUILD_INDEX_SQL = (
    "INSERT INTO beneficiary_fts(beneficiary_fts) VALUES ('delete-all')",
    f"INSERT INTO beneficiary_fts(rowid, words) SELECT rowid, {fts_words_sql('search_key')} "
    "FROM beneficiary",
    "INSERT INTO beneficiary_fts(beneficiary_fts) VALUES ('optimize')",
)


@dataclass(frozen=True)
class SearchHit:
    beneficiary_id: uuid.UUID
    full_name: str
    identity_number: str | None
    phone: str | None
    city: str | None
    birth_date: date | None
    matched_by: MatchedBy
    score: float


# -- the service -------------------------------------------------------------------------

_COLUMNS = (
    Beneficiary.id,
    Beneficiary.first_name,
    Beneficiary.father_name,
    Beneficiary.grandfather_name,
    Beneficiary.family_name,
    Beneficiary.identity_number,
    Beneficiary.phone,
    Beneficiary.city,
    Beneficiary.birth_date,
    Beneficiary.search_key,
)


def rebuild_index(db: Database) -> None:
    """Rebuild the SQLite full-text index from the table (after a repair or a bulk load
    made with the triggers off); PostgreSQL's entries are an index of the table's own
    (migrations 0011, 0012), so there is nothing to rebuild.  Maintenance, not
    a service entry point: nothing in the records changes."""
    if db.is_sqlite:
        with db.session() as s:
            for sql in REBUILD_INDEX_SQL:
                s.execute(text(sql))


class _ConnectionLost(Exception):
    """The server dropped the kept connection under a statement run on its driver."""


class SearchService:
    def __init__(self, db: Database) -> None:
        self.db = db
        # PostgreSQL: a connection kept checked out between keystrokes (see _connection).
        self._kept: Connection | None = None
        self._kept_lock = threading.Lock()
        self._frequencies = EntryFrequencies()

    @guarded
    def search(self, actor: Actor, query: str, limit: int = 20) -> list[SearchHit]:
        try:
            return self._search(query, limit)
        except (DBAPIError, _ConnectionLost) as exc:
            if isinstance(exc, DBAPIError) and not exc.connection_invalidated:
                raise
            # The kept connection had gone (a server restart): once more on a fresh one,
            # which the pool checks before handing it out.
            return self._search(query, limit)

    def _search(self, query: str, limit: int) -> list[SearchHit]:
        if limit < 1:
            raise SearchQueryError(
                "The limit must be at least 1.",
                message_ar="يجب أن يكون الحد نتيجة واحدة على الأقل.",
            )
        limit = min(limit, MAX_LIMIT)
        parsed = parse_query(query)
        if parsed.kind == "name":
            return self._by_name(parsed.words, parsed.split_words, limit)
        if parsed.kind == "identity":
            rows = self._raw(_BY_IDENTITY, (parsed.value, limit))
            return [_hit(r, MatchedBy.IDENTITY, 1000.0) for r in rows]
        if parsed.kind == "identity_prefix":
            stmt = select(*_COLUMNS).where(
                Beneficiary.identity_number >= parsed.value,
                Beneficiary.identity_number < _next_prefix(parsed.value),
            )
            stmt = stmt.order_by(Beneficiary.identity_number).limit(limit)
            return self._fetch_exact(stmt, MatchedBy.IDENTITY)
        if parsed.kind == "file_number":
            # The id's first 8 hex digits: a range on the primary key.
            low = uuid.UUID(parsed.value + "0" * 24)
            high = uuid.UUID(parsed.value + "f" * 24)
            stmt = select(*_COLUMNS).where(Beneficiary.id.between(low, high))
            return self._fetch_exact(stmt.limit(limit), MatchedBy.FILE_NUMBER)
        if parsed.kind == "application":
            stmt = (
                select(*_COLUMNS)
                .join(Application, Application.beneficiary_id == Beneficiary.id)
                .where(Application.reference == parsed.value)
            )
            return self._fetch_exact(stmt.limit(limit), MatchedBy.APPLICATION)
        if parsed.kind == "phone_prefix":
            end = _next_prefix(parsed.value)
            stmt = select(*_COLUMNS).where(
                ((Beneficiary.phone >= parsed.value) & (Beneficiary.phone < end))
                | ((Beneficiary.phone_alt >= parsed.value) & (Beneficiary.phone_alt < end))
            )
            stmt = stmt.order_by(Beneficiary.phone).limit(limit)
            return self._fetch_exact(stmt, MatchedBy.PHONE)
        rows = self._raw(_BY_PHONE, (parsed.value, parsed.value, limit))
        return [_hit(r, MatchedBy.PHONE, 1000.0) for r in rows]

    # -- internals -----------------------------------------------------------------------
    # The hot paths (a keystroke's name query, an identity or phone lookup) run fixed SQL
    # strings on a pooled (PostgreSQL: kept) connection: no session, no statement
    # building or cache-key hashing per call, and raw values converted only for the rows
    # shown (issue 14).
    @contextmanager
    def _connection(self) -> Iterator[Connection]:
        if self.db.is_sqlite:
            with self.db.engine.connect() as c:
                yield c
            return
        # PostgreSQL: no BEGIN and ROLLBACK round trips around a read of a few statements
        # that need no common snapshot (a third off a lookup).  A connection from the pool
        # costs a round trip more, its pre-ping, as long as the search itself on a loaded
        # counter PC; so one is kept for the keystrokes and a search running beside
        # another takes its own from the pool.  A kept connection that has gone is
        # replaced (search() retries once).
        if not self._kept_lock.acquire(blocking=False):
            # The statements are written for the kept connection's planner: planned
            # otherwise, an arm might read every row through the index's function.
            with self.db.engine.connect() as c, c.begin():
                c.exec_driver_sql("; ".join(_KEPT_SETTINGS).replace("SET ", "SET LOCAL "))
                yield c
            return
        try:
            kept = self._kept
            if kept is None or kept.invalidated or kept.closed:
                kept = self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
                for setting in _KEPT_SETTINGS:
                    kept.exec_driver_sql(setting)
                # Its plans are generic anyway: each statement is prepared the first time,
                # not after psycopg's five runs of parsing and planning it afresh.
                kept.connection.driver_connection.prepare_threshold = 0  # type: ignore[union-attr]
                self._kept = kept
                # Its settings are the search's own: closed with the service, never
                # handed to another through the pool.
                weakref.finalize(self, kept.invalidate)
            yield kept
        finally:
            self._kept_lock.release()

    def _sql(self, sql: str) -> str:
        return sql if self.db.is_sqlite else sql.replace("?", "%s")  # psycopg's style

    @contextmanager
    def _reading(self) -> Iterator[_Run]:
        """A function running fixed SQL and returning its rows (sequences of the selected
        columns), on one pooled connection for the time of the block."""
        if not self.db.is_sqlite:
            # psycopg's own cursor on the kept connection: SQLAlchemy's result set-up and
            # row-by-row fetching were a third of a keystroke's Python (issue 14).
            with self._connection() as c:
                driver = c.connection.driver_connection
                cursor = driver.cursor()  # type: ignore[union-attr]
                try:
                    yield lambda sql, params: cursor.execute(
                        sql if params is None else self._sql(sql), params).fetchall()
                except DBAPIError:
                    raise
                except Exception as exc:
                    if getattr(driver, "broken", False):
                        # As SQLAlchemy does for its own statements: the pool drops it,
                        # and search() tries once more.
                        c.invalidate(exc)
                        raise _ConnectionLost from exc
                    raise
            return
        # pysqlite runs in autocommit here (db._disable_pysqlite_tx): each SELECT is its own
        # read transaction, so the DB-API cursor needs no BEGIN and ROLLBACK around it, and
        # skips SQLAlchemy's result set-up; the two were half a lookup's time.  pysqlite
        # keeps each connection's prepared statements for the next call.
        raw = self.db.engine.raw_connection()
        try:
            cursor = raw.cursor()
            yield lambda sql, params: cursor.execute(sql, params).fetchall()
        finally:
            raw.close()  # back to the pool

    def _raw(self, sql: str, params: tuple[Any, ...]) -> list[Sequence[Any]]:
        with self._reading() as run:
            return run(sql, params)

    def _fetch_exact(self, stmt: _Stmt, matched_by: MatchedBy) -> list[SearchHit]:
        if self.db.is_sqlite:
            with self._connection() as c:
                rows: Sequence[Sequence[Any]] = c.execute(stmt).all()
        else:
            # The kept connection plans a statement once for any values (_KEPT_SETTINGS);
            # a range over phones or identity numbers needs a plan for its own (one plan
            # for all read every phone: 50 ms), so its values are written into it.  They
            # are the parsed digits, hex digits and references of parse_query.
            sql = str(stmt.compile(dialect=self.db.engine.dialect,
                                   compile_kwargs={"literal_binds": True}))
            with self._reading() as run:
                rows = run(sql, None)
        return [_hit(r, matched_by, 1000.0) for r in rows]

    def _by_name(
        self, words: tuple[str, ...], split_words: tuple[str, ...], limit: int
    ) -> list[SearchHit]:
        # Ranked in Python when the index finds no more than ``limit`` people: all of them,
        # exact.  A common name goes on to the best kinds of hit (every word whole, then all
        # but the last, still being typed, whole).  Each candidate query reads the shown
        # columns too: no second statement for them.
        found: dict[Any, tuple[Rank, Sequence[Any]]] = {}
        sqlite = self.db.is_sqlite
        terms = self._frequencies.index_terms  # PostgreSQL: what goes through the index
        with self._reading() as run:

            def take(rows: Iterable[Sequence[Any]], ranked_by: tuple[str, ...]) -> int:
                alts = [alternatives(w) for w in ranked_by]
                n = 0
                for row in rows:  # the _SHOWN columns, the id first
                    n += 1
                    if row[0] not in found:
                        found[row[0]] = (rank_alternatives(alts, row[_KEY_AT]), row)
                return n

            def collect(tiers: list[_Tier], n: int) -> int:
                if not sqlite:  # one tier, scanned or through the index as the statistics say
                    (tier,) = tiers
                    arm = (tier, None, self._frequencies.dense(tier, None, n))
                    return take(run(*_kinds([arm], n, terms)), tier.words)
                params: list[Any] = []
                for tier in tiers:
                    params += [tier.fts5(), n]
                return take(run(_fts_sql(len(tiers)), tuple(params)), tiers[0].words)

            def best_kinds_first(n: int, enough: float = math.inf) -> bool:
                """PostgreSQL: the kinds of hit best first, each only while the ones before
                it hold fewer than ``n`` people, in one statement (see _kinds_sql); the
                kinds after one expected to hold ``enough`` people are left out.  Whether
                every match may not have been read: some were left out, or ``n`` came."""
                kinds = [*(tier for tier, _whole in _narrow_tiers(words)), _broad(words)]
                for i, kind in enumerate(kinds[:-1]):
                    if self._frequencies.expected(kind.entries(), listed=True) >= enough:
                        kinds = kinds[: i + 1]  # fewer arms to plan (a fifth of a keystroke)
                        break
                arms = [(kind, better, self._frequencies.dense(kind, better, n))
                        for better, kind in zip([None, *kinds], kinds, strict=False)]
                read = take(run(*_kinds(arms, n, terms)), words)
                return read < n and kinds[-1].terms != _broad(words).terms

            frequencies = None if sqlite else self._frequencies.read(run)
            if frequencies and frequencies.expected(_broad(words).entries()) > COMMON * limit:
                # Thousands match: the best kinds are enough, and each stops early; if the
                # guess was wrong, the broad query finds the rest.
                if best_kinds_first(limit + 1, enough=SURE * (limit + 1)):
                    collect([_broad(words)], limit + 1)
            elif not sqlite:
                # Few, or not known yet: the broad query, and in the same statement the
                # best kinds, read only if it overflows with too few of their kind.
                narrow = [tier for tier, _whole in _narrow_tiers(words)]
                take(run(*_gated(_broad(words), narrow, limit, terms)), words)
            elif collect([_broad(words)], limit + 1) > limit:
                # Too many to rank them all: the best kinds of hit too, but only the kinds
                # the candidates so far hold too few of.
                ranks = [r for r, _row in found.values()]
                narrow = [tier for tier, whole in _narrow_tiers(words)
                          if sum(r.exact >= whole for r in ranks) < limit]
                if narrow:
                    collect(narrow, limit)
            if not found:
                for tier in _fallback_tiers(words, split_words):
                    collect([tier], limit)
                    if len(found) >= limit:
                        break
        ranked = [(-r.score, row[_KEY_AT], row) for r, row in found.values() if r.matched]
        top = sorted(ranked, key=lambda t: (t[0], t[1]))[:limit]
        return [_hit(row, MatchedBy.NAME, -neg) for neg, _n, row in top]


@dataclass(frozen=True)
class _Tier:
    terms: tuple[tuple[str, bool], ...]  # (word, as a prefix?)
    words: tuple[str, ...] = ()  # the query words its hits are ranked against

    def fts5(self) -> str:
        return " AND ".join(_fts_term(w, p) for w, p in self.terms)

    def entries(self) -> list[str]:
        """The PostgreSQL entries every hit holds (migration 0009's function)."""
        return [pg_entry(w, p) for w, p in self.terms]

    def likes(self) -> list[str]:
        """``LIKE`` patterns every hit's key matches: each word somewhere in it."""
        return ["%" + _LIKE_SPECIAL.sub(r"\\\g<0>", w) + "%" for w, _p in self.terms]

    def patterns(self) -> list[str]:
        """For each entry, the ``LIKE`` patterns a key (a space at each end) matches one
        of exactly when it holds the entry, as a text array."""
        return [word_patterns_param(w, p) for w, p in self.terms]


def _broad(words: tuple[str, ...]) -> _Tier:
    return _Tier(tuple((w, True) for w in words), words=words)


def _narrow_tiers(words: tuple[str, ...]) -> Iterable[tuple[_Tier, int]]:
    """The best-ranked kinds of hit first, each with how many words it wants whole: every
    word, then all but the last — still being typed — which stays a prefix.  Ranking in
    Python puts the first name first."""
    n = len(words)
    yield _Tier(tuple((w, False) for w in words), words=words), n
    if n > 1:
        yield _Tier(tuple((w, i == n - 1) for i, w in enumerate(words)), words=words), n - 1


def _fallback_tiers(words: tuple[str, ...], split_words: tuple[str, ...]) -> Iterable[_Tier]:
    """When nobody matches every word: the words without compound joining ("عبد سعد"),
    then all words but one (a city or a misspelt word typed into the box)."""
    if split_words and split_words != words:
        yield _broad(split_words)
    n = len(words)
    for skip in range(n - 1, -1, -1) if n > 1 else ():
        rest = tuple(w for i, w in enumerate(words) if i != skip)
        yield _Tier(tuple((w, True) for w in rest), words=words)


def _next_prefix(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _hit(row: Sequence[Any], matched_by: MatchedBy, score: float) -> SearchHit:
    """A hit from the ``_SHOWN`` columns, in their order."""
    # Raw SQL gives SQLite's stored text (the id's 32 hex digits, an ISO date); a typed
    # statement and PostgreSQL give the objects.
    bid, first, father, grandfather, family, identity, phone, city, born, _key = row
    return SearchHit(
        beneficiary_id=bid if isinstance(bid, uuid.UUID) else uuid.UUID(bid),
        full_name=" ".join(filter(None, (first, father, grandfather, family))),
        identity_number=identity,
        phone=phone,
        city=city,
        birth_date=date.fromisoformat(born) if isinstance(born, str) else born,
        matched_by=matched_by,
        score=score,
    )
