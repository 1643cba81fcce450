"""records saved under the placeholder site LOCAL are adopted by the local site

Releases before issue 9 saved records written before the set-up under the site code
"LOCAL"; once the installation was set up those rows never travelled (an export takes only
its own site's rows), so the committee lacked e.g. the programs the counter's applications
point to.  Where the local site is known, its code replaces the placeholder and the rows
get fresh change numbers above every one handed out, so the next batch carries them.  A
database not yet set up keeps them until its set-up adopts them (SetupService).

No schema change; the downgrade leaves the data as it is.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

PLACEHOLDER = "LOCAL"
# The travelling tables at this revision, parents first.
TABLES = ("program", "beneficiary", "contact", "application", "declaration", "referral",
          "satisfaction_response")


def upgrade() -> None:
    bind = op.get_bind()
    site = bind.execute(sa.text("SELECT id FROM site WHERE is_local = :t"),
                        {"t": True}).scalar()
    if not site:
        return
    base = int(bind.execute(sa.text("SELECT value FROM change_counter WHERE id = 1")).scalar()
               or 0)
    top = 0
    for name in TABLES:
        highest = bind.execute(
            sa.text(f"SELECT max(change_seq) FROM {name} WHERE site_id = :p"),
            {"p": PLACEHOLDER},
        ).scalar()
        if highest is None:
            continue
        bind.execute(
            sa.text(f"UPDATE {name} SET site_id = :s, change_seq = change_seq + :b "
                    "WHERE site_id = :p"),
            {"s": site, "b": base, "p": PLACEHOLDER},
        )
        top = max(top, int(highest))
    if top:
        if bind.execute(sa.text("SELECT 1 FROM change_counter WHERE id = 1")).scalar():
            bind.execute(sa.text("UPDATE change_counter SET value = :v WHERE id = 1"),
                         {"v": base + top})
        else:
            bind.execute(sa.text("INSERT INTO change_counter (id, value) VALUES (1, :v)"),
                         {"v": base + top})


def downgrade() -> None:
    pass  # the adopted rows are this site's own; nothing to undo
