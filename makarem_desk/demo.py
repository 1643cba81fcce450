"""Synthetic but realistic data for trying the desk, training staff and measuring search.

Beneficiaries with four-part Arabic names in the spelling variety of a real counter (see
``demo_names``), valid Saudi identity numbers (a few iqama holders, a few persons with no
identity number — POL-E3), E.164 mobiles, cities and districts; applications across the
four program categories (POL-E1..E4) with plausible statuses and a response date at least
14 days after submission (POL-H5); contacts on all seven channels (POL-CH); referrals to the
social-research officer (POL-H3) and satisfaction responses.

On a database never set up, ``set_up_training`` first makes it a training installation
(site TRN1, an association named as such, ``{"training": true}`` in the site's settings),
so demo data is never mistaken for, nor mixed with, real records.

Speed: rows are built as plain dicts (``demo_rows``) and written in chunks of one
transaction each — SQLAlchemy Core executemany on PostgreSQL; on SQLite one compiled
INSERT fed through the columns' own bind processors to the DB-API executemany (the ORM's
``add_all`` is ~5× slower than Core, Core ~1.4× slower than this).  On PostgreSQL the
name index is dropped during a large load and made once at the end; on SQLite a large load
runs with bulk settings on a connection of its own (``sqlite_bulk``: big page cache, no
sync per commit, secondary indexes and the full-text trigger set aside and made once at
the end), which measured faster than feeding them row by row (figures in
bench/search_bench.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from time import perf_counter
from typing import Any

from sqlalchemy import Connection, String, cast, func, insert, select, text
from sqlalchemy.orm import Session

from . import demo_names as names
from .db import Database, next_change_seq
from .demo_rows import DEMO_MARK, RowFactory
from .errors import UserError
from .models import (
    Application,
    Beneficiary,
    Contact,
    Program,
    ProgramCategory,
    Referral,
    SatisfactionResponse,
)
from .search import REBUILD_INDEX_SQL
from .search_sql import PG_INDEX_DDL, PG_INDEX_NAME
from .services.actor import Actor
from .services.setup import SetupInput, SetupService, SiteInfo
from .sqlite_bulk import SqliteBulkLoad

Progress = Callable[[int, int, str], None]

# Beyond this many rows a one-off rebuild of the FTS index beats the per-row trigger.
REBUILD_INDEX_FROM = 20_000
LOADED_TABLES = ("beneficiary", "contact", "application", "referral", "satisfaction_response")
MAX_BENEFICIARIES = 5_000_000

TRAINING_SITE = "TRN1"
TRAINING_ADMIN = "trainer"


def set_up_training(db: Database, admin_password: str) -> SiteInfo:
    """Set a never-set-up database up as a training installation, marked as such in its
    site row (``settings.training``) and in the association's names, which every printed
    document carries."""
    return SetupService(db).complete(SetupInput(
        site_code=TRAINING_SITE,
        association_name="جمعية تدريب (بيانات تجريبية)",
        association_name_en="Training association (demo data)",
        site_name="تدريب — Training",
        admin_username=TRAINING_ADMIN,
        admin_full_name="مدرب النظام",
        admin_password=admin_password,
        role="site",
        training=True,
    ))


@dataclass
class DemoReport:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    index_seconds: float = 0.0
    index_mode: str = ""


class DemoGenerator:
    def __init__(
        self,
        db: Database,
        *,
        seed: int = 1,
        today: date | None = None,
        progress: Progress | None = None,
        chunk_size: int = 10_000,
        actor: Actor | None = None,
    ) -> None:
        self.db = db
        self.actor = actor  # who loads the programs; default: the installation's administrator
        self.rows = RowFactory(seed, today)
        self.progress = progress
        self.chunk_size = chunk_size

    # -- the run ---------------------------------------------------------------------------
    def run(
        self, beneficiaries: int, *, rebuild_index: bool | None = None, force: bool = False
    ) -> DemoReport:
        if not 1 <= beneficiaries <= MAX_BENEFICIARIES:
            raise UserError(f"The number of beneficiaries must be 1 to {MAX_BENEFICIARIES:,}.")
        if not force and self.holds_real_beneficiaries():
            raise UserError(
                "This database holds real beneficiaries; demo data is not added to it. "
                "Use an empty or a demo database (--db), or --force if this is a test copy."
            )
        if rebuild_index is None:
            rebuild_index = beneficiaries >= REBUILD_INDEX_FROM
        started = perf_counter()
        report = DemoReport(index_mode="rebuild" if rebuild_index else "per-row")
        programs = self._ensure_programs()
        self.rows.categories = [c for c in ProgramCategory if programs[c]]
        with self.db.reader() as s:
            offset = int(s.scalar(select(func.count()).select_from(Beneficiary)) or 0)
            app_offset = int(s.scalar(select(func.count()).select_from(Application)) or 0)
        bulk = None
        if rebuild_index and self.db.is_sqlite:
            bulk = SqliteBulkLoad(self.db.engine, LOADED_TABLES, triggers=("beneficiary_fts_ai",),
                                  finish_sql=REBUILD_INDEX_SQL)
            conn = bulk.open()
            unit: Callable[[], AbstractContextManager[Session]] = partial(_on, conn)
        else:
            unit = self.db.session
            if rebuild_index:
                self._suspend_index()
        try:
            done = 0
            while done < beneficiaries:
                n = min(self.chunk_size, beneficiaries - done)
                counts = self._write_chunk(unit, offset + done, n, app_offset, programs)
                app_offset += counts.get("application", 0)
                for k, v in counts.items():
                    report.counts[k] = report.counts.get(k, 0) + v
                done += n
                self._report(done, beneficiaries, "beneficiaries")
        finally:
            if rebuild_index:
                t0 = perf_counter()
                self._report(beneficiaries, beneficiaries, "rebuilding the search index")
                if bulk is not None:
                    bulk.close()
                else:
                    self._restore_index()
                report.index_seconds = perf_counter() - t0
        if not self.db.is_sqlite:
            # Fresh statistics, or the planner guesses the GIN index away for rare names;
            # name search orders a keystroke's statements by the entries' own (read from
            # pg_stats), and without them read "محمد" through the index: 5-7 ms.
            with self.db.engine.connect() as conn:
                # ANALYZE of beneficiary gathers the name index's entries too (migration 0011).
                for model in (Beneficiary, Contact, Application, Referral, SatisfactionResponse):
                    conn.exec_driver_sql(f"ANALYZE {model.__tablename__}")
                conn.commit()
        report.seconds = perf_counter() - started
        return report

    def _suspend_index(self) -> None:
        """PostgreSQL: take the name index out of a large load (made once at the end)."""
        with self.db.session() as s:
            s.execute(text(f"DROP INDEX IF EXISTS {PG_INDEX_NAME}"))

    def _restore_index(self) -> None:
        with self.db.session() as s:
            s.execute(text(PG_INDEX_DDL))

    def holds_real_beneficiaries(self) -> bool:
        marker = f'%"{DEMO_MARK}": true%'
        with self.db.reader() as s:
            stmt = select(Beneficiary.id).where(cast(Beneficiary.extra, String).not_like(marker))
            return s.scalars(stmt.limit(1)).first() is not None

    def _report(self, done: int, total: int, label: str) -> None:
        if self.progress is not None:
            self.progress(done, total, label)

    def _ensure_programs(self) -> dict[ProgramCategory, list[uuid.UUID]]:
        """The association's programs as defined in forms/ (loaded as an administrator
        would); a category still without an active program gets the demo programs of
        ``demo_names.PROGRAMS``, so applications cover all four (POL-E1..E4)."""
        from .services.programs import ProgramService, program_id
        from .services.setup import acting_user

        actor = self.actor or acting_user(self.db, None)
        try:
            from .checklists.loader import load_forms

            ProgramService(self.db).load(actor, load_forms())
        except UserError as exc:  # definitions missing or broken: say so, carry on
            self._report(0, 1, f"programs from forms/ not loaded ({exc.message})")
        with self.db.session() as s:
            have: dict[ProgramCategory, list[uuid.UUID]] = {c: [] for c in ProgramCategory}
            active = select(Program.id, Program.category).where(Program.active.is_(True))
            for pid, cat in s.execute(active):
                have[cat].append(pid)
            codes = set(s.scalars(select(Program.code)))
            for code, name_ar, name_en, category in names.PROGRAMS:
                cat = ProgramCategory(category)
                if have[cat] or code in codes:
                    continue
                s.add(Program(id=program_id(code), code=code, name_ar=name_ar,
                              name_en=name_en, category=cat))
                have[cat].append(program_id(code))
        return have

    # -- one chunk, one transaction ----------------------------------------------------------
    def _write_chunk(
        self,
        unit: Callable[[], AbstractContextManager[Session]],
        offset: int,
        n: int,
        app_offset: int,
        programs: dict[ProgramCategory, list[uuid.UUID]],
    ) -> dict[str, int]:
        site = self.db.site_id
        bens = [self.rows.beneficiary(offset + i) for i in range(n)]
        apps: list[dict[str, Any]] = []
        contacts: list[dict[str, Any]] = []
        referrals: list[dict[str, Any]] = []
        ratings: list[dict[str, Any]] = []
        for b in bens:
            self.rows.activity(b, programs, apps, contacts, referrals, ratings)
        for i, a in enumerate(apps):
            a["reference"] = f"{site}-{a.pop('_year')}-{app_offset + i + 1:06d}"
        tables = (
            (Beneficiary, bens),
            (Contact, contacts),
            (Application, apps),
            (Referral, referrals),
            (SatisfactionResponse, ratings),
        )
        total = sum(len(rows) for _, rows in tables)
        try:
            with unit() as s:
                seq = next_change_seq(s, total)
                conn = s.connection()
                for model, rows in tables:
                    seq = _stamp(rows, site, seq)
                    _insert(conn, model, rows)
        except Exception as exc:
            if "unique" in str(exc).lower():
                raise UserError(
                    "The demo data clashes with records already in this database "
                    "(an identity number or reference exists); use an empty database."
                ) from exc
            raise
        return {model.__tablename__: len(rows) for model, rows in tables}

@contextmanager
def _on(conn: Connection) -> Iterator[Session]:
    """A unit of work on the bulk load's own connection, which carries its settings."""
    with Session(bind=conn) as s, s.begin():
        yield s


def _stamp(rows: list[dict[str, Any]], site: str, seq: int) -> int:
    for r in rows:
        r["site_id"] = site
        r["version"] = 1
        r["change_seq"] = seq
        seq += 1
    return seq


def _insert(conn: Connection, model: type[Any], rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    table = model.__table__
    stmt = insert(table)
    if conn.dialect.name != "sqlite":
        conn.execute(stmt, rows)
        return
    # SQLite: compile once and convert values with the columns' own bind processors (the
    # same conversions SQLAlchemy applies), then one DB-API executemany.  Core's per-row
    # parameter handling was a third of the load time.
    compiled = stmt.compile(dialect=conn.dialect, column_keys=list(rows[0]))
    order = list(compiled.positiontup or ())
    procs = [table.c[k].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
             for k in order]
    # Column by column: map() runs each processor without a Python loop of our own.
    columns = [list(map(p, [r[k] for r in rows])) if p else [r[k] for r in rows]
               for k, p in zip(order, procs, strict=True)]
    conn.exec_driver_sql(str(compiled), list(zip(*columns, strict=True)))
