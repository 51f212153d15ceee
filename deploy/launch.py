"""Run N instances of the app behind nginx (sticky sessions, websockets) on one database.

    deploy/run.sh --instances 2 --database-url postgresql://user:password@db-host/autodiag --port 8080

Starts N `streamlit run` processes on free ports of 127.0.0.1, renders `deploy/nginx.conf.template`
into RUN_DIR/nginx/nginx.conf, starts nginx in the foreground with RUN_DIR/nginx as its prefix,
waits until the proxy answers, then writes RUN_DIR/deployment.json (proxy URL, pids, ports, logs)
and prints « Prêt ». SIGTERM or Ctrl-C stops nginx and every instance. An instance that dies is
reported and left out by nginx; the others keep serving (its browsers resume on them).
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

REPO_ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.template"
STATE_FILE = "deployment.json"
MAX_INSTANCES = 16
START_TIMEOUT_S = 90.0
STOP_TIMEOUT_S = 10.0
PR_SET_PDEATHSIG = 1
TEMP_DIRS = ("body", "proxy", "fastcgi", "uwsgi", "scgi")


class DeployError(RuntimeError):
    """The deployment could not start; the message says why, in French."""


@dataclass
class Child:
    """A process the launcher started: an instance (with its port) or nginx."""

    name: str
    process: subprocess.Popen[bytes]
    log: Path
    port: int = 0


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port free on `host` right now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def render_nginx_config(ports: list[int], listen: str, prefix: Path) -> str:
    """The nginx configuration for instances on 127.0.0.1:`ports`, listening on `listen`."""
    servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in ports)
    text = TEMPLATE.read_text(encoding="utf-8")
    return text.replace("@SERVERS@", servers).replace("@LISTEN@", listen).replace("@PREFIX@", str(prefix))


def _die_with_parent() -> None:
    """In the child: get SIGTERM if the launcher dies (even by SIGKILL), so nothing is left running."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _spawn(command: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent
        )


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def _wait_healthy(children: list[Child], url_of: dict[str, str], deadline: float) -> None:
    """Wait until every child answers its health URL; raise if one exits or time runs out."""
    waiting = list(children)
    while waiting:
        for child in list(waiting):
            if child.process.poll() is not None:
                tail = child.log.read_text(errors="replace")[-2000:] if child.log.exists() else ""
                raise DeployError(f"{child.name} s’est arrêté au démarrage (code {child.process.returncode}) :\n{tail}")
            if _answers(url_of[child.name]):
                waiting.remove(child)
        if waiting and time.monotonic() > deadline:
            names = ", ".join(c.name for c in waiting)
            raise DeployError(
                f"{names} ne répond pas après {START_TIMEOUT_S:.0f} s (journaux dans {children[0].log.parent})"
            )
        if waiting:
            time.sleep(0.2)


def start_instances(count: int, database_url: str, run_dir: Path) -> list[Child]:
    """Start `count` app instances on free ports, sharing one database and one cookie secret."""
    env = dict(os.environ)
    env["DATABASE_URL"] = database_url
    # One secret for all: an XSRF cookie set by one instance stays valid on the others after a failover.
    env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
    env["PYTHONUNBUFFERED"] = "1"
    streamlit = str(REPO_ROOT / ".venv" / "bin" / "streamlit")
    children = []
    for _ in range(count):
        port = free_port()
        command = [streamlit, "run", "app.py", "--server.address", "127.0.0.1", "--server.port", str(port)]
        log = run_dir / f"instance-{port}.log"
        children.append(Child(f"instance :{port}", _spawn(command, log, env), log, port))
    return children


def start_nginx(ports: list[int], listen: str, run_dir: Path, nginx: str) -> Child:
    """Render the configuration into RUN_DIR/nginx and start nginx in the foreground."""
    prefix = run_dir / "nginx"
    for name in TEMP_DIRS:
        (prefix / "tmp" / name).mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:  # nginx's workers run as `nobody` when the master is root
            shutil.chown(prefix / "tmp" / name, user="nobody")
    config = prefix / "nginx.conf"
    config.write_text(render_nginx_config(ports, listen, prefix), encoding="utf-8")
    log = run_dir / "nginx.log"
    process = _spawn(
        [nginx, "-p", str(prefix), "-c", str(config), "-e", str(prefix / "error.log")], log, dict(os.environ)
    )
    return Child("nginx", process, log, int(listen.rsplit(":", 1)[-1]))


def stop(children: list[Child]) -> None:
    """SIGTERM every child still running, then SIGKILL those that do not exit in time."""
    for child in children:
        if child.process.poll() is None:
            child.process.terminate()
    deadline = time.monotonic() + STOP_TIMEOUT_S
    for child in children:
        try:
            child.process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.process.kill()
            child.process.wait()


def write_state(run_dir: Path, proxy_url: str, nginx: Child, instances: list[Child]) -> Path:
    """RUN_DIR/deployment.json: what runs where, for operators, tests and benchmarks."""
    state = {
        "proxy_url": proxy_url,
        "launcher_pid": os.getpid(),
        "nginx": {"pid": nginx.process.pid, "config": str(run_dir / "nginx" / "nginx.conf")},
        "instances": [{"port": c.port, "pid": c.process.pid, "log": str(c.log)} for c in instances],
    }
    path = run_dir / STATE_FILE
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(state, indent=2), encoding="utf-8")
    temporary.replace(path)  # readers never see a half-written file
    return path


def supervise(nginx: Child, instances: list[Child]) -> int:
    """Until a signal or nginx's death: report instances that die. Returns the exit code."""
    stopping: list[int] = []

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        stopping.append(signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    reported: set[int] = set()
    while not stopping:
        if nginx.process.poll() is not None:
            print(f"nginx s’est arrêté (code {nginx.process.returncode}) : arrêt des instances", file=sys.stderr)
            return 1
        for child in instances:
            if child.process.poll() is not None and child.port not in reported:
                reported.add(child.port)
                alive = sum(c.process.poll() is None for c in instances)
                print(
                    f"{child.name} arrêtée (code {child.process.returncode}) ; {alive} instance(s) servent encore",
                    flush=True,
                )
        time.sleep(0.5)
    return 0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="deploy/run.sh", description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--instances", "-n", type=int, default=2, help="instances de l’application (défaut : 2)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL"),
        help="base PostgreSQL commune (défaut : $DATABASE_URL)",
    )
    parser.add_argument("--host", default="127.0.0.1", help="adresse d’écoute de nginx (défaut : 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port de nginx (défaut : 8080, 0 : un port libre)")
    parser.add_argument(
        "--run-dir",
        type=Path,
        help="dossier de la configuration, des journaux et de deployment.json (défaut : un dossier temporaire)",
    )
    parser.add_argument("--nginx", default=shutil.which("nginx") or "/usr/sbin/nginx", help="l’exécutable nginx")
    args = parser.parse_args(argv)
    if not 1 <= args.instances <= MAX_INSTANCES:
        parser.error(f"--instances : de 1 à {MAX_INSTANCES}")
    if not args.database_url:
        parser.error("--database-url (ou DATABASE_URL) est obligatoire : toutes les instances partagent une base")
    if args.instances > 1 and not args.database_url.startswith("postgres"):
        parser.error("plusieurs instances demandent une base PostgreSQL commune (postgresql://…)")
    if not Path(args.nginx).exists():
        parser.error(f"nginx introuvable ({args.nginx}) : scripts/install-system.sh deploy")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    run_dir: Path = args.run_dir or Path(tempfile.mkdtemp(prefix="autodiag-deploy-"))
    run_dir.mkdir(parents=True, exist_ok=True)
    port = args.port or free_port(args.host)
    listen = f"{args.host}:{port}"
    proxy_url = f"http://{listen}"
    instances = start_instances(args.instances, args.database_url, run_dir)
    children = list(instances)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        _wait_healthy(instances, {c.name: f"http://127.0.0.1:{c.port}/_stcore/health" for c in instances}, deadline)
        nginx = start_nginx([c.port for c in instances], listen, run_dir, args.nginx)
        children.append(nginx)
        _wait_healthy([nginx], {"nginx": f"{proxy_url}/_stcore/health"}, deadline)
        state = write_state(run_dir, proxy_url, nginx, instances)
        ports = ", ".join(str(c.port) for c in instances)
        print(f"Prêt : {proxy_url} ({len(instances)} instances sur les ports {ports} ; état dans {state})", flush=True)
        return supervise(nginx, instances)
    except DeployError as exc:
        print(f"Échec du déploiement : {exc}", file=sys.stderr)
        return 1
    finally:
        stop(children)


if __name__ == "__main__":
    raise SystemExit(main())
