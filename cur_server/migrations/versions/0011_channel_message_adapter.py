"""channel message adapter: the name of the adapter (mailbox, bot, community) a message came in by

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06 09:00:00.000000

With several mailboxes a reply must leave by the one the citizen wrote to; e-mail keeps its
Message-IDs without an adapter's prefix, so the name is stored beside them. Rows written before
have none: their replies leave by the channel's first adapter, as before.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("channel_messages", sa.Column("adapter", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("channel_messages") as batch:
        batch.drop_column("adapter")
