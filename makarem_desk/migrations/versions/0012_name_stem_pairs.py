"""name index on PostgreSQL: pairs of word stems beside the prefixes (issue 14)

GIN answers ``entries @> ARRAY[...]`` by walking the posting list of every entry it is
given: the rarest one person by person (about 0.1 us each at 200,000 people) and the
others decoded alongside (about 6 ns each).  A name made of common words ("عبدالله
القحطاني": 38,000 and 12,500 people) has no rare entry, and those keystrokes were the
slowest: 1.2-1.5 ms on the server.

``beneficiary_name_entries`` is 0009's entries (every prefix of each word and of a
compound's second half, whole words marked "$") and, for every two stems of the key, the
pair "الل قحط".  A key word's stems are its first three letters, its second half's, and
that half's after another joining prefix: "عبدالرحمن" gives "عبد", "الر" and "رحم".  Any
typed word a key holds has a stem among the key's (``search_pairs``), so the pairs of a
query's stems are held by everyone who holds its words: name search sends them through
the index and tests its common words on the rows it reads instead (``search_costs``).
Measured on the 200,000-person bench schema: the entries 33 -> 47 a person, the index 14
-> 24 MB; computing them for everyone 1.26 -> 1.95 s.

The pairs are joined by a space, which no word of a key holds, so a pair is never a
word's entry.  0009's function stays (0011's index is built over it again on a
downgrade).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

INDEX = "ix_beneficiary_name_entries"
OLD_INDEX = "ix_beneficiary_name_prefixes"

# One pass over the words: the prefixes as 0009's function makes them, then the stems;
# PL/pgSQL appends to its arrays in place.  (Calling 0009's function and splitting the key
# again was 40 % slower, measured on a first version of the stems: an import computes
# this for every new beneficiary.)  The joining prefixes are text.COMPOUND_PREFIXES of
# this revision (none begins another, so at most one matches a word).
FUNCTION = """
CREATE OR REPLACE FUNCTION beneficiary_name_entries(key text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $body$
DECLARE
    entries text[] := '{}';
    stems text[] := '{}';
    word text;
    part text;
    half text;
    again text;
    joining text;
    n int;
    i int;
    j int;
BEGIN
    FOREACH word IN ARRAY string_to_array(key, ' ') LOOP
        half := NULL;
        FOREACH joining IN ARRAY ARRAY['عبد', 'ابو', 'ابن', 'بن', 'ال'] LOOP
            IF length(word) > length(joining) AND starts_with(word, joining) THEN
                half := substr(word, length(joining) + 1);
            END IF;
        END LOOP;
        part := word;
        LOOP
            FOR n IN 1 .. length(part) LOOP
                entries := entries || left(part, n);
            END LOOP;
            entries := entries || (part || '$');
            EXIT WHEN half IS NULL OR part = half;
            part := half;
        END LOOP;
        -- The stems: the word's first three letters, its half's, and the half's after
        -- another joining prefix.
        IF length(word) >= 3 THEN
            stems := stems || left(word, 3);
        END IF;
        CONTINUE WHEN half IS NULL;
        IF length(half) >= 3 THEN
            stems := stems || left(half, 3);
        END IF;
        again := NULL;
        FOREACH joining IN ARRAY ARRAY['عبد', 'ابو', 'ابن', 'بن', 'ال'] LOOP
            IF length(half) > length(joining) AND starts_with(half, joining) THEN
                again := substr(half, length(joining) + 1);
            END IF;
        END LOOP;
        IF length(again) >= 3 THEN
            stems := stems || left(again, 3);
        END IF;
    END LOOP;
    FOR i IN 1 .. coalesce(array_length(stems, 1), 0) - 1 LOOP
        FOR j IN i + 1 .. array_length(stems, 1) LOOP
            IF stems[i] < stems[j] THEN
                entries := entries || (stems[i] || ' ' || stems[j]);
            ELSIF stems[i] > stems[j] THEN
                entries := entries || (stems[j] || ' ' || stems[i]);
            END IF;
        END LOOP;
    END LOOP;
    RETURN entries;
END
$body$
"""

PG_UP = [
    FUNCTION,
    # 1.95 s for 200,000 keys: 9.8 us a call, weighed as 0011 weighed 0009's 8.4 us.
    "ALTER FUNCTION beneficiary_name_entries(text) COST 580",
    f"CREATE INDEX IF NOT EXISTS {INDEX} ON beneficiary "
    "USING gin (beneficiary_name_entries(search_key)) WITH (fastupdate = on)",
    f"DROP INDEX IF EXISTS {OLD_INDEX}",
    "ANALYZE beneficiary",  # name search reads the new index's statistics
]

PG_DOWN = [
    f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON beneficiary "
    "USING gin (beneficiary_name_prefixes(search_key)) WITH (fastupdate = on)",
    f"DROP INDEX IF EXISTS {INDEX}",
    "DROP FUNCTION IF EXISTS beneficiary_name_entries(text)",
    "ANALYZE beneficiary",
]


def _on_postgresql(statements: list[str]) -> None:
    if op.get_bind().dialect.name == "postgresql":  # SQLite's FTS5 index is 0008's
        for stmt in statements:
            op.execute(stmt)


def upgrade() -> None:
    _on_postgresql(PG_UP)


def downgrade() -> None:
    _on_postgresql(PG_DOWN)
