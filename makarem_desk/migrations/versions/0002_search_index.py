"""search index over beneficiary.search_key

SQLite: an FTS5 external-content table over ``beneficiary.search_key`` (no second copy of
the names), keyed on the beneficiary's rowid and kept in step by triggers.  Prefix indexes
keep "each word a prefix" a few milliseconds at a million rows (performance-facts.md: p50
2.4 ms vs 5.8 ms without, for +58 MB).  Lengths 5 and 6 matter for Arabic: family names
begin with the article, so "الشهر" is what a receptionist has typed after three letters
(measured at 1M: bare prefix MATCH p50 1.09 -> 0.64 ms for +10 MB over '2 3 4').

PostgreSQL: a GIN index on ``to_tsvector('simple', search_key)``; word-prefix queries
(``word:*``) use it.  The key is already folded by ``makarem_desk.text``, so the 'simple'
configuration (no stemming, no stop words) is the right one.  Being built in, it needs no
extension (pg_trgm would, and CREATE EXTENSION needs rights a shared server may not grant).
``fastupdate = off``: with GIN's pending list every search scans up to 4 MB of not yet
merged entries until autovacuum runs (measured at 100k after a load: 5.2 ms -> 1.2 ms per
query once merged); registrations come one at a time, so paying at insert is right.

The DDL is written out here (not imported from makarem_desk.search) so this revision keeps
doing what it did when later code changes.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = [
    """
    CREATE VIRTUAL TABLE beneficiary_fts USING fts5(
        search_key,
        content='beneficiary',
        content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 0',
        prefix='2 3 4 5 6'
    )
    """,
    # External content: the index must be told the old text to remove it.
    """
    CREATE TRIGGER beneficiary_fts_ai AFTER INSERT ON beneficiary BEGIN
        INSERT INTO beneficiary_fts(rowid, search_key) VALUES (new.rowid, new.search_key);
    END
    """,
    """
    CREATE TRIGGER beneficiary_fts_ad AFTER DELETE ON beneficiary BEGIN
        INSERT INTO beneficiary_fts(beneficiary_fts, rowid, search_key)
        VALUES ('delete', old.rowid, old.search_key);
    END
    """,
    """
    CREATE TRIGGER beneficiary_fts_au AFTER UPDATE OF search_key ON beneficiary BEGIN
        INSERT INTO beneficiary_fts(beneficiary_fts, rowid, search_key)
        VALUES ('delete', old.rowid, old.search_key);
        INSERT INTO beneficiary_fts(rowid, search_key) VALUES (new.rowid, new.search_key);
    END
    """,
    # Rows that existed before this revision.
    "INSERT INTO beneficiary_fts(beneficiary_fts) VALUES ('rebuild')",
]

SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS beneficiary_fts_au",
    "DROP TRIGGER IF EXISTS beneficiary_fts_ad",
    "DROP TRIGGER IF EXISTS beneficiary_fts_ai",
    "DROP TABLE IF EXISTS beneficiary_fts",
]

PG_INDEX = "ix_beneficiary_search_tsv"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for stmt in SQLITE_UP:
            op.execute(stmt)
        return
    if bind.dialect.name == "postgresql":
        op.execute(
            f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON beneficiary "
            "USING gin (to_tsvector('simple', search_key)) WITH (fastupdate = off)"
        )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for stmt in SQLITE_DOWN:
            op.execute(stmt)
    elif bind.dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {PG_INDEX}")

