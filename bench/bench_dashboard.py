"""Server time of one live-dashboard refresh against the number of participants (10, 40, 100).

Run: .venv/bin/python bench/bench_dashboard.py [--participants 10 40 100] [--refreshes 12]

For each N: a fresh SQLite database with a workshop of N participants who have answered the whole
questionnaire (random levels, one comment each), the app (`streamlit run`, 127.0.0.1 only), and
one facilitator screen on the dashboard (default tab, « Participation »), driven through
Streamlit's websocket protocol as a browser does (`bench/load_client.py`): its auto-refresh
fragment is re-run R times with no change in between (a second screen, or a quiet moment), then
R times with one new answer written before each (the data changed). Printed per case: the
server's CPU time per refresh (/proc, robust to other load on the machine) and the median round trip.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.load_client import connect, rerun, session
from bench.proc import cpu_seconds
from scoring.loader import default_catalogue
from scoring.models import ResponseSet
from storage import Store
from tests.e2e.server import start_app

QUESTIONNAIRE = "ess-territoires"
PROFILE = {"name": "CC du Banc d’Essai", "authority_type": "communaute_communes"}
ROLES = ("elu", "technicien", "acteur_ess", "autre")


def prefill(store: Store, count: int, seed: int = 2026) -> tuple[str, str, list[str]]:
    """A workshop of `count` participants who answered everything: (id, facilitator token, participant ids)."""
    questions = [q.id for _, q in default_catalogue().questionnaire(QUESTIONNAIRE).questions()]
    rng = random.Random(seed)
    workshop = store.create_workshop("Atelier de mesure", QUESTIONNAIRE, PROFILE)
    ids = []
    for i in range(count):
        diag_id = store.join_workshop(workshop.id, ROLES[i % len(ROLES)], None)
        answers = {qid: rng.choice([0, 1, 2, 3, 4, 4, 3, "dk"]) for qid in questions}
        comments = {questions[0]: f"Avis n° {i}"}
        store.replace_responses(diag_id, ResponseSet(questionnaire=QUESTIONNAIRE, answers=answers, comments=comments))
        ids.append(diag_id)
    return workshop.id, workshop.facilitator_token, ids


async def refreshes(url: str, token: str, pid: int, count: int, write: object) -> tuple[float, float]:
    """(server CPU seconds per refresh, median round trip) of `count` refreshes, `write()` before each."""
    screen = session(url, "", f"animation={token}", "tableau-de-bord")
    async with connect(screen) as ws:
        await rerun(ws, screen)
        fragment = next(iter(screen.fragments))
        for _ in range(2):  # warm: imports of the tab's code, first figures
            await rerun(ws, screen, fragment=fragment)
        trips = []
        before = cpu_seconds([pid])  # in clock ticks of 10 ms: read over all the refreshes, not each
        for _ in range(count):
            if callable(write):
                write()
            trips.append(await rerun(ws, screen, fragment=fragment))
        await asyncio.sleep(0.1)  # let the server finish sending before reading its CPU
        cpu = cpu_seconds([pid]) - before
    return cpu / count, statistics.median(trips)


def measure(count: int, runs: int) -> None:
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='autodiag-dash-')) / 'dash.sqlite3'}"
    store = Store(url)
    _, token, ids = prefill(store, count)
    server = start_app({"DATABASE_URL": url}, extra_args=("--server.fileWatcherType", "none"),
                       log_name=f"bench-dashboard-{count}-{os.getpid()}.log")  # fmt: skip
    rng = random.Random(count)
    try:
        quiet = asyncio.run(refreshes(server.url, token, server.process.pid, runs, None))
        changing = asyncio.run(refreshes(server.url, token, server.process.pid, runs,
                                         lambda: store.save_answer(rng.choice(ids), "ess_weight_knowledge", rng.randint(0, 4))))  # fmt: skip
    finally:
        server.stop()
        store.dispose()
    print(f"  N = {count:>3} : sans changement {quiet[0] * 1000:5.1f} ms CPU (aller-retour {quiet[1] * 1000:.0f} ms) ; "
          f"après une réponse {changing[0] * 1000:5.1f} ms CPU (aller-retour {changing[1] * 1000:.0f} ms)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--participants", type=int, nargs="+", default=[10, 40, 100])
    parser.add_argument("--refreshes", type=int, default=30)
    args = parser.parse_args()
    print(f"Rafraîchissement du tableau de bord ({QUESTIONNAIRE}, onglet Participation), {os.cpu_count()} CPU, "
          f"load average {os.getloadavg()[0]:.1f}, {time.strftime('%Y-%m-%d %H:%M')}")  # fmt: skip
    for count in args.participants:
        measure(min(count, 200), min(args.refreshes, 50))


if __name__ == "__main__":
    main()
