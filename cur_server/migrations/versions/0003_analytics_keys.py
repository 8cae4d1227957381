"""analytics: near-duplicate keys (address_key, text_key) with a backfill, and their indexes

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 16:00:00.000000

The backfill computes the keys with today's `cur_desktop.models.fingerprint`, in pages by id so
a quarter of a million incidents never sit in memory at once.
"""

import sqlalchemy as sa
from alembic import op

from cur_desktop.models.fingerprint import address_key, text_key

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_PAGE = 5_000
#: Copied from tables.ANALYTICS_COLUMNS as it was when this migration was written.
_ANALYTICS_COLUMNS = (
    "training_session_id",
    "municipality_id",
    "sector",
    "category_id",
    "status",
    "assignee_id",
    "agency_id",
    "first_answer_due",
    "first_answered_at",
    "address_key",
    "text_key",
)


def _backfill() -> None:
    conn = op.get_bind()
    incidents = sa.table(
        "incidents",
        sa.column("id", sa.Integer),
        sa.column("text", sa.Text),
        sa.column("address_key", sa.String),
        sa.column("text_key", sa.String),
    )
    update = (
        sa.update(incidents)
        .where(incidents.c.id == sa.bindparam("b_id"))
        .values(address_key=sa.bindparam("b_address"), text_key=sa.bindparam("b_text"))
    )
    last = 0
    while True:
        rows = conn.execute(
            sa.select(incidents.c.id, incidents.c.text)
            .where(incidents.c.id > last)
            .order_by(incidents.c.id)
            .limit(_PAGE)
        ).all()
        if not rows:
            return
        conn.execute(
            update,
            [
                {"b_id": iid, "b_address": address_key(text), "b_text": text_key(text)}
                for iid, text in rows
            ],
        )
        last = rows[-1][0]


def upgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("address_key", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("text_key", sa.String(length=32), nullable=True))
    _backfill()
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index(
            "ix_incident_received",
            ["received_at"],
            unique=False,
            postgresql_include=list(_ANALYTICS_COLUMNS),
        )
        batch_op.create_index("ix_incident_address_key", ["address_key"], unique=False)
        batch_op.create_index("ix_incident_text_key", ["text_key"], unique=False)
        batch_op.create_index("ix_incident_status", ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_status")
        batch_op.drop_index("ix_incident_text_key")
        batch_op.drop_index("ix_incident_address_key")
        batch_op.drop_index("ix_incident_received")
        batch_op.drop_column("text_key")
        batch_op.drop_column("address_key")
