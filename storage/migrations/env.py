"""Alembic environment: uses the caller's connection, else `storage.connection.make_engine()`.

`storage.migration.migrate()` passes its connection (already in a locked transaction)
through `config.attributes["connection"]`. From the command line (`alembic upgrade head`,
`alembic revision --autogenerate -m "…"` with the repo's `alembic.ini`), the database is
`DATABASE_URL` or the default SQLite file.
"""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import Connection

from storage.connection import database_url, make_engine
from storage.tables import metadata

config = context.config
if config.config_file_name is not None:  # command line: alembic.ini's logging settings
    fileConfig(config.config_file_name, disable_existing_loggers=False)


def run_with(connection: Connection) -> None:
    """Run the pending migrations on `connection`."""
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_offline() -> None:
    """Print the SQL of the pending migrations instead of running them."""
    context.configure(
        url=database_url(config.get_main_option("sqlalchemy.url") or None),
        target_metadata=metadata,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Run the pending migrations on the given connection or a new engine."""
    connection = config.attributes.get("connection")
    if connection is not None:
        run_with(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or None)
    try:
        with engine.connect() as conn:
            run_with(conn)
            conn.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
