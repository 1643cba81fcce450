"""One restore of the SQLite database from a file, step by step (``BackupService.restore``).

1. *stage*: the file is copied beside the database (hidden ``.partial`` name) and fsynced;
2. *check*: that copy passes SQLite's integrity check, holds a Makarem Desk schema this
   version knows and belongs to this installation (or ``--other-installation``);
3. *prepare*: the copy is brought to this version's schema and the restore is written into
   its own audit trail, so that the one rename below brings in all of it;
4. *swap*: every connection is closed, the current file's write-ahead log is folded into
   it (refused while another connection uses it), the current file is kept as
   ``<name>.replaced-<time>.sqlite3`` (a hard link, or a copy), any side file it still
   has moves with it, and the staged copy is renamed over the database.

Nothing changes the database before step 4, and step 4 changes it by one atomic rename, so
whatever point a restore is killed at, the database is the old file or the new one, whole
(tests/test_backups.py kills it at each step named in ``on_step``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .audit import record_event
from .db import Database
from .errors import UserError
from .models import Site
from .services.actor import Actor
from .sqlite_files import (
    SIDE_FILES,
    FileFacts,
    FileProblem,
    copy_file,
    fsync_dir,
    has_live_side_file,
    inspect_file,
    keep_copy,
    remove_with_side_files,
    settle,
)

log = logging.getLogger(__name__)
STAMP = "%Y%m%d-%H%M%S-%fZ"
IN_USE_WAIT_S = 2.0
_IN_USE_AR = "قاعدة البيانات مستخدمة: أغلق كل نوافذ مكتب مكارم ثم أعد الاسترجاع."


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    replaced: Path | None  # the previous database file, kept
    facts: FileFacts
    upgraded_from: str | None  # the file's schema revision, when older than this version's


def local_site(s: Session) -> Site | None:
    return s.scalars(select(Site).where(Site.is_local.is_(True))).first()


def database_readable(db: Database) -> bool:
    """Whether the current database answers (it may be damaged, or not there yet)."""
    path = db.sqlite_path
    if path is not None and (not path.exists() or path.stat().st_size == 0):
        return False  # reading would create an empty file where the restore goes
    try:
        db.installation_role  # noqa: B018 - reads (and caches) the site row
    except SQLAlchemyError as exc:
        log.warning("the current database cannot be read (%s)", exc)
        return False
    return True


def current_site(db: Database) -> str | None:
    if not database_readable(db):
        return None
    try:
        with db.reader() as s:
            site = local_site(s)
            return site.id if site is not None else None
    except SQLAlchemyError as exc:  # a damaged database: restoring it is the point
        log.warning("the current database cannot be read (%s)", exc)
        return None


class RestoreJob:
    def __init__(self, db: Database, live: Path, source: Path, *, actor: Actor,
                 clock: Callable[[], datetime], on_step: Callable[[str], None],
                 record: Callable[[str, dict[str, Any]], None]):
        self.db, self.live, self.source, self.actor = db, live, source, actor
        self.clock, self.on_step, self.record = clock, on_step, record

    def run(self, other_installation: bool) -> RestoreResult:
        live, source = self.live, self.source
        for stale in live.parent.glob(f".{live.name}.restore-*.partial*"):  # a killed restore
            stale.unlink(missing_ok=True)
        staged = self.stage()
        try:
            facts = self.check(staged, other_installation)
            self.on_step("checked")
            replaced: Path | None = None
            if live.exists() and live.stat().st_size > 0:
                replaced = live.with_name(f"{live.stem}.replaced-{self._stamp()}{live.suffix}")
            upgraded_from = self.prepare(staged, {
                "file": str(source), "replaced_kept_as": str(replaced) if replaced else None,
                "site": facts.site_id, "revision": facts.revision,
                "other_installation": other_installation})
            self.on_step("prepared")
            try:
                self.swap(staged, replaced)
            except UserError as exc:
                self.record("restore_refused", {"file": str(source), "reason": exc.message})
                raise
        finally:
            remove_with_side_files(staged)
        self.db.forget_installation()
        return RestoreResult(source, replaced, facts, upgraded_from)

    def _stamp(self) -> str:
        return self.clock().astimezone(UTC).strftime(STAMP)

    def stage(self) -> Path:
        """Copy the file beside the database, where the swap will take it from."""
        source = self.source
        if not source.is_file():
            self.refuse(f"{source} is not a file")
        if has_live_side_file(source):
            self.refuse(f"{source} has a -wal or -journal file beside it: it was copied while "
                        f"in use. Make a proper copy with `makarem-desk --db sqlite:///{source} "
                        "backup --out FILE` and restore that")
        self.live.parent.mkdir(parents=True, exist_ok=True)
        staged = self.live.with_name(f".{self.live.name}.restore-{self._stamp()}.partial")
        try:
            copy_file(source, staged, on_chunk=lambda: self.on_step("copying"))
        except OSError as exc:
            staged.unlink(missing_ok=True)
            self.refuse(f"{source} cannot be read ({exc.strerror or exc})")
        self.on_step("staged")
        return staged

    def check(self, staged: Path, other_installation: bool) -> FileFacts:
        from .migrate import known_revision

        try:
            facts = inspect_file(staged, known_revision)
        except FileProblem as exc:
            self.refuse(f"{self.source} cannot be restored: {exc}")
        current = current_site(self.db)
        if current is not None and facts.site_id != current and not other_installation:
            self.refuse(
                f"{self.source} belongs to the installation "
                f"{facts.site_id or '(never set up)'}, not to this one ({current}). Restore it "
                "only if you mean to replace this installation by that one: add "
                "--other-installation")
        return facts

    def prepare(self, staged: Path, details: dict[str, Any]) -> str | None:
        from .migrate import head_revision

        copy = Database(f"sqlite:///{staged}", passwords=self.db.passwords)
        try:
            before = copy.current_revision()
            copy.upgrade(backup=False)  # the source file stays as it was: that is the backup
            with copy.session() as s:
                record_event(s, self.actor, "database_restored", entity="database",
                             details=details)
        except SQLAlchemyError as exc:
            self.refuse(f"{self.source} could not be brought up to this version's schema "
                        f"({str(exc).splitlines()[0]})")
        finally:
            copy.dispose()
        settle(staged)
        return before if before != head_revision() else None

    def swap(self, staged: Path, replaced: Path | None) -> None:
        live = self.live
        self.db.dispose()
        if replaced is not None:
            if not settle(live, wait_s=IN_USE_WAIT_S):
                raise UserError("The database is in use: close every Makarem Desk window and "
                                "run the restore again.", message_ar=_IN_USE_AR)
            self.on_step("checkpointed")
            keep_copy(live, replaced)
            self.on_step("kept")
            # A side file still there (the old file was too damaged to fold its log in)
            # belongs to the old file: the new one must never read it.  It moves with the
            # kept copy, whose content it completes.
            for suffix in SIDE_FILES:
                side = live.with_name(live.name + suffix)
                if side.exists():
                    os.replace(side, replaced.with_name(replaced.name + suffix))
            self.on_step("side-files")
        try:
            os.replace(staged, live)
        except PermissionError as exc:  # Windows: another process has the file open
            raise UserError(
                "The database is in use: close every Makarem Desk window (on every user "
                f"account of this PC) and run the restore again ({exc.strerror}).",
                message_ar=_IN_USE_AR) from exc
        fsync_dir(live.parent)
        self.on_step("replaced")

    def refuse(self, reason: str) -> NoReturn:
        self.record("restore_refused", {"file": str(self.source), "reason": reason})
        raise UserError(f"Nothing was changed: {reason}.",
                        message_ar=f"لم يتغير شيء: تعذّر استرجاع الملف {self.source.name}؛ "
                                   "لم يجتز الفحص أو يخص مكتبًا آخر.\n" + reason)
