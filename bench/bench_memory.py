"""Server memory (RSS) with 1 and with 20 browser sessions open on the questionnaire page.

The app runs as in the e2e tests (`tests/e2e/server.py`: 127.0.0.1 only, a fresh SQLite
file). Each session is its own Playwright context in Debian's chromium (its own cookies and
Streamlit session) on its own diagnostic; sessions are opened one after the other, each once
the previous one has rendered and answered its first question, so that two cores are not
swamped. RSS is read from /proc/<server pid>/status (VmRSS), as the median of a few samples
taken after the server has gone quiet.

Run: .venv/bin/python bench/bench_memory.py [--sessions 20] [--questionnaire ess-territoires]
"""

from __future__ import annotations

import argparse
import contextlib
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, BrowserContext, sync_playwright  # noqa: E402

from storage import Store  # noqa: E402
from tests.e2e.server import CHROMIUM_ARGS, DEBIAN_CHROMIUM, AppServer, default_env, start_app  # noqa: E402

TIMEOUT_MS = 90_000  # 20 contexts on two cores: slow but bounded
DEADLINE_S = 600.0
SETTLE_S = 2.0


def rss_mib(pid: int) -> float:
    """Resident set size of a process, in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


def settled_rss(server: AppServer, samples: int = 5) -> float:
    """Median RSS over a few samples, once the server has had time to finish its work."""
    time.sleep(SETTLE_S)
    values = []
    for _ in range(samples):
        values.append(rss_mib(server.process.pid))
        time.sleep(0.2)
    return statistics.median(values)


def open_session(browser: Browser, url: str) -> BrowserContext:
    """A new browser session on a questionnaire; it answers question 1 and waits for the save."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto(url, timeout=TIMEOUT_MS)
    group = page.get_by_role("radiogroup", name=re.compile(r"^Question 1\s:"))
    group.get_by_role("radio").nth(2).wait_for(state="attached")
    group.get_by_text("Je ne sais pas", exact=True).click()
    page.get_by_role("button", name="1. Poids de l’ESS · 1/4").wait_for()  # the server ran with the answer
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(state="attached")
    return context


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20, help="sessions open at the end (default 20)")
    parser.add_argument("--questionnaire", default="ess-territoires", help="questionnaire id (default: the full one)")
    args = parser.parse_args()
    if args.questionnaire != "ess-territoires":
        parser.error("the session script answers the full questionnaire's first step")

    env = default_env()
    server = start_app(env, log_name="bench-memory.log", extra_args=("--server.fileWatcherType", "none"))
    started = time.perf_counter()
    contexts: list[BrowserContext] = []
    try:
        store = Store(env["DATABASE_URL"])
        ids = [
            store.create_diagnostic(
                args.questionnaire, {"name": f"Collectivité {i}", "authority_type": "communaute_communes"}
            )
            for i in range(args.sessions)
        ]
        idle = settled_rss(server)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=DEBIAN_CHROMIUM, args=CHROMIUM_ARGS)
            opened_at = []
            for n, diag_id in enumerate(ids, 1):
                if time.perf_counter() - started > DEADLINE_S:
                    raise TimeoutError(f"gave up after {DEADLINE_S:.0f} s with {n - 1} sessions open")
                t0 = time.perf_counter()
                contexts.append(open_session(browser, f"{server.url}/questionnaire?d={diag_id}"))
                opened_at.append(time.perf_counter() - t0)
                if n == 1:
                    one = settled_rss(server)
                print(
                    f"session {n:>2} open and answered in {opened_at[-1]:.1f} s; server RSS {rss_mib(server.process.pid):.1f} MiB",
                    flush=True,
                )
            many = settled_rss(server)
            for context in contexts:
                context.close()
            contexts.clear()
            closed = settled_rss(server)
            browser.close()
    finally:
        for context in contexts:
            with contextlib.suppress(Exception):  # the browser may already be gone
                context.close()
        server.stop()

    extra = args.sessions - 1
    print(f"\nserver RSS, idle (healthy, no session yet):   {idle:7.1f} MiB")
    print(
        f"server RSS, 1 session on the questionnaire:   {one:7.1f} MiB (first session: +{one - idle:.1f} MiB, app imports)"
    )
    print(f"server RSS, {args.sessions} sessions:                      {many:7.1f} MiB")
    print(f"per extra session ({extra}):                      {(many - one) / extra:7.2f} MiB")
    print(f"server RSS {SETTLE_S:.0f} s after closing every session:   {closed:7.1f} MiB")
    print(f"sessions opened one after the other: median {statistics.median(opened_at):.1f} s each")


if __name__ == "__main__":
    main()
