"""feed scope index: (training_session_id, seq) instead of training_session_id alone

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 14:50:00.000000
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incidents_training_session_id"))
        batch_op.create_index(
            "ix_incident_training_seq", ["training_session_id", "seq"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_training_seq")
        batch_op.create_index(
            batch_op.f("ix_incidents_training_session_id"), ["training_session_id"], unique=False
        )
