"""Property: any spelling of a name, as real registries hold them, finds every other."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from db_support import sqlite_database
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from makarem_desk import demo_names
from makarem_desk.db import Database
from makarem_desk.models import Beneficiary, IdentityType
from makarem_desk.search import SearchService
from makarem_desk.services.actor import SYSTEM
from makarem_desk.text import name_search_key

MARKS = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0640"]


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    d = sqlite_database(tmp_path_factory.mktemp("prop") / "p.sqlite3")
    yield d
    d.dispose()


def _name(pool: tuple[tuple[tuple[str, ...], int], ...]) -> st.SearchStrategy[tuple[str, ...]]:
    return st.sampled_from([spellings for spellings, _w in pool])


@st.composite
def decorated(draw: st.DrawFn, word: str) -> str:
    """A spelling as typed: now and then a haraka or a tatweel after a letter."""
    chars = list(word)
    for i in sorted(draw(st.sets(st.integers(0, len(word) - 1), max_size=2)), reverse=True):
        if chars[i] != " ":
            chars.insert(i + 1, draw(st.sampled_from(MARKS)))
    return "".join(chars)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=_name(demo_names.MALE_FIRST + demo_names.FEMALE_FIRST),
    father=_name(demo_names.MALE_FIRST),
    family=_name(demo_names.FAMILY),
    data=st.data(),
)
def test_every_spelling_finds_every_other(
    shared_db: Database,
    first: tuple[str, ...],
    father: tuple[str, ...],
    family: tuple[str, ...],
    data: st.DataObject,
) -> None:
    stored = [data.draw(st.sampled_from(v)) for v in (first, father, family)]
    typed = [data.draw(st.sampled_from(v).flatmap(decorated)) for v in (first, father, family)]
    b = Beneficiary(
        first_name=stored[0], father_name=stored[1], family_name=stored[2],
        identity_type=IdentityType.NONE, search_key=name_search_key(*stored),
    )
    with shared_db.session() as s:
        s.add(b)
    svc = SearchService(shared_db)
    for query in (" ".join(typed), f"{typed[0]} {typed[2]}", f"{typed[2]} {typed[0]}"):
        hits = svc.search(SYSTEM, query, limit=200)
        assert b.id in {h.beneficiary_id for h in hits}, (stored, query)
        assert hits[0].score >= next(h.score for h in hits if h.beneficiary_id == b.id)
