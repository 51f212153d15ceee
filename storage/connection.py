"""Engine creation: which database, and how each connection is set up.

SQLite (the default, a file under `data/`) runs in WAL mode with foreign keys on and a
5 s busy timeout; write transactions start with `BEGIN IMMEDIATE` so that concurrent
writers (threads or processes) queue on the lock instead of failing half-way.
PostgreSQL is reached through psycopg 3 whatever the URL scheme says.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import StaticPool

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = REPO_ROOT / "data" / "autodiag.sqlite3"
BUSY_TIMEOUT_MS = 5000
CONNECT_TIMEOUT_S = 10
WRITE_OPTION = "storage_write"
"""Execution option marking a connection whose transaction will write."""

_POSTGRES_SCHEMES = {"postgres", "postgresql", "postgresql+psycopg"}


def database_url(url: str | None = None) -> URL:
    """The URL to use: the argument, else `DATABASE_URL`, else the default SQLite file."""
    raw = url or os.environ.get("DATABASE_URL") or ""
    if not raw.strip():
        DEFAULT_SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
        return URL.create("sqlite", database=str(DEFAULT_SQLITE_PATH))
    parsed = make_url(raw.strip())
    if parsed.drivername in _POSTGRES_SCHEMES:
        return parsed.set(drivername="postgresql+psycopg")
    return parsed


def make_engine(url: str | None = None, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """An engine for `url`, `DATABASE_URL` or `data/autodiag.sqlite3`, set up for its dialect."""
    parsed = database_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, busy_timeout_ms)
    connect_args = {} if "connect_timeout" in parsed.query else {"connect_timeout": CONNECT_TIMEOUT_S}
    # pre_ping: a connection the server closed (restart, failover) is replaced, not used.
    return create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)


def _sqlite_engine(url: URL, busy_timeout_ms: int) -> Engine:
    """A SQLite engine: WAL, foreign keys, busy timeout and explicit BEGIN statements."""
    in_memory = url.database in (None, "", ":memory:")
    kwargs: dict[str, Any] = {}
    if in_memory:
        # One shared connection, or every checkout would see a new empty database.
        kwargs = {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    elif url.database:
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN, so that we choose its kind and DDL
        # stays transactional (pysqlite would otherwise COMMIT before each DDL).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if not in_memory:
                cursor.execute("PRAGMA journal_mode = WAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # IMMEDIATE takes the write lock up front: a writer waits (busy_timeout) for
        # another writer instead of failing when upgrading a read lock.
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
