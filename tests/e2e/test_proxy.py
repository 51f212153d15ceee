"""A workshop through the real deployment: `deploy/run.sh` (nginx, two instances, one PostgreSQL).

- Participants land on both instances (each browser is pinned to one by nginx's cookie), the
  facilitator's dashboard is open on both, and each dashboard sees everyone's answers.
- `kill -9` of one instance: its participants reload their link and resume on the other with
  every acknowledged answer; the dashboard that was open on it reconnects to the other by itself.
- Stopping the launcher stops nginx and every instance.
"""

from __future__ import annotations

import os
import re
import signal
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Response, expect

from storage import Store
from tests.e2e.conftest import french_context
from tests.e2e.deployment import Deployment, DeploymentError, alive, start_deployment
from tests.e2e.diagnostic_steps import diagnostic_id
from tests.e2e.workshop_steps import answer, checked, counts, join
from tests.pg import PostgresServer

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

EXPRESS = "ess-territoires-express"
PROFILE = {"name": "CC du Val d’Essai", "authority_type": "communaute_communes"}
COOKIE = "autodiag_instance"
INSTANCE_HEADER = "x-autodiag-instance"


@contextmanager
def _deployed(postgres: PostgresServer, run_dir: Path) -> Iterator[Deployment]:
    """`deploy/run.sh --instances 2` on a fresh database, stopped afterwards whatever happens."""
    try:
        running = start_deployment(postgres.create_database(), 2, run_dir)
    except DeploymentError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield running
    finally:
        running.stop()
        for pid in running.pids:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.fixture
def deployment(postgres: PostgresServer, tmp_path: Path) -> Iterator[Deployment]:
    """`deploy/run.sh --instances 2` on a fresh database, stopped afterwards whatever happens."""
    with _deployed(postgres, tmp_path / "run") as running:
        yield running


def _port_of(response: Response | None) -> int:
    """The instance that served a response, from the header nginx adds (the last one tried)."""
    assert response is not None
    value = response.headers.get(INSTANCE_HEADER, "")
    return int(value.rsplit(":", 1)[-1])


def route_cookies(proxy_url: str, ports: list[int]) -> dict[int, str]:
    """A value of nginx's sticky cookie for each instance, found by asking the proxy."""
    found: dict[int, str] = {}
    for n in range(200):
        request = urllib.request.Request(f"{proxy_url}/_stcore/health", headers={"Cookie": f"{COOKIE}=probe{n}"})
        with urllib.request.urlopen(request, timeout=5) as response:
            found.setdefault(int(response.headers[INSTANCE_HEADER].rsplit(":", 1)[-1]), f"probe{n}")
        if set(found) == set(ports):
            return found
    raise AssertionError(f"the proxy never sent a browser to some instance: {found} of {ports}")


def _page(browser: Browser, proxy_url: str, cookie: str) -> Page:
    """A fresh browser session whose sticky cookie pins it to one instance."""
    context = french_context(browser)
    context.add_cookies([{"name": COOKIE, "value": cookie, "url": proxy_url}])
    return context.new_page()


def test_a_workshop_through_nginx_survives_the_loss_of_an_instance(deployment: Deployment, browser: Browser) -> None:
    proxy = deployment.proxy_url
    a, b = sorted(deployment.instances)
    cookies = route_cookies(proxy, [a, b])
    store = Store(deployment.database_url)
    workshop = store.create_workshop("Atelier derrière nginx", EXPRESS, PROFILE)
    dashboards = {}
    for port in (a, b):
        dashboards[port] = _page(browser, proxy, cookies[port])
        served = dashboards[port].goto(f"{proxy}/tableau-de-bord?animation={workshop.facilitator_token}")
        assert _port_of(served) == port
        expect(counts(dashboards[port])).to_contain_text("0 participant ·")

    on_a, on_b = _page(browser, proxy, cookies[a]), _page(browser, proxy, cookies[b])
    port = _port_of(join(on_a, proxy, workshop))
    id_a = diagnostic_id(on_a)
    assert port == a
    answer(on_a, 1, "3 · Portrait détaillé", "Poids de l’ESS")
    on_a.get_by_role("button", name="Dimension suivante →").click()
    answer(on_a, 2, "Je ne sais pas", "Création d’emplois")
    port = _port_of(join(on_b, proxy, workshop))
    id_b = diagnostic_id(on_b)
    assert port == b
    answer(on_b, 1, "1 · ", "Poids de l’ESS")
    for dashboard in dashboards.values():  # each instance's dashboard sees both instances' participants
        expect(counts(dashboard)).to_contain_text("2 participants · 2 ont commencé", timeout=20_000)

    os.kill(deployment.instances[a], signal.SIGKILL)
    expected_a = {"ess_weight_knowledge": 3, "jobs_creation_support": "dk"}
    assert store.load_responses(id_a).answers == expected_a

    # the participant of the dead instance reloads their tab: nginx sends them to the other one
    assert _port_of(on_a.reload()) == b
    assert checked(on_a, 2, "Je ne sais pas")
    # or opens their own link in a new browser session, still pinned to the dead instance
    resumed = _page(browser, proxy, cookies[a])
    assert _port_of(resumed.goto(f"{proxy}/questionnaire?d={id_a}")) == b
    resumed.get_by_role("radiogroup", name=re.compile(r"^Question 3\s:")).wait_for()  # where they stopped
    resumed.get_by_role("button", name="← Dimension précédente").click()
    resumed.get_by_role("button", name="← Dimension précédente").click()
    assert checked(resumed, 1, "3 · Portrait détaillé")
    on_a.get_by_role("button", name="Dimension suivante →").click()
    answer(on_a, 3, "2 · ", "Besoins des habitants")
    # the participant of the surviving instance goes on as if nothing happened
    on_b.get_by_role("button", name="Dimension suivante →").click()
    answer(on_b, 2, "4 · ", "Création d’emplois")
    # a newcomer joins after the crash; both dashboards show them, the orphaned one without a reload
    newcomer = _page(browser, proxy, cookies[a])
    port = _port_of(join(newcomer, proxy, workshop))
    id_c = diagnostic_id(newcomer)
    assert port == b
    for dashboard in dashboards.values():
        expect(counts(dashboard)).to_contain_text("3 participants ·", timeout=30_000)

    assert store.load_responses(id_a).answers == {**expected_a, "needs_identification": 2}
    assert store.load_responses(id_b).answers == {"ess_weight_knowledge": 1, "jobs_creation_support": 4}
    assert sorted(rec.id for rec, _ in store.participant_responses(workshop.id)) == sorted([id_a, id_b, id_c])
    store.dispose()


def _put_status(url: str, body: bytes) -> int:
    request = urllib.request.Request(url, data=body, method="PUT")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_an_upload_reaches_the_app_through_nginx_and_stopping_stops_everything(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    private = tmp_path / "private"
    private.mkdir(mode=0o700)  # as mkdtemp makes it: nginx's workers cannot enter it when started as root
    with _deployed(postgres, private / "run") as running:
        with urllib.request.urlopen(f"{running.proxy_url}/_stcore/health", timeout=5) as response:
            assert response.status == 200
        body = bytes(1_500_000)  # an answers file is at most 1 MB, Streamlit accepts 2 MB
        port = next(iter(running.instances))
        # Straight to an instance, a small body: the instance refuses this unknown upload before reading
        # a large one, and the client may then meet a broken pipe. nginx reads the whole 1.5 MB first.
        direct = _put_status(f"http://127.0.0.1:{port}/_stcore/upload_file/s/f", b"x")
        assert _put_status(f"{running.proxy_url}/_stcore/upload_file/s/f", body) == direct != 500
        assert running.stop() == 0
        deadline = time.monotonic() + 10  # checked before the clean-up would kill what is left
        while any(alive(pid) for pid in running.pids) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in running.pids if alive(pid)]
