"""indexes for the report (issue 10): each figure counts rows in a range of days, per
category; each index is led by the category (or the date) and holds what the count needs,
so the report reads index entries, never the wide rows.  Measured in bench/report_bench.py
on 1,000,000 beneficiaries.

They live in the migration only, like the search index of 0002: no model code asks for
them by name.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

INDEXES = {
    # contacts per period and channel (POL-CH): a count per channel over a range of days
    "ix_contact_report": ("contact", ["channel", "started_at"]),
    # applications opened in the range by status; submissions per period
    "ix_application_report_status": ("application", ["status", "created_at"]),
    "ix_application_report_submitted": ("application", ["submitted_at"]),
    # the committee clock: decisions in the range and the days since submission (POL-H5);
    # "status IN (accepted, rejected) AND decided_at in the range" is two range seeks, and
    # "status = submitted" (waiting, overdue) reads the index only
    "ix_application_report_decided": ("application", ["status", "decided_at",
                                                      "submitted_at", "created_at"]),
    # referrals made in the range by reason and status (POL-H3)
    "ix_referral_report": ("referral", ["created_at", "status", "reason_code"]),
    # ratings by channel and program (one GROUP BY), by score per period and suggestions
    # by status (counts over ranges) (POL-G5/G6, POL-GOAL)
    "ix_satisfaction_response_report": ("satisfaction_response",
                                        ["created_at", "channel", "program_code", "score"]),
    "ix_satisfaction_response_score": ("satisfaction_response", ["score", "created_at"]),
    "ix_satisfaction_response_suggestion": ("satisfaction_response",
                                            ["suggestion_status", "created_at"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
