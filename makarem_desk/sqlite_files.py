"""SQLite database files handled as files: consistent copies, checks, durable renames.

Plain ``sqlite3`` and ``os`` only (no SQLAlchemy, no Qt), so that it works on a database
the application can no longer open, and on Windows as on Linux.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)
SQLITE_MAGIC = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm", "-journal")
COPY_CHUNK = 1 << 20
# What a file system answers when it cannot sync a folder (not a failure of the data).
_NO_DIR_SYNC = frozenset({errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF})
# The tables every Makarem Desk schema has had since its first revision; a file without
# them is not a Makarem Desk database, whatever its alembic_version says.
CORE_TABLES = frozenset({
    "alembic_version", "site", "user_account", "audit_event", "beneficiary", "program",
    "application", "contact", "declaration", "referral", "satisfaction_response",
    "change_counter", "sync_batch",
})


class FileProblem(Exception):
    """Why a file cannot be used as a Makarem Desk database (worded for the user)."""


@dataclass(frozen=True)
class FileFacts:
    """What a checked database file holds."""

    revision: str
    site_id: str | None  # the installation it belongs to (None: never set up)
    site_role: str | None
    tables: frozenset[str]


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable, where the system can.  Windows cannot open a
    folder (NTFS journals renames itself); some shares and USB file systems refuse to sync
    one, and there, as SQLite does, the rename is left to the file system."""
    if os.name == "nt":
        return
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        log.debug("cannot open folder %s to sync it: %s", path, exc)
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _NO_DIR_SYNC:
            raise
    finally:
        os.close(fd)


def read_only_uri(path: Path) -> str:
    # immutable: no locks and no -wal/-shm created beside a file nobody else writes
    # (a backup, a file on a USB stick, a copy staged for restore).
    return f"{path.resolve().as_uri()}?mode=ro&immutable=1"


def online_copy(src: Path, dest: Path) -> None:
    """Copy a live database with the SQLite backup API (consistent while others write)
    into a new self-contained file (rollback journal, no side files), fsynced."""
    with closing(sqlite3.connect(src, timeout=30)) as s_conn, \
            closing(sqlite3.connect(dest)) as d_conn:
        s_conn.backup(d_conn)
        d_conn.execute("PRAGMA journal_mode=DELETE")
    fsync_file(dest)


def copy_file(src: Path, dest: Path, *, on_chunk: Callable[[], None] | None = None) -> None:
    """A byte copy, fsynced; ``on_chunk`` is called after each chunk written."""
    with open(src, "rb") as fin, open(dest, "xb") as fout:
        while chunk := fin.read(COPY_CHUNK):
            fout.write(chunk)
            if on_chunk is not None:
                fout.flush()
                on_chunk()
        fout.flush()
        os.fsync(fout.fileno())


def keep_copy(src: Path, dest: Path) -> None:
    """``dest`` becomes a second name of ``src`` (a hard link), or a full fsynced copy
    where the file system has no hard links."""
    try:
        os.link(src, dest)
    except OSError:
        partial = dest.with_name(dest.name + ".partial")
        partial.unlink(missing_ok=True)
        shutil.copyfile(src, partial)
        fsync_file(partial)
        os.replace(partial, dest)
    fsync_dir(dest.parent)


def quick_check(path: Path, *, immutable: bool) -> str | None:
    """None when ``PRAGMA quick_check`` passes, else its first complaint."""
    return _check(path, "quick_check", immutable=immutable)


def _check(path: Path, pragma: str, *, immutable: bool) -> str | None:
    try:
        with path.open("rb") as f:
            if f.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return "not a SQLite database file"
        target = read_only_uri(path) if immutable else path.resolve().as_uri()
        with closing(sqlite3.connect(target, uri=True, timeout=30)) as conn:
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.Error as exc:
        return str(exc) or type(exc).__name__
    except OSError as exc:
        return exc.strerror or str(exc)
    if rows == ["ok"]:
        return None
    return rows[0] if rows else "no answer"


def inspect_file(path: Path, known_revision: Callable[[str], bool]) -> FileFacts:
    """Full check of a database file nobody else is using: SQLite integrity, a Makarem
    Desk schema this version knows, and the installation it belongs to."""
    size = path.stat().st_size
    if size < 512:
        raise FileProblem(f"it is not a SQLite database ({size} bytes)")
    problem = _check(path, "integrity_check", immutable=True)
    if problem is not None:
        raise FileProblem(f"it is damaged or not a database (SQLite integrity check: {problem})")
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            tables = frozenset(r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"))
            missing = sorted(CORE_TABLES - tables)
            if missing:
                raise FileProblem("it is not a Makarem Desk database (no table "
                                  f"{', '.join(missing[:4])}{'…' if len(missing) > 4 else ''})")
            versions = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
            sites = conn.execute(
                "SELECT id, role FROM site WHERE is_local = 1").fetchall()
    except sqlite3.Error as exc:
        raise FileProblem(f"it cannot be read as a Makarem Desk database ({exc})") from exc
    if len(versions) != 1:
        raise FileProblem("it is not a Makarem Desk database (no single schema revision)")
    if not known_revision(versions[0]):
        raise FileProblem(f"its schema revision {versions[0]!r} is unknown to this version "
                          "of Makarem Desk: it was made by a newer version; install that "
                          "version (or a later one) to restore it")
    if len(sites) > 1:
        raise FileProblem("it names more than one local installation")
    site_id, role = (str(sites[0][0]), str(sites[0][1])) if sites else (None, None)
    return FileFacts(revision=versions[0], site_id=site_id, site_role=role, tables=tables)


def settle(path: Path, *, wait_s: float = 30.0) -> bool:
    """Fold the write-ahead log into the file and leave WAL mode, so the file is whole by
    itself and no -wal/-shm is left beside it (SQLite deletes them).  False when another
    connection is in a transaction on it; True otherwise, also when the file is too
    damaged to settle (its side files are then still there)."""
    try:
        with closing(sqlite3.connect(path, timeout=wait_s, isolation_level=None)) as conn:
            conn.execute("PRAGMA journal_mode=DELETE").fetchone()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return False
        log.warning("could not settle %s: %s", path, exc)
    except sqlite3.DatabaseError as exc:
        log.warning("could not settle %s: %s", path, exc)
    else:
        fsync_file(path)
    return True


def remove_with_side_files(path: Path) -> None:
    for name in (path.name, *(path.name + suffix for suffix in SIDE_FILES)):
        path.with_name(name).unlink(missing_ok=True)


def has_live_side_file(path: Path) -> bool:
    """A non-empty -wal or -journal beside ``path``: part of its content is not in it."""
    for suffix in ("-wal", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists() and side.stat().st_size > 0:
            return True
    return False
