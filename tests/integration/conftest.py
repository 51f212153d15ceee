"""Integration fixtures: a throwaway PostgreSQL server for the session, stores on both backends.

PostgreSQL is started once per session by `tests/pg.py`. When it cannot start, tests
that need it are skipped locally (with the reason) but fail loudly in CI (`CI=true`).
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:  # `pytest` (unlike `python -m pytest`) omits the cwd
    sys.path.insert(0, str(REPO_ROOT))

from storage import Store  # noqa: E402
from tests.needs import started_postgres  # noqa: E402
from tests.pg import PostgresServer  # noqa: E402


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server started for the whole session, stopped and deleted at the end."""
    server = started_postgres()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'autodiag.sqlite3'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    name = f"test_{uuid.uuid4().hex[:12]}"
    url = server.create_database(name)
    yield url
    server.drop_database(name)


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A migrated store on an empty database of each backend."""
    store = Store(database_url)
    yield store
    store.dispose()
