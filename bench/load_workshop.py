"""Load test of a workshop: N simulated participants answer through Streamlit's websocket protocol.

Usage:
    .venv/bin/python bench/load_workshop.py --participants 40 --pause 3 --duration 60
    .venv/bin/python bench/load_workshop.py --participants 100 --pause 0 --duration 60
    .venv/bin/python bench/load_workshop.py --participants 40 --pause 3 --gc   # runner.postScriptGC on
    .venv/bin/python bench/load_workshop.py --participants 300 --pause 5 --deploy 2   # nginx + 2 instances
    .venv/bin/python bench/load_workshop.py -n 300 --pause 5 --url http://127.0.0.1:8080 \
        --database-url postgresql://…/autodiag --run-dir RUN_DIR                    # a running deploy/run.sh

The script starts the app (`streamlit run`, 127.0.0.1 only, a fresh SQLite database unless
`--database-url`), or with `--deploy N` a throwaway PostgreSQL and `deploy/run.sh --instances N`
(nginx in front), or uses a deployment already running at `--url` (the proxy; `--run-dir` gives
its deployment.json, for the CPU figures). It creates a workshop and N participants, then opens
one websocket session per participant on `ws://HOST:PORT/_stcore/stream` (subprotocol
`streamlit`, Origin header); behind nginx each session stays on the instance it landed on.
Each session loads its questionnaire (`?d=<id>`) and answers question after question as a
browser does: a `BackMsg.rerun_script` carrying the radio's `WidgetState` (or the trigger of
« Dimension suivante → »), then waits for `ForwardMsg.script_finished`. It stops at the
deadline (or when its questionnaire is done), waits for the clicks in flight, and reports:

- answers sent, acknowledged (script finished) and stored (read back from the database,
  value for value): nothing may be lost;
- rerun latency p50 / p95 (click sent → script_finished), answers and page changes alike;
- server CPU share over the run (/proc/<pid>/stat; 100 % = one core; behind nginx, the sum of
  the instances and nginx) and memory per session (RSS growth once every session has loaded
  its page, divided by N).

Bounded: loopback only, at most 400 sessions and 300 seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load_client import Clock, Participant, connect, participant_loop, rerun, session, viewer_loop
from bench.proc import cpu_seconds, rss_mib
from storage import Store
from tests.e2e.deployment import read_state, start_deployment
from tests.e2e.server import start_app
from tests.pg import PostgresServer

MAX_PARTICIPANTS = 400
MAX_DURATION_S = 300.0
MAX_DASHBOARDS = 5
PROFILE = {"name": "CC du Banc d’Essai", "authority_type": "communaute_communes"}
ROLES = ("elu", "technicien", "acteur_ess", "autre")


@dataclass
class Target:
    """Where the sessions connect (the app or the proxy) and which processes serve them."""

    url: str
    warm_urls: list[str]
    pids: list[int]


async def _warm(url: str, diag_id: str) -> None:
    """One session's first page: imports, catalogue, database pool are not per-session costs."""
    warm = session(url, diag_id)
    async with connect(warm) as ws:
        await rerun(ws, warm)


async def run(
    target: Target,
    participants: list[Participant],
    viewers: list[Participant],
    pause: float,
    duration: float,
    seed: int,
) -> dict[str, float]:
    """Connect everyone (participants, then dashboards) and measure memory, then run the clicks and measure CPU."""
    for url in target.warm_urls:
        await _warm(url, participants[0].diag_id)
    await asyncio.sleep(1.0)
    rss_before = rss_mib(target.pids)
    clock, ready, go = Clock(), asyncio.Barrier(len(participants) + len(viewers) + 1), asyncio.Event()
    tasks = []
    for i, p in enumerate(participants):
        tasks.append(asyncio.create_task(participant_loop(p, pause, clock, ready, go, seed + i)))
        await asyncio.sleep(0.02)  # sessions open over a few seconds, as people scan the QR code
    tasks += [asyncio.create_task(viewer_loop(v, clock, ready, go)) for v in viewers]
    await ready.wait()
    await asyncio.sleep(1.0)
    rss_after = rss_mib(target.pids)
    cpu0, wall0, client0 = cpu_seconds(target.pids), time.monotonic(), time.process_time()
    clock.deadline = wall0 + duration
    go.set()
    await asyncio.gather(*tasks)
    cpu1, wall1, client1 = cpu_seconds(target.pids), time.monotonic(), time.process_time()
    return {
        "rss_before": rss_before,
        "rss_after": rss_after,
        "rss_end": rss_mib(target.pids),
        "cpu": (cpu1 - cpu0) / (wall1 - wall0),
        "client_cpu": (client1 - client0) / (wall1 - wall0),
        "wall": wall1 - wall0,
    }


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def _stored(store: Store, participants: list[Participant]) -> tuple[int, int]:
    """(answers stored, answers differing from or missing against what was sent)."""
    stored = wrong = 0
    for p in participants:
        answers = store.load_responses(p.diag_id).answers
        stored += len(answers)
        wrong += sum(answers.get(qid) != value for qid, value in p.expected.items())
        wrong += len(set(answers) - set(p.expected))
    return stored, wrong


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--participants", "-n", type=int, default=40)
    parser.add_argument("--pause", type=float, default=3.0, help="mean seconds between clicks (0: none)")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of clicking")
    parser.add_argument("--questionnaire", default="ess-territoires")
    parser.add_argument("--dashboards", type=int, default=0, help="facilitator screens open on the dashboard")
    parser.add_argument("--database-url", help="default: a fresh SQLite file (a throwaway PostgreSQL with --deploy)")
    parser.add_argument("--gc", action="store_true", help="run with runner.postScriptGC = true")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--deploy", type=int, metavar="N", help="start deploy/run.sh with N instances behind nginx")
    where.add_argument("--url", help="a deployment already running (the proxy's http://127.0.0.1:PORT)")
    parser.add_argument("--run-dir", type=Path, help="with --url: the deployment's run dir (its pids, for CPU)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    if not 0 < args.participants <= MAX_PARTICIPANTS or not 0 < args.duration <= MAX_DURATION_S:
        parser.error(f"1 to {MAX_PARTICIPANTS} participants, 1 to {MAX_DURATION_S:.0f} seconds")
    if not 0 <= args.dashboards <= MAX_DASHBOARDS:
        parser.error(f"0 to {MAX_DASHBOARDS} dashboards")
    if args.url and not (args.url.startswith(("http://127.0.0.1:", "http://localhost:")) and args.database_url):
        parser.error("--url: a loopback address (http://127.0.0.1:PORT), with its --database-url")
    return args


def start_target(args: argparse.Namespace, databases: ExitStack, servers: ExitStack) -> tuple[str, Target]:
    """(database URL, target): the app, a fresh deployment, or the running one at --url."""
    if args.url:
        pids: list[int] = []
        if args.run_dir:
            state = read_state(args.run_dir)
            pids = [state.nginx_pid, *state.instances.values()]
        return args.database_url, Target(args.url, [args.url], pids)
    if args.deploy:
        url = args.database_url
        if not url:
            postgres = PostgresServer().start()
            databases.callback(postgres.stop)
            url = postgres.create_database()
        running = start_deployment(url, args.deploy, Path(tempfile.mkdtemp(prefix="autodiag-load-deploy-")) / "run")
        servers.callback(running.stop)
        direct = [f"http://127.0.0.1:{port}" for port in running.instances]
        return url, Target(running.proxy_url, direct, running.pids)
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='autodiag-load-')) / 'load.sqlite3'}"
    # No file watcher: files edited in the repository during a run would make the server reload
    # modules under the sessions' feet (a development feature; a deployment turns it off too).
    extra = ("--runner.postScriptGC", "true" if args.gc else "false", "--server.fileWatcherType", "none")
    server = start_app({"DATABASE_URL": url}, extra_args=extra, log_name=f"load-{args.participants}-{os.getpid()}.log")
    servers.callback(server.stop)
    return url, Target(server.url, [server.url], [server.process.pid])


def report(
    args: argparse.Namespace,
    figures: dict[str, float],
    participants: list[Participant],
    viewers: list[Participant],
    store: Store,
) -> int:
    """Print the figures; exit code 0 only if nothing was lost and no error was shown."""
    stored, wrong = _stored(store, participants)
    latencies = [x * 1000 for p in participants for x in p.latencies]
    refreshes = [x * 1000 for v in viewers for x in v.latencies]
    sent = sum(p.sent for p in participants)
    acknowledged = sum(p.acknowledged for p in participants)
    errors = [e for p in participants + viewers for e in p.errors]
    where = f"nginx + {args.deploy} instances" if args.deploy else (args.url or "one instance")
    rows = [
        ("participants (sessions)", f"{args.participants}, through {where}"),
        ("pause between clicks", f"{args.pause:g} s (±50 %)" if args.pause else "none"),
        ("runner.postScriptGC", "true" if args.gc else "false"),
        ("clicking time", f"{figures['wall']:.1f} s"),
        ("reruns (answers + page changes)", f"{len(latencies)} ({len(latencies) / figures['wall']:.1f}/s)"),
        ("answers sent / acknowledged / stored", f"{sent} / {acknowledged} / {stored}"),
        ("answers lost or wrong", f"{wrong}"),
        ("questionnaires completed", f"{sum(p.done for p in participants)}"),
        ("rerun latency p50 / p95 / max", f"{_percentile(latencies, 50):.0f} / {_percentile(latencies, 95):.0f} / "
                                          f"{max(latencies, default=float('nan')):.0f} ms"),
        ("dashboards / refreshes", f"{len(viewers)} / {len(refreshes)}"),
        ("dashboard refresh p50 / p95", f"{_percentile(refreshes, 50):.0f} / {_percentile(refreshes, 95):.0f} ms"),
        ("server CPU share (1 core = 100 %)", f"{100 * figures['cpu']:.0f} %"),
        ("server CPU per rerun", f"{1000 * figures['cpu'] * figures['wall'] / max(1, len(latencies) + len(refreshes)):.1f} ms"),
        ("load client CPU share", f"{100 * figures['client_cpu']:.0f} %"),
        ("server RSS before / with sessions / end", f"{figures['rss_before']:.0f} / {figures['rss_after']:.0f} / "
                                                    f"{figures['rss_end']:.0f} MiB"),
        ("memory per session", f"{(figures['rss_after'] - figures['rss_before']) / args.participants:.2f} MiB"),
        ("error messages shown", f"{len(errors)}"),
    ]  # fmt: skip
    width = max(len(name) for name, _ in rows)
    print(f"Workshop load test, questionnaire {args.questionnaire}, {os.cpu_count()} CPU, {sys.platform}, "
          f"load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    for error in sorted(set(errors))[:5]:
        print(f"  error: {error[:200]}")
    return 0 if stored == sent == acknowledged and wrong == 0 and not errors else 1


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with ExitStack() as databases, ExitStack() as servers:
        database_url, target = start_target(args, databases, servers)
        store = Store(database_url)
        databases.callback(store.dispose)
        workshop = store.create_workshop("Atelier de charge", args.questionnaire, PROFILE)
        ids = [store.join_workshop(workshop.id, ROLES[i % len(ROLES)], None) for i in range(args.participants)]
        participants = [session(target.url, d) for d in ids]
        token = f"animation={workshop.facilitator_token}"
        viewers = [session(target.url, ids[0], token, "tableau-de-bord") for _ in range(args.dashboards)]
        figures = asyncio.run(run(target, participants, viewers, args.pause, args.duration, args.seed))
        servers.close()  # stop the servers before reading back: every acknowledged write is in
        return report(args, figures, participants, viewers, store)
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
