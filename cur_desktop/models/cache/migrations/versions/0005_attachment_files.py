"""attachments: the server's stored files of an incident, and their cached bytes

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 09:00:00

`incidents.files` holds the server's `IncidentOut.files` (JSON; existing rows get `[]`, which
is what the server had for them: it stored no files before this version). `attachment_files`
keeps thumbnails and opened files for offline use, within the size limit the workstation sets,
the least recently used going first.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("incidents", sa.Column("files", sa.Text(), nullable=False, server_default="[]"))
    op.create_table(
        "attachment_files",
        sa.Column("key", sa.Text(), primary_key=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("used_at", sa.Float(), nullable=False),
    )
    op.create_index("ix_attachment_files_used", "attachment_files", ["used_at"])


def downgrade() -> None:
    op.drop_table("attachment_files")
    with op.batch_alter_table("incidents") as batch_op:
        batch_op.drop_column("files")
