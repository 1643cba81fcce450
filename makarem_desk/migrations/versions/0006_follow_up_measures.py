"""follow-up and measurement: referral reason codes (POL-H3), the program of a rating and
the follow-up of suggestions (POL-G5/G6, POL-GOAL)

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import makarem_desk.models.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("referral") as t:
        t.add_column(sa.Column("reason_code", sa.String(length=32), nullable=True))
    with op.batch_alter_table("satisfaction_response") as t:
        t.add_column(sa.Column("program_code", sa.String(length=40), nullable=True))
        t.add_column(sa.Column("suggestion_status", sa.String(length=32), nullable=True))
        t.add_column(sa.Column("suggestion_note", sa.Text(), nullable=True))
        t.add_column(sa.Column("suggestion_updated_at",
                               makarem_desk.models.base.UTCDateTime(timezone=True),
                               nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("satisfaction_response") as t:
        t.drop_column("suggestion_updated_at")
        t.drop_column("suggestion_note")
        t.drop_column("suggestion_status")
        t.drop_column("program_code")
    with op.batch_alter_table("referral") as t:
        t.drop_column("reason_code")
