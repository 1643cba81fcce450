"""Finding returning beneficiaries on SQLite (FTS5) and PostgreSQL (GIN tsvector)."""

from __future__ import annotations

import contextlib
import re
import sqlite3
import time
import uuid
from collections.abc import Iterator

import pytest
from db_support import set_up
from sqlalchemy import delete, select, update

from makarem_desk.db import Database
from makarem_desk.errors import UserError
from makarem_desk.models import Beneficiary, IdentityType
from makarem_desk.search import SearchService, rebuild_index
from makarem_desk.search_query import SearchQueryError, parse_query
from makarem_desk.search_rank import rank
from makarem_desk.services.actor import SYSTEM
from makarem_desk.text import name_search_key
from makarem_desk.validation.identity import luhn_check_digit


def _id(body9: str) -> str:
    return body9 + luhn_check_digit(body9)


def add(
    db: Database,
    first: str,
    father: str = "",
    grandfather: str = "",
    family: str = "",
    *,
    identity: str | None = None,
    identity_type: IdentityType | None = None,
    phone: str | None = None,
    phone_alt: str | None = None,
    city: str | None = None,
) -> uuid.UUID:
    """A beneficiary as the registry stores one (search_key = name_search_key(...))."""
    if identity_type is None:
        identity_type = IdentityType.CITIZEN_ID if identity else IdentityType.NONE
    b = Beneficiary(
        first_name=first,
        father_name=father,
        grandfather_name=grandfather,
        family_name=family,
        identity_type=identity_type,
        identity_number=identity,
        phone=phone,
        phone_alt=phone_alt,
        city=city,
        search_key=name_search_key(first, father, grandfather, family),
    )
    with db.session() as s:
        s.add(b)
    return b.id


def names(hits: list) -> list[str]:  # type: ignore[type-arg]
    return [h.full_name for h in hits]


# -- folding: each rule with the spellings seen at a counter, in both directions ---------

FOLDING_CASES = [
    # (stored, typed, rule)
    ("مُحَمَّد", "محمد", "tashkeel in the record"),
    ("محمد", "مُحَمَّدٌ", "tashkeel in the query"),
    ("محـــمد", "محمد", "tatweel in the record"),
    ("سعد", "سعــد", "tatweel in the query"),
    ("أحمد", "احمد", "hamza above alef"),
    ("احمد", "أحمد", "alef typed with hamza"),
    ("إبراهيم", "ابراهيم", "hamza below alef"),
    ("آمنة", "امنه", "alef madda and taa marbuta"),
    ("ٱلحربي", "الحربي", "alef wasla"),
    ("فاطمة", "فاطمه", "taa marbuta typed as haa"),
    ("فاطمه", "فاطمة", "haa typed as taa marbuta"),
    ("مصطفى", "مصطفي", "alef maqsura typed as yaa"),
    ("ليلي", "ليلى", "yaa typed as alef maqsura"),
    ("مؤيد", "مويد", "hamza on waw"),
    ("عائشة", "عايشه", "hamza on yaa"),
    ("عبدالله", "عبد الله", "compound name written joined, typed apart"),
    ("عبد الله", "عبدالله", "compound name written apart, typed joined"),
    ("عبد الرحمن", "عبدالرحمن", "another compound name"),
    ("نور الدين", "نورالدين", "compound with a suffix word"),
    ("عبدالله", "عبد", "first half of a compound is a prefix of it"),
]


@pytest.mark.parametrize(("stored", "typed", "rule"), FOLDING_CASES, ids=[c[2] for c in FOLDING_CASES])
def test_name_search_folds_spelling_variants(
    any_db: Database, stored: str, typed: str, rule: str
) -> None:
    wanted = add(any_db, stored, "سالم", "ناصر", "الزهراني")
    add(any_db, "خالد", "سالم", "ناصر", "الزهراني")  # must not match
    hits = SearchService(any_db).search(SYSTEM, typed)
    assert [h.beneficiary_id for h in hits] == [wanted], rule
    assert hits[0].matched_by == "name"


def test_family_with_al_prefix_found_without_article(any_db: Database) -> None:
    a = add(any_db, "سعد", "محمد", "", "آل سعود")
    b = add(any_db, "مريم", "علي", "", "الغامدي")
    svc = SearchService(any_db)
    assert [h.beneficiary_id for h in svc.search(SYSTEM, "ال سعود")] == [a]
    assert [h.beneficiary_id for h in svc.search(SYSTEM, "سعد سعود")] == [a]
    assert [h.beneficiary_id for h in svc.search(SYSTEM, "غامدي")] == [b]


def test_words_are_prefixes_in_any_order(any_db: Database) -> None:
    wanted = add(any_db, "عبدالرحمن", "فهد", "سليمان", "القحطاني")
    add(any_db, "عبدالرحمن", "فيصل", "سليمان", "الشهري")
    svc = SearchService(any_db)
    for query in ("عبدالر القحط", "القحطاني عبد الرحمن", "قحط فه", "فهد عبدالرحمن", "سلي القح"):
        assert [h.beneficiary_id for h in svc.search(SYSTEM, query)] == [wanted], query


def test_latin_and_punctuation_in_query(any_db: Database) -> None:
    wanted = add(any_db, "ريم", "سعد", "", "الدوسري")
    svc = SearchService(any_db)
    assert [h.beneficiary_id for h in svc.search(SYSTEM, "  ريم، الدوسري!  ")] == [wanted]
    assert svc.search(SYSTEM, "ريم\u200f الدوسري")[0].beneficiary_id == wanted  # bidi mark pasted


# -- identity numbers and phones -------------------------------------------------------


def test_identity_number_in_any_digits(any_db: Database) -> None:
    number = _id("101234567")
    wanted = add(any_db, "ناصر", "علي", "", "العتيبي", identity=number)
    add(any_db, "ناصر", "علي", "", "العنزي", identity=_id("109876543"))
    svc = SearchService(any_db)
    arabic = number.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    persian = number.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    spaced = f"{number[:4]} {number[4:7]}-{number[7:]}"
    for query in (number, arabic, persian, spaced):
        hits = svc.search(SYSTEM, query)
        assert [h.beneficiary_id for h in hits] == [wanted], query
        assert hits[0].matched_by == "identity"
        assert hits[0].identity_number == number


def test_identity_prefix_and_passport(any_db: Database) -> None:
    a = add(any_db, "هند", identity=_id("234567812"), identity_type=IdentityType.IQAMA)
    b = add(any_db, "هدى", identity=_id("234567899"), identity_type=IdentityType.IQAMA)
    add(any_db, "منى", identity=_id("134567812"))
    p = add(any_db, "جون", identity="A1234567", identity_type=IdentityType.PASSPORT)
    svc = SearchService(any_db)
    assert {h.beneficiary_id for h in svc.search(SYSTEM, "2345678")} == {a, b}
    assert [h.beneficiary_id for h in svc.search(SYSTEM, "a1234567")] == [p]
    assert svc.search(SYSTEM, _id("199999999")) == []


@pytest.mark.parametrize(
    "typed",
    [
        "0551234567",
        "551234567",
        "+966551234567",
        "00966551234567",
        "966551234567",
        "055 123 4567",
        "055-123-4567",
        "+966 55 123 4567",
        "٠٥٥١٢٣٤٥٦٧",
        "۰۵۵ ۱۲۳ ۴۵۶۷",
    ],
)
def test_phone_in_every_accepted_spelling(any_db: Database, typed: str) -> None:
    wanted = add(any_db, "بندر", "سعد", "", "المطيري", phone="+966551234567")
    add(any_db, "بندر", "سعد", "", "الحربي", phone="+966551234568")
    hits = SearchService(any_db).search(SYSTEM, typed)
    assert [h.beneficiary_id for h in hits] == [wanted]
    assert hits[0].matched_by == "phone"
    assert hits[0].phone == "+966551234567"


def test_a_typed_mobile_reads_as_libphonenumber_reads_it() -> None:
    """The lookup's shortcut for a mobile typed 05…, 5…, +9665… or 009665… gives what
    libphonenumber's parse, validation and E.164 formatting give, valid or not."""
    import random

    from makarem_desk.search_query import _as_phone, _as_phone_parsed, _mobile_pattern

    assert _mobile_pattern().pattern != "(?!)"  # the metadata gave its pattern
    rng = random.Random(14)
    valid = 0
    for _ in range(1500):
        national = "5" + "".join(rng.choice("0123456789") for _ in range(8))
        for typed in ("0" + national, national, "+966" + national, "00966" + national):
            assert _as_phone(typed) == _as_phone_parsed(typed), typed
            valid += _as_phone(typed) is not None
    assert valid > 3000  # most are valid mobiles: the comparison is not only of refusals


def test_second_phone_is_searched_too(any_db: Database) -> None:
    wanted = add(any_db, "لمى", phone="+966501111111", phone_alt="+966502222222")
    assert [h.beneficiary_id for h in SearchService(any_db).search(SYSTEM, "0502222222")] == [wanted]


# -- queries that cannot be searched --------------------------------------------------


@pytest.mark.parametrize("query", ["", "   ", "\u200f", "ا", "أ", "ـ", "!", "123", "+12"])
def test_too_short_or_empty_gives_a_clear_message(db: Database, query: str) -> None:
    with pytest.raises(SearchQueryError) as info:
        SearchService(db).search(SYSTEM, query)
    err = info.value
    assert isinstance(err, UserError)
    assert err.message and err.message_ar and err.message != err.message_ar
    assert any("\u0600" <= ch <= "\u06ff" for ch in err.message_ar)


def test_parse_query_kinds() -> None:
    assert parse_query("1012345679").kind == "identity"
    assert parse_query("0501234567").kind == "phone"
    assert parse_query("10123").kind == "identity_prefix"
    assert parse_query("عبد الله").words == ("عبدالله",)


def test_unknown_name_finds_nothing(any_db: Database) -> None:
    add(any_db, "سلطان", "فهد")
    assert SearchService(any_db).search(SYSTEM, "زكريا") == []


# -- ranking and limits -------------------------------------------------------------------


def test_exact_words_rank_above_prefixes_and_results_are_limited(any_db: Database) -> None:
    rows = [
        Beneficiary(
            first_name=first,
            father_name="ماجد",
            family_name="الحربي",
            identity_type=IdentityType.NONE,
            search_key=name_search_key(first, "ماجد", "الحربي"),
        )
        for first in ["سعدون"] * 245 + ["سعدي"] * 245
    ]
    with any_db.session() as s:
        s.add_all(rows)
    # The exact matches come last in insertion (and rowid) order.
    exact = {add(any_db, "سعد", "ماجد", "", "الحربي") for _ in range(10)}
    hits = SearchService(any_db).search(SYSTEM, "سعد", limit=20)
    assert len(hits) == 20
    assert {h.beneficiary_id for h in hits[:10]} == exact
    assert all(h.full_name.startswith("سعد") for h in hits)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[10]
    assert len(SearchService(any_db).search(SYSTEM, "سعد", limit=5)) == 5


def test_a_word_the_name_does_not_hold_still_finds_the_person(any_db: Database) -> None:
    wanted = add(any_db, "فهد", "سالم", "", "الدوسري", city="الرياض")
    other = add(any_db, "فهد", "سالم", "", "الشمري", city="الرياض")
    svc = SearchService(any_db)
    # The city is not part of the name: the search falls back to all words but one.
    hits = svc.search(SYSTEM, "فهد الدوسري الرياض")
    assert [h.beneficiary_id for h in hits] == [wanted]
    assert hits[0].score < svc.search(SYSTEM, "فهد الدوسري")[0].score
    assert {h.beneficiary_id for h in svc.search(SYSTEM, "فهد سالم الرياض")} == {wanted, other}
    # A person matching every word hides the partial matches.
    assert [h.beneficiary_id for h in svc.search(SYSTEM, "فهد سالم الشمري")] == [other]


def test_name_typed_in_order_ranks_first(any_db: Database) -> None:
    other = add(any_db, "سلمان", "محمد", "", "العمري")
    first = add(any_db, "محمد", "سلمان", "", "العمري")
    hits = SearchService(any_db).search(SYSTEM, "محمد سلمان")
    assert [h.beneficiary_id for h in hits] == [first, other]


def test_rank_counts_exact_prefix_and_order() -> None:
    key = name_search_key("عبدالله", "محمد", "سعد", "القحطاني")
    r = rank(["عبد", "القحطاني"], key)
    assert (r.matched, r.exact, r.in_order) == (2, 1, 2)
    assert rank(["القحطاني", "زيد"], key).matched == 1
    assert rank(["محمد"], key).score < rank(["عبدالله"], key).score  # first name first
    # More words matched outranks exact matches.
    assert rank(["عبد", "الق"], key).score > rank(["عبدالله", "زيد"], key).score


# -- the index follows the table ------------------------------------------------------


def test_index_follows_updates_and_deletes(any_db: Database) -> None:
    kept = add(any_db, "نواف", "طلال", "", "الجهني")
    gone = add(any_db, "وليد", "طلال", "", "الجهني")
    svc = SearchService(any_db)
    with any_db.session() as s:
        b = s.get(Beneficiary, kept)
        assert b is not None
        b.family_name = "البلوي"
        b.search_key = name_search_key(b.first_name, b.father_name, b.family_name)
    with any_db.session() as s:
        s.execute(delete(Beneficiary).where(Beneficiary.id == gone))
    assert svc.search(SYSTEM, "الجهني") == []
    assert [h.beneficiary_id for h in svc.search(SYSTEM, "نواف البلوي")] == [kept]
    assert svc.search(SYSTEM, "وليد") == []
    # An edit that leaves the name alone leaves the index alone.
    with any_db.session() as s:
        b = s.get(Beneficiary, kept)
        assert b is not None
        b.city = "تبوك"
    assert [h.city for h in svc.search(SYSTEM, "البلوي")] == ["تبوك"]


def test_sqlite_index_survives_vacuum_and_rebuild(db: Database) -> None:
    ids = [add(db, f"اسم{i}", "سعد", "", "الفيفي") for i in range(30)]
    with db.session() as s:
        s.execute(delete(Beneficiary).where(Beneficiary.id.in_(ids[::2])))
    path = db.sqlite_path
    assert path is not None
    with contextlib.closing(sqlite3.connect(path)) as raw:
        raw.execute("VACUUM")
    svc = SearchService(db)
    assert {h.beneficiary_id for h in svc.search(SYSTEM, "الفيفي", limit=100)} == set(ids[1::2])
    with db.engine.connect() as conn:
        conn.exec_driver_sql("INSERT INTO beneficiary_fts(beneficiary_fts) VALUES ('delete-all')")
        conn.commit()  # a lost index
    assert svc.search(SYSTEM, "الفيفي") == []
    rebuild_index(db)
    assert {h.beneficiary_id for h in svc.search(SYSTEM, "الفيفي", limit=100)} == set(ids[1::2])
    with db.engine.connect() as conn:
        check = "INSERT INTO beneficiary_fts(beneficiary_fts, rank) VALUES ('integrity-check', 1)"
        conn.exec_driver_sql(check)


def test_postgres_query_uses_the_prefix_index(pg_db: Database) -> None:
    with pg_db.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        plan = conn.exec_driver_sql(
            "EXPLAIN SELECT id FROM beneficiary "
            "WHERE beneficiary_name_entries(search_key) @> %s",
            (["محم", "القحطاني$"],),
        ).scalars()
        assert "ix_beneficiary_name_entries" in "\n".join(plan)
        # Migration 0011: the entries are the index's own, not rows of a table of theirs.
        assert conn.exec_driver_sql(
            "SELECT to_regclass('beneficiary_name_index')").scalar_one() is None
        # Entries pend (an import merges them in bulk), in a list the session keeps to a
        # few pages, as every search scans it.
        options = conn.exec_driver_sql(
            "SELECT reloptions FROM pg_class WHERE oid = to_regclass('ix_beneficiary_name_entries')"
        ).scalar_one()
        assert options == ["fastupdate=on"]
        assert conn.exec_driver_sql("SHOW gin_pending_list_limit").scalar_one() == "64kB"
        # 0002's index is gone: nothing reads it, and every registration paid for it.
        assert conn.exec_driver_sql(
            "SELECT to_regclass('ix_beneficiary_search_tsv')"
        ).scalar_one() is None


def test_postgres_plans_each_name_search_for_its_words(pg_db: Database) -> None:
    """A generic plan (psycopg prepares after five runs) would read "محمد" through the
    index, 58,000 entries at 200k people, where a scan stops after a few dozen rows."""
    with pg_db.engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW plan_cache_mode").scalar_one() == "force_custom_plan"


def test_postgres_search_outlives_its_kept_connection(pg_db: Database) -> None:
    """Keystrokes reuse one connection (no pool pre-ping per search); when the server
    drops it (a restart, an administrator), the next search reconnects by itself."""
    wanted = add(pg_db, "نواف", "طلال", "", "الجهني")
    svc = SearchService(pg_db)
    assert [h.beneficiary_id for h in svc.search(SYSTEM, "نواف")] == [wanted]
    with svc._connection() as kept:
        pid = kept.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
    with svc._connection() as again:
        assert again.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() == pid
    with pg_db.engine.connect() as other:
        assert other.exec_driver_sql("SELECT pg_terminate_backend(%s)", (pid,)).scalar_one()
    assert [h.beneficiary_id for h in svc.search(SYSTEM, "نواف")] == [wanted]
    with svc._connection() as fresh:
        assert fresh.exec_driver_sql("SELECT pg_backend_pid()").scalar_one() != pid


def test_postgres_migration_0009_indexes_people_registered_before_it(pg_db: Database) -> None:
    """Downgraded to 0008 (the tsvector index back, the entries' table gone), a
    registration, then 0009 again: the entries are written for everyone already there."""
    from alembic import command

    from makarem_desk.migrate import alembic_config, run_upgrade

    before = add(pg_db, "هيا", "ناصر", "", "اليامي")
    cfg = alembic_config()
    with pg_db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
    with pg_db.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT to_regclass('ix_beneficiary_search_tsv') IS NOT NULL").scalar_one()
    pg_db.engine.dispose()  # connections that knew the dropped table
    during = add(pg_db, "هيفاء", "ناصر", "", "اليامي")
    run_upgrade(pg_db.engine)
    pg_db.engine.dispose()
    hits = SearchService(pg_db).search(SYSTEM, "اليامي")
    assert {h.beneficiary_id for h in hits} == {before, during}


def _entries(key: str) -> set[str]:
    """What migration 0009's entries should be for a key, worked out independently: every
    prefix of each word and of the rest after a compound prefix, and each of those whole
    with "$" — the words the SQLite index holds (migration 0008)."""
    out: set[str] = set()
    for word in key.split():
        parts = [word] + [word[len(p):] for p in ("عبد", "ابو", "ابن", "بن", "ال")
                          if word.startswith(p) and len(word) > len(p)]
        for part in parts:
            out |= {part[:n] for n in range(1, len(part) + 1)} | {part + "$"}
    return out


@pytest.mark.parametrize("key", [
    "عبدالرحمن سعد بنلادن الغامدي", "ابوبكر ابنسينا", "بن", "john_smith lee", "ا ب",
    "العبدالله نورالدين",
])
def test_postgres_entries_are_every_prefix_of_every_word_and_half(
    pg_db: Database, key: str
) -> None:
    with pg_db.engine.connect() as conn:
        got = conn.exec_driver_sql("SELECT beneficiary_name_prefixes(%s)", (key,)).scalar_one()
    assert set(got) == _entries(key)


def test_postgres_key_patterns_equal_the_index_entries(pg_db: Database) -> None:
    """Issue 14: where a statement tests a row itself (a scan stopping at the limit, a kind
    left out, a word tested on the rows) it reads the key with ``LIKE`` patterns instead
    of calling the index's function; for any key and typed word the two must agree, and
    the single ``LIKE`` a scan tries first must never turn away a key the patterns take."""
    import random

    from makarem_desk.search import _Tier
    from makarem_desk.search_sql import pg_entry

    rng = random.Random(11)
    pieces = ["عبد", "ابو", "ابن", "بن", "ال", "الله", "الرحمن", "رحمن", "محمد", "سعد",
              "لادن", "ا", "ب", "غامدي", "الغامدي", "john", "a_b", "x%y", "c.d", "(e)",
              'q"t', "b\\s", "{c,d}"]  # the patterns travel as text arrays: quoted
    keys = [" ".join("".join(rng.sample(pieces, rng.randint(1, 2)))
                     for _ in range(rng.randint(1, 4))) for _ in range(200)]
    cases = []
    for key in keys:
        for _ in range(8):
            word = rng.choice([*key.split(), *pieces])
            if rng.random() < 0.5:  # from anywhere in the word: mostly not held
                word = word[rng.randint(0, max(0, len(word) - 2)):]
            word = word[: rng.randint(1, len(word))]
            cases.append((key, word, rng.random() < 0.5))
    with pg_db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT beneficiary_name_entries(k) @> ARRAY[e], "
            "(' ' || k || ' ') LIKE ANY (pat::text[]), k LIKE lk "
            "FROM unnest(%s::text[], %s::text[], %s::text[], %s::text[]) AS t (k, e, pat, lk)",
            ([k for k, _w, _p in cases], [pg_entry(w, p) for _k, w, p in cases],
             [_Tier(((w, p),)).patterns()[0] for _k, w, p in cases],
             [_Tier(((w, p),)).likes()[0] for _k, w, p in cases]),
        ).all()
    held = {True: 0, False: 0}
    for (key, word, prefix), (holds, matches, like) in zip(cases, rows, strict=True):
        assert holds == matches, (key, word, prefix)
        assert like or not matches, (key, word, prefix)
        held[prefix] += holds
    # Both answers well represented, for prefixes and for whole words.
    assert 60 < held[True] < 500 and 20 < held[False] < 500, held


def test_search_hit_carries_the_row(any_db: Database) -> None:
    wanted = add(any_db, "غادة", "سعيد", "", "المالكي", phone="+966561234567", city="جدة")
    (hit,) = SearchService(any_db).search(SYSTEM, "غاده المالكي")
    with any_db.reader() as s:
        b = s.scalars(select(Beneficiary).where(Beneficiary.id == wanted)).one()
        assert hit.full_name == b.full_name == "غادة سعيد المالكي"
    assert (hit.phone, hit.city, hit.identity_number) == ("+966561234567", "جدة", None)


def test_compound_prefix_followed_by_another_name_part(any_db: Database) -> None:
    # "عبد سعد": the start of "عبدالله" then the father's name, not one name "عبدسعد".
    wanted = add(any_db, "عبدالله", "سعد", "فيصل", "الجهني")
    add(any_db, "عبدالله", "فهد", "فيصل", "الجهني")
    hits = SearchService(any_db).search(SYSTEM, "عبد سعد")
    assert [h.beneficiary_id for h in hits] == [wanted]


def test_adjacent_parts_rank_above_scattered_ones(any_db: Database) -> None:
    scattered = add(any_db, "عبدالله", "خالد", "سعد", "الرشيدي")
    adjacent = add(any_db, "عبدالله", "سعد", "خالد", "العتيبي")
    hits = SearchService(any_db).search(SYSTEM, "عبد الله سعد")
    assert [h.beneficiary_id for h in hits] == [adjacent, scattered]


def test_migration_indexes_people_registered_before_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.migrate import run_upgrade

    old = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    run_upgrade(old.engine, "0001")
    set_up(old)
    wanted = add(old, "هيا", "ناصر", "", "اليامي")
    assert old.current_revision() == "0001"
    old.upgrade(backup=False)
    assert [h.beneficiary_id for h in SearchService(old).search(SYSTEM, "هياء اليامي")] == [wanted]
    old.dispose()


def test_results_follow_a_phone_as_it_is_typed(any_db: Database) -> None:
    a = add(any_db, "ماجد", phone="+966551234567")
    b = add(any_db, "مشعل", phone="+966509999999", phone_alt="+966551239999")
    add(any_db, "منيرة", phone="+966561234567")
    svc = SearchService(any_db)
    assert {h.beneficiary_id for h in svc.search(SYSTEM, "0551")} == {a, b}
    assert {h.beneficiary_id for h in svc.search(SYSTEM, "٠٥٥١٢٣٤")} == {a}
    assert {h.beneficiary_id for h in svc.search(SYSTEM, "+966 55 123")} == {a, b}
    assert all(h.matched_by == "phone" for h in svc.search(SYSTEM, "55123"))
    assert parse_query("0551").kind == "phone_prefix"


@pytest.mark.parametrize(
    "query",
    ["عبدالله القحطاني", "محمد", "0551234567", "0551", "<full id>", "10123", "<file number>"],
)
def test_sqlite_never_scans_the_beneficiary_table(db: Database, query: str) -> None:
    """Every statement the service runs uses an index: the FTS5 table, the identity or
    phone btrees, or the rowid — never a scan of a million rows."""
    bid = add(db, "عبدالله", "محمد", "", "القحطاني", identity=_id("101234567"),
              phone="+966551234567")
    query = query.replace("<full id>", _id("101234567"))
    query = query.replace("<file number>", "B-" + bid.hex[:8].upper())
    svc = SearchService(db)
    svc.search(SYSTEM, "محمد")  # the first call reads the site's role once
    with selects_run(db) as seen:
        assert svc.search(SYSTEM, query)
    assert seen
    path = db.sqlite_path
    assert path is not None
    with contextlib.closing(sqlite3.connect(path)) as raw:
        for statement in seen:
            rows = raw.execute(f"EXPLAIN QUERY PLAN {statement}")
            plan = " | ".join(r[-1] for r in rows)
            assert "beneficiary" in statement, statement
            assert not re.search(r"SCAN beneficiary(?!_fts)\b", plan), (query, plan)


@contextlib.contextmanager
def selects_run(db: Database) -> Iterator[list[str]]:
    """The SELECT statements run while the block runs.  The search's hot path uses the
    driver's cursor, which SQLAlchemy's events do not see: on SQLite its own trace does,
    with the values written in (the full-text index's own reads of its tables left out);
    on PostgreSQL every statement goes through psycopg's cursor."""
    from unittest import mock

    from sqlalchemy import event

    seen: list[str] = []

    def keep(statement: str) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "(SELECT", "WITH")):
            if "'main'." not in statement:
                seen.append(statement)

    if not db.is_sqlite:
        import psycopg

        execute = psycopg.Cursor.execute

        def capture(cursor, query, *args, **kwargs):  # type: ignore[no-untyped-def]
            keep(str(query))
            return execute(cursor, query, *args, **kwargs)

        with mock.patch.object(psycopg.Cursor, "execute", capture):
            yield seen
        return

    def trace(dbapi: sqlite3.Connection, _record: object) -> None:
        dbapi.set_trace_callback(keep)

    db.dispose()  # pooled connections are made again, with the trace
    event.listen(db.engine, "connect", trace)
    try:
        yield seen
    finally:
        event.remove(db.engine, "connect", trace)
        db.dispose()


def test_a_keystroke_costs_at_most_three_statements_and_a_lookup_one(any_db: Database) -> None:
    """Issue 14: a name query reads its candidates with the shown columns (no second
    statement for them), the narrow tiers go in one statement and only when the broad
    query's candidates hold too few whole-word hits, and an identity or phone lookup is
    one statement — and the best hit still comes first when the broad query overflows."""
    fathers = ["سعد", "خالد", "فهد", "ناصر", "سلمان", "عمر"]
    families = ["القحطاني", "الشهري", "الدوسري", "الحربي", "المطيري", "الزهراني", "العنزي",
                "الشمري", "السبيعي", "الرشيدي"]
    for i in range(120):  # a common first name: more than any pool, old (100) or new (40)
        add(any_db, "محمد", fathers[i % 6], "", families[i % 10])
    wanted = add(any_db, "محمد", "عبدالعزيز", "", "العتيبي", identity=_id("101234567"),
                 phone="+966551234567")
    if not any_db.is_sqlite:
        # What the server knows of the entries, which orders a query's kinds there (see
        # test_postgres_common_name_reads_its_best_kinds_first for the other order).
        with any_db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE beneficiary")
    svc = SearchService(any_db)
    svc.search(SYSTEM, "محمد")  # the first call reads the site's role once, not counted
    overflowing = 2 if any_db.is_sqlite else 1  # PostgreSQL: the best kinds first
    with selects_run(any_db) as selects:
        for query, most, first in (
            ("محمد", 1, None),  # overflows, but the first 21 hold 20 whole-word hits
            ("محم", overflowing, None),  # overflows with prefixes only: the narrow kinds
            ("محمد العتيبي", 1, wanted),  # few enough to rank: one statement
            ("محمد عبد", 1, wanted),  # the father's compound name, half typed
            (_id("101234567"), 1, wanted),
            ("0551234567", 1, wanted),
        ):
            selects.clear()
            hits = svc.search(SYSTEM, query)
            assert hits, query
            assert 1 <= len(selects) <= most, (query, selects)
            if first is not None:
                assert hits[0].beneficiary_id == first, query
        selects.clear()
        assert len(svc.search(SYSTEM, "محم")) == 20
        assert len(selects) == overflowing  # 121 found, none by a whole word: narrow kinds


def test_a_word_the_index_cuts_in_two_is_searched_as_two(any_db: Database) -> None:
    """The SQLite index keeps no positions, so "john_smith" cannot be one phrase there; it
    goes as two words, and a query of nothing but "_" is refused as too short."""
    wanted = add(any_db, "John_Smith", "Lee")
    svc = SearchService(any_db)
    assert [h.beneficiary_id for h in svc.search(SYSTEM, "john_smi")] == [wanted]
    with pytest.raises(SearchQueryError):
        svc.search(SYSTEM, "__")


def test_the_index_holds_both_halves_of_a_compound(db: Database) -> None:
    """Migration 0008: the half of a compound typed alone is one prefix term of the index
    (no alternatives OR'ed at query time), found as a prefix and as a whole word."""
    from makarem_desk.search_sql import _fts_term

    wanted = add(db, "عبدالرحمن", "سعد", "", "بن لادن")
    assert _fts_term("الرحم", True) == '"الرحم"*'
    with db.engine.connect() as conn:
        for term in ('"الرحم"*', '"الرحمن"', '"لادن"', '"لاد"*', '"عبدالرحمن"', '"بنلا"*'):
            rowids = conn.exec_driver_sql(
                "SELECT rowid FROM beneficiary_fts WHERE beneficiary_fts MATCH ?", (term,)
            ).scalars().all()
            assert len(rowids) == 1, term
    assert [h.beneficiary_id for h in SearchService(db).search(SYSTEM, "الرحمن لادن")] == [wanted]


def test_postgres_common_name_reads_its_best_kinds_first(pg_db: Database) -> None:
    """Issue 14: on PostgreSQL a name the server's statistics call common is read by its
    best kinds first (every word whole, then all but the last whole, then every word a
    prefix), in one statement whose arms stop at the limit.  Before any statistics (or
    when the guess is wrong) the broad query comes first and the kinds follow only when it
    overflows.  Either way the best hits are shown, in the same order."""
    cold = SearchService(pg_db)
    assert cold.search(SYSTEM, "سعد") == []  # reads the statistics: none yet
    families = ["القحطاني", "الشهري", "الدوسري", "الحربي", "المطيري"]
    for i in range(60):
        add(pg_db, "محمد", "سعد", "", families[i % 5])
        add(pg_db, "محمدين", "فهد", "", families[i % 5])  # "محمد" only as a prefix
    wanted = add(pg_db, "محمد", "عبدالعزيز", "", "العتيبي")
    with pg_db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE beneficiary")
    warm = SearchService(pg_db)
    for query in ("محمد", "محمد سعد", "محمد العت", "محم"):
        with selects_run(pg_db) as selects:
            cold_hits = cold.search(SYSTEM, query)
        assert 1 <= len(selects) <= 2, query
        with selects_run(pg_db) as selects:
            warm_hits = warm.search(SYSTEM, query)
        if query != "محمد العت":  # one person: rare, whatever the statistics say
            assert len(selects) == 1 + (query == "محمد"), (query, selects)  # + statistics
        assert [h.score for h in warm_hits] == [h.score for h in cold_hits], query
        assert len(warm_hits) == (1 if query == "محمد العت" else 20), query
    # Every word whole outranks a prefix: all twenty shown are named "محمد", not "محمدين".
    assert all(h.full_name.startswith("محمد ") for h in warm.search(SYSTEM, "محمد"))
    assert [h.beneficiary_id for h in warm.search(SYSTEM, "محمد العت")] == [wanted]


def test_postgres_a_stale_guess_costs_a_statement_not_a_hit(pg_db: Database) -> None:
    """A kind the statistics say holds many times the keystroke's people is read alone;
    when it holds fewer after all (the statistics are older than the registry), the broad
    query follows and nobody who matches is missed."""
    whole = [add(pg_db, "محمد", "سعد", "", "الحربي") for _ in range(110)]
    for _ in range(40):
        add(pg_db, "محمدين", "فهد", "", "الحربي")
    with pg_db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE beneficiary")
        # Renamed after the statistics were taken: "محمد" now whole in ten names only.
        conn.execute(
            update(Beneficiary)
            .where(Beneficiary.id.in_(whole[10:]))
            .values(first_name="محمود", search_key=name_search_key("محمود", "سعد", "", "الحربي"))
        )
    svc = SearchService(pg_db)
    svc.search(SYSTEM, "سعد")  # reads the statistics
    with selects_run(pg_db) as selects:
        hits = svc.search(SYSTEM, "محمد")
    assert len(selects) == 2, selects  # the whole word alone, then the broad query
    assert len(hits) == 20
    assert {h.beneficiary_id for h in hits[:10]} == set(whole[:10])  # whole words first
    assert all(h.full_name.startswith("محمدين") for h in hits[10:])


def test_postgres_keystrokes_plan_once_and_scan_only_where_told(pg_db: Database) -> None:
    """Issue 14: the kept connection plans a statement once for any words (planning was a
    fifth of a keystroke), so the service itself chooses each arm's way in: an arm it
    calls dense is scanned over a range of row addresses (whose pages stay in the server's
    cache), any other is read through the GIN index — and no scan wakes the JIT compiler.
    Lookups by a range of numbers are planned for their own values (one plan for every
    phone prefix read every phone)."""
    from makarem_desk.search import _broad, _narrow_tiers
    from makarem_desk.search_sql import _kinds

    wanted = add(pg_db, "ريم", "سعد", "", "الدوسري", phone="+966551234567")
    svc = SearchService(pg_db)
    with svc._connection() as kept:
        assert kept.exec_driver_sql("SHOW plan_cache_mode").scalar_one() == "force_generic_plan"
        words = ("ريم",)
        (whole, _n), = _narrow_tiers(words)
        terms = svc._frequencies.index_terms

        def plan(scanned: bool) -> tuple[str, set[str]]:
            sql, params = _kinds([(whole, None, scanned), (_broad(words), whole, scanned)], 21,
                                 terms)
            rows = kept.exec_driver_sql(
                f"EXPLAIN (ANALYZE, COSTS OFF) {sql.replace('?', '%s')}", params).scalars().all()
            found = kept.exec_driver_sql(sql.replace("?", "%s"), params).scalars().all()
            return "\n".join(rows), {str(i) for i in found}

        (scanned, by_scan), (indexed, by_index) = plan(True), plan(False)
        assert "Tid Range Scan on beneficiary" in scanned, scanned
        assert "Bitmap Index Scan on ix_beneficiary_name_entries" not in scanned, scanned
        assert "Bitmap Index Scan on ix_beneficiary_name_entries" in indexed, indexed
        assert "Scan on beneficiary " not in indexed.replace("Bitmap Heap Scan on beneficiary ", "")
        assert "JIT" not in scanned + indexed
        assert by_scan == by_index == {str(wanted)}
    assert [h.beneficiary_id for h in svc.search(SYSTEM, "05512")] == [wanted]
    assert [h.beneficiary_id for h in svc.search(SYSTEM, "ريم")] == [wanted]
    prepared = svc._kept.exec_driver_sql(  # type: ignore[union-attr]
        "SELECT statement FROM pg_prepared_statements").scalars().all()
    assert any("beneficiary_name_entries" in p for p in prepared), prepared  # at first use
    pid = svc._kept.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()  # type: ignore[union-attr]
    del svc
    import gc

    gc.collect()
    with pg_db.engine.connect() as conn:  # closed with the service, not handed on
        for _ in range(50):  # the server ends the backend a moment after the close
            if not conn.exec_driver_sql(
                    "SELECT count(*) FROM pg_stat_activity WHERE pid = %s", (pid,)).scalar_one():
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the kept connection outlived its service")


def test_postgres_a_search_beside_another_plans_as_the_kept_one(pg_db: Database) -> None:
    """While one search holds the kept connection, another runs on a pooled one with the
    same planner settings (an arm written for them might otherwise call the index's
    function on row after row), for its own transaction only: the pool's connections
    keep theirs."""
    wanted = add(pg_db, "ريم", "سعد", "", "الدوسري")
    svc = SearchService(pg_db)
    assert [h.beneficiary_id for h in svc.search(SYSTEM, "ريم الدوس")] == [wanted]
    seen: list[str] = []
    with svc._kept_lock, svc._connection() as beside:  # the kept one is busy
        seen.append(beside.exec_driver_sql("SHOW enable_seqscan").scalar_one())
    with svc._kept_lock:
        assert [h.beneficiary_id for h in svc.search(SYSTEM, "ريم الدوس")] == [wanted]
    assert seen == ["off"]
    with pg_db.engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW enable_seqscan").scalar_one() == "on"
        assert conn.exec_driver_sql("SHOW plan_cache_mode").scalar_one() == "force_custom_plan"


def test_postgres_name_index_on_the_keys_and_back(pg_db: Database) -> None:
    """Migration 0011: the entries are indexed on ``beneficiary`` itself, so a deleted or
    renamed beneficiary's go with the row; a downgrade to 0010 puts back its table of
    entries, filled for everyone and kept by its triggers, and the upgrade takes it away."""
    from alembic import command

    from makarem_desk.migrate import alembic_config, run_upgrade

    ids = [add(pg_db, f"اسم{i}", "سعد", "", "الفيفي") for i in range(6)]
    svc = SearchService(pg_db)

    def found(query: str) -> set[uuid.UUID]:
        return {h.beneficiary_id for h in svc.search(SYSTEM, query, limit=50)}

    with pg_db.session() as s:
        s.execute(delete(Beneficiary).where(Beneficiary.id.in_(ids[:2])))
        s.execute(update(Beneficiary).where(Beneficiary.id == ids[2]).values(
            first_name="وعد", search_key=name_search_key("وعد", "سعد", "", "الفيفي")))
    assert found("الفيفي") == set(ids[2:])
    assert found("وعد الفيف") == {ids[2]}
    cfg = alembic_config()
    with pg_db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010")
    pg_db.engine.dispose()
    with pg_db.engine.connect() as conn:
        rows = dict(conn.exec_driver_sql(
            "SELECT beneficiary_id, prefixes FROM beneficiary_name_index").all())
        keys = dict(conn.exec_driver_sql("SELECT id, search_key FROM beneficiary").all())
    assert set(rows) == set(ids[2:])
    assert all(set(rows[i]) == _entries(keys[i]) for i in rows)
    assert _function_cost(pg_db) == 100  # PL/pgSQL's default, as 0009 left it
    with pg_db.session() as s:  # 0010's triggers again
        s.execute(delete(Beneficiary).where(Beneficiary.id == ids[3]))
    newcomer = add(pg_db, "ريما", "سعد", "", "الفيفي")
    with pg_db.engine.connect() as conn:
        assert set(conn.exec_driver_sql(
            "SELECT beneficiary_id FROM beneficiary_name_index").scalars()) == {
                ids[2], ids[4], ids[5], newcomer}
    run_upgrade(pg_db.engine)
    pg_db.engine.dispose()
    with pg_db.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT to_regclass('beneficiary_name_index')").scalar_one() is None
    svc = SearchService(pg_db)
    assert found("الفيفي") == {ids[2], ids[4], ids[5], newcomer}
    assert _function_cost(pg_db) == 500


def _function_cost(db: Database) -> float:
    with db.engine.connect() as conn:
        return float(conn.exec_driver_sql(
            "SELECT procost FROM pg_proc WHERE oid = "
            "'beneficiary_name_prefixes(text)'::regprocedure").scalar_one())
