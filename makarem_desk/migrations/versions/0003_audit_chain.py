"""audit trail as a hash chain; UPDATE and DELETE refused by triggers

Adds the chain columns (position, installation, previous hash, own hash) and the head row,
links the events already there in the order they happened, and installs triggers that
refuse changing or deleting an event (TRUNCATE too, on PostgreSQL).  The triggers are
defence in depth: the chain is what shows a change made around them.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

REFUSE = "the audit trail cannot be changed or deleted"
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
        BEGIN SELECT RAISE(ABORT, '{REFUSE}'); END""",
    f"""CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
        BEGIN SELECT RAISE(ABORT, '{REFUSE}'); END""",
]
PG_TRIGGERS = [
    f"""CREATE FUNCTION audit_event_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '{REFUSE}'; END $$""",
    """CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_refuse()""",
    """CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse()""",
]
GENESIS = "0" * 64


def _hash(row: dict, seq: int, site: str, prev: str) -> str:
    # The canonical form of makarem_desk.audit.canonical at this revision, written out so
    # that this migration keeps linking old events the same way whatever the code becomes.
    at = row["at"]
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    details = row["details"]
    if isinstance(details, str):
        details = json.loads(details)
    body = {
        "seq": seq,
        "at": at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "site": site,
        "user_id": str(row["user_id"]) if row["user_id"] else None,
        "username": row["username"],
        "action": row["action"],
        "entity": row["entity"],
        "entity_id": row["entity_id"],
        "details": details,
        "prev": prev,
    }
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    with op.batch_alter_table("audit_event") as batch:
        batch.add_column(sa.Column("seq", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("site_id", sa.String(32), nullable=False, server_default=""))
        batch.add_column(sa.Column("prev_hash", sa.String(64), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("hash", sa.String(64), nullable=False, server_default=""))
        batch.create_index("ix_audit_event_entity_id", ["entity_id"])
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )

    site = bind.execute(sa.text("SELECT id FROM site WHERE is_local = :t"),
                        {"t": True}).scalar() or ""
    ev = sa.table("audit_event", sa.column("id", sa.Uuid()), sa.column("at", sa.DateTime()),
                  sa.column("user_id", sa.Uuid()), sa.column("username"),
                  sa.column("action"), sa.column("entity"), sa.column("entity_id"),
                  sa.column("details", sa.JSON()), sa.column("seq"), sa.column("site_id"),
                  sa.column("prev_hash"), sa.column("hash"))
    rows = bind.execute(sa.select(ev).order_by(ev.c.at, ev.c.id)).mappings().all()
    prev = GENESIS
    for seq, row in enumerate(rows, start=1):
        digest = _hash(dict(row), seq, site, prev)
        bind.execute(ev.update().where(ev.c.id == row["id"]).values(
            seq=seq, site_id=site, prev_hash=prev, hash=digest))
        prev = digest
    bind.execute(sa.text("INSERT INTO audit_head (id, seq, hash) VALUES (1, :s, :h)"),
                 {"s": len(rows), "h": prev})

    with op.batch_alter_table("audit_event") as batch:
        batch.alter_column("seq", existing_type=sa.BigInteger(), nullable=False)
        batch.create_unique_constraint("uq_audit_event_seq", ["seq"])
    for stmt in SQLITE_TRIGGERS if sqlite else PG_TRIGGERS:
        op.execute(stmt)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_change ON audit_event")
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event")
        op.execute("DROP FUNCTION IF EXISTS audit_event_refuse()")
    op.drop_table("audit_head")
    with op.batch_alter_table("audit_event") as batch:
        batch.drop_constraint("uq_audit_event_seq", type_="unique")
        batch.drop_index("ix_audit_event_entity_id")
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
        batch.drop_column("site_id")
        batch.drop_column("seq")
