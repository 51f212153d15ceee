"""Initial schema: diagnostics, their answers, importances and comments, workshops.

Revision ID: 0001
Revises:
Create Date: 2025-11-22
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(64)
TIMESTAMP = sa.DateTime(timezone=True)


def _child(name: str, key: str, *columns: sa.Column, checks: dict[str, str]) -> None:  # type: ignore[type-arg]
    """A table keyed by (diagnostic, item), deleted with its diagnostic."""
    op.create_table(
        name,
        sa.Column("diagnostic_id", ID, nullable=False),
        sa.Column(key, ID, nullable=False),
        *columns,
        sa.PrimaryKeyConstraint("diagnostic_id", key, name=f"pk_{name}"),
        sa.ForeignKeyConstraint(
            ["diagnostic_id"],
            ["diagnostics.id"],
            name=f"fk_{name}_diagnostic_id_diagnostics",
            ondelete="CASCADE",
        ),
        *(sa.CheckConstraint(sql, name=op.f(f"ck_{name}_{check}")) for check, sql in checks.items()),
    )


def upgrade() -> None:
    """Create every table."""
    # workshops and diagnostics reference each other: the workshops -> diagnostics
    # foreign key is added once both tables exist.
    op.create_table(
        "workshops",
        sa.Column("id", ID, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("questionnaire_id", ID, nullable=False),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.Column("join_code", sa.String(6), nullable=False),
        sa.Column("facilitator_token", ID, nullable=False),
        sa.Column("consolidated_id", ID, nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_workshops"),
        sa.UniqueConstraint("join_code", name="uq_workshops_join_code"),
        sa.UniqueConstraint("facilitator_token", name="uq_workshops_facilitator_token"),
    )
    op.create_table(
        "diagnostics",
        sa.Column("id", ID, nullable=False),
        sa.Column("questionnaire_id", ID, nullable=False),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.Column("previous_id", ID, nullable=True),
        sa.Column("workshop_id", ID, nullable=True),
        sa.Column("role", sa.String(100), nullable=True),
        sa.Column("first_name", sa.String(100), nullable=True),
        sa.Column("finished", sa.Boolean(), nullable=False),
        sa.Column("action_plan", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_diagnostics"),
        sa.ForeignKeyConstraint(
            ["previous_id"],
            ["diagnostics.id"],
            name="fk_diagnostics_previous_id_diagnostics",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["workshop_id"],
            ["workshops.id"],
            name="fk_diagnostics_workshop_id_workshops",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_diagnostics_workshop_id", "diagnostics", ["workshop_id"])
    with op.batch_alter_table("workshops") as batch:
        batch.create_foreign_key(
            "fk_workshops_consolidated_id_diagnostics",
            "diagnostics",
            ["consolidated_id"],
            ["id"],
        )
    _child(
        "answers",
        "question_id",
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("special", sa.String(2), nullable=True),
        sa.Column("carried_over", sa.Boolean(), nullable=False),
        checks={
            "one_value": "(level IS NULL) <> (special IS NULL)",
            "special": "special IN ('dk', 'na')",
        },
    )
    _child(
        "importances",
        "dimension_id",
        sa.Column("value", sa.Integer(), nullable=False),
        checks={"range": "value BETWEEN 0 AND 3"},
    )
    _child("comments", "item_id", sa.Column("text", sa.Text(), nullable=False), checks={})


def downgrade() -> None:
    """Drop every table."""
    for table in ("comments", "importances", "answers"):
        op.drop_table(table)
    with op.batch_alter_table("workshops") as batch:
        batch.drop_constraint("fk_workshops_consolidated_id_diagnostics", type_="foreignkey")
    op.drop_table("diagnostics")
    op.drop_table("workshops")
