"""A migrated PostgreSQL database in a private schema, for tests that need one or several."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

from makarem_desk.db import Database
from makarem_desk.passwords import PasswordPolicy

PG_URL = os.environ.get("MAKAREM_TEST_PG_URL")
# Argon2id at its minimum cost: tests create and sign in many users, and at the production
# cost (~0.15 s a hash) that alone would add minutes to the suite.  test_passwords.py checks
# the production policy itself.
FAST_PASSWORDS = PasswordPolicy(time_cost=1, memory_kib=8, parallelism=1)


@contextmanager
def pg_schema_database(site_id: str, prefix: str = "t") -> Iterator[tuple[Database, str]]:
    """Yields the database and its URL; the schema is dropped afterwards."""
    if not PG_URL:
        pytest.skip("MAKAREM_TEST_PG_URL is not set")
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in PG_URL else "?"
    url = f"{PG_URL}{sep}options=-csearch_path%3D{schema},public"
    db = Database(url, site_id=site_id, passwords=FAST_PASSWORDS)
    try:
        db.upgrade(backup=False)
        yield db, url
    finally:
        db.dispose()
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def become_committee(db: Database) -> None:
    """Let a one-database test play the research committee after the batch has travelled:
    decisions are recorded only at a committee installation (issue 9)."""
    from makarem_desk.models import Site

    with db.session() as s:
        local = s.query(Site).filter(Site.is_local.is_(True)).first()
        if local is None:
            s.add(Site(id=db.site_id, name="لجنة البحث", is_local=True, role="committee"))
        else:
            local.role = "committee"
    db.forget_installation()


def become_site(db: Database) -> None:
    """Back to a counter, where the committee's decision is printed as a letter once the
    decisions batch has travelled back."""
    from makarem_desk.models import Site

    with db.session() as s:
        local = s.query(Site).filter(Site.is_local.is_(True)).one()
        local.role = "site"
    db.forget_installation()
