"""Databases for tests: set up as a real installation would be (a local site and its
administrator), or blank; on SQLite or in a private PostgreSQL schema."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

from makarem_desk.db import Database
from makarem_desk.models import Role, Site, User
from makarem_desk.passwords import PasswordPolicy

PG_URL = os.environ.get("MAKAREM_TEST_PG_URL")
# Argon2id at its minimum cost: tests create and sign in many users, and at the production
# cost (~0.15 s a hash) that alone would add minutes to the suite.  test_passwords.py checks
# the production policy itself.
FAST_PASSWORDS = PasswordPolicy(time_cost=1, memory_kib=8, parallelism=1)
ADMIN, ADMIN_NAME, ADMIN_PASSWORD = "admin", "مدير الاختبار", "admin-pass-1"


@functools.cache
def password_hash(password: str) -> str:
    """Hashed once per run, at the tests' cheap cost (the databases here use it too)."""
    from makarem_desk.services.auth import hash_password

    return hash_password(password, policy=FAST_PASSWORDS)


def set_up(db: Database, site_id: str = "TST1", role: str = "site", *,
           association_name: str = "جمعية مكارم الأخلاق",
           association_name_en: str = "Makarem Al-Akhlaq Association",
           **settings: object) -> None:
    """What the first-run set-up writes: the local site and one active administrator
    (``admin`` / ``admin-pass-1``).  Without it nothing can be written."""
    with db.session() as s:
        s.add(Site(id=site_id, name=f"{site_id} desk", is_local=True, role=role,
                   association_name=association_name, association_name_en=association_name_en,
                   settings=dict(settings)))
        s.add(User(username=ADMIN, full_name=ADMIN_NAME, role=Role.ADMINISTRATOR,
                   password_hash=password_hash(ADMIN_PASSWORD), language="ar", active=True))


def add_user(db: Database, username: str, full_name: str, role: Role, *,
             active: bool = True) -> None:
    with db.session() as s:
        s.add(User(username=username, full_name=full_name, role=role, active=active,
                   password_hash=password_hash(ADMIN_PASSWORD), language="ar"))


@functools.cache
def _migrated_blank_file() -> str:
    """One SQLite file migrated to the newest revision, per test process: every test's
    database starts as a copy of it.  Replaying the migrations took 0.5-0.8 s a database,
    most of the suite's time; the migrations themselves are tested in test_db.py and
    test_migrations*.py on databases made the real way."""
    folder = tempfile.mkdtemp(prefix="makarem-tests-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    path = os.path.join(folder, "migrated.sqlite3")
    db = Database(f"sqlite:///{path}", passwords=FAST_PASSWORDS)
    db.upgrade(backup=False)
    db.dispose()  # the last connection's close folds the write-ahead log into the file
    return path


def sqlite_database(path: os.PathLike[str] | str, site_id: str | None = "TST1",
                    role: str = "site") -> Database:
    """A migrated SQLite database at ``path``, set up as ``site_id`` (None: blank)."""
    if not os.path.exists(path):
        shutil.copyfile(_migrated_blank_file(), path)
    db = Database(f"sqlite:///{path}", passwords=FAST_PASSWORDS)
    db.upgrade(backup=False)  # nothing to do on a copy; brings an existing file up to date
    if site_id is not None:
        set_up(db, site_id, role)
    return db


@contextmanager
def pg_schema_database(site_id: str | None, prefix: str = "t",
                       role: str = "site") -> Iterator[tuple[Database, str]]:
    """Yields the database (set up as ``site_id``; None: blank) and its URL; the schema
    is dropped afterwards."""
    if not PG_URL:
        pytest.skip("MAKAREM_TEST_PG_URL is not set")
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in PG_URL else "?"
    url = f"{PG_URL}{sep}options=-csearch_path%3D{schema},public"
    db = Database(url, passwords=FAST_PASSWORDS)
    try:
        db.upgrade(backup=False)
        if site_id is not None:
            set_up(db, site_id, role)
        yield db, url
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def become_committee(db: Database) -> None:
    """Let a one-database test play the research committee after the batch has travelled:
    decisions are recorded only at a committee installation (issue 9)."""
    with db.session() as s:
        local = s.query(Site).filter(Site.is_local.is_(True)).one()  # set up by the fixture
        local.role = "committee"
    db.forget_installation()


def become_site(db: Database) -> None:
    """Back to a counter, where the committee's decision is printed as a letter once the
    decisions batch has travelled back."""
    with db.session() as s:
        local = s.query(Site).filter(Site.is_local.is_(True)).one()
        local.role = "site"
    db.forget_installation()
