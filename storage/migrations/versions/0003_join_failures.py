"""Wrong join codes, counted across instances to slow down code guessing.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the table of recent wrong join codes."""
    op.create_table(
        "join_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_join_failures"),
    )
    op.create_index("ix_join_failures_at", "join_failures", ["at"])


def downgrade() -> None:
    """Drop it."""
    op.drop_index("ix_join_failures_at", table_name="join_failures")
    op.drop_table("join_failures")
