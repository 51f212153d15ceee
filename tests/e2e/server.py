"""Start the real app with `streamlit run` on a free port and wait until it is healthy.

    with app_server() as server:              # fresh SQLite file, Debian chromium for exports
        page.goto(server.url)

    server = start_app(env={"DATABASE_URL": pg_url}, port=8601)   # kill-restart, scale-out
    server.kill(); server = start_app(env=..., port=server.port)

The server listens on 127.0.0.1 only. Its output goes to a log file in `tests/artifacts/`
(named after the port and the start time); when it does not become healthy within
`START_TIMEOUT_S`, or exits early, the error carries the tail of that log.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"
STREAMLIT = REPO_ROOT / ".venv" / "bin" / "streamlit"
DEBIAN_CHROMIUM = "/usr/bin/chromium"
# Flags for Debian's chromium here: headless as root, and no background connections to hosts this
# closed network refuses (see ../shared/tech-notes.md).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0
LOG_TAIL_LINES = 40


class AppServerError(RuntimeError):
    """The app server did not start or did not become healthy; the message holds its log tail."""


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _healthy(url: str, timeout: float = 1.0) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def _tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:]) or "(empty log)"


@dataclass
class AppServer:
    """A running `streamlit run` process of the app."""

    port: int
    process: subprocess.Popen[bytes]
    log_path: Path
    env: dict[str, str]
    started_in_s: float = 0.0
    _log_file: object = field(default=None, repr=False)

    @property
    def url(self) -> str:
        """Base URL of the app, without a trailing slash."""
        return f"http://127.0.0.1:{self.port}"

    def healthy(self) -> bool:
        """Whether /_stcore/health answers 200 now."""
        return _healthy(self.url)

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        """The last lines of the server log."""
        return _tail(self.log_path, lines)

    def _close_log(self) -> None:
        if self._log_file is not None:
            with contextlib.suppress(OSError):
                self._log_file.close()  # type: ignore[attr-defined]
            self._log_file = None

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> None:
        """Stop gracefully (SIGTERM), then SIGKILL if it does not exit in time."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        self._close_log()

    def kill(self) -> None:
        """Kill at once (SIGKILL), as a crash would: no shutdown code runs."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(STOP_TIMEOUT_S)
        self._close_log()


def default_env(tmp_dir: Path | None = None) -> dict[str, str]:
    """Environment for a test server: a fresh SQLite file, Debian chromium for image exports."""
    folder = tmp_dir or Path(tempfile.mkdtemp(prefix="autodiag-e2e-"))
    return {
        "DATABASE_URL": f"sqlite:///{folder / 'autodiag.sqlite3'}",
        "BROWSER_PATH": DEBIAN_CHROMIUM,
    }


def start_app(
    env: Mapping[str, str] | None = None,
    port: int | None = None,
    *,
    timeout: float = START_TIMEOUT_S,
    extra_args: tuple[str, ...] = (),
    log_name: str | None = None,
    poll_interval: float = 0.05,
    script: str | Path = "app.py",
    root: Path = REPO_ROOT,
) -> AppServer:
    """Start the app and return once /_stcore/health answers 200 (AppServerError otherwise).

    `env` is added to the current environment; when None, `default_env()` is used (a fresh
    SQLite database). Pass `port` to restart on the same address (e.g. after `kill()`).
    `extra_args` go to `streamlit run` (e.g. `("--server.fileWatcherType", "none")`); the log
    goes to `tests/artifacts/<log_name>` (appended), by default a name with the port and time.
    `started_in_s` on the result is the time from launch to the first healthy answer. `script` and
    `root` run another script, or another checkout's app with its own `.venv` (benchmarks).
    """
    chosen_port = port or free_port()
    server_env = dict(os.environ)
    server_env.update(default_env() if env is None else env)
    server_env.setdefault("BROWSER_PATH", DEBIAN_CHROMIUM)
    server_env["PYTHONUNBUFFERED"] = "1"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    log_path = ARTIFACTS / (log_name or f"server-{chosen_port}-{stamp}.log")
    log_file = log_path.open("ab")
    command = [
        str(root / STREAMLIT.relative_to(REPO_ROOT)),
        "run",
        str(script),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(chosen_port),
        "--browser.gatherUsageStats",
        "false",
        *extra_args,
    ]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=root, env=server_env, stdout=log_file, stderr=subprocess.STDOUT)
    server = AppServer(chosen_port, process, log_path, server_env, _log_file=log_file)
    deadline = started + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            server._close_log()
            raise AppServerError(
                f"streamlit exited with code {process.returncode} before being healthy "
                f"(port {chosen_port}); log {log_path}:\n{server.log_tail()}"
            )
        if server.healthy():
            server.started_in_s = time.perf_counter() - started
            return server
        time.sleep(poll_interval)
    server.kill()
    raise AppServerError(
        f"streamlit not healthy after {timeout:.0f} s on port {chosen_port}; log {log_path}:\n{server.log_tail()}"
    )


@contextlib.contextmanager
def app_server(env: Mapping[str, str] | None = None, port: int | None = None, **kwargs: object) -> Iterator[AppServer]:
    """`start_app(...)` as a context manager: the server is stopped on exit, whatever happens."""
    server = start_app(env, port, **kwargs)  # type: ignore[arg-type]
    try:
        yield server
    finally:
        server.stop()
