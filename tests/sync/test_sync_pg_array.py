"""The array text the import's look-ups send (issue 14): PostgreSQL reads back exactly
the elements given, whatever they hold."""

from __future__ import annotations

import pytest

from makarem_desk.db import Database
from makarem_desk.pg_array import array_text

ODD = ["", "NULL", "a,b", "{x}", 'say "hi"', "back\\slash", " space ", "عبدالله", "1000000008"]


def test_elements_come_back_as_given(pg_db: Database) -> None:
    with pg_db.engine.connect() as conn:
        got = conn.exec_driver_sql("SELECT %s::text[]", (array_text(ODD),)).scalar_one()
    assert got == ODD


@pytest.mark.parametrize("items", [[], ["one"]])
def test_empty_and_single(pg_db: Database, items: list[str]) -> None:
    with pg_db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT %s::text[]", (array_text(items),)).scalar_one() == items
