"""name index on PostgreSQL: every prefix of every word as an exact entry (issue 14)

Revision 0002's GIN index on ``to_tsvector('simple', search_key)`` answered a typed word
with six prefix terms OR'ed (the word, with "ال", with "عبد"/"ابو"/"ابن"/"بن" in front:
the second half of a compound typed alone); each ``word:*`` walks GIN's entry tree and
merges every matching posting list, so name search stayed about 6x under a ``LIKE``
scan at 200,000 people (bench/search_bench_pg.py).

This revision gives each beneficiary a stored generated column ``name_prefixes``: every
prefix (one letter up) of each word of the folded key and of the second half of a
compound ("عبدالرحمن" also as "الرحمن", "الغامدي" as "غامدي", "بنلادن" as "لادن" — the
words the SQLite index of 0008 holds), and each whole word or half once more with "$"
after it, for the tiers that want whole words.  A typed word is then one exact entry:
``name_prefixes @> ARRAY[...]`` intersects posting lists the way GIN does best, and the
planner, which has per-entry statistics for the column, reads a common first name by a
scan that stops at the limit and a rare family name by the index.

Generated, not kept by triggers: every writer (the services, sync import's COPY, the demo
generator, pg_restore) gets the column right without knowing about it, and nothing in
the application has to call anything.  0002's tsvector index is dropped: nothing reads it.

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
# withhold).  IMMUTABLE: a generated column may only call such functions, and the entries
# depend on the key alone.  GIN removes duplicate entries itself.
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

PG_UP = [
    FUNCTION,
    # Computed for everyone registered before this revision as the table is rewritten.
    "ALTER TABLE beneficiary ADD COLUMN name_prefixes text[] "
    "GENERATED ALWAYS AS (beneficiary_name_prefixes(search_key)) STORED",
    # fastupdate off for the reason 0002 gives: no pending list for every search to scan.
    "CREATE INDEX IF NOT EXISTS ix_beneficiary_name_prefixes ON beneficiary "
    "USING gin (name_prefixes) WITH (fastupdate = off)",
    "DROP INDEX IF EXISTS ix_beneficiary_search_tsv",
    # The planner's choice between the index and an early-stopping scan rests on the
    # column's entry statistics; without them it guesses.
    "ANALYZE beneficiary",
]

PG_DOWN = [
    "CREATE INDEX IF NOT EXISTS ix_beneficiary_search_tsv ON beneficiary "
    "USING gin (to_tsvector('simple', search_key)) WITH (fastupdate = off)",
    "DROP INDEX IF EXISTS ix_beneficiary_name_prefixes",
    "ALTER TABLE beneficiary DROP COLUMN IF EXISTS name_prefixes",
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
