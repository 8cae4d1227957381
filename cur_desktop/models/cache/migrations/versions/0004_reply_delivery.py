"""replies: where a reply to a delivered channel (e-mail) is on its way to the citizen

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 18:30:00

The server says it on each reply (`delivery_state`: queued, sent, failed; `delivery_error`);
the card shows it next to the reply. Plain ADD COLUMNs: existing rows stay NULL, which is what
the server sends for replies no channel delivers.

The e-mail channel joins the channel list, so the queue's sort-by-channel index is rebuilt with
its rank (schema.CHANNEL_RANK, spelled out as it is now, as 0002 spelled the previous one).
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


CHANNEL_RANK = (
    "(CASE channel WHEN 'max' THEN 0 WHEN 'telegram' THEN 1 WHEN 'vk' THEN 2 WHEN 'pos' THEN 3"
    " WHEN 'other' THEN 4 WHEN 'gospublic_comment' THEN 5 WHEN 'ok' THEN 6 WHEN 'chatbot' THEN 7"
    " WHEN 'email' THEN 8 ELSE 99 END)"
)


def upgrade() -> None:
    op.add_column("replies", sa.Column("delivery_state", sa.Text(), nullable=True))
    op.add_column("replies", sa.Column("delivery_error", sa.Text(), nullable=True))
    op.execute("DROP INDEX IF EXISTS ix_inc_channel_rank")
    op.execute(f"CREATE INDEX ix_inc_channel_rank ON incidents ({CHANNEL_RANK})")


def downgrade() -> None:
    with op.batch_alter_table("replies") as batch_op:
        batch_op.drop_column("delivery_error")
        batch_op.drop_column("delivery_state")
