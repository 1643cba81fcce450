"""name index on PostgreSQL: every prefix of every word as an exact entry (issue 14)

Revision 0002's GIN index on ``to_tsvector('simple', search_key)`` answered a typed word
with six prefix terms OR'ed (the word, with "ال", with "عبد"/"ابو"/"ابن"/"بن" in front:
the second half of a compound typed alone); each ``word:*`` walks GIN's entry tree and
merges every matching posting list, so name search stayed about 6x under a ``LIKE``
scan at 200,000 people (bench/search_bench_pg.py).

This revision gives each beneficiary a row in ``beneficiary_name_index`` whose
``prefixes`` are every prefix (one letter up) of each word of the folded key and of the
second half of a compound ("عبدالرحمن" also as "الرحمن", "الغامدي" as "غامدي", "بنلادن"
as "لادن" — the words the SQLite index of 0008 holds), and each whole word or half once
more with "$" after it, for the tiers that want whole words.  A typed word is then one
exact entry: ``prefixes @> ARRAY[...]`` intersects posting lists the way GIN does best,
and the planner, which has per-entry statistics for the column, reads a common first name
by a scan that stops at the limit and a rare family name by the index.

A table of its own, not a column of ``beneficiary``: the entries are about 400 bytes a
person, and as a column they made every full scan of the beneficiaries 1.5x slower
(heap 53 -> 144 MB at 200,000; a LIKE scan's p95 141 vs 91 ms).  Statement triggers keep
it (one INSERT ... SELECT per statement from its transition table, so a COPY of 100,000
rows is one pass); a deletion cascades through the foreign key.  Any connection that
writes a beneficiary — the services, sync import's COPY, the demo generator — keeps the
index right without knowing about it; pg_restore loads the table's rows and creates the
triggers after the data.  0002's tsvector index is dropped: nothing reads it.

The price is paid at writing, ~30 entries a person instead of ~5: measured at 200,000
(2,500 rows inserted, load 6-7), 0.35 ms a row put straight into this GIN index against
0.046 ms into 0002's, plus 0.04 ms for the entries.  So the index keeps GIN's pending
list (fastupdate on), small for everyday writing (``db.PG_PENDING_LIST_LIMIT``: every
search scans it), and a sync import lets it grow for its transaction and merges it once
at the end (``sync/name_entries.py``): 60,000 people into 140,000, 14.5-21 s one by one,
4.2 s pending and merged, 1.9-2.9 s of it writing the rows without the index.  The
demo generator drops the index and builds it once (13 s at 200,000,
``search.PG_INDEX_DDL``).

The function and DDL are written out here (not imported from makarem_desk.search) so this
revision keeps doing what it did when later code changes.  SQLite is untouched (0008).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# PL/pgSQL is built into every PostgreSQL (no extension, no rights a shared server may
# withhold).  IMMUTABLE: the entries depend on the key alone.  GIN removes duplicate
# entries itself.
FUNCTION = """
CREATE OR REPLACE FUNCTION beneficiary_name_prefixes(key text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $body$
DECLARE
    entries text[] := '{}';
    word text;
    part text;
    joining text;
    n int;
BEGIN
    FOREACH word IN ARRAY string_to_array(key, ' ') LOOP
        part := word;
        LOOP
            FOR n IN 1 .. length(part) LOOP
                entries := entries || left(part, n);
            END LOOP;
            entries := entries || (part || '$');
            EXIT WHEN part <> word;
            -- The five prefixes never begin one another: a word has one second half.
            part := NULL;
            FOREACH joining IN ARRAY ARRAY['عبد', 'ابو', 'ابن', 'بن', 'ال'] LOOP
                IF length(word) > length(joining) AND starts_with(word, joining) THEN
                    part := substr(word, length(joining) + 1);
                END IF;
            END LOOP;
            EXIT WHEN part IS NULL;
        END LOOP;
    END LOOP;
    RETURN entries;
END
$body$
"""

# Transition tables need one trigger per event; an UPDATE trigger with them may not name
# columns, so it compares the keys itself.
TRIGGERS = [
    """
    CREATE OR REPLACE FUNCTION beneficiary_name_index_insert() RETURNS trigger
    LANGUAGE plpgsql AS $body$
    BEGIN
        INSERT INTO beneficiary_name_index (beneficiary_id, prefixes)
        SELECT id, beneficiary_name_prefixes(search_key) FROM new_rows;
        RETURN NULL;
    END
    $body$
    """,
    """
    CREATE OR REPLACE FUNCTION beneficiary_name_index_update() RETURNS trigger
    LANGUAGE plpgsql AS $body$
    BEGIN
        UPDATE beneficiary_name_index AS i
        SET prefixes = beneficiary_name_prefixes(n.search_key)
        FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id
        WHERE i.beneficiary_id = n.id AND n.search_key IS DISTINCT FROM o.search_key;
        RETURN NULL;
    END
    $body$
    """,
    "CREATE TRIGGER beneficiary_name_index_ai AFTER INSERT ON beneficiary "
    "REFERENCING NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION beneficiary_name_index_insert()",
    "CREATE TRIGGER beneficiary_name_index_au AFTER UPDATE ON beneficiary "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION beneficiary_name_index_update()",
]

PG_UP = [
    FUNCTION,
    "CREATE TABLE beneficiary_name_index ("
    " beneficiary_id uuid PRIMARY KEY REFERENCES beneficiary (id) ON DELETE CASCADE,"
    " prefixes text[] NOT NULL)",
    *TRIGGERS,
    # Everyone registered before this revision.
    "INSERT INTO beneficiary_name_index (beneficiary_id, prefixes) "
    "SELECT id, beneficiary_name_prefixes(search_key) FROM beneficiary",
    # fastupdate on, unlike 0002's: ~30 entries a person put one by one into the tree made
    # a sync import of 100,000 records 5x slower; pending, they are merged in bulk.  The
    # pending list every search scans is kept to a few pages by the session's limit
    # (db.PG_PENDING_LIST_LIMIT), which an import raises for its transaction.
    "CREATE INDEX IF NOT EXISTS ix_beneficiary_name_prefixes ON beneficiary_name_index "
    "USING gin (prefixes) WITH (fastupdate = on)",
    "DROP INDEX IF EXISTS ix_beneficiary_search_tsv",
    # The planner's choice between the index and an early-stopping scan rests on the
    # column's entry statistics; without them it guesses.
    "ANALYZE beneficiary_name_index",
]

PG_DOWN = [
    "CREATE INDEX IF NOT EXISTS ix_beneficiary_search_tsv ON beneficiary "
    "USING gin (to_tsvector('simple', search_key)) WITH (fastupdate = off)",
    "DROP TRIGGER IF EXISTS beneficiary_name_index_au ON beneficiary",
    "DROP TRIGGER IF EXISTS beneficiary_name_index_ai ON beneficiary",
    "DROP TABLE IF EXISTS beneficiary_name_index",
    "DROP FUNCTION IF EXISTS beneficiary_name_index_update()",
    "DROP FUNCTION IF EXISTS beneficiary_name_index_insert()",
    "DROP FUNCTION IF EXISTS beneficiary_name_prefixes(text)",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for stmt in PG_UP:
            op.execute(stmt)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for stmt in PG_DOWN:
            op.execute(stmt)
