"""name index: every word and its compound's second half, prefixes up to ten letters (SQLite)

Issue 14.  Revision 0002's FTS5 index held the folded key as it is, so a typed word had
to be looked up as six prefix terms OR'ed (itself, with "ال", with "عبد"/"ابو"/"ابن"/"بن"
in front: the second half of a compound typed alone), and a word longer than its prefix
indexes (six letters: "عبدالله", "القحطاني") made FTS5 merge every matching doclist in
memory before the first row came out — 9 to 19 ms at a million people, the p95 of name
search.  This index:

- holds each word of the key and, for a word that starts with one of the compound prefixes
  (``text.COMPOUND_PREFIXES``), the prefix and the rest as words of their own
  ("عبدالرحمن" also as "عبد" and "الرحمن", "الغامدي" as "ال" and "غامدي"): a typed word
  is one prefix term, whichever half of a compound it is;
- has prefix indexes for 2 to 10 letters, so nearly every typed word is read lazily from
  one precomputed doclist and a LIMIT stops the query early;
- keeps no positions (``detail=none``): search asks for words, never phrases, which makes
  the index smaller than 0002's (+6 MB for lengths 7-10 at 1M people, measured).

Contentless (``content=''``): the indexed text is not the table's column, so the triggers
give it the expanded text, and a deletion gives the old text back.  The expansion is
plain SQL (one ``replace`` per prefix, "-" splitting the word for the tokenizer; the five
prefixes never begin one another, so a word is split at most once), so any connection
that writes a beneficiary keeps the index right — no application function needed.

PostgreSQL keeps 0002's GIN index; nothing changes there.

The SQL is written out here (not imported from makarem_desk.search) so this revision keeps
doing what it did when later code changes.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _words(column: str) -> str:
    split = f"' ' || {column}"
    for prefix in ("عبد", "ابو", "ابن", "بن", "ال"):
        split = f"replace({split}, ' {prefix}', ' {prefix}-')"
    return f"{column} || {split}"


OLD_TRIGGERS = ("beneficiary_fts_ai", "beneficiary_fts_ad", "beneficiary_fts_au")

SQLITE_UP = [
    *(f"DROP TRIGGER IF EXISTS {t}" for t in OLD_TRIGGERS),
    "DROP TABLE IF EXISTS beneficiary_fts",
    """
    CREATE VIRTUAL TABLE beneficiary_fts USING fts5(
        words,
        content='',
        detail=none,
        tokenize='unicode61 remove_diacritics 0',
        prefix='2 3 4 5 6 7 8 9 10'
    )
    """,
    f"""
    CREATE TRIGGER beneficiary_fts_ai AFTER INSERT ON beneficiary BEGIN
        INSERT INTO beneficiary_fts(rowid, words) VALUES (new.rowid, {_words("new.search_key")});
    END
    """,
    f"""
    CREATE TRIGGER beneficiary_fts_ad AFTER DELETE ON beneficiary BEGIN
        INSERT INTO beneficiary_fts(beneficiary_fts, rowid, words)
        VALUES ('delete', old.rowid, {_words("old.search_key")});
    END
    """,
    f"""
    CREATE TRIGGER beneficiary_fts_au AFTER UPDATE OF search_key ON beneficiary BEGIN
        INSERT INTO beneficiary_fts(beneficiary_fts, rowid, words)
        VALUES ('delete', old.rowid, {_words("old.search_key")});
        INSERT INTO beneficiary_fts(rowid, words) VALUES (new.rowid, {_words("new.search_key")});
    END
    """,
    # Everyone registered before this revision, then one segment.
    f"INSERT INTO beneficiary_fts(rowid, words) SELECT rowid, {_words('search_key')} "
    "FROM beneficiary",
    "INSERT INTO beneficiary_fts(beneficiary_fts) VALUES ('optimize')",
]

# Revision 0002's index, as it created it.
SQLITE_DOWN = [
    *(f"DROP TRIGGER IF EXISTS {t}" for t in OLD_TRIGGERS),
    "DROP TABLE IF EXISTS beneficiary_fts",
    """
    CREATE VIRTUAL TABLE beneficiary_fts USING fts5(
        search_key,
        content='beneficiary',
        content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 0',
        prefix='2 3 4 5 6'
    )
    """,
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
    "INSERT INTO beneficiary_fts(beneficiary_fts) VALUES ('rebuild')",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for stmt in SQLITE_UP:
            op.execute(stmt)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for stmt in SQLITE_DOWN:
            op.execute(stmt)
