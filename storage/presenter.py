"""The presenter view's state: the projected screen of a workshop and the dashboard that drives it.

One row per workshop, created on first use with its own presenter token (the projected URL
carries it; it opens nothing but the read-only presenter view). Both screens read and write
the row, so they stay in step even when served by different instances.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, Select, insert, select, update
from sqlalchemy.exc import IntegrityError

from storage.database import Database
from storage.errors import StorageError, WorkshopNotFound
from storage.records import WorkshopRecord, new_id, utc_now
from storage.tables import presenter_states, workshops

CHANGEABLE = frozenset({"started", "question_id", "revealed", "timer_ends_at"})


@dataclass(frozen=True)
class PresenterState:
    """What the presenter view of a workshop shows right now."""

    workshop_id: str
    token: str
    started: bool
    question_id: str | None
    revealed: bool
    timer_ends_at: datetime | None
    updated_at: datetime

    @classmethod
    def from_row(cls, row: Row[Any]) -> PresenterState:
        """The state of a `presenter_states` row."""
        m = row._mapping
        return cls(
            workshop_id=m["workshop_id"],
            token=m["token"],
            started=bool(m["started"]),
            question_id=m["question_id"],
            revealed=bool(m["revealed"]),
            timer_ends_at=m["timer_ends_at"],
            updated_at=m["updated_at"],
        )


class PresenterMixin(Database):
    """Presenter view operations of the `Store`."""

    def presenter_state(self, workshop_id: str) -> PresenterState:
        """The workshop's presenter state, created (not started, with a new token) on first use."""
        with self._read() as conn:
            row = conn.execute(_state(workshop_id)).first()
        if row is not None:
            return PresenterState.from_row(row)
        try:
            with self._write() as conn:
                _create(conn, workshop_id)
        except StorageError as exc:  # created at the same time by another session
            if not isinstance(exc.__cause__, IntegrityError):
                raise
        with self._read() as conn:
            return PresenterState.from_row(conn.execute(_state(workshop_id)).one())

    def find_workshop_by_presenter_token(self, token: str) -> WorkshopRecord | None:
        """The workshop whose presenter view this token opens, or None."""
        query = (
            select(workshops)
            .select_from(workshops.join(presenter_states, presenter_states.c.workshop_id == workshops.c.id))
            .where(presenter_states.c.token == token)
        )
        with self._read() as conn:
            row = conn.execute(query).first()
        return None if row is None else WorkshopRecord.from_row(row)

    def update_presenter(self, workshop_id: str, **changes: Any) -> PresenterState:
        """Change what the presenter view shows (started, question_id, revealed, timer_ends_at)."""
        unknown = set(changes) - CHANGEABLE
        if unknown:
            raise ValueError(f"unknown presenter fields: {sorted(unknown)}")
        change = (
            update(presenter_states)
            .where(presenter_states.c.workshop_id == workshop_id)
            .values(updated_at=utc_now(), **changes)
        )
        with self._write() as conn:
            if conn.execute(change).rowcount:  # the state exists: changed and read back in one transaction
                return PresenterState.from_row(conn.execute(_state(workshop_id)).one())
        self.presenter_state(workshop_id)  # first use: created (WorkshopNotFound for an unknown workshop)
        with self._write() as conn:
            conn.execute(change)
            return PresenterState.from_row(conn.execute(_state(workshop_id)).one())


def _state(workshop_id: str) -> Select[Any]:
    return select(presenter_states).where(presenter_states.c.workshop_id == workshop_id)


def _create(conn: Connection, workshop_id: str) -> None:
    if conn.execute(select(workshops.c.id).where(workshops.c.id == workshop_id)).first() is None:
        raise WorkshopNotFound(workshop_id)
    conn.execute(
        insert(presenter_states).values(
            workshop_id=workshop_id, token=new_id(), started=False, revealed=False, updated_at=utc_now()
        )
    )
