"""One export per destination at a time, across every desk sharing the database.

Two desks on one PostgreSQL database (or two windows on one SQLite file) pressing Export
together would both take batch number N and write two different files of that name.  The
exporter therefore holds this lock from choosing the number until the batch is recorded.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text

from ..db import Database


@contextmanager
def export_lock(db: Database, destination: str) -> Iterator[None]:
    if db.is_sqlite:
        path = db.sqlite_path
        if path is None:  # an in-memory database has only this process
            yield
            return
        fd = os.open(f"{path}.export-{destination}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
            try:
                yield
            finally:
                _unlock(fd)
        finally:
            os.close(fd)
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


# A whole-file lock where each system has one: the counter PCs run Windows.
if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)  # the lock covers the file's first byte
        while True:
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # retries for ~10 s, then raises
                return
            except OSError:
                continue

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
