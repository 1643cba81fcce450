"""Migration 0012's pairs of word stems (issue 14): what the index holds, what a query
sends, and that sending them, or testing a common word on the rows instead, changes no
hit."""

from __future__ import annotations

import random

import pytest
from test_search import _entries  # 0009's entries, worked out apart

from makarem_desk import search_costs
from makarem_desk.db import Database
from makarem_desk.models import Beneficiary, IdentityType
from makarem_desk.search import SearchService, _broad, _narrow_tiers
from makarem_desk.search_pairs import key_pairs, typed_pairs
from makarem_desk.search_query import parse_query
from makarem_desk.services.actor import SYSTEM
from makarem_desk.text import name_search_key

PIECES = ["عبد", "ابو", "ابن", "بن", "ال", "الله", "الرحمن", "رحمن", "محمد", "محمود", "سعد",
          "لادن", "ا", "ب", "غامدي", "الغامدي", "عبير", "john", "ab"]


def _keys(rng: random.Random, n: int) -> list[str]:
    return [" ".join("".join(rng.sample(PIECES, rng.randint(1, 3)))
                     for _ in range(rng.randint(1, 4))) for _ in range(n)]


def _held_terms(rng: random.Random, key: str) -> list[tuple[str, bool]]:
    """Typed words a key holds: prefixes (or the whole) of its words and halves."""
    held = sorted(_entries(key))
    terms = []
    for _ in range(rng.randint(1, 4)):
        entry = rng.choice(held)
        terms.append((entry[:-1], False) if entry.endswith("$") else (entry, True))
    return terms


def test_everyone_who_holds_the_typed_words_holds_their_pairs() -> None:
    """The soundness the index's use rests on: no person who holds a query's words lacks
    one of its pairs (else a pair sent through the index would lose a hit)."""
    rng = random.Random(5)
    checked = 0
    for key in _keys(rng, 600):
        for _ in range(6):
            terms = _held_terms(rng, key)
            pairs = typed_pairs(terms)
            assert pairs <= key_pairs(key), (key, terms, pairs - key_pairs(key))
            checked += bool(pairs)
    assert checked > 500  # a fair share of the queries have pairs to check


@pytest.mark.parametrize(("typed", "pairs"), [
    ("عبدالله القحطاني", {"الل قحط"}),
    ("فهد عبد", {"عبد فهد"}),  # a joining prefix of three letters is a stem
    ("فهد عب", set()),  # "عب" may be "عبير": no stem
    ("محمد محمود", set()),  # one stem, no pair
    ("الرحمن سعد", {"رحم سعد"}),
])
def test_what_a_query_sends(typed: str, pairs: set[str]) -> None:
    terms = tuple((w, True) for w in parse_query(typed).words)
    assert typed_pairs(terms) == pairs


def test_postgres_function_holds_the_prefixes_and_the_pairs(pg_db: Database) -> None:
    keys = _keys(random.Random(9), 300) + ["عبدالرحمن سعد بنلادن الغامدي", "ابوعبدالله"]
    with pg_db.engine.connect() as conn:
        got = conn.exec_driver_sql(
            "SELECT k, beneficiary_name_entries(k) FROM unnest(%s::text[]) AS k", (keys,)).all()
    for key, entries in got:
        assert set(entries) == _entries(key) | key_pairs(key), key
    assert key_pairs("ابوعبدالله محمد") == {
        "ابو عبد", "ابو الل", "الل عبد", "ابو محم", "عبد محم", "الل محم"}


def test_postgres_common_words_tested_on_rows_lose_no_hit(
    pg_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A registry where "محمد" and "عبدالله" are common: the service tests them on the
    rows the other entries find (shown by the terms it chose) and shows the same people,
    in the same order, as a service without statistics, which sends every entry; a name
    few hold is found whole.  At 3,000 people decoding a list costs too little to leave
    one out, so a row's test is made cheap here: the choice is the cost model's, the
    hits must not depend on it."""
    monkeypatch.setattr(search_costs, "_ROW_TEST_COST", 1)
    rng = random.Random(3)
    firsts = ["محمد"] * 6 + ["عبدالله"] * 4 + ["فهد", "سعد", "نورة", "ريم", "خالد", "بندر"]
    families = ["القحطاني", "الشهري", "العتيبي", "الغامدي", "الدوسري", "الحربي"]
    people = []
    for _ in range(3000):
        first, father, family = rng.choice(firsts), rng.choice(firsts), rng.choice(families)
        people.append(Beneficiary(first_name=first, father_name=father, family_name=family,
                                  identity_type=IdentityType.NONE,
                                  search_key=name_search_key(first, father, family)))
    with pg_db.session() as s:
        s.add_all(people)
    with pg_db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE beneficiary")
    cold, warm = SearchService(pg_db), SearchService(pg_db)
    warm.search(SYSTEM, "سعد")  # reads the statistics
    cold._frequencies.read = lambda run: None  # type: ignore[method-assign]
    tested = 0
    for typed in ("محمد القحطاني", "عبدالله محمد الشه", "محمد عبد", "عبدالله فهد العتي",
                  "محم القح", "فهد محمد", "ريم بندر الحربي", "محمد"):
        words = parse_query(typed).words
        kinds = [_broad(words), *(k for k, _n in _narrow_tiers(words))]
        tested += sum(bool(warm._frequencies.index_terms(k, 21)[1]) for k in kinds)
        assert [(h.beneficiary_id, h.score) for h in warm.search(SYSTEM, typed)] == [
            (h.beneficiary_id, h.score) for h in cold.search(SYSTEM, typed)], typed
        # Every one of a few hundred, both ways, matched against the SQL of 0009's entries.
        with pg_db.engine.connect() as conn:
            everyone = set(conn.exec_driver_sql(
                "SELECT id FROM beneficiary WHERE beneficiary_name_prefixes(search_key) @> %s",
                ([w for w in words],)).scalars())
        if len(everyone) <= 400:
            assert {h.beneficiary_id for h in warm.search(SYSTEM, typed, limit=500)} == everyone
    assert tested >= 4  # the common words were tested on rows, not read through the index
