"""name index on PostgreSQL: entries removed by a trigger, not a foreign key (issue 14)

Revision 0009's ``beneficiary_name_index`` referenced ``beneficiary`` (ON DELETE
CASCADE).  Only 0009's insert trigger writes its rows, one per new beneficiary, so the
reference could never fail — but PostgreSQL checked it all the same, one lookup per
row: 0.54 of the 0.73 s it took to insert the entry rows of 60,000 people (measured on
the 200,000-person bench schema), a tenth of a 100,000-record import's time on the
server.  A statement trigger now removes the entries of deleted beneficiaries, as the
cascade did (tested); the primary key stays.

The app never truncates ``beneficiary`` (a TRUNCATE fires no delete trigger).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

PG_UP = [
    "ALTER TABLE beneficiary_name_index "
    "DROP CONSTRAINT IF EXISTS beneficiary_name_index_beneficiary_id_fkey",
    """
    CREATE OR REPLACE FUNCTION beneficiary_name_index_delete() RETURNS trigger
    LANGUAGE plpgsql AS $body$
    BEGIN
        DELETE FROM beneficiary_name_index AS i USING old_rows AS o
        WHERE i.beneficiary_id = o.id;
        RETURN NULL;
    END
    $body$
    """,
    "CREATE TRIGGER beneficiary_name_index_ad AFTER DELETE ON beneficiary "
    "REFERENCING OLD TABLE AS old_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION beneficiary_name_index_delete()",
]

PG_DOWN = [
    "DROP TRIGGER IF EXISTS beneficiary_name_index_ad ON beneficiary",
    "DROP FUNCTION IF EXISTS beneficiary_name_index_delete()",
    "DELETE FROM beneficiary_name_index AS i WHERE NOT EXISTS "
    "(SELECT 1 FROM beneficiary AS b WHERE b.id = i.beneficiary_id)",
    "ALTER TABLE beneficiary_name_index ADD CONSTRAINT beneficiary_name_index_beneficiary_id_fkey "
    "FOREIGN KEY (beneficiary_id) REFERENCES beneficiary (id) ON DELETE CASCADE",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for stmt in PG_UP:
            op.execute(stmt)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for stmt in PG_DOWN:
            op.execute(stmt)
