"""Two Streamlit instances on one PostgreSQL, and a server killed in the middle of a workshop.

- A participant answers through instance A; the facilitator's dashboard, open on instance B,
  shows the answer on its own (auto-refresh), without a reload: nothing lives in one
  server's memory.
- `kill -9` of the server after answers were acknowledged (the page re-rendered after the
  save): every answer is still there after a restart, and the participant resumes from
  their link. Run on SQLite (the default) and on PostgreSQL.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from storage import Store
from tests.e2e.conftest import french_context
from tests.e2e.diagnostic_steps import diagnostic_id
from tests.e2e.server import app_server, start_app
from tests.e2e.workshop_steps import answer, checked, counts, join
from tests.pg import PostgresServer

pytestmark = [pytest.mark.e2e]

EXPRESS = "ess-territoires-express"
PROFILE = {"name": "CC du Val d’Essai", "authority_type": "communaute_communes"}
NO_WATCHER = ("--server.fileWatcherType", "none")  # files edited during a run must not reload modules


def _page(browser: Browser) -> Page:
    """A fresh browser session (its own cookies and Streamlit session)."""
    return french_context(browser).new_page()


@pytest.mark.postgres
def test_a_participant_answering_on_one_instance_is_seen_by_the_dashboard_on_another(
    postgres: PostgresServer, browser: Browser
) -> None:
    url = postgres.create_database()
    store = Store(url)
    workshop = store.create_workshop("Atelier à deux serveurs", EXPRESS, PROFILE)
    env = {"DATABASE_URL": url}
    with (
        app_server(env, log_name="scale-out-a.log", extra_args=NO_WATCHER) as a,
        app_server(env, log_name="scale-out-b.log", extra_args=NO_WATCHER) as b,
    ):
        assert a.port != b.port
        facilitator = _page(browser)
        facilitator.goto(f"{b.url}/tableau-de-bord?animation={workshop.facilitator_token}")
        expect(counts(facilitator)).to_contain_text("0 participant ·")
        participant = _page(browser)
        join(participant, a.url, workshop)
        diag_id = diagnostic_id(participant)
        answer(participant, 1, "3 · Portrait détaillé", "Poids de l’ESS")
        # no reload on B: its dashboard refreshes itself every 5 s from the shared database
        expect(counts(facilitator)).to_contain_text("1 participant · 1 a commencé", timeout=20_000)
        assert store.load_responses(diag_id).answers == {"ess_weight_knowledge": 3}
        (record,) = [rec for rec, _ in store.participant_responses(workshop.id)]
        assert (record.id, record.role) == (diag_id, "elu")
    store.dispose()


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_acknowledged_answers_survive_a_kill_and_the_participant_resumes_from_their_link(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest, browser: Browser
) -> None:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'autodiag.sqlite3'}"
    else:
        url = request.getfixturevalue("postgres").create_database()
    store = Store(url)
    workshop = store.create_workshop("Atelier interrompu", EXPRESS, PROFILE)
    env = {"DATABASE_URL": url}
    server = start_app(env, log_name=f"kill-{backend}-1.log", extra_args=NO_WATCHER)
    try:
        page = _page(browser)
        join(page, server.url, workshop)
        diag_id = diagnostic_id(page)
        answer(page, 1, "3 · Portrait détaillé", "Poids de l’ESS")
        page.get_by_role("button", name="Dimension suivante →").click()
        answer(page, 2, "Je ne sais pas", "Création d’emplois")
        server.kill()  # SIGKILL: no shutdown code runs
        expected = {"ess_weight_knowledge": 3, "jobs_creation_support": "dk"}
        assert store.load_responses(diag_id).answers == expected
        server = start_app(env, port=server.port, log_name=f"kill-{backend}-2.log", extra_args=NO_WATCHER)
        # the participant's own link, in a new session (as after a browser restart)
        resumed = _page(browser)
        resumed.goto(f"{server.url}/questionnaire?d={diag_id}")  # opens where they stopped: step 3
        resumed.get_by_role("radiogroup", name=re.compile(r"^Question 3\s:")).wait_for()
        resumed.get_by_role("button", name="← Dimension précédente").click()
        assert checked(resumed, 2, "Je ne sais pas")
        resumed.get_by_role("button", name="← Dimension précédente").click()
        assert checked(resumed, 1, "3 · Portrait détaillé")
        # the tab that was open during the crash reloads its link and goes on answering
        page.reload()  # its URL says step 2
        page.get_by_role("button", name="Dimension suivante →").click()
        answer(page, 3, "2 · ", "Besoins des habitants")
        assert store.load_responses(diag_id).answers == {**expected, "needs_identification": 2}
        assert [p.id for p in [rec for rec, _ in store.participant_responses(workshop.id)]] == [
            diag_id
        ]  # resumed, not re-joined
    finally:
        server.stop()
        store.dispose()
