"""The models and the migrations describe the same columns (issue 12 moved the value enums
to ``makarem_desk.values``; their columns must stay what the migrations made: strings of
the same length, no migration needed). Alembic's autogenerate comparison of a database
upgraded to head against the models finds no column to add, drop or retype."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from makarem_desk.migrate import run_upgrade
from makarem_desk.models import Base

# Made by migrations only, on purpose: the SQLite full-text index of names and the
# report indexes (the models do not declare them).
MIGRATION_ONLY = {"remove_table", "remove_index"}


def _flat(diffs: list[Any]) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for d in diffs:
        out += _flat(d) if isinstance(d, list) else [d]
    return out


def test_no_column_differs_between_the_models_and_the_migrations(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'head.sqlite3'}")
    try:
        run_upgrade(engine)
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diffs = _flat(compare_metadata(context, Base.metadata))
    finally:
        engine.dispose()
    assert diffs, "the comparison ran (the migration-only objects are always found)"
    assert [d for d in diffs if d[0] not in MIGRATION_ONLY] == []
