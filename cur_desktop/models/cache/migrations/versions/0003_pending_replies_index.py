"""approvals: a partial index of the replies waiting for approval

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 16:10:00

The supervisor's approval panel re-reads its list after every sync; without this it would scan
every reply in the cache (hundreds of thousands at 250k incidents, each page decrypted). The
index holds only the few pending replies. cache/approvals.py spells the condition exactly so,
for SQLite to use it.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_replies_pending ON replies (created_at, id)"
        " WHERE approval_state = 'pending_approval'"
    )


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_replies_pending")
