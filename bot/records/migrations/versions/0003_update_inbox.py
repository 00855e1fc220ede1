"""update inbox: every update stored before it counts as received

Revision ID: 0003
Revises: 0002_quiz
Create Date: 2026-11-23 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002_quiz"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "update_inbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("update_id", sa.String(length=100), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_update_inbox")),
        sa.UniqueConstraint("channel", "update_id", name="uq_update_inbox_update"),
    )
    op.create_index("ix_update_inbox_pending", "update_inbox", ["channel", "done_at"])
    op.create_index(op.f("ix_update_inbox_done_at"), "update_inbox", ["done_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_update_inbox_done_at"), table_name="update_inbox")
    op.drop_index("ix_update_inbox_pending", table_name="update_inbox")
    op.drop_table("update_inbox")
