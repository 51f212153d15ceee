"""The repository's base: engine, schema upgrade, transactions and diagnostic rows.

Every public operation runs in one transaction opened by `_read()` or `_write()`, which
turn database failures into `StorageUnavailable` / `StorageError` (French messages).
A write either commits or raises: nothing is ever dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, Select, insert, select, update
from sqlalchemy.exc import SQLAlchemyError

from storage.connection import WRITE_OPTION, make_engine
from storage.errors import (
    READ_UNAVAILABLE,
    WRITE_UNAVAILABLE,
    DiagnosticNotFound,
    StorageUnavailable,
    database_errors,
)
from storage.migration import migrate
from storage.records import DiagnosticRecord, new_id, utc_now
from storage.tables import diagnostics

DIAGNOSTIC_COLUMNS = [c for c in diagnostics.c if c.name != "action_plan"]
"""The columns a `DiagnosticRecord` is built from."""

NAME_LENGTH = 100


class Database:
    """Holds the engine, upgrades the schema at start and opens transactions."""

    def __init__(self, engine: Engine | str | None = None, *, upgrade: bool = True) -> None:
        """Use `engine` (or make one from a URL / the environment) and migrate the schema."""
        self.engine = engine if isinstance(engine, Engine) else make_engine(engine)
        self._writer = self.engine.execution_options(**{WRITE_OPTION: True})
        if upgrade:
            migrate(self.engine)

    def dispose(self) -> None:
        """Close the pooled connections (the store stays usable; it reconnects)."""
        self.engine.dispose()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A connection in a read transaction, rolled back at the end."""
        with database_errors(write=False), _connect(self.engine, write=False) as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A connection in a write transaction, committed at the end or rolled back."""
        with database_errors(write=True), _connect(self._writer, write=True) as conn, conn.begin():
            yield conn


def _connect(engine: Engine, *, write: bool) -> Connection:
    """A pooled connection; any failure to get one means the database is unavailable."""
    try:
        return engine.connect()
    except SQLAlchemyError as exc:
        raise StorageUnavailable(WRITE_UNAVAILABLE if write else READ_UNAVAILABLE) from exc


def insert_diagnostic(
    conn: Connection,
    questionnaire_id: str,
    profile: dict[str, Any],
    **columns: Any,
) -> str:
    """Insert a diagnostic row and return its new id."""
    diag_id = new_id()
    now = utc_now()
    for name in ("role", "first_name"):
        if columns.get(name) is not None:
            columns[name] = _short_text(columns[name], name)
    conn.execute(
        insert(diagnostics).values(
            id=diag_id,
            questionnaire_id=questionnaire_id,
            profile=dict(profile),
            created_at=now,
            updated_at=now,
            finished=False,
            **columns,
        )
    )
    return diag_id


class Stamp(NamedTuple):
    """A diagnostic's `updated_at` just before a write and the one the write set."""

    before: datetime
    after: datetime


def touch(conn: Connection, diag_id: str, **values: Any) -> Stamp:
    """Set `updated_at` (and `values`) on a diagnostic; DiagnosticNotFound if it is absent.

    Returns the stamp before and after, so that a caller holding the diagnostic as it was at
    `before` knows its copy is current once its own change is applied (nobody wrote in between).

    On PostgreSQL this also locks the diagnostic's row until the transaction ends, so
    writes to one diagnostic are serialised and always lock in the same order.
    """
    query = select(diagnostics.c.updated_at).where(diagnostics.c.id == diag_id)
    return restamp(conn, diag_id, conn.execute(locking(query)).scalar(), **values)


def locking(query: Select[Any]) -> Select[Any]:
    """`query` locking the diagnostic's row it reads (PostgreSQL), in the mode its update takes.

    Read with the lock, the `updated_at` a `Stamp` starts from is the one the update replaces.
    """
    return query.with_for_update(of=diagnostics, key_share=True)


def restamp(conn: Connection, diag_id: str, before: datetime | None, **values: Any) -> Stamp:
    """`touch` once `before`, the diagnostic's `updated_at`, was read with `locking` (None: absent)."""
    now = utc_now()
    result = conn.execute(update(diagnostics).where(diagnostics.c.id == diag_id).values(updated_at=now, **values))
    if before is None or result.rowcount == 0:
        raise DiagnosticNotFound(diag_id)
    return Stamp(before, now)


def exists(conn: Connection, diag_id: str) -> bool:
    """Whether a diagnostic has this id."""
    return conn.execute(select(diagnostics.c.id).where(diagnostics.c.id == diag_id)).first() is not None


def diagnostic_records(conn: Connection, *where: Any) -> list[DiagnosticRecord]:
    """The diagnostics matching `where`, oldest first."""
    query = select(*DIAGNOSTIC_COLUMNS).where(*where)
    rows = conn.execute(query.order_by(diagnostics.c.created_at, diagnostics.c.id))
    return [DiagnosticRecord.from_row(row) for row in rows]


def _short_text(value: object, name: str) -> str:
    """A name-like value, stripped, at most NAME_LENGTH characters."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string, not {type(value).__name__}")
    value = value.strip()
    if len(value) > NAME_LENGTH:
        raise ValueError(f"{name} is longer than {NAME_LENGTH} characters")
    return value
