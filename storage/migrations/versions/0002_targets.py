"""Targets: per dimension, the score or the band an authority sets out to reach.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the `targets` table, deleted with its diagnostic."""
    op.create_table(
        "targets",
        sa.Column("diagnostic_id", sa.String(64), nullable=False),
        sa.Column("dimension_id", sa.String(64), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("band", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("diagnostic_id", "dimension_id", name="pk_targets"),
        sa.ForeignKeyConstraint(
            ["diagnostic_id"], ["diagnostics.id"], name="fk_targets_diagnostic_id_diagnostics", ondelete="CASCADE"
        ),
        sa.CheckConstraint("(score IS NULL) <> (band IS NULL)", name=op.f("ck_targets_one_value")),
        sa.CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name=op.f("ck_targets_range")),
    )


def downgrade() -> None:
    """Drop the `targets` table."""
    op.drop_table("targets")
