"""Browser fixtures: one app server and one Debian chromium for the session, a fresh page per test.

The app runs with `streamlit run` on a free port and a throwaway SQLite file (see `server.py`).
Chromium is Debian's (`/usr/bin/chromium`); `playwright install` is never needed. A failed
test leaves a full-page screenshot and the server log in `tests/artifacts/`.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT) not in sys.path:  # `pytest` (unlike `python -m pytest`) omits the cwd
    sys.path.insert(0, str(REPO_ROOT))

from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright  # noqa: E402

from tests.e2e.server import ARTIFACTS, CHROMIUM_ARGS, DEBIAN_CHROMIUM, AppServer, app_server, default_env  # noqa: E402
from tests.needs import missing, started_postgres  # noqa: E402
from tests.pg import PostgresServer  # noqa: E402

TIMEOUT_MS = 30_000  # two cores, a server and a browser: be generous
NAVIGATION_TIMEOUT_MS = 60_000
NO_WATCHER = ("--server.fileWatcherType", "none")  # files edited during a run must not reload the app

expect.set_options(timeout=TIMEOUT_MS)


@dataclass(frozen=True)
class RunningApp:
    """The app under test: its server and the database it writes to."""

    server: AppServer
    database_url: str

    @property
    def url(self) -> str:
        """Base URL, without a trailing slash."""
        return self.server.url


@pytest.fixture(scope="session")
def app() -> Iterator[RunningApp]:
    """One app server for the whole e2e session, on a fresh SQLite database."""
    env = default_env(Path(tempfile.mkdtemp(prefix="autodiag-e2e-")))
    with app_server(env, log_name="e2e-server.log", extra_args=NO_WATCHER) as server:
        yield RunningApp(server, env["DATABASE_URL"])


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server for the module that asks for it (a failure to start fails CI)."""
    server = started_postgres()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's chromium, headless, shared by a module's tests (each test gets its own context).

    Module scope, not session: a module may start its own Playwright (test_scale_out.py does),
    and two sync Playwright instances cannot run at once in one thread.
    """
    if not Path(DEBIAN_CHROMIUM).exists():
        missing(f"{DEBIAN_CHROMIUM} is missing: apt-get install chromium (never `playwright install`)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=DEBIAN_CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep each phase's report on the test item, so fixtures can tell whether the test failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def french_context(browser: Browser, **options: Any) -> BrowserContext:
    """A fresh browser session (its own cookies and Streamlit session) in French, with the suite's timeouts."""
    context = browser.new_context(**{"locale": "fr-FR", "viewport": {"width": 1280, "height": 900}, **options})
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    return context


def _artifact_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("::")[-1])[:120]


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh browser session in French, downloads accepted; a screenshot is saved if the test fails."""
    context = french_context(browser, accept_downloads=True)
    tab = context.new_page()
    try:
        yield tab
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            try:
                tab.screenshot(
                    path=str(ARTIFACTS / f"failed-{_artifact_name(request.node.nodeid)}.png"), full_page=True
                )
            except Exception as exc:  # a dead page must not hide the test's own failure
                print(f"no failure screenshot: {exc}", file=sys.stderr)
        context.close()
