"""name index on PostgreSQL: a GIN index over the beneficiaries' own keys (issue 14)

Revisions 0009 and 0010 kept every beneficiary's name entries (every prefix of each word
and of a compound's second half, whole words marked "$") as an array in a table of its
own, ``beneficiary_name_index``, written by statement triggers and indexed with GIN.  The
index now covers ``beneficiary_name_prefixes(search_key)`` on ``beneficiary`` itself, the
same entries computed by the same function (IMMUTABLE, so PostgreSQL may index it):

- A keystroke's statement reads the people it shows straight from the index's bitmap:
  no second table to fetch and join.  Measured at 200,000 people (this machine, server
  time per keystroke, 300 names): p50 0.46-0.51 -> 0.31-0.32 ms, p95 0.98-1.12 ->
  0.92-0.95 ms.  The pages a search touches (beneficiary 54 MB, the index 14 MB) fit
  the server's default cache; with the table of entries (95 MB more) they did not, and a
  keystroke's first run read a fifth of its pages from the operating system.
- An import writes no rows of entries: only the index entries, which a sync import
  gathers in the index's pending list and merges once (``sync/name_entries.py``).
- A deleted or renamed beneficiary's entries go with the row, as for any index.

The statistics of the entries (``pg_stats`` under the index's name, which name search's
frequencies read) are those ANALYZE gathers for an index expression.  Where a statement
needs to test entries on a row rather than through the index (a scan stopping at the
limit, a kind left out), it tests the key itself with regular expressions equal to the
entries (``search._word_pattern``), not the function (a call of PL/pgSQL a row).

The function of 0009 stays as it was.  Downgrading runs 0009's and 0010's own statements
again (read from their files): the table and its triggers back, filled from the keys.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

INDEX = "ix_beneficiary_name_prefixes"

PG_UP = [
    "DROP TRIGGER IF EXISTS beneficiary_name_index_ai ON beneficiary",
    "DROP TRIGGER IF EXISTS beneficiary_name_index_au ON beneficiary",
    "DROP TRIGGER IF EXISTS beneficiary_name_index_ad ON beneficiary",
    "DROP TABLE IF EXISTS beneficiary_name_index",  # and 0009's index on it
    "DROP FUNCTION IF EXISTS beneficiary_name_index_insert()",
    "DROP FUNCTION IF EXISTS beneficiary_name_index_update()",
    "DROP FUNCTION IF EXISTS beneficiary_name_index_delete()",
    # What a call costs the server: 8.4 us for a key's ~33 entries (200,000 keys in 1.7 s),
    # ~500 times the planner's cpu_operator_cost, where PL/pgSQL's default says 100: a plan
    # that would call it on row after row (a statement other than the search's own, whose
    # scans test the key instead) is weighed at its price.
    "ALTER FUNCTION beneficiary_name_prefixes(text) COST 500",
    # fastupdate on, as 0009's: a sync import gathers its entries in the pending list and
    # merges them once; the counters' everyday limit is the session's
    # (db.PG_PENDING_LIST_LIMIT).
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON beneficiary "
    "USING gin (beneficiary_name_prefixes(search_key)) WITH (fastupdate = on)",
    # Name search orders a keystroke's statements by these statistics.
    "ANALYZE beneficiary",
]


def _revision(filename: str) -> ModuleType:
    """An earlier revision's module, read from its file beside this one (a revision's file
    name is no module name)."""
    path = Path(__file__).with_name(filename)
    spec = importlib.util.spec_from_file_location(f"makarem_revision_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pg_down() -> list[str]:
    """0009's table and triggers with 0010's delete trigger, as those revisions made them
    (0009's function redefined as it was, with PL/pgSQL's default cost)."""
    return [
        f"DROP INDEX IF EXISTS {INDEX}",
        *_revision("0009_name_prefix_entries.py").PG_UP,
        *_revision("0010_name_index_without_fk.py").PG_UP,
    ]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for stmt in PG_UP:
            op.execute(stmt)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for stmt in _pg_down():
            op.execute(stmt)
