"""One export per destination at a time, across every desk sharing the database.

Two desks on one PostgreSQL database (or two windows on one SQLite file) pressing Export
together would both take batch number N and write two different files of that name.  The
exporter therefore holds this lock from choosing the number until the batch is recorded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock
from sqlalchemy import text

from ..db import Database


@contextmanager
def export_lock(db: Database, destination: str) -> Iterator[None]:
    if db.is_sqlite:
        path = db.sqlite_path
        if path is None:  # an in-memory database has only this process
            yield
            return
        # The system's own lock (LockFileEx on Windows, flock elsewhere): it dies with the
        # process holding it, so an exporter that was killed never blocks the next one.
        with FileLock(f"{path}.export-{destination}.lock"):
            yield
        return
    key = int.from_bytes(hashlib.sha256(f"makarem-export:{destination}".encode()).digest()[:8],
                         "big", signed=True)
    with db.engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
            conn.commit()

