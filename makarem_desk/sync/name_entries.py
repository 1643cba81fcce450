"""PostgreSQL's name-index entries written in bulk while a batch is merged (issue 14).

The name index (migrations 0009, 0011) holds ~30 GIN entries for each new beneficiary.  Put
one by one into the index tree they cost 0.2-0.3 ms a person: 12-18 s for the 60,000
people of a 100,000-record batch (real names, into 140,000); gathered in the index's
pending list and merged once at the end (``gin_clean_pending_list``, which sorts them and
writes each entry's posting list in one go, like an index build) 1.3-2.3 s.

So for its transaction the import lets the pending list grow (``SET LOCAL``: no catalog
change, no lock that would hold up the other counters' searches and registrations), and
merges it before the commit, so that no search scans a long pending list afterwards; a
refused batch's entries are merged too, after its transaction failed.
Only the index's owner may merge it; an import run by another role leaves the limit as
it is and the entries go in the everyday way (``db.PG_PENDING_LIST_LIMIT``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

from ..search_sql import PG_INDEX_NAME

# The pending list's limit while a batch is merged: large enough that a batch of any
# size the counters send is merged once, at the end.
BULK_PENDING_LIST_LIMIT = "1GB"

log = logging.getLogger(__name__)


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
    try:
        yield
    except BaseException:
        # A refused batch's entries stay pending after the rollback: every search would
        # scan them until a registration (whose clerk would wait seconds) or autovacuum
        # merged them.  The refused import pays for it instead, on a connection of its own
        # (this transaction has failed).
        _merge_apart(conn.engine)
        raise
    _merge(conn)
    conn.exec_driver_sql("SELECT set_config('gin_pending_list_limit', %s, true)", (everyday,))


def _merge(conn: Connection) -> None:
    conn.exec_driver_sql("SELECT gin_clean_pending_list(to_regclass(%s))", (PG_INDEX_NAME,))


def _merge_apart(engine: Engine) -> None:
    try:
        with engine.connect() as other:
            _merge(other)
            other.commit()
    except DBAPIError:
        log.warning("Could not merge the name index's pending entries", exc_info=True)


def _may_merge(conn: Connection) -> bool:
    """The index exists and this role owns it, as ``gin_clean_pending_list`` requires."""
    owner = conn.exec_driver_sql(
        "SELECT pg_has_role(relowner, 'USAGE') FROM pg_class WHERE oid = to_regclass(%s)",
        (PG_INDEX_NAME,),
    ).scalar()
    return bool(owner)
