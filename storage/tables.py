"""The database tables, as SQLAlchemy Core metadata.

`diagnostics.workshop_id` is set only on a workshop participant's diagnostic; the
workshop's consolidated (collegial) diagnostic is an ordinary diagnostic referenced by
`workshops.consolidated_id`. Answers keep levels (`level`) apart from "je ne sais pas"
and "non concerné" (`special` = "dk" / "na"): exactly one of the two is set.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    false,
)

ID = String(64)
"""Record ids (`secrets.token_urlsafe(24)`, 32 characters) and content identifiers."""

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware (SQLite forgets)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Refuse naive datetimes, convert aware ones to UTC."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass a timezone-aware UTC datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Attach UTC to the naive values SQLite returns."""
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


workshops = Table(
    "workshops",
    metadata,
    Column("id", ID, primary_key=True),
    Column("title", String(200), nullable=False),
    Column("questionnaire_id", ID, nullable=False),
    Column("profile", JSON, nullable=False),
    Column("join_code", String(6), nullable=False, unique=True),
    Column("facilitator_token", ID, nullable=False, unique=True),
    # use_alter: diagnostics and workshops reference each other.
    Column("consolidated_id", ID, ForeignKey("diagnostics.id", use_alter=True), nullable=False),
    Column("closed", Boolean, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

diagnostics = Table(
    "diagnostics",
    metadata,
    Column("id", ID, primary_key=True),
    Column("questionnaire_id", ID, nullable=False),
    Column("profile", JSON, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("previous_id", ID, ForeignKey("diagnostics.id", ondelete="SET NULL")),
    Column("workshop_id", ID, ForeignKey("workshops.id", ondelete="CASCADE"), index=True),
    Column("role", String(100)),
    Column("first_name", String(100)),
    Column("finished", Boolean, nullable=False),
    Column("action_plan", Text),
    Column("paper", Boolean, nullable=False, server_default=false()),
)

presenter_states = Table(
    "presenter_states",
    metadata,
    Column("workshop_id", ID, ForeignKey("workshops.id", ondelete="CASCADE"), primary_key=True),
    Column("token", ID, nullable=False, unique=True),
    Column("started", Boolean, nullable=False),
    Column("question_id", ID),
    Column("revealed", Boolean, nullable=False),
    Column("timer_ends_at", UTCDateTime),
    Column("updated_at", UTCDateTime, nullable=False),
)
"""What the projected presenter view of a workshop shows; the facilitator's dashboard drives it."""


def _child(name: str, key: str, *columns: Column[Any], checks: dict[str, str] | None = None) -> Table:
    """A table of values keyed by (diagnostic, item), deleted with its diagnostic."""
    return Table(
        name,
        metadata,
        Column(
            "diagnostic_id",
            ID,
            ForeignKey("diagnostics.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column(key, ID, primary_key=True),
        *columns,
        *(CheckConstraint(sql, name=check) for check, sql in (checks or {}).items()),
    )


answers = _child(
    "answers",
    "question_id",
    Column("level", Integer),
    Column("special", String(2)),
    Column("carried_over", Boolean, nullable=False),
    checks={
        "one_value": "(level IS NULL) <> (special IS NULL)",
        "special": "special IN ('dk', 'na')",
    },
)

importances = _child(
    "importances",
    "dimension_id",
    Column("value", Integer, nullable=False),
    checks={"range": "value BETWEEN 0 AND 3"},
)

comments = _child("comments", "item_id", Column("text", Text, nullable=False))

targets = _child(
    "targets",
    "dimension_id",
    Column("score", Float),
    Column("band", String(64)),
    checks={
        "one_value": "(score IS NULL) <> (band IS NULL)",
        "range": "score IS NULL OR (score >= 0 AND score <= 100)",
    },
)
"""Per dimension, the score (0–100) or the band id an authority sets out to reach."""

join_failures = Table(
    "join_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("client", String(64), nullable=False),
    Column("at", UTCDateTime, nullable=False, index=True),
)
"""Wrong join codes, by hashed client address, kept for the throttling window then deleted."""
