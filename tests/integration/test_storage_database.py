"""The database itself: engines, migrations, failures and several processes at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import make_url

from storage import StorageUnavailable, Store, connection, make_engine, migrate
from storage.migration import current_revision, head_revision
from storage.tables import metadata
from tests.pg import PostgresServer, free_port

REPO_ROOT = Path(__file__).resolve().parents[2]


def run_at_once(code: str, processes: int, timeout: float = 120) -> list[str]:
    """Run `code` in several Python processes that start its body at the same instant."""
    start_at = time.time() + 3  # after every process has imported SQLAlchemy and Alembic
    script = f"import time\ntime.sleep(max(0, {start_at} - time.time()))\n{textwrap.dedent(code)}"
    running = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(n)],
            cwd=REPO_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(processes)
    ]
    outputs = []
    for process in running:
        out, err = process.communicate(timeout=timeout)
        assert process.returncode == 0, err
        outputs.append(out.strip())
    return outputs


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@db:5432/autodiag", "postgresql+psycopg://u:p@db:5432/autodiag"),
        ("postgresql://u@db/autodiag", "postgresql+psycopg://u@db/autodiag"),
        ("postgresql+psycopg://u@db/autodiag", "postgresql+psycopg://u@db/autodiag"),
        ("sqlite:////srv/autodiag.sqlite3", "sqlite:////srv/autodiag.sqlite3"),
    ],
)
def test_database_urls_of_every_usual_form_reach_psycopg(given: str, expected: str) -> None:
    assert connection.database_url(given).render_as_string(hide_password=False) == expected


def test_the_database_is_chosen_by_argument_then_environment_then_default_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    default = tmp_path / "data" / "autodiag.sqlite3"
    monkeypatch.setattr(connection, "DEFAULT_SQLITE_PATH", default)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert connection.database_url().database == str(default)
    assert default.parent.is_dir()
    monkeypatch.setenv("DATABASE_URL", "postgres://u@db/env")
    assert connection.database_url().database == "env"
    assert connection.database_url("sqlite:///arg.sqlite3").database == "arg.sqlite3"


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    sqlite_engine = make_engine(f"sqlite:///{tmp_path / 'sub' / 'a.sqlite3'}")
    with sqlite_engine.connect() as conn:
        pragmas = [
            conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in ("journal_mode", "foreign_keys", "busy_timeout")
        ]
    assert pragmas == ["wal", 1, 5000]
    sqlite_engine.dispose()


def test_an_in_memory_sqlite_store_works_for_quick_tests() -> None:
    store = Store("sqlite://")
    diag_id = store.create_diagnostic("express", {})
    store.save_answer(diag_id, "q1", 1)
    assert store.load_responses(diag_id).answers == {"q1": 1}


def test_migrations_run_twice_change_nothing(database_url: str) -> None:
    db = make_engine(database_url)
    assert current_revision(db) is None
    assert migrate(db) == head_revision() == current_revision(db)
    assert migrate(db) == head_revision()
    Store(db)  # migrates again at start
    assert current_revision(db) == head_revision()
    db.dispose()


def test_the_migrated_schema_matches_the_table_metadata(database_url: str) -> None:
    db = make_engine(database_url)
    migrate(db)
    with db.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    assert differences == []
    db.dispose()


def test_two_processes_starting_on_a_new_database_both_migrate_it(database_url: str) -> None:
    code = """
        from storage import Store
        from storage.migration import current_revision
        store = Store(%r)
        print(current_revision(store.engine))
    """
    outputs = run_at_once(code % database_url, processes=4)
    assert outputs == [head_revision()] * 4


def test_two_processes_writing_answers_at_once_lose_nothing(store: Store, database_url: str) -> None:
    diag_id = store.create_diagnostic("complet", {})
    code = """
        import sys
        from storage import Store
        store = Store(%r)
        for i in range(50):
            store.save_answer(%r, f"p{sys.argv[1]}-q{i}", i %% 11)
    """
    run_at_once(code % (database_url, diag_id), processes=3)
    assert len(store.load_responses(diag_id).answers) == 150


def test_unreachable_database_raises_storage_unavailable_with_a_french_message(
    database_url: str, tmp_path: Path
) -> None:
    if database_url.startswith("sqlite"):
        (tmp_path / "a-directory").mkdir()
        unreachable = f"sqlite:///{tmp_path / 'a-directory'}"
    else:
        unreachable = f"postgresql://postgres@127.0.0.1:{free_port()}/autodiag"
    with pytest.raises(StorageUnavailable) as raised:
        Store(unreachable)
    assert str(raised.value).startswith("La base de données est injoignable")
    assert "Traceback" not in str(raised.value) and "127.0.0.1" not in str(raised.value)


def test_a_write_sqlite_cannot_take_in_time_raises_and_is_not_kept(tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'locked.sqlite3'}"
    store = Store(make_engine(database_url, busy_timeout_ms=200))
    diag_id = store.create_diagnostic("complet", {})
    blocker = sqlite3.connect(make_url(database_url).database or "", isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StorageUnavailable, match="n’a pas été enregistrée"):
        store.save_answer(diag_id, "q1", 2)
    blocker.execute("ROLLBACK")
    blocker.close()
    assert store.load_responses(diag_id).answers == {}


@pytest.mark.postgres
def test_a_store_reconnects_after_postgresql_drops_its_connections_and_fails_loudly_when_the_database_is_gone(
    postgres_server: PostgresServer,
) -> None:
    url = postgres_server.create_database("vanishing")
    store = Store(url)
    diag_id = store.create_diagnostic("complet", {})
    with psycopg.connect(postgres_server.admin_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'vanishing'")
    store.save_answer(diag_id, "q1", 2)  # the pool notices the dead connections and reconnects
    assert store.load_responses(diag_id).answers == {"q1": 2}

    postgres_server.drop_database("vanishing")
    with pytest.raises(StorageUnavailable, match="n’a pas été enregistrée"):
        store.save_answer(diag_id, "q1", 3)
    with pytest.raises(StorageUnavailable, match="injoignable"):
        store.load_responses(diag_id)
    store.dispose()
