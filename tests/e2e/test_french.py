"""French everywhere: every page and state, text and accessible names, and `lang="fr"` from the start.

The framework's own English (file upload, selects, date input, form hints, page not found,
connection error, aria labels) is put into French by `assets/l10n.js` from
`assets/l10n-fr.json`; the page is served with `lang="fr"` by `app.py` (see ui/a11y.py).
"""

from __future__ import annotations

import tempfile
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from storage import Store
from tests.e2e.a11y_states import STATES, Seeded, State, english_found, seed, wait_for_app
from tests.e2e.conftest import RunningApp
from tests.e2e.server import app_server, default_env

pytestmark = [pytest.mark.e2e]


@pytest.fixture(scope="module")
def seeded(app: RunningApp) -> Iterator[Seeded]:
    """The diagnostic and the workshop every state needs, in the app's database."""
    store = Store(app.database_url)
    yield seed(store)
    store.dispose()


def test_the_page_is_served_in_french_before_any_script_runs(app: RunningApp) -> None:
    for path in ("/", "/resultats", "/page-inconnue"):
        with urllib.request.urlopen(app.url + path, timeout=30) as response:
            html = response.read().decode("utf-8")
        assert '<html lang="fr">' in html, path
        assert "<title>Autodiagnostic ESS des territoires</title>" in html, path


def test_the_browser_sees_lang_fr_from_the_first_parse_and_keeps_it(page: Page, app: RunningApp) -> None:
    page.goto(app.url + "/methode", wait_until="commit")
    page.wait_for_function("document.documentElement !== null")
    assert page.evaluate("document.documentElement.lang") == "fr"
    expect(page.get_by_role("heading", name="Méthode et calculs")).to_be_visible()
    wait_for_app(page)
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.title() == "Méthode et calculs – Autodiagnostic ESS des territoires"


@pytest.mark.parametrize("state", STATES, ids=[s.name for s in STATES])
def test_no_english_is_shown_or_announced(page: Page, app: RunningApp, seeded: Seeded, state: State) -> None:
    page.goto(state.url(app.url, seeded))
    wait_for_app(page)
    state.ready(page)
    wait_for_app(page)
    assert english_found(page) == []


def test_the_connection_error_is_announced_in_french(browser: Browser) -> None:
    env = default_env(Path(tempfile.mkdtemp(prefix="autodiag-e2e-")))
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        with app_server(env, log_name="e2e-connection-error.log") as server:
            page.goto(server.url + "/methode")
            expect(page.get_by_role("heading", name="Méthode et calculs")).to_be_visible(timeout=60_000)
            wait_for_app(page)
            server.kill()
        expect(page.get_by_text("Erreur de connexion")).to_be_visible(timeout=60_000)
        assert english_found(page) == []
    finally:
        context.close()
