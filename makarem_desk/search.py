"""Finding a returning beneficiary: by identity number, by phone, or by name words.

A query is read the way a receptionist types it.  Ten digits starting with 1 or 2 are an
identity number; something that parses as a Saudi phone (05…, 5…, +9665…, 009665…, with
spaces, dashes or Arabic-Indic digits) is a phone; "B-1A2B3C4D" is the file number the
registry prints and "RYD1-2026-000123" an application's reference from a receipt (both
reported as matched by identity); four digits or more are the start of a
mobile (05…) or of an identity number, so results follow the typing; a token with letters
and digits is a passport number; anything else is name words.  Identity and phone lookups,
whole or by prefix, go through their btree indexes.

Name words are folded by ``makarem_desk.text`` exactly as the stored ``search_key`` is, and
each word is a prefix, in any order.  One query to the full-text index (migration 0002:
FTS5 on SQLite, a GIN tsvector index on PostgreSQL) with every word a prefix usually finds
few enough people to rank them all in Python.  When it finds more than a pool of forty (a
common first name), narrower queries ask for the best kinds of hit first — every word
exact (anchored at the first name and not, in one statement), then only the last word
(still being typed) a prefix — each limited, so a two-letter query over a million rows
stays a few milliseconds.  Every candidate query reads the shown columns too, through a
fixed SQL string on a pooled connection: one to three statements per keystroke.  Only when nobody matches every word: the words
without compound joining ("عبد سعد" = "عبدالله سعد"), then all words but one (a city or a
misspelt word typed into the box).

Ranking: more query words matched first, then more exact word matches, then the words in
the order typed (first name first, parts adjacent), then the folded name.  A word is also
tried with the article "ال" in front, so "غامدي" finds "الغامدي", and with the compound
prefixes the stored key joins to the next word (``text.COMPOUND_PREFIXES``), so the second
half of a compound typed alone finds it: "لادن" finds "بن لادن" (key "بنلادن"), "بكر"
"أبو بكر", "الرحمن" "عبد الرحمن".  The expansion is at query time, so the stored keys and
both indexes stay as they are and no existing database needs re-indexing.

Digits are read in any form a clerk can paste: Arabic-Indic, full-width (``１０００…``,
folded by NFKC) and a spreadsheet's number cell (``1000000008.0``).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Connection, Select, select, text
from sqlalchemy.engine import Row

from .db import Database
from .errors import UserError
from .models import Application, Beneficiary
from .permissions import READS, guarded, register
from .text import COMPOUND_PREFIXES, INVISIBLE, fold_arabic, search_words, to_ascii_digits

MatchedBy = Literal["identity", "phone", "name"]

register({
    "SearchService.search": READS,
})

if TYPE_CHECKING:
    from .services.actor import Actor

    _Stmt = Select[*tuple[Any, ...]]
    _Row = Row[*tuple[Any, ...]]

MAX_LIMIT = 500
MIN_NAME_LETTERS = 2  # one letter matches a third of a registry: useless at a counter
MIN_ID_PREFIX_DIGITS = 4
_ARTICLE = "ال"
# Prefixes joined to the next word in a stored key, other than the article (tried above).
_JOINING = tuple(p for p in COMPOUND_PREFIXES if p != _ARTICLE)
# A number cell pasted from a spreadsheet: "1000000008.0", "1000000008.00".
_SPREADSHEET_NUMBER = re.compile(r"(\d+)\.0+")
_PHONE_PUNCTUATION = re.compile(r"[\s\-–—().\u00a0]")
# The person's file number the registry prints ("B-" and the first 8 hex digits of the
# id), and an application's reference from a receipt ("RYD1-2026-000123").
_FILE_NUMBER = re.compile(r"[Bb]-\s?([0-9A-Fa-f]{8})")
_APPLICATION_REFERENCE = re.compile(r"[A-Za-z][A-Za-z0-9]{1,15}-\d{4}-\d{4,}")

# PostgreSQL's index as migration 0002 created it; a bulk load drops it and builds it
# once at the end.
PG_INDEX_NAME = "ix_beneficiary_search_tsv"
PG_INDEX_DDL = (
    f"CREATE INDEX IF NOT EXISTS {PG_INDEX_NAME} ON beneficiary "
    "USING gin (to_tsvector('simple', search_key)) WITH (fastupdate = off)"
)

# The SQLite index's insert trigger as migration 0002 created it; a bulk load (demo.py)
# drops it, loads, recreates it and rebuilds the index once.
FTS_INSERT_TRIGGER = """
CREATE TRIGGER beneficiary_fts_ai AFTER INSERT ON beneficiary BEGIN
    INSERT INTO beneficiary_fts(rowid, search_key) VALUES (new.rowid, new.search_key);
END
"""


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


class SearchQueryError(UserError):
    """The query cannot be searched as typed (empty, too short); the message says why."""


@dataclass(frozen=True)
class ParsedQuery:
    kind: Literal[
        "identity", "identity_prefix", "phone", "phone_prefix", "name", "file_number",
        "application",
    ]
    value: str = ""
    words: tuple[str, ...] = ()
    # The words without joining "عبد"/"ابو"/… to the next one: "عبد سعد" may be the start
    # of "عبدالله" followed by the father's name "سعد", not one name "عبدسعد".
    split_words: tuple[str, ...] = ()


def parse_query(query: str) -> ParsedQuery:
    """What the typed query is; raises SearchQueryError when it is empty or too short."""
    cleaned = unicodedata.normalize("NFKC", query or "")  # full-width digits and letters
    cleaned = to_ascii_digits(INVISIBLE.sub("", cleaned)).strip()
    spreadsheet = _SPREADSHEET_NUMBER.fullmatch(cleaned)
    if spreadsheet:
        cleaned = spreadsheet.group(1)
    if not cleaned:
        raise SearchQueryError(
            "Type a name, an identity number or a phone number to search.",
            message_ar="اكتب اسمًا أو رقم هوية أو رقم جوال للبحث.",
        )
    file_number = _FILE_NUMBER.fullmatch(cleaned)
    if file_number:
        return ParsedQuery("file_number", file_number.group(1).lower())
    if _APPLICATION_REFERENCE.fullmatch(cleaned):
        return ParsedQuery("application", cleaned.upper())
    compact = _PHONE_PUNCTUATION.sub("", cleaned)
    if re.fullmatch(r"\+?\d+", compact):
        return _parse_digits(compact)
    if " " not in cleaned and re.fullmatch(r"[A-Za-z0-9]*\d[A-Za-z0-9]*", compact):
        return ParsedQuery("identity", compact.upper())  # a passport number
    words = tuple(search_words(cleaned))
    if sum(len(w) for w in words) < MIN_NAME_LETTERS:
        raise SearchQueryError(
            f"Type at least {MIN_NAME_LETTERS} letters of a name.",
            message_ar="اكتب حرفين على الأقل من الاسم.",
        )
    split = tuple(re.findall(r"\w+", fold_arabic(cleaned)))
    return ParsedQuery("name", words=words, split_words=split)


def _parse_digits(compact: str) -> ParsedQuery:
    digits = compact.lstrip("+")
    if len(digits) == 10 and digits[0] in "12" and not compact.startswith("+"):
        return ParsedQuery("identity", digits)
    phone = _as_phone(compact)
    if phone is not None:
        return ParsedQuery("phone", phone)
    if len(digits) >= MIN_ID_PREFIX_DIGITS:
        # Searching as the number is typed: the start of a mobile, or of an identity.
        prefix = _mobile_prefix(compact)
        if prefix is not None:
            return ParsedQuery("phone_prefix", prefix)
        if not compact.startswith("+") and len(digits) < 10:
            return ParsedQuery("identity_prefix", digits)
    raise SearchQueryError(
        f"Type at least {MIN_ID_PREFIX_DIGITS} digits of an identity number, "
        "or of a phone number.",
        message_ar="اكتب أربعة أرقام على الأقل من رقم الهوية أو رقم الجوال.",
    )


def _mobile_prefix(compact: str) -> str | None:
    """The E.164 start of a Saudi mobile being typed (05…, 5…, +9665…, 009665…, 9665…)."""
    for lead, e164 in (("+9665", "+9665"), ("009665", "+9665"), ("9665", "+9665"),
                       ("05", "+9665"), ("5", "+9665")):
        if compact.startswith(lead):
            rest = compact[len(lead):]
            if len(rest) < 8 and rest.isdigit():  # a whole number has 8 digits after the 5
                return e164 + rest
    return None


def _as_phone(raw: str) -> str | None:
    import phonenumbers

    try:
        number = phonenumbers.parse(raw, "SA")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


# -- ranking -----------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _alternatives(word: str) -> tuple[str, ...]:
    """The stored words a typed word may stand for: itself, with the article, and as the
    second half of a compound ("لادن" -> "بنلادن")."""
    if not word.isalpha() or not _is_arabic(word):
        return (word,)
    article = () if word.startswith(_ARTICLE) else (_ARTICLE + word,)
    return (word, *article, *(p + word for p in _JOINING if not word.startswith(p)))


def _is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


@dataclass(frozen=True)
class Rank:
    matched: int  # query words found in the name
    exact: int  # of them, as whole words rather than prefixes
    in_order: int  # words typed in the name's order, the first one being the first name
    missing: int = 0  # query words the name does not hold
    adjacent: int = 0  # of the in-order words, those right after the previous one

    @property
    def score(self) -> float:
        matched = (self.matched - self.missing) * 100.0 + self.exact * 10.0
        return matched + self.in_order + self.adjacent * 0.5


def rank(words: Sequence[str], search_key: str) -> Rank:
    return _rank([_alternatives(w) for w in words], search_key)


def _rank(word_alts: Sequence[tuple[str, ...]], search_key: str) -> Rank:
    # Runs for every candidate (up to a few hundred per keystroke): plain loops, and
    # str.startswith with a tuple, are several times faster than generator expressions.
    key_words = search_key.split()
    matched = exact = in_order = adjacent = 0
    previous = -1
    for alts in word_alts:
        pos = -1
        for i, k in enumerate(key_words):
            if k in alts:
                pos = i
                exact += 1
                break
        else:
            for i, k in enumerate(key_words):
                if k.startswith(alts):
                    pos = i
                    break
        if pos < 0:
            continue
        matched += 1
        if (previous == -1 and pos == 0) or (previous >= 0 and pos > previous):
            in_order += 1
            adjacent += previous >= 0 and pos == previous + 1
        previous = pos
    return Rank(matched, exact, in_order, len(word_alts) - matched, adjacent)


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
    made with the triggers off); PostgreSQL's index needs no rebuilding.  Maintenance, not
    a service entry point: nothing in the records changes."""
    if db.is_sqlite:
        with db.session() as s:
            s.execute(text("INSERT INTO beneficiary_fts(beneficiary_fts) VALUES ('rebuild')"))


class SearchService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @guarded
    def search(self, actor: Actor, query: str, limit: int = 20) -> list[SearchHit]:
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
            return [_hit(r, "identity", 1000.0) for r in rows]
        if parsed.kind == "identity_prefix":
            stmt = select(*_COLUMNS).where(
                Beneficiary.identity_number >= parsed.value,
                Beneficiary.identity_number < _next_prefix(parsed.value),
            )
            stmt = stmt.order_by(Beneficiary.identity_number).limit(limit)
            return self._fetch_exact(stmt, "identity")
        if parsed.kind == "file_number":
            # The id's first 8 hex digits: a range on the primary key.
            low = uuid.UUID(parsed.value + "0" * 24)
            high = uuid.UUID(parsed.value + "f" * 24)
            stmt = select(*_COLUMNS).where(Beneficiary.id.between(low, high))
            return self._fetch_exact(stmt.limit(limit), "identity")
        if parsed.kind == "application":
            stmt = (
                select(*_COLUMNS)
                .join(Application, Application.beneficiary_id == Beneficiary.id)
                .where(Application.reference == parsed.value)
            )
            return self._fetch_exact(stmt.limit(limit), "identity")
        if parsed.kind == "phone_prefix":
            end = _next_prefix(parsed.value)
            stmt = select(*_COLUMNS).where(
                ((Beneficiary.phone >= parsed.value) & (Beneficiary.phone < end))
                | ((Beneficiary.phone_alt >= parsed.value) & (Beneficiary.phone_alt < end))
            )
            return self._fetch_exact(stmt.order_by(Beneficiary.phone).limit(limit), "phone")
        rows = self._raw(_BY_PHONE, (parsed.value, parsed.value, limit))
        return [_hit(r, "phone", 1000.0) for r in rows]

    # -- internals -----------------------------------------------------------------------
    # The hot paths (a keystroke's name query, an identity or phone lookup) run fixed SQL
    # strings on a pooled connection: no session, no statement building or cache-key
    # hashing per call, and raw values converted only for the rows shown (issue 14).
    def _connection(self) -> Connection:
        c = self.db.engine.connect()
        # PostgreSQL: no BEGIN and ROLLBACK round trips around a read of a few statements
        # that need no common snapshot (a third off a lookup).
        return c if self.db.is_sqlite else c.execution_options(isolation_level="AUTOCOMMIT")

    def _sql(self, sql: str) -> str:
        return sql if self.db.is_sqlite else sql.replace("?", "%s")  # psycopg's style

    def _raw(self, sql: str, params: tuple[Any, ...]) -> list[_Row]:
        with self._connection() as c:
            return list(c.exec_driver_sql(self._sql(sql), params).all())

    def _fetch_exact(self, stmt: _Stmt, matched_by: MatchedBy) -> list[SearchHit]:
        with self._connection() as c:
            rows = c.execute(stmt).all()
        return [_hit(r, matched_by, 1000.0) for r in rows]

    def _by_name(
        self, words: tuple[str, ...], split_words: tuple[str, ...], limit: int
    ) -> list[SearchHit]:
        # Ranked in Python when the index finds no more than ``pool`` people; a smaller
        # pool than the old 100 halves the rows read per keystroke, and a common name goes
        # to the narrow tiers, which ask for the best-ranked kinds of hit first.
        pool = max(limit * 2, 40)
        # Each candidate query reads the shown columns too: no second statement for them.
        found: dict[Any, tuple[_Row, tuple[str, ...]]] = {}
        sqlite = self.db.is_sqlite

        with self._connection() as c:

            def collect(tiers: list[_Tier], n: int) -> int:
                params: list[Any] = []
                for tier in tiers:
                    params += [tier.fts5() if sqlite else tier.tsquery(), n]
                sql = self._sql(_match_sql(sqlite, len(tiers)))
                rows = c.exec_driver_sql(sql, tuple(params)).all()
                for row in rows:
                    found.setdefault(row[0], (row, tiers[0].words))
                return len(rows)

            # One query usually does: every word a prefix.  When it finds no more than
            # ``pool`` people, all of them are ranked in Python — exact.
            if collect([_broad(words)], pool + 1) > pool:
                # Too many to rank them all: ask for the best kinds of hit first, each
                # pair of tiers (anchored at the first name, then not) in one statement.
                best = 0
                for pair in _narrow_tiers(words):
                    tiers = [t for t in pair if sqlite or not t.in_order]
                    if not tiers:
                        continue  # no anchor at the first word in a tsquery
                    best += collect(tiers, limit)
                    if best >= limit:
                        break
            if not found:
                for tier in _fallback_tiers(words, split_words):
                    collect([tier], pool)
                    if len(found) >= limit:
                        break
        alts = {ws: [_alternatives(w) for w in ws] for ws in {u for _r, u in found.values()}}
        ranked = []
        for row, used in found.values():
            r = _rank(alts[used], row.search_key)
            if r.matched:
                ranked.append((-r.score, row.search_key, row))
        top = sorted(ranked, key=lambda t: (t[0], t[1]))[:limit]
        return [_hit(row, "name", -neg) for neg, _n, row in top]


# The columns the result list shows, and the folded name the ranking reads.
_SHOWN = (
    "id, first_name, father_name, grandfather_name, family_name, identity_number, phone, "
    "city, birth_date, search_key"
)


@lru_cache(maxsize=8)
def _match_sql(sqlite: bool, tiers: int) -> str:
    """Candidates of one or more tiers, each limited on its own, in one statement."""
    if sqlite:
        # The FTS5 index is keyed on SQLite's rowid; the limit goes inside, or SQLite
        # would collect every matching rowid first.
        arm = "SELECT rowid FROM beneficiary_fts WHERE beneficiary_fts MATCH ? LIMIT ?"
        ids = " UNION ALL ".join([f"SELECT rowid FROM ({arm})"] * tiers)
        return f"SELECT rowid, {_SHOWN} FROM beneficiary WHERE rowid IN ({ids})"
    arm = (
        f"SELECT id AS key, {_SHOWN} FROM beneficiary "
        "WHERE to_tsvector('simple', search_key) @@ to_tsquery('simple', ?) LIMIT ?"
    )
    return " UNION ALL ".join([f"({arm})"] * tiers)


_BY_IDENTITY = f"SELECT {_SHOWN} FROM beneficiary WHERE identity_number = ? LIMIT ?"
_BY_PHONE = f"SELECT {_SHOWN} FROM beneficiary WHERE phone = ? OR phone_alt = ? LIMIT ?"


@dataclass(frozen=True)
class _Tier:
    terms: tuple[tuple[str, bool], ...]  # (word, as a prefix?)
    in_order: bool = False  # the first typed word is the first name (SQLite only)
    words: tuple[str, ...] = ()  # the query words its hits are ranked against

    def fts5(self) -> str:
        terms = [_fts_term(w, p) for w, p in self.terms]
        if self.in_order:
            # "^" anchors the first typed word at the first name.
            (w, p), *_ = self.terms
            terms[0] = f'^"{w}"' + ("*" if p else "")
        return " AND ".join(terms)

    def tsquery(self) -> str:
        return " & ".join(_ts_term(w, p) for w, p in self.terms)


def _broad(words: tuple[str, ...]) -> _Tier:
    return _Tier(tuple((w, True) for w in words), words=words)


def _narrow_tiers(words: tuple[str, ...]) -> Iterable[tuple[_Tier, ...]]:
    """The best-ranked kinds of hit first: every word exact (first name first, then in any
    order), then only the last word — still being typed — a prefix."""
    n = len(words)
    exact = tuple((w, False) for w in words)
    last_open = tuple((w, i == n - 1) for i, w in enumerate(words))
    yield _Tier(exact, in_order=True, words=words), _Tier(exact, words=words)
    if n > 1:
        yield _Tier(last_open, in_order=True, words=words), _Tier(last_open, words=words)
    else:
        yield (_Tier(last_open, in_order=True, words=words),)


def _fallback_tiers(words: tuple[str, ...], split_words: tuple[str, ...]) -> Iterable[_Tier]:
    """When nobody matches every word: the words without compound joining ("عبد سعد"),
    then all words but one (a city or a misspelt word typed into the box)."""
    if split_words and split_words != words:
        yield _broad(split_words)
    n = len(words)
    for skip in range(n - 1, -1, -1) if n > 1 else ():
        rest = tuple(w for i, w in enumerate(words) if i != skip)
        yield _Tier(tuple((w, True) for w in rest), words=words)


def _fts_term(word: str, prefix: bool) -> str:
    star = "*" if prefix else ""
    alts = [f'"{a}"{star}' for a in _alternatives(word)]
    return alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")"


def _ts_term(word: str, prefix: bool) -> str:
    star = ":*" if prefix else ""
    alts = [f"'{a}'{star}" for a in _alternatives(word)]
    return alts[0] if len(alts) == 1 else "(" + " | ".join(alts) + ")"


def _next_prefix(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _full_name(row: _Row) -> str:
    parts = (row.first_name, row.father_name, row.grandfather_name, row.family_name)
    return " ".join(p for p in parts if p)


def _hit(row: _Row, matched_by: MatchedBy, score: float) -> SearchHit:
    # Raw SQL gives SQLite's stored text (the id's 32 hex digits, an ISO date); a typed
    # statement and PostgreSQL give the objects.
    bid, born = row.id, row.birth_date
    return SearchHit(
        beneficiary_id=bid if isinstance(bid, uuid.UUID) else uuid.UUID(bid),
        full_name=_full_name(row),
        identity_number=row.identity_number,
        phone=row.phone,
        city=row.city,
        birth_date=date.fromisoformat(born) if isinstance(born, str) else born,
        matched_by=matched_by,
        score=score,
    )
