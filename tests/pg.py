"""A throwaway PostgreSQL server for tests: real `initdb` + `pg_ctl`, a temp dir, a free port.

    with postgres_server() as server:
        url = server.create_database("autodiag")   # postgresql+psycopg://…/autodiag

The binaries are looked up in /usr/lib/postgresql/<version>/bin (newest first), then on
PATH. When run as root (containers, CI), initdb and pg_ctl run as the `postgres` system
user, since PostgreSQL refuses to run as root. The server listens on 127.0.0.1 only,
trusts every local connection, keeps its unix socket in the temp dir and runs without
fsync (data are thrown away). Used by `tests/integration/conftest.py` and by e2e tests
that start several Streamlit servers on one database.
"""

from __future__ import annotations

import atexit
import os
import pwd
import shlex
import shutil
import socket
import stat
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

import psycopg
from psycopg import sql

START_TIMEOUT_S = 30.0
SERVER_SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
}


class PostgresStartError(RuntimeError):
    """PostgreSQL could not be found or started; the message says why."""


def find_bin_dir() -> Path:
    """The directory holding initdb and pg_ctl: Debian's versioned dirs first, then PATH."""
    versioned = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    for candidate in versioned:
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).parent == Path(pg_ctl).parent:
        return Path(initdb).parent
    raise PostgresStartError(
        "initdb/pg_ctl not found in /usr/lib/postgresql/*/bin nor on PATH (apt-get install postgresql)"
    )


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class PostgresServer:
    """One PostgreSQL cluster in a temporary directory, started and stopped by the tests."""

    def __init__(self, bin_dir: Path | None = None) -> None:
        self.bin_dir = bin_dir or find_bin_dir()
        self.as_postgres = os.geteuid() == 0
        self.root = self._make_root()
        self.data_dir = self.root / "data"
        self.log_file = self.root / "server.log"
        self.port = 0
        self.started = False

    @property
    def admin_url(self) -> str:
        """The URL of the `postgres` maintenance database, for psycopg."""
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of `database` on this server."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> PostgresServer:
        """Run initdb, then start the server on a free port and wait until it answers."""
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self) -> None:
        self._run(
            [str(self.bin_dir / "initdb"), "-D", str(self.data_dir), "-U", "postgres",
             "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"],
        )  # fmt: skip
        atexit.register(self.stop)
        last_error = ""
        for _attempt in range(3):  # the free port may be taken before the server binds it
            self.port = free_port()
            options = [f"-p {self.port}", f"-c unix_socket_directories={self.root}"]
            options += [f"-c {key}={value}" for key, value in SERVER_SETTINGS.items()]
            self.started = True  # from here on, stop() tries pg_ctl stop
            try:
                self._run(
                    [str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-l",
                     str(self.log_file), "-o", " ".join(options), "-w",
                     "-t", str(int(START_TIMEOUT_S)), "start"],
                )  # fmt: skip
            except PostgresStartError as exc:
                last_error = str(exc)
                self._stop_server()
                continue
            self._wait_until_ready()
            return
        raise PostgresStartError(f"pg_ctl start failed 3 times: {last_error}")

    def create_database(self, name: str | None = None) -> str:
        """Create a fresh database (a random name by default) and return its URL."""
        name = name or f"test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a database, closing its open connections first."""
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def stop(self) -> None:
        """Stop the server (immediate mode) and delete its directory; idempotent."""
        if self.started:
            self._stop_server()
        shutil.rmtree(self.root, ignore_errors=True)

    def _stop_server(self) -> None:
        self.started = False
        with suppress(PostgresStartError):
            self._run([str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "stop"])

    def _make_root(self) -> Path:
        """A temp dir the server user owns and can reach (every parent traversable)."""
        root = Path(tempfile.mkdtemp(prefix="autodiag-pg-"))
        if not self.as_postgres:
            return root
        if not all(p.stat().st_mode & stat.S_IXOTH for p in root.parents):
            shutil.rmtree(root)
            root = Path(tempfile.mkdtemp(prefix="autodiag-pg-", dir="/tmp"))
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(root)
            raise PostgresStartError("running as root but no `postgres` system user") from None
        os.chown(root, user.pw_uid, user.pw_gid)
        return root

    def _run(self, command: Sequence[str]) -> None:
        """Run a server command, as `postgres` when we are root; raise with its output."""
        if self.as_postgres:
            if shutil.which("runuser"):
                command = ["runuser", "-u", "postgres", "--", *command]
            else:
                command = ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(command)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=START_TIMEOUT_S + 30, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PostgresStartError(f"{shlex.join(command)} could not run: {exc}") from exc
        if result.returncode != 0:
            log = self.log_file.read_text(errors="replace") if self.log_file.exists() else ""
            raise PostgresStartError(
                f"{shlex.join(command)} failed ({result.returncode}):\n{result.stdout}{result.stderr}{log[-2000:]}"
            )

    def _wait_until_ready(self) -> None:
        """Connect until the server accepts connections, for at most START_TIMEOUT_S."""
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                with psycopg.connect(self.admin_url, connect_timeout=2) as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.OperationalError as exc:
                if time.monotonic() > deadline:
                    raise PostgresStartError(f"server not ready: {exc}") from exc
                time.sleep(0.1)


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """A started throwaway server, stopped and deleted on exit."""
    server = PostgresServer().start()
    try:
        yield server
    finally:
        server.stop()
