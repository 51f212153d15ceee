"""Time from `streamlit run` to a healthy `/_stcore/health`, and to the first page a browser shows.

Each run starts the app as the e2e tests do (`tests/e2e/server.py`: 127.0.0.1, a free port,
a fresh SQLite file), polling the health endpoint every 10 ms. Then Debian's chromium (started
once, before the timings) opens the home page: "first page" is the time from `goto` to the
home title being visible — the first script run imports the app, loads and validates the
questionnaires and creates the database.

Run: .venv/bin/python bench/bench_startup.py [--runs 5] [--no-browser]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.server import CHROMIUM_ARGS, DEBIAN_CHROMIUM, start_app  # noqa: E402

POLL_S = 0.01
TIMEOUT_MS = 60_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="server starts (default 5)")
    parser.add_argument("--no-browser", action="store_true", help="only the health check, no first page")
    args = parser.parse_args()

    playwright = browser = None
    if not args.no_browser:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        browser = playwright.chromium.launch(executable_path=DEBIAN_CHROMIUM, args=CHROMIUM_ARGS)

    healthy: list[float] = []
    first_page: list[float] = []
    try:
        for i in range(args.runs):
            server = start_app(
                poll_interval=POLL_S, log_name="bench-startup.log", extra_args=("--server.fileWatcherType", "none")
            )
            try:
                healthy.append(server.started_in_s * 1000)
                line = f"run {i + 1}: healthy after {healthy[-1]:.0f} ms"
                if browser is not None:
                    context = browser.new_context(locale="fr-FR")
                    page = context.new_page()
                    start = time.perf_counter()
                    page.goto(server.url, timeout=TIMEOUT_MS)
                    page.get_by_role("heading", name="Autodiagnostic ESS des territoires").wait_for(timeout=TIMEOUT_MS)
                    first_page.append((time.perf_counter() - start) * 1000)
                    context.close()
                    line += f", first page shown {first_page[-1]:.0f} ms later"
                print(line, flush=True)
            finally:
                server.stop()
    finally:
        if browser is not None:
            browser.close()
        if playwright is not None:
            playwright.stop()

    print(
        f"\n`streamlit run` → healthy /_stcore/health: median {statistics.median(healthy):.0f} ms "
        f"(min {min(healthy):.0f}, max {max(healthy):.0f}) over {len(healthy)} starts"
    )
    if first_page:
        print(
            f"healthy → home page shown in chromium (cold first run): median {statistics.median(first_page):.0f} ms "
            f"(min {min(first_page):.0f}, max {max(first_page):.0f})"
        )


if __name__ == "__main__":
    main()
