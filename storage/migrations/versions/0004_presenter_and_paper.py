"""Presenter view state per workshop, and paper participants.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create `presenter_states` (one row per workshop) and add `diagnostics.paper`."""
    op.create_table(
        "presenter_states",
        sa.Column("workshop_id", sa.String(64), nullable=False),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("started", sa.Boolean(), nullable=False),
        sa.Column("question_id", sa.String(64), nullable=True),
        sa.Column("revealed", sa.Boolean(), nullable=False),
        sa.Column("timer_ends_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("workshop_id", name="pk_presenter_states"),
        sa.ForeignKeyConstraint(
            ["workshop_id"], ["workshops.id"], name="fk_presenter_states_workshop_id_workshops", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("token", name="uq_presenter_states_token"),
    )
    with op.batch_alter_table("diagnostics") as batch:
        batch.add_column(sa.Column("paper", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    """Drop `presenter_states` and `diagnostics.paper`."""
    with op.batch_alter_table("diagnostics") as batch:
        batch.drop_column("paper")
    op.drop_table("presenter_states")
