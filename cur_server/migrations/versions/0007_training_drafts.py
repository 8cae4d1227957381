"""training: the replies trainees are writing, for the trainer's live view

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 18:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "training_drafts",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"]),
        sa.ForeignKeyConstraint(["session_id"], ["training_sessions.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("user_id", "incident_id"),
    )
    op.create_index(
        op.f("ix_training_drafts_session_id"), "training_drafts", ["session_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_training_drafts_session_id"), table_name="training_drafts")
    op.drop_table("training_drafts")
