"""Load test of a workshop: N simulated participants answer through Streamlit's websocket protocol.

Usage:
    .venv/bin/python bench/load_workshop.py --participants 40 --pause 3 --duration 60
    .venv/bin/python bench/load_workshop.py --participants 100 --pause 0 --duration 60
    .venv/bin/python bench/load_workshop.py --participants 40 --pause 3 --gc   # runner.postScriptGC on

The script starts the app (`streamlit run`, 127.0.0.1 only, a fresh SQLite database unless
`--database-url`), creates a workshop and N participants, then opens one websocket session per
participant on `ws://127.0.0.1:PORT/_stcore/stream` (subprotocol `streamlit`, Origin header).
Each session loads its questionnaire (`?d=<id>`) and answers question after question as a
browser does: a `BackMsg.rerun_script` carrying the radio's `WidgetState` (or the trigger of
« Dimension suivante → »), then waits for `ForwardMsg.script_finished`. It stops at the
deadline (or when its questionnaire is done), waits for the clicks in flight, and reports:

- answers sent, acknowledged (script finished) and stored (read back from the database,
  value for value): nothing may be lost;
- rerun latency p50 / p95 (click sent → script_finished), answers and page changes alike;
- server CPU share over the run (/proc/<pid>/stat; 100 % = one core) and memory per session
  (RSS growth once every session has loaded its page, divided by N).

Bounded: loopback only, at most 200 sessions and 300 seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storage import Store
from tests.e2e.server import AppServer, start_app

MAX_PARTICIPANTS = 200
MAX_DURATION_S = 300.0
CLICK_TIMEOUT_S = 60.0
PROFILE = {"name": "CC du Banc d’Essai", "authority_type": "communaute_communes"}
ROLES = ("elu", "technicien", "acteur_ess", "autre")
NEXT_LABEL = "Dimension suivante →"
ANSWER_LABEL = "Question "  # the answer radios are named « Question N : <text> »
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


class ProtocolError(RuntimeError):
    """The server answered something a browser would not expect."""


@dataclass
class Widget:
    """A widget of the last run, as the server described it."""

    id: str
    label: str
    options: list[str] = field(default_factory=list)


@dataclass
class Participant:
    """One simulated participant: a websocket session on their own diagnostic."""

    diag_id: str
    uri: str
    origin: str
    query_string: str = ""
    page_hash: str = ""
    widgets: dict[str, Widget] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)
    expected: dict[str, int | str] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    sent: int = 0
    acknowledged: int = 0
    errors: list[str] = field(default_factory=list)
    done: bool = False

    def __post_init__(self) -> None:
        self.query_string = f"d={self.diag_id}"


def _key_of(widget_id: str) -> str:
    """The user key at the end of an element id (`$$ID-<hash>-<key>`)."""
    parts = widget_id.split("-", 2)
    return parts[2] if len(parts) == 3 else widget_id


def _value_of(option: str) -> int | str:
    """What the questionnaire stores for a formatted radio option."""
    if option == "Je ne sais pas":
        return "dk"
    if option == "Non concerné":
        return "na"
    return int(option.split(" ", 1)[0])


async def _rerun(ws: Any, p: Participant, trigger: str | None = None) -> float:
    """Send a rerun as the browser does and read until the script has finished; returns seconds."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = p.query_string
    state.page_script_hash = p.page_hash
    if not p.page_hash:
        state.page_name = "questionnaire"
    for widget_id, value in p.values.items():
        if widget_id in p.widgets:
            state.widget_states.widgets.append(WidgetState(id=widget_id, string_value=value))
    if trigger is not None:
        state.widget_states.widgets.append(WidgetState(id=trigger, trigger_value=True))
    started = time.perf_counter()
    await ws.send(msg.SerializeToString())
    seen: dict[str, Widget] = {}
    while True:
        raw = await asyncio.wait_for(ws.recv(), CLICK_TIMEOUT_S)
        fwd = ForwardMsg.FromString(raw)
        kind = fwd.WhichOneof("type")
        if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
            element = fwd.delta.new_element
            which = element.WhichOneof("type")
            if which == "radio":
                seen[element.radio.id] = Widget(element.radio.id, element.radio.label, list(element.radio.options))
            elif which == "button":
                seen[element.button.id] = Widget(element.button.id, element.button.label)
            elif which == "exception":
                p.errors.append(element.exception.message)
            elif which == "alert" and element.alert.format == 1:  # ERROR: e.g. a refused save
                p.errors.append(element.alert.body)
        elif kind == "navigation" and fwd.navigation.page_script_hash:
            p.page_hash = fwd.navigation.page_script_hash
        elif kind == "page_info_changed":
            p.query_string = fwd.page_info_changed.query_string
        elif kind == "script_finished":
            if fwd.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                raise ProtocolError(f"script finished with status {fwd.script_finished}")
            p.widgets = seen
            return time.perf_counter() - started


def _next_action(p: Participant, rng: random.Random) -> tuple[str, str | None] | None:
    """(widget id, option) of the next unanswered question, (button id, None) to go on, or None."""
    for widget in sorted(p.widgets.values(), key=lambda w: w.label):
        if widget.label.startswith(ANSWER_LABEL) and widget.id not in p.values and widget.options:
            weights = [8] * (len(widget.options) - 2) + [1, 1]  # levels mostly, sometimes dk / na
            return widget.id, rng.choices(widget.options, weights)[0]
    button = next((w for w in p.widgets.values() if w.label == NEXT_LABEL), None)
    return (button.id, None) if button else None


@dataclass
class Clock:
    """When clicking stops; set once every session has loaded its page."""

    deadline: float = float("inf")


async def participant_loop(
    p: Participant, pause: float, clock: Clock, ready: asyncio.Barrier, go: asyncio.Event, seed: int
) -> None:
    """Load the questionnaire, then click until the deadline or the end of the questionnaire."""
    rng = random.Random(seed)
    async with websockets.connect(
        p.uri, subprotocols=[websockets.Subprotocol("streamlit")], origin=websockets.Origin(p.origin),
        max_size=None, ping_interval=None, open_timeout=30,
    ) as ws:  # fmt: skip
        await _rerun(ws, p)
        await ready.wait()
        await go.wait()
        if pause:
            await asyncio.sleep(rng.uniform(0, pause))  # participants do not click in step
        while time.monotonic() < clock.deadline:
            action = _next_action(p, rng)
            if action is None:
                p.done = True
                break
            widget_id, option = action
            if option is None:
                p.latencies.append(await _rerun(ws, p, trigger=widget_id))
            else:
                p.values[widget_id] = option
                p.sent += 1
                p.expected[_key_of(widget_id).removeprefix("q:")] = _value_of(option)
                p.latencies.append(await _rerun(ws, p))
                p.acknowledged += 1
            if pause:
                await asyncio.sleep(rng.uniform(0.5 * pause, 1.5 * pause))


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def _rss_mib(pid: int) -> float:
    pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    return pages * PAGE_SIZE / 2**20


async def run(
    server: AppServer, participants: list[Participant], pause: float, duration: float, seed: int
) -> dict[str, float]:
    """Connect everyone and measure memory, then run the clicks and measure CPU."""
    pid = server.process.pid
    warm = Participant(participants[0].diag_id, participants[0].uri, participants[0].origin)
    async with websockets.connect(
        warm.uri, subprotocols=[websockets.Subprotocol("streamlit")], origin=websockets.Origin(warm.origin),
        max_size=None,
    ) as ws:  # fmt: skip
        await _rerun(ws, warm)  # imports, catalogue, database pool: not per-session costs
    await asyncio.sleep(1.0)
    rss_before = _rss_mib(pid)
    clock, ready, go = Clock(), asyncio.Barrier(len(participants) + 1), asyncio.Event()
    tasks = []
    for i, p in enumerate(participants):
        tasks.append(asyncio.create_task(participant_loop(p, pause, clock, ready, go, seed + i)))
        await asyncio.sleep(0.02)  # sessions open over a few seconds, as people scan the QR code
    await ready.wait()
    await asyncio.sleep(1.0)
    rss_after = _rss_mib(pid)
    cpu0, wall0 = _cpu_seconds(pid), time.monotonic()
    clock.deadline = wall0 + duration
    go.set()
    await asyncio.gather(*tasks)
    cpu1, wall1 = _cpu_seconds(pid), time.monotonic()
    return {
        "rss_before": rss_before,
        "rss_after": rss_after,
        "rss_end": _rss_mib(pid),
        "cpu": (cpu1 - cpu0) / (wall1 - wall0),
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--participants", "-n", type=int, default=40)
    parser.add_argument("--pause", type=float, default=3.0, help="mean seconds between clicks (0: none)")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of clicking")
    parser.add_argument("--questionnaire", default="ess-territoires")
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    parser.add_argument("--gc", action="store_true", help="run with runner.postScriptGC = true")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    if not 0 < args.participants <= MAX_PARTICIPANTS or not 0 < args.duration <= MAX_DURATION_S:
        parser.error(f"1 to {MAX_PARTICIPANTS} participants, 1 to {MAX_DURATION_S:.0f} seconds")
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='autodiag-load-')) / 'load.sqlite3'}"
    store = Store(url)
    workshop = store.create_workshop("Atelier de charge", args.questionnaire, PROFILE)
    ids = [store.join_workshop(workshop.id, ROLES[i % len(ROLES)], None) for i in range(args.participants)]
    # No file watcher: files edited in the repository during a run would make the server reload
    # modules under the sessions' feet (a development feature; a deployment turns it off too).
    extra = ("--runner.postScriptGC", "true" if args.gc else "false", "--server.fileWatcherType", "none")
    server = start_app({"DATABASE_URL": url}, extra_args=extra, log_name=f"load-{args.participants}-{os.getpid()}.log")
    try:
        host = f"127.0.0.1:{server.port}"
        participants = [Participant(d, f"ws://{host}/_stcore/stream", f"http://{host}") for d in ids]
        figures = asyncio.run(run(server, participants, args.pause, args.duration, args.seed))
    finally:
        server.stop()
    stored, wrong = _stored(store, participants)
    latencies = [x * 1000 for p in participants for x in p.latencies]
    sent = sum(p.sent for p in participants)
    acknowledged = sum(p.acknowledged for p in participants)
    errors = [e for p in participants for e in p.errors]
    rows = [
        ("participants (sessions)", f"{args.participants}"),
        ("pause between clicks", f"{args.pause:g} s (±50 %)" if args.pause else "none"),
        ("runner.postScriptGC", "true" if args.gc else "false"),
        ("clicking time", f"{figures['wall']:.1f} s"),
        ("reruns (answers + page changes)", f"{len(latencies)} ({len(latencies) / figures['wall']:.1f}/s)"),
        ("answers sent / acknowledged / stored", f"{sent} / {acknowledged} / {stored}"),
        ("answers lost or wrong", f"{wrong}"),
        ("questionnaires completed", f"{sum(p.done for p in participants)}"),
        ("rerun latency p50 / p95 / max", f"{_percentile(latencies, 50):.0f} / {_percentile(latencies, 95):.0f} / "
                                          f"{max(latencies, default=float('nan')):.0f} ms"),
        ("server CPU share (1 core = 100 %)", f"{100 * figures['cpu']:.0f} %"),
        ("server RSS before / with sessions / end", f"{figures['rss_before']:.0f} / {figures['rss_after']:.0f} / "
                                                    f"{figures['rss_end']:.0f} MiB"),
        ("memory per session", f"{(figures['rss_after'] - figures['rss_before']) / args.participants:.2f} MiB"),
        ("error messages shown", f"{len(errors)}"),
    ]  # fmt: skip
    width = max(len(name) for name, _ in rows)
    print(f"Workshop load test, questionnaire {args.questionnaire}, {os.cpu_count()} CPU, {sys.platform}")
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    for error in sorted(set(errors))[:5]:
        print(f"  error: {error[:200]}")
    store.dispose()
    return 0 if stored == sent == acknowledged and wrong == 0 and not errors else 1


if __name__ == "__main__":
    raise SystemExit(main())
