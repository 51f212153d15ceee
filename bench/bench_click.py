"""Server CPU per answer click on the real server: the questionnaire page against the same radios alone.

Usage:
    .venv/bin/python bench/bench_click.py                      # this checkout
    .venv/bin/python bench/bench_click.py --root ../before     # another checkout's app (before/after)

Three `streamlit run` servers, same options (`runner.postScriptGC false`, no file watcher,
TCP_NODELAY as the app sets it), each driven through Streamlit's websocket protocol by one session
as a browser drives it (`bench/load_client.py`: a change in a fragment re-runs that fragment):

- floor:   an empty script, re-run with nothing changed;
- radios:  a script with only the step's radios (same count, options and captions), one clicked;
- page:    the questionnaire page (`?d=…&etape=N`), the same question's radio clicked.

Each round clicks `--clicks` times (the answer changing every time) and reads the server's CPU
(utime + stime, /proc) before and after; per click = CPU / clicks. Rounds alternate the servers;
the figure is the median of `--rounds` rounds, and the ratio page / radios-only is the target's
(issue 11: at most 2×). Wall latency (click sent → script finished, loopback) is printed too.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_app import AUTHORITY_TYPE, radios_script
from bench.load_client import Participant, connect, key_of, rerun, session
from bench.proc import cpu_seconds
from tests.e2e.server import AppServer, start_app

OPTIONS = ("--runner.postScriptGC", "false", "--server.fileWatcherType", "none")
NO_DELAY = "import sys; sys.path.insert(0, {root!r})\nfrom ui import tcp\ntcp.no_delay_once()\n"


def _serve_script(script: Path, root: Path, env: dict[str, str] | None = None) -> AppServer:
    """`streamlit run SCRIPT` from the checkout `root` (its .streamlit/config.toml), once healthy."""
    log_name = f"bench-click-{script.stem}-{os.getpid()}.log"
    return start_app(env or {}, script=script, root=root, extra_args=OPTIONS, timeout=60, log_name=log_name)


class Clicker:
    """One open session clicking the radio whose key is `key`, or re-running the script if None."""

    def __init__(self, server: AppServer, session: Participant, key: str | None) -> None:
        self.server, self.session, self.key, self.ws, self.turn = server, session, key, None, 0

    async def open(self) -> None:
        self.ws = await connect(self.session).__aenter__()
        await rerun(self.ws, self.session)

    async def click(self) -> float:
        """One click (the next option of the radio each time); seconds to script_finished."""
        p = self.session
        if self.key is None:
            return await rerun(self.ws, p)
        radio = next(w for w in p.widgets.values() if key_of(w.id) == self.key)
        self.turn += 1
        p.values[radio.id] = radio.options[self.turn % len(radio.options)]
        return await rerun(self.ws, p, clicked=radio.id)


async def _round(clicker: Clicker, clicks: int) -> tuple[float, float]:
    """(server CPU ms per click, median wall ms) over `clicks` clicks."""
    for _ in range(5):
        await clicker.click()
    pids = [clicker.server.process.pid]
    cpu0 = cpu_seconds(pids)
    walls = [await clicker.click() for _ in range(clicks)]
    return (cpu_seconds(pids) - cpu0) * 1000 / clicks, statistics.median(walls) * 1000


def _diagnostic(database_url: str, root: Path, questionnaire: str) -> str:
    """A new diagnostic in the app's database, made by the checkout being measured."""
    code = (
        "import sys; from storage import Store; "
        f"print(Store({database_url!r}).create_diagnostic({questionnaire!r}, "
        f"{{'name': 'CC du Banc d’Essai', 'authority_type': {AUTHORITY_TYPE!r}}}))"
    )
    out = subprocess.run([str(root / ".venv/bin/python"), "-c", code], cwd=root, capture_output=True, text=True)
    if out.returncode:
        raise RuntimeError(out.stderr)
    return out.stdout.strip().splitlines()[-1]


def _spec(questionnaire: str, step: int) -> tuple[list[tuple[str, int, bool]], str]:
    """The radios of a step as bench_app builds them, and the key of its first question's radio."""
    from scoring.engine import applies
    from scoring.loader import default_catalogue

    cat = default_catalogue()
    dim = cat.questionnaire(questionnaire).dimensions[step - 1]
    questions = [x for x in dim.questions if applies(x, AUTHORITY_TYPE, cat.territories)]
    spec = [(f"imp:{dim.id}", len(cat.questionnaire(questionnaire).importance_scale), False)]
    spec += [(f"q:{x.id}", len(x.levels) + 2, True) for x in questions]
    return spec, f"q:{questions[0].id}"


async def measure(args: argparse.Namespace, folder: Path) -> dict[str, list[tuple[float, float]]]:
    """Start the three servers, open a session on each, then alternate rounds of clicks."""
    root = Path(args.root).resolve()
    spec, key = _spec(args.questionnaire, args.step)
    (folder / "empty.py").write_text(NO_DELAY.format(root=str(root)) + "import streamlit as st\n")
    radios = radios_script(spec).replace(
        "import streamlit as st\n", "import streamlit as st\nst.set_page_config(layout='wide')\n"
    )
    (folder / "radios.py").write_text(NO_DELAY.format(root=str(root)) + radios)
    database_url = f"sqlite:///{folder / 'bench.sqlite3'}"
    app = _serve_script(root / "app.py", root, {"DATABASE_URL": database_url})
    servers = [app, _serve_script(folder / "empty.py", root)]
    servers.append(_serve_script(folder / "radios.py", root))
    try:
        diag_id = _diagnostic(database_url, root, args.questionnaire)
        page = session(app.url, "", f"d={diag_id}&etape={args.step}")
        clickers = {
            "floor: empty script": Clicker(servers[1], session(servers[1].url, "", "x=1", ""), None),
            "radios only, same count": Clicker(servers[2], session(servers[2].url, "", "x=1", ""), key),
            "questionnaire page": Clicker(app, page, key),
        }
        for clicker in clickers.values():
            await clicker.open()
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in clickers}
        for _ in range(args.rounds):
            for name, clicker in clickers.items():
                results[name].append(await _round(clicker, args.clicks))
        return results
    finally:
        for server in servers:
            server.stop()


def report(args: argparse.Namespace, results: dict[str, list[tuple[float, float]]]) -> None:
    med: Callable[[list[float]], float] = statistics.median
    cpu = {name: med([c for c, _ in rounds]) for name, rounds in results.items()}
    print(
        f"{args.questionnaire}, step {args.step}; {args.rounds} rounds of {args.clicks} clicks; "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; root {Path(args.root).resolve()}"
    )
    print(f"{'script':<28}{'CPU ms/click':>13}   {'rounds':>28}{'wall p50 ms':>13}")
    for name, rounds in results.items():
        spread = " / ".join(f"{c:.1f}" for c, _ in rounds)
        print(f"{name:<28}{cpu[name]:>13.1f}   {spread:>28}{med([w for _, w in rounds]):>13.1f}")
    ratio = cpu["questionnaire page"] / cpu["radios only, same count"]
    print(
        f"page / radios-only: {ratio:.2f}× (target ≤ 2×); page / floor: {cpu['questionnaire page'] / cpu['floor: empty script']:.2f}×"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--root", default=str(Path(__file__).resolve().parents[1]), help="the checkout whose app runs")
    parser.add_argument("--questionnaire", default="ess-territoires")
    parser.add_argument("--step", type=int, default=10)
    parser.add_argument("--clicks", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-click-") as tmp:
        report(args, asyncio.run(measure(args, Path(tmp))))


if __name__ == "__main__":
    main()
