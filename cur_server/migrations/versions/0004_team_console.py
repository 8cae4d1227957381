"""supervisor's console: presence, shift handover notes, quality reviews; first answers index

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 17:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.create_index("ix_incident_first_answered", ["first_answered_at"], unique=False)
    op.create_table(
        "presence",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("activity", sa.String(length=16), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("user_id"),
    )
    op.create_index(op.f("ix_presence_incident_id"), "presence", ["incident_id"], unique=False)
    op.create_table(
        "handover_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_handover_notes_created_at"), "handover_notes", ["created_at"], unique=False
    )
    op.create_table(
        "quality_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("reply_id", sa.Integer(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=False),
        sa.Column("polite", sa.Boolean(), nullable=False),
        sa.Column("concrete_action", sa.Boolean(), nullable=False),
        sa.Column("correct_agency", sa.Boolean(), nullable=False),
        sa.Column("on_time", sa.Boolean(), nullable=False),
        sa.Column("no_brush_off", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.id"]),
        sa.ForeignKeyConstraint(["operator_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["reply_id"], ["replies.id"]),
        sa.ForeignKeyConstraint(["reviewer_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("reply_id"),
    )
    op.create_index(
        op.f("ix_quality_reviews_incident_id"), "quality_reviews", ["incident_id"], unique=False
    )
    op.create_index(
        op.f("ix_quality_reviews_operator_id"), "quality_reviews", ["operator_id"], unique=False
    )
    op.create_index(
        op.f("ix_quality_reviews_reviewed_at"), "quality_reviews", ["reviewed_at"], unique=False
    )


def downgrade() -> None:
    op.drop_table("quality_reviews")
    op.drop_table("handover_notes")
    op.drop_table("presence")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_first_answered")
