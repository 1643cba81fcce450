"""Backups of the local SQLite database, and restoring one.

* Automatic copies at start and every N hours (``Site.settings``), made with the SQLite
  backup API while the desk keeps working, into ``backups/`` beside the database file
  (the data folder for the default database); the newest K automatic copies are kept.
* ``backup_now``: a copy now, into that folder or to a file of the user's choosing.
* ``restore``: the file is checked (SQLite integrity, a Makarem Desk schema this version
  knows, the installation it belongs to) on a copy beside the database before anything
  changes, then swapped in by one atomic rename; the replaced file is kept.  A restore
  killed at any point leaves the old database or the new one, whole (makarem_desk/restore.py).
* ``startup_check``: ``PRAGMA quick_check`` when the desk starts; on failure the message
  names the newest good backup and the ``restore`` command.

PostgreSQL databases are backed up with ``pg_dump`` (README, "Backups").
"""

from __future__ import annotations

import functools
import logging
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from .audit import record_event
from .db import Database, default_url
from .errors import UserError
from .models import utcnow
from .permissions import ADMIN_ONLY, InstallationRole, authorize, guarded, register
from .restore import (
    STAMP,
    RestoreJob,
    RestoreResult,
    current_site,
    database_readable,
    local_site,
)
from .services.actor import Actor
from .sqlite_files import FileFacts, fsync_dir, online_copy, quick_check, remove_with_side_files

log = logging.getLogger(__name__)

register({
    "BackupService.settings": ADMIN_ONLY,
    "BackupService.update_settings": ADMIN_ONLY,
    "BackupService.list_backups": ADMIN_ONLY,
    "BackupService.backup_now": ADMIN_ONLY,
    # Run by the desk itself (as the system) at start and every N hours.
    "BackupService.automatic_backup": ADMIN_ONLY,
    "BackupService.check_file": ADMIN_ONLY,
    "BackupService.restore": ADMIN_ONLY,
})

BACKUPS_DIR = "backups"
SETTING_INTERVAL, SETTING_KEEP = "backup_interval_hours", "backup_keep"
DEFAULT_INTERVAL_HOURS, DEFAULT_KEEP = 4, 10
AUTO, MANUAL = "auto", "manual"
T = TypeVar("T")
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6}Z)-(?P<kind>auto|manual)\.sqlite3$")


@dataclass(frozen=True)
class BackupSettings:
    interval_hours: int
    keep: int


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    size: int
    kind: str  # AUTO or MANUAL


def _pg_url(db: Database) -> str:
    return db.url.set(drivername="postgresql").render_as_string(hide_password=True)


def pg_commands(db: Database) -> str:
    """README's PostgreSQL recipe with this database's address (password hidden), for the
    Backups screen to show where it cannot make copies itself."""
    url = _pg_url(db)
    return "\n".join([
        "# back up (nightly: cron or Task Scheduler), on the server or any PC with the tools",
        f"pg_dump --format=custom --file=makarem-YYYY-MM-DD.dump '{url}'",
        "",
        "# restore: stop every desk first; all or nothing",
        "pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error "
        f"--dbname='{url}' makarem-YYYY-MM-DD.dump",
    ])


def pg_dump_advice(db: Database) -> UserError:
    url = _pg_url(db)
    return UserError(
        "This database is PostgreSQL: back it up and restore it with PostgreSQL's own "
        f"tools, e.g. pg_dump --format=custom --file=makarem.dump '{url}' and "
        f"pg_restore --clean --if-exists --no-owner --dbname='{url}' makarem.dump "
        "(README, \"Backups\").",
        message_ar="قاعدة البيانات هذه PostgreSQL: انسخها احتياطيًا واسترجعها بأداتي "
                   "pg_dump و pg_restore (انظر دليل README، قسم Backups).")


def _guarded_even_if_damaged(fn: Callable[..., T]) -> Callable[..., T]:
    """``@guarded`` for the restore path, which must work when the database cannot be read
    (damaged, or not there yet on a new PC).  Then its installation role is unknown; the
    backup rules are the same at both kinds of installation, so a counter's is assumed."""
    strict = guarded(fn)

    @functools.wraps(fn)
    def wrapper(self: BackupService, actor: Actor, *args: Any, **kwargs: Any) -> T:
        if database_readable(self.db):
            return strict(self, actor, *args, **kwargs)
        authorize(actor, InstallationRole.SITE, f"{type(self).__name__}.{fn.__name__}")
        return fn(self, actor, *args, **kwargs)

    wrapper.__guarded__ = True  # type: ignore[attr-defined]
    return wrapper


class BackupService:
    def __init__(self, db: Database, *, folder: Path | None = None,
                 clock: Callable[[], datetime] = utcnow,
                 on_step: Callable[[str], None] | None = None):
        self.db = db
        self._folder = folder
        self.clock = clock
        # Called at each step of a restore: tests use it to kill the process there.
        self._on_step = on_step or (lambda _step: None)

    # -- where ------------------------------------------------------------------------
    def _live(self) -> Path:
        path = self.db.sqlite_path
        if path is None:
            raise pg_dump_advice(self.db)
        return path

    @property
    def folder(self) -> Path:
        return self._folder or self._live().parent / BACKUPS_DIR

    # -- settings ---------------------------------------------------------------------
    @guarded
    def settings(self, actor: Actor) -> BackupSettings:
        with self.db.reader() as s:
            site = local_site(s)
            raw = dict(site.settings or {}) if site is not None else {}
        return _settings_from(raw)

    @guarded
    def update_settings(self, actor: Actor, *, interval_hours: int, keep: int) -> BackupSettings:
        if not 1 <= interval_hours <= 168:
            raise UserError("Back up every 1 to 168 hours.",
                            message_ar="اختر مدة النسخ الاحتياطي بين ١ و١٦٨ ساعة.")
        if not 1 <= keep <= 1000:
            raise UserError("Keep between 1 and 1000 automatic backups.",
                            message_ar="احتفظ بما بين ١ و١٠٠٠ نسخة احتياطية تلقائية.")
        with self.db.session() as s:
            site = local_site(s)
            if site is None:
                raise UserError("This installation is not set up yet.",
                                message_ar="لم يتم إعداد هذا المكتب بعد.")
            before = _settings_from(dict(site.settings or {}))
            site.settings = {**(site.settings or {}), SETTING_INTERVAL: interval_hours,
                             SETTING_KEEP: keep}
            after = BackupSettings(interval_hours, keep)
            record_event(s, actor, "backup_settings_changed", entity="site",
                         entity_id=site.id, before=before.__dict__, after=after.__dict__)
        return after

    # -- backups ----------------------------------------------------------------------
    @guarded
    def list_backups(self, actor: Actor) -> list[BackupInfo]:
        """The backups in the folder, newest first."""
        return _list(self.folder, self._live().stem)

    @guarded
    def backup_now(self, actor: Actor, out: Path | None = None) -> BackupInfo:
        """A copy now: into the backups folder, or to ``out`` (a file, or a folder)."""
        live = self._live()
        now = self.clock()
        if out is None:
            dest = self._new_name(live, now, MANUAL)
        else:
            dest = out / self._new_name(live, now, MANUAL).name if out.is_dir() else out
            if dest.exists():
                raise UserError(f"{dest} already exists; choose another file name.",
                                message_ar=f"الملف {dest} موجود من قبل؛ اختر اسمًا آخر.")
        info = self._copy(actor, live, dest, now, MANUAL)
        self._record(actor, "backup_made", {"file": str(info.path), "size": info.size,
                                             "kind": MANUAL})
        return info

    @guarded
    def automatic_backup(self, actor: Actor, *, at_start: bool = False) -> BackupInfo | None:
        """At start always, else when the newest automatic copy is older than the interval;
        then only the newest ``keep`` automatic copies are kept.  None when none was due
        (or the database is not a SQLite file)."""
        live = self.db.sqlite_path
        if live is None or not live.exists() or current_site(self.db) is None:
            return None  # PostgreSQL (pg_dump), or nothing worth keeping before set-up
        for stale in self.folder.glob(f".{live.stem}-*.partial"):  # a copy cut short
            stale.unlink(missing_ok=True)
        settings = self.settings(actor)
        now = self.clock()
        autos = [b for b in _list(self.folder, live.stem) if b.kind == AUTO]
        if not at_start and autos and now - autos[0].made_at < timedelta(
                hours=settings.interval_hours):
            return None
        info = self._copy(actor, live, self._new_name(live, now, AUTO), now, AUTO)
        removed = [b.path.name for b in ([info, *autos])[settings.keep:]]
        for name in removed:
            try:
                (self.folder / name).unlink()
            except OSError as exc:  # a copy open in a viewer, say: try again next time
                log.warning("could not remove the old backup %s: %s", name, exc)
        self._record(actor, "backup_made", {"file": str(info.path), "size": info.size,
                                             "kind": AUTO, "rotated_out": removed})
        return info

    def _new_name(self, live: Path, now: datetime, kind: str) -> Path:
        return self.folder / f"{live.stem}-{now.astimezone(UTC).strftime(STAMP)}-{kind}.sqlite3"

    def _copy(self, actor: Actor, live: Path, dest: Path, now: datetime,
              kind: str) -> BackupInfo:
        try:
            return self._write_copy(live, dest, now, kind)
        except UserError as exc:
            self._record(actor, "backup_failed", {"file": str(dest), "kind": kind,
                                                   "reason": exc.message})
            raise

    def _write_copy(self, live: Path, dest: Path, now: datetime, kind: str) -> BackupInfo:
        if not live.exists():
            raise UserError(f"There is no database at {live} yet.",
                            message_ar="لا توجد قاعدة بيانات بعد.")
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"Cannot create the folder {dest.parent}: {exc.strerror}",
                            message_ar=f"تعذّر إنشاء المجلد {dest.parent}.") from exc
        # Written under a temporary name: a copy cut short never looks like a backup.
        partial = dest.with_name(f".{dest.name}.partial")
        try:
            partial.unlink(missing_ok=True)
            online_copy(live, partial)
            problem = quick_check(partial, immutable=True)
            if problem is not None:
                raise UserError(
                    f"The copy of the database fails SQLite's check ({problem}); the "
                    "database itself may be damaged. Keep the earlier backups.",
                    message_ar="النسخة الاحتياطية لم تجتز فحص السلامة؛ قد تكون قاعدة البيانات "
                               "نفسها تالفة. احتفظ بالنسخ السابقة.")
            os.replace(partial, dest)
            fsync_dir(dest.parent)
        except (OSError, sqlite3.Error) as exc:
            what = exc.strerror if isinstance(exc, OSError) else exc
            raise UserError(f"Cannot write the backup {dest}: {what or exc}",
                            message_ar=f"تعذّرت كتابة النسخة الاحتياطية {dest}.") from exc
        finally:
            partial.unlink(missing_ok=True)
        log.info("backup written: %s", dest)
        return BackupInfo(dest, now, dest.stat().st_size, kind)

    # -- restore ----------------------------------------------------------------------
    @_guarded_even_if_damaged
    def check_file(self, actor: Actor, source: Path, *,
                   other_installation: bool = False) -> FileFacts:
        """Everything ``restore`` checks, without changing anything."""
        job = self._restore_job(actor, source)
        staged = job.stage()
        try:
            return job.check(staged, other_installation)
        finally:
            remove_with_side_files(staged)

    @_guarded_even_if_damaged
    def restore(self, actor: Actor, source: Path, *,
                other_installation: bool = False) -> RestoreResult:
        """Replace the database file by ``source`` after checking it (makarem_desk/restore.py)."""
        return self._restore_job(actor, source).run(other_installation)

    def _restore_job(self, actor: Actor, source: Path) -> RestoreJob:
        return RestoreJob(self.db, self._live(), source, clock=self.clock, on_step=self._on_step,
                          record=lambda action, details: self._record(actor, action, details),
                          actor=actor)

    def _record(self, actor: Actor, action: str, details: dict[str, Any]) -> None:
        if not database_readable(self.db):
            log.error("could not record %s in the audit trail: the database cannot be read; "
                      "%s", action, details)
            return
        try:
            with self.db.session() as s:
                record_event(s, actor, action, entity="database", details=details)
        except Exception as exc:  # a damaged database cannot take the event; say so
            log.error("could not record %s in the audit trail (%s): %s", action, exc, details)


def startup_check(db: Database, folder: Path | None = None) -> None:
    """``PRAGMA quick_check`` of the database file; a worded way forward when it fails."""
    live = db.sqlite_path
    if live is None or not live.exists() or live.stat().st_size == 0:
        return
    problem = quick_check(live, immutable=False)
    if problem is None:
        return
    folder = folder or live.parent / BACKUPS_DIR
    good = next((b for b in _list(folder, live.stem)
                 if quick_check(b.path, immutable=True) is None), None)
    db_opt = "" if str(db.url) == default_url() else f'--db "{db.url}" '
    if good is None:
        way = (f"No good backup was found in {folder}. Restore a copy kept elsewhere with: "
               f'makarem-desk {db_opt}restore "FILE"')
        way_ar = f"لا توجد نسخة احتياطية سليمة في {folder}؛ استرجع نسخة محفوظة في مكان آخر."
    else:
        when = good.made_at.strftime("%Y-%m-%d %H:%M UTC")
        way = (f"The newest good backup is {good.path} ({when}). Close every Makarem Desk "
               f'window and run: makarem-desk {db_opt}restore "{good.path}" (the damaged file '
               "is kept beside it)")
        way_ar = (f"أحدث نسخة احتياطية سليمة هي {good.path} ({when}). أغلق البرنامج ونفّذ الأمر: "
                  f'makarem-desk {db_opt}restore "{good.path}"')
    raise UserError(
        f"The database file {live} is damaged (SQLite quick_check: {problem}). Nothing was "
        f"changed. {way}.",
        message_ar=f"ملف قاعدة البيانات {live} تالف، ولم يتغير شيء. {way_ar}")


def _settings_from(raw: dict[str, Any]) -> BackupSettings:
    def number(key: str, default: int) -> int:
        value = raw.get(key, default)
        return value if isinstance(value, int) and value > 0 else default

    return BackupSettings(number(SETTING_INTERVAL, DEFAULT_INTERVAL_HOURS),
                          number(SETTING_KEEP, DEFAULT_KEEP))


def _list(folder: Path, stem: str) -> list[BackupInfo]:
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        m = _NAME.match(path.name)
        if m is None or m["stem"] != stem:
            continue
        made = datetime.strptime(m["stamp"], STAMP).replace(tzinfo=UTC)
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(BackupInfo(path, made, size, m["kind"]))
    return sorted(found, key=lambda b: b.made_at, reverse=True)
