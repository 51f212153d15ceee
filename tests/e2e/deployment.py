"""Start the documented deployment (`deploy/run.sh`: nginx + N instances) and read what it runs.

    running = start_deployment(pg_url, instances=2, run_dir=tmp_path / "run")
    ... running.proxy_url, running.instances (port -> pid), running.nginx_pid ...
    running.stop()   # SIGTERM to the launcher, as Ctrl-C: it stops nginx and every instance

Used by tests/e2e/test_proxy.py and bench/load_workshop.py (`--deploy N`).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.server import ARTIFACTS, DEBIAN_CHROMIUM, REPO_ROOT

START_TIMEOUT_S = 120.0
STATE_FILE = "deployment.json"


class DeploymentError(RuntimeError):
    """deploy/run.sh did not start; the message holds its output."""


@dataclass
class Deployment:
    """A running `deploy/run.sh`: the launcher process and what it wrote to deployment.json."""

    launcher: subprocess.Popen[bytes]
    database_url: str
    proxy_url: str
    nginx_pid: int
    instances: dict[int, int]  # port -> pid
    output: Path

    @property
    def pids(self) -> list[int]:
        """nginx's master and every instance."""
        return [self.nginx_pid, *self.instances.values()]

    def stop(self) -> int:
        """SIGTERM the launcher as an operator's Ctrl-C would; returns its exit code."""
        if self.launcher.poll() is None:
            self.launcher.send_signal(signal.SIGTERM)
        try:
            return self.launcher.wait(30)
        except subprocess.TimeoutExpired:
            self.launcher.kill()
            return self.launcher.wait(10)


def alive(pid: int) -> bool:
    """Whether a process still runs (a zombie counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@dataclass(frozen=True)
class State:
    """What deployment.json says runs where."""

    proxy_url: str
    nginx_pid: int
    instances: dict[int, int]  # port -> pid


def read_state(run_dir: Path) -> State:
    """The launcher's deployment.json."""
    state = json.loads((run_dir / STATE_FILE).read_text(encoding="utf-8"))
    ports = {int(i["port"]): int(i["pid"]) for i in state["instances"]}
    return State(str(state["proxy_url"]), int(state["nginx"]["pid"]), ports)


def start_deployment(database_url: str, instances: int, run_dir: Path) -> Deployment:
    """Run the documented command and wait until it has written its deployment.json."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    output = ARTIFACTS / f"deploy-{run_dir.parent.name}-{run_dir.name}.log"
    command = [str(REPO_ROOT / "deploy" / "run.sh"), "--instances", str(instances), "--database-url", database_url,
               "--port", "0", "--run-dir", str(run_dir)]  # fmt: skip
    env = {**os.environ, "BROWSER_PATH": DEBIAN_CHROMIUM}
    with output.open("wb") as out:
        launcher = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + START_TIMEOUT_S
    while not (run_dir / STATE_FILE).exists():
        if launcher.poll() is not None or time.monotonic() > deadline:
            if launcher.poll() is None:
                launcher.send_signal(signal.SIGTERM)
                launcher.wait(30)
            raise DeploymentError(f"deploy/run.sh did not start:\n{output.read_text(errors='replace')[-3000:]}")
        time.sleep(0.2)
    state = read_state(run_dir)
    return Deployment(launcher, database_url, state.proxy_url, state.nginx_pid, state.instances, output)
