"""PostgreSQL's name-index entries written in bulk while a batch is merged (issue 14).

Migration 0009's statement trigger writes ~30 GIN entries for each new beneficiary.  Put
one by one into the index tree they cost 0.2-0.35 ms a person, a 100,000-record batch
~15 s more than its COPY; the same entries gathered in the index's pending list and
merged once at the end (``gin_clean_pending_list``, which sorts them and writes each
entry's posting list in one go, like an index build) cost a tenth of that.

So for its transaction the import lets the pending list grow (``SET LOCAL``: no catalog
change, no lock that would hold up the other counters' searches and registrations), and
merges it before the commit, so that no search scans a long pending list afterwards.
Only the index's owner may merge it; an import run by another role leaves the limit as
it is and the entries go in the everyday way (``db.PG_PENDING_LIST_LIMIT``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection

from ..search import PG_INDEX_NAME

# The pending list's limit while a batch is merged: large enough that a batch of any
# size the counters send is merged once, at the end.
BULK_PENDING_LIST_LIMIT = "1GB"


@contextmanager
def name_entries_in_bulk(conn: Connection) -> Iterator[None]:
    """Within the caller's transaction: the name-index entries of the beneficiaries the
    block writes are merged into the index once, when the block ends without error (on an
    error the transaction is rolled back and autovacuum or the next flush drops them)."""
    if conn.dialect.name != "postgresql" or not _may_merge(conn):
        yield
        return
    everyday = conn.exec_driver_sql("SELECT current_setting('gin_pending_list_limit')").scalar()
    conn.exec_driver_sql(f"SET LOCAL gin_pending_list_limit = '{BULK_PENDING_LIST_LIMIT}'")
    yield
    conn.exec_driver_sql("SELECT gin_clean_pending_list(to_regclass(%s))", (PG_INDEX_NAME,))
    conn.exec_driver_sql("SELECT set_config('gin_pending_list_limit', %s, true)", (everyday,))


def _may_merge(conn: Connection) -> bool:
    """The index exists and this role owns it, as ``gin_clean_pending_list`` requires."""
    owner = conn.exec_driver_sql(
        "SELECT pg_has_role(relowner, 'USAGE') FROM pg_class WHERE oid = to_regclass(%s)",
        (PG_INDEX_NAME,),
    ).scalar()
    return bool(owner)
