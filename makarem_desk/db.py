"""The database: engine set-up, sessions, change sequence numbers, migrations.

``Database`` is created once at start-up and passed to the services that need it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from .errors import ConcurrentChange, UserError
from .models import ChangeCounter, Travelling
from .passwords import DEFAULT_POLICY, PasswordPolicy
from .permissions import InstallationRole

ENV_DB_URL = "MAKAREM_DB_URL"
# serialization_failure, deadlock_detected: two units of work raced for the same rows.
_CONCURRENCY_SQLSTATES = ("40001", "40P01")
DB_FILE_NAME = "makarem.sqlite3"


def default_data_dir() -> Path:
    override = os.environ.get("MAKAREM_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("makarem-desk", appauthor=False))


def default_url() -> str:
    env = os.environ.get(ENV_DB_URL)
    if env:
        return env
    return f"sqlite:///{default_data_dir() / DB_FILE_NAME}"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets the interface read while a writer commits; FULL makes a committed record
    # survive power loss at the counter; a busy timeout lets several processes share it.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


# The name index's pending list (migrations 0009, 0011: fastupdate on) as the counters write it:
# every search scans the whole list, so it stays a few pages, merged into the index by the
# registration that fills it (~80 people's entries at a time).  A sync import raises it
# for its own transaction (sync/name_entries.py).  A session setting, not the index's own
# option: the index's option would override the import's.
PG_PENDING_LIST_LIMIT = "64kB"


def _postgres_session(dbapi_conn: Any, _record: Any) -> None:
    # psycopg prepares a statement on the server after five runs, and the server may then
    # keep one generic plan for it.  Name search's best plan depends on the words typed
    # (a scan that stops at the limit for "محمد", the GIN index for a rare family name):
    # a generic plan took 39 ms for "مح" against 0.2 ms planned for it (issue 14).
    with dbapi_conn.cursor() as cur:
        cur.execute("SET plan_cache_mode = force_custom_plan")
        cur.execute(f"SET gin_pending_list_limit = '{PG_PENDING_LIST_LIMIT}'")
    dbapi_conn.commit()


def _sqlite_begin(conn: Any) -> None:
    # pysqlite's own transaction handling defers BEGIN oddly; emit it ourselves so that
    # SAVEPOINTs and transactional DDL behave (SQLAlchemy's documented recipe).  Units of
    # work that may write take the write lock at BEGIN (IMMEDIATE): a deferred reader that
    # later writes fails at once with "database is locked" instead of waiting its turn.
    mode = conn.get_execution_options().get("sqlite_begin", "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


class NotSetUp(UserError):
    """A record was about to be written before this installation was set up."""

    def __init__(self) -> None:
        super().__init__(
            "This installation is not set up yet: finish the set-up in the window or run "
            "`makarem-desk setup …` (see `makarem-desk setup --help`).",
            message_ar="لم يُجهَّز هذا التثبيت بعد: أكمل الإعداد الأول في النافذة أو نفّذ "
            "الأمر `makarem-desk setup …`.",
        )


class Database:
    """Owns the engine and hands out short units of work."""

    def __init__(self, url: str | None = None, *, echo: bool = False,
                 passwords: PasswordPolicy = DEFAULT_POLICY):
        self.url = make_url(url or default_url())
        # How the staff passwords stored in this database are hashed (tests pass a cheap one).
        self.passwords = passwords
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.engine = self._make_engine(echo)
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._sessions = sessionmaker(writer, expire_on_commit=False)
        self._readers = sessionmaker(self.engine, expire_on_commit=False)
        self._site_id: str | None = None  # the local site's code, once it is known
        self._installation_role: InstallationRole | None = None
        event.listen(self._sessions, "before_flush", self._before_flush)

    # -- set-up -----------------------------------------------------------------------
    def _make_engine(self, echo: bool) -> Engine:
        if self.is_sqlite:
            db_path = self.url.database
            if db_path and db_path != ":memory:":
                try:
                    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise UserError(f"Cannot create the database folder: {exc}") from exc
            engine = create_engine(
                self.url,
                echo=echo,
                connect_args={"timeout": 30, "check_same_thread": False},
            )
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "connect", _disable_pysqlite_tx)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        engine = create_engine(self.url, echo=echo, pool_pre_ping=True)
        event.listen(engine, "connect", _postgres_session)
        return engine

    @property
    def sqlite_path(self) -> Path | None:
        if self.is_sqlite and self.url.database and self.url.database != ":memory:":
            return Path(self.url.database)
        return None

    def dispose(self) -> None:
        self.engine.dispose()

    # -- sessions ---------------------------------------------------------------------
    @property
    def site_id(self) -> str:
        """This installation's site code, which every record written here carries.

        There is no placeholder: before the set-up has written the local site row this
        raises ``NotSetUp``, and since every flush of a travelling record asks for it, no
        record can be saved under a made-up site (rows saved so would never travel)."""
        if self._site_id is None:
            from .models import Site

            with self._readers() as s:
                local = s.scalars(select(Site.id).where(Site.is_local.is_(True))).first()
            if local is None:
                raise NotSetUp()
            self._site_id = local  # only a found code is kept: a later set-up is seen
        return self._site_id

    @property
    def installation_role(self) -> InstallationRole:
        """A counter or the research committee, as set once at set-up (a counter before)."""
        if self._installation_role is None:
            from .models import Site

            with self._readers() as s:
                role = s.scalars(select(Site.role).where(Site.is_local.is_(True))).first()
            if role is None:
                return InstallationRole.SITE  # not set up yet: nothing cached
            self._installation_role = InstallationRole(role)
        return self._installation_role

    def forget_installation(self) -> None:
        """Read the site code and role again (after set-up or a restore)."""
        self._site_id = None
        self._installation_role = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error. A record changed
        by someone else meanwhile (its version moved on, or PostgreSQL gave up on the
        race) is the worded ``ConcurrentChange``, never a bare database exception."""
        s = self._sessions()
        try:
            yield s
            s.commit()
        except StaleDataError as exc:
            s.rollback()
            raise ConcurrentChange() from exc
        except DBAPIError as exc:
            s.rollback()
            if getattr(exc.orig, "sqlstate", None) in _CONCURRENCY_SQLSTATES:
                raise ConcurrentChange() from exc
            raise
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only unit of work: never takes the write lock."""
        s = self._readers()
        try:
            yield s
        finally:
            s.rollback()
            s.close()

    def _before_flush(self, session: Session, _ctx: Any, _instances: Any) -> None:
        touched = [
            o for o in list(session.new) + list(session.dirty)
            if isinstance(o, Travelling) and (o in session.new or session.is_modified(o))
        ]
        if not touched:
            return
        first = next_change_seq(session, len(touched))
        site = self.site_id
        for offset, obj in enumerate(touched):
            # A new record may arrive with its origin site already set (an import); any
            # edit made here belongs to this site.
            if obj not in session.new or not obj.site_id:
                obj.site_id = site
            obj.change_seq = first + offset

    # -- schema -----------------------------------------------------------------------
    def current_revision(self) -> str | None:
        from alembic.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def upgrade(self, *, backup: bool = True) -> Path | None:
        """Bring the schema to the newest revision; back up an older SQLite file first."""
        from .migrate import head_revision, run_upgrade

        current = self.current_revision()
        if current == head_revision():
            return None
        backup_path = None
        has_tables = bool(inspect(self.engine).get_table_names())
        if backup and self.is_sqlite and has_tables and self.sqlite_path is not None:
            backup_path = self.backup(tag=current or "unversioned")
        run_upgrade(self.engine)
        return backup_path

    def backup(self, tag: str = "manual") -> Path:
        """A consistent copy of the SQLite file (the online backup API copes with WAL)."""
        src = self.sqlite_path
        if src is None:
            raise UserError("Backups are made here only for a SQLite database file.")
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        dest = src.with_name(f"{src.stem}.backup-{tag}-{stamp}{src.suffix}")
        with closing(sqlite3.connect(src)) as s_conn, closing(sqlite3.connect(dest)) as d_conn:
            s_conn.backup(d_conn)
        return dest


def _disable_pysqlite_tx(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None


def next_change_seq(session: Session, count: int = 1) -> int:
    """Reserve ``count`` consecutive change sequence numbers; returns the first."""
    conn = session.connection()
    result = conn.execute(
        update(ChangeCounter).where(ChangeCounter.id == 1).values(value=ChangeCounter.value + count)
    )
    if result.rowcount == 0:
        conn.execute(text("INSERT INTO change_counter (id, value) VALUES (1, :v)"), {"v": count})
    last = conn.execute(select(ChangeCounter.value).where(ChangeCounter.id == 1)).scalar_one()
    return int(last) - count + 1
