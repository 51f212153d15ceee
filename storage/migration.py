"""Schema migrations: Alembic revisions shipped in `storage/migrations/`, run from code.

`migrate(engine)` is idempotent and safe when several processes start at once: on
PostgreSQL the upgrade runs under a transaction-level advisory lock, on SQLite inside a
`BEGIN IMMEDIATE` transaction (DDL is transactional on both), so a second process waits,
then finds the schema at head and does nothing.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from storage.connection import WRITE_OPTION
from storage.errors import database_errors

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
ADVISORY_LOCK_KEY = 0x6175746F64696167
"""PostgreSQL advisory lock key for migrations: the bytes of "autodiag"."""


def alembic_config() -> Config:
    """An Alembic configuration pointing at the shipped migrations, without an ini file."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The latest revision shipped with the code."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migration shipped"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, None if it was never migrated."""
    with database_errors(write=False), engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> str:
    """Upgrade the database to the latest revision (idempotent, one process at a time)."""
    config = alembic_config()
    writer = engine.execution_options(**{WRITE_OPTION: True})
    with database_errors(write=True), writer.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK_KEY})
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return head_revision()
