"""Immutable records the repository returns, built from table rows."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row


def new_id() -> str:
    """A fresh unguessable id: 24 random bytes (192 bits), 32 URL-safe characters."""
    return secrets.token_urlsafe(24)


def utc_now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class DiagnosticRecord:
    """A diagnostic: who it is about, which questionnaire, and where it stands.

    `workshop_id`, `role` and `first_name` are set only for a workshop participant.
    """

    id: str
    questionnaire_id: str
    profile: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    previous_id: str | None
    workshop_id: str | None
    role: str | None
    first_name: str | None
    finished: bool
    paper: bool = False
    """A paper questionnaire the facilitator typed in."""

    @classmethod
    def from_row(cls, row: Row[Any]) -> DiagnosticRecord:
        """The record of a `diagnostics` row."""
        m = row._mapping
        return cls(
            id=m["id"],
            questionnaire_id=m["questionnaire_id"],
            profile=dict(m["profile"] or {}),
            created_at=m["created_at"],
            updated_at=m["updated_at"],
            previous_id=m["previous_id"],
            workshop_id=m["workshop_id"],
            role=m["role"],
            first_name=m["first_name"],
            finished=bool(m["finished"]),
            paper=bool(m.get("paper", False)),
        )


@dataclass(frozen=True)
class WorkshopRecord:
    """A workshop: its join code for participants, its secret token for the facilitator."""

    id: str
    title: str
    questionnaire_id: str
    profile: dict[str, Any]
    join_code: str
    facilitator_token: str
    consolidated_id: str
    closed: bool
    created_at: datetime

    @classmethod
    def from_row(cls, row: Row[Any]) -> WorkshopRecord:
        """The record of a `workshops` row."""
        m = row._mapping
        return cls(
            id=m["id"],
            title=m["title"],
            questionnaire_id=m["questionnaire_id"],
            profile=dict(m["profile"] or {}),
            join_code=m["join_code"],
            facilitator_token=m["facilitator_token"],
            consolidated_id=m["consolidated_id"],
            closed=bool(m["closed"]),
            created_at=m["created_at"],
        )
