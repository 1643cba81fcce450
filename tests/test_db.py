"""The data layer: migrations, change sequence, optimistic locking, durability settings."""

from __future__ import annotations

import sqlite3

import pytest
from db_support import set_up
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from makarem_desk.db import Database
from makarem_desk.migrate import head_revision
from makarem_desk.models import Beneficiary, IdentityType


def test_schema_at_head(any_db: Database) -> None:
    assert any_db.current_revision() == head_revision()


def test_change_seq_and_site_on_every_write(any_db: Database) -> None:
    with any_db.session() as s:
        a = Beneficiary(first_name="أحمد", identity_type=IdentityType.NONE)
        b = Beneficiary(first_name="فاطمة", identity_type=IdentityType.NONE)
        s.add_all([a, b])
    with any_db.session() as s:
        seqs = sorted(s.scalars(select(Beneficiary.change_seq)))
        assert seqs == [1, 2]
        row = s.get(Beneficiary, a.id)
        assert row is not None and row.site_id == "TST1" and row.version == 1
        row.city = "جدة"
    with any_db.session() as s:
        row = s.get(Beneficiary, a.id)
        assert row is not None
        assert row.version == 2
        assert row.change_seq == 3
        assert row.created_at.tzinfo is not None


def test_optimistic_locking_refuses_a_stale_edit(any_db: Database) -> None:
    with any_db.session() as s:
        b = Beneficiary(first_name="سارة", identity_type=IdentityType.NONE)
        s.add(b)
    s1 = any_db._sessions()
    s2 = any_db._sessions()
    try:
        r2 = s2.get(Beneficiary, b.id)
        s2.commit()  # the form stays open on screen; no transaction is held meanwhile
        r1 = s1.get(Beneficiary, b.id)
        assert r1 is not None and r2 is not None
        r1.city = "الرياض"
        s1.commit()
        r2.city = "مكة"
        with pytest.raises(StaleDataError):
            s2.commit()
    finally:
        s1.close()
        s2.close()


def test_sqlite_durability_pragmas(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_upgrade_of_an_older_file_takes_a_backup_first(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from makarem_desk.migrate import run_upgrade

    path = tmp_path / "old.sqlite3"
    db = Database(f"sqlite:///{path}")
    run_upgrade(db.engine, "0001")  # a database as the first release left it
    set_up(db)
    with db.session() as s:
        s.add(Beneficiary(first_name="خالد", identity_type=IdentityType.NONE))
    assert db.current_revision() == "0001" != head_revision()
    backup = db.upgrade()
    assert backup is not None and backup.exists()
    assert db.current_revision() == head_revision()
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT count(*) FROM beneficiary").fetchone() == (1,)
    with db.session() as s:
        assert s.scalars(select(Beneficiary.first_name)).all() == ["خالد"]
