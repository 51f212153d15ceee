"""axe-core on every page and state of the app: no critical or serious violation in our own markup.

axe-core comes from the npm registry (`scripts/install-axe.sh`, called by `./test.sh`). Each state
is opened in Debian chromium, the viewport made as tall as the page (Streamlit scrolls inside its
main area; otherwise colour-contrast checks are « inapplicable »), then axe runs on the whole
document. Violations that come from Streamlit itself and cannot be worked around from the app are
listed in `assets/accessibility.yaml` with their upstream issue; the accessibility statement page
shows the same list. The counts per page are written to `tests/artifacts/axe-counts.json` and
recorded in BENCHMARKS.md.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page

from storage import Store
from tests.e2e.a11y_states import STATES, Seeded, State, seed, tall_viewport, wait_for_app
from tests.e2e.conftest import RunningApp
from tests.e2e.server import ARTIFACTS, REPO_ROOT
from ui.a11y import KnownException, statement

pytestmark = [pytest.mark.e2e]

AXE_JS = REPO_ROOT / "tests" / "e2e" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("critical", "serious")
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
COUNTS: dict[str, dict[str, int]] = {}


def _is_known(rule: str, target: str, exceptions: list[KnownException]) -> bool:
    """Whether a violation is one of the framework's, listed with its upstream issue."""
    return any(e.rule == rule and e.selector in target for e in exceptions)


@pytest.fixture(scope="module")
def seeded(app: RunningApp) -> Iterator[Seeded]:
    """The diagnostic and the workshop every state needs, in the app's database."""
    store = Store(app.database_url)
    yield seed(store)
    store.dispose()


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core's script, as installed from the npm registry."""
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run scripts/install-axe.sh (./test.sh does)", pytrace=False)
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="module", autouse=True)
def record_counts() -> Iterator[None]:
    """Write the violation counts per state once the module has run."""
    yield
    if COUNTS:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "axe-counts.json").write_text(json.dumps(COUNTS, indent=1, sort_keys=True), encoding="utf-8")


def run_axe(page: Page, axe_source: str) -> list[dict[str, Any]]:
    """axe-core's violations on the current page (whole document, viewport as tall as the page)."""
    tall_viewport(page)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    violations: list[dict[str, Any]] = page.evaluate(
        "async (options) => (await window.axe.run(document, options)).violations", AXE_OPTIONS
    )
    return violations


def heading_levels(page: Page) -> list[int]:
    """The levels of the visible headings, in document order."""
    levels: list[int] = page.evaluate(
        "() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]"
        ".filter(h => h.offsetParent !== null && h.innerText.trim()).map(h => Number(h.tagName[1]))"
    )
    return levels


@pytest.mark.parametrize("state", STATES, ids=[s.name for s in STATES])
def test_axe_finds_no_critical_or_serious_violation(
    page: Page, app: RunningApp, seeded: Seeded, axe_source: str, state: State
) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(state.url(app.url, seeded))
    wait_for_app(page)
    state.ready(page)
    wait_for_app(page)
    violations = run_axe(page, axe_source)
    exceptions = statement().exceptions
    ours: list[str] = []
    counts = {"critical": 0, "serious": 0, "moderate": 0, "minor": 0, "framework": 0}
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            if _is_known(violation["id"], target, exceptions):
                counts["framework"] += 1
                continue
            counts[violation["impact"] or "minor"] += 1
            if violation["impact"] in FAILING_IMPACTS:
                ours.append(f"{violation['impact']} {violation['id']}: {target} — {node['failureSummary'][:200]}")
    COUNTS[state.name] = counts
    assert ours == [], "\n".join(ours)


@pytest.mark.parametrize("state", STATES, ids=[s.name for s in STATES])
def test_heading_levels_never_skip(page: Page, app: RunningApp, seeded: Seeded, state: State) -> None:
    page.goto(state.url(app.url, seeded))
    wait_for_app(page)
    state.ready(page)
    wait_for_app(page)
    levels = heading_levels(page)
    assert levels and levels[0] == 1, levels
    skips = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert skips == [], f"heading levels {levels}"
