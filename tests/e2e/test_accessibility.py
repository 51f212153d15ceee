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
import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from storage import Store
from tests.e2e.a11y_states import STATES, Seeded, State, seed, tall_viewport, wait_for_app
from tests.e2e.conftest import RunningApp
from tests.e2e.server import ARTIFACTS, REPO_ROOT
from ui.a11y import KnownException, statement

pytestmark = [pytest.mark.e2e]

AXE_JS = REPO_ROOT / "tests" / "e2e" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
FAILING_IMPACTS = ("critical", "serious")
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
COUNTS: dict[str, dict[str, Any]] = {}


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


def _axe_failures(page: Page, axe_source: str, label: str) -> list[str]:
    """Run axe; record the counts under `label`; return the critical and serious violations that are ours."""
    violations = run_axe(page, axe_source)
    exceptions = statement().exceptions
    ours: list[str] = []
    counts: dict[str, Any] = {"critical": 0, "serious": 0, "moderate": 0, "minor": 0, "framework": 0}
    rules: set[str] = set()
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            if _is_known(violation["id"], target, exceptions):
                counts["framework"] += 1
                continue
            counts[violation["impact"] or "minor"] += 1
            rules.add(violation["id"])
            if violation["impact"] in FAILING_IMPACTS:
                ours.append(f"{violation['impact']} {violation['id']}: {target} — {node['failureSummary'][:200]}")
    COUNTS[label] = counts | {"rules": sorted(rules)}
    return ours


def _open(page: Page, base: str, seeded: Seeded, state: State, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(state.url(base, seeded))
    wait_for_app(page)
    state.ready(page)
    wait_for_app(page)


@pytest.mark.parametrize("state", STATES, ids=[s.name for s in STATES])
def test_axe_finds_no_critical_or_serious_violation_and_heading_levels_never_skip(
    page: Page, app: RunningApp, seeded: Seeded, axe_source: str, state: State
) -> None:
    _open(page, app.url, seeded, state, 1280, 800)
    levels = heading_levels(page)
    assert levels and levels[0] == 1, f"the page must start with its h1: {levels}"
    skips = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert skips == [], f"heading levels {levels}"
    ours = _axe_failures(page, axe_source, state.name)
    assert ours == [], "\n".join(ours)


PHONE_STATES = [s for s in STATES if s.name in {"accueil", "questionnaire-etape-1", "resultats", "tableau-de-bord"}]


@pytest.mark.parametrize("state", PHONE_STATES, ids=[s.name for s in PHONE_STATES])
def test_axe_finds_no_critical_or_serious_violation_on_a_phone(
    page: Page, app: RunningApp, seeded: Seeded, axe_source: str, state: State
) -> None:
    _open(page, app.url, seeded, state, 390, 844)
    ours = _axe_failures(page, axe_source, f"{state.name} (téléphone)")
    assert ours == [], "\n".join(ours)


# The element that shows the focus ring: the control itself, or the label/box wrapping it
# (Streamlit hides the real radio input and draws its own).
_FOCUS_RING_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const chain = [el, el.closest('label'), el.closest('[data-baseweb="select"] > div'),
                 el.closest('[data-baseweb="input"]'), el.closest('[data-baseweb="textarea"]')].filter(Boolean);
  const ring = chain.find(e => { const s = getComputedStyle(e);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; });
  const s = ring ? getComputedStyle(ring) : null;
  return {name: (el.getAttribute('aria-label') || el.innerText || el.tagName).trim().slice(0, 60),
          colour: s ? s.outlineColor : null};
}"""
FOCUS_COLOUR = "rgb(11, 110, 79)"  # #0b6e4f: 6.3:1 against white, the page background


@pytest.mark.parametrize("state", ["questionnaire-etape-1", "tableau-de-bord", "animer"])
def test_every_control_reached_with_tab_shows_a_visible_focus_ring(
    page: Page, app: RunningApp, seeded: Seeded, state: str
) -> None:
    chosen = next(s for s in STATES if s.name == state)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(chosen.url(app.url, seeded))
    wait_for_app(page)
    chosen.ready(page)
    wait_for_app(page)
    seen: list[str] = []
    without_ring: list[str] = []
    for _ in range(30):
        page.keyboard.press("Tab")
        stop = page.evaluate(_FOCUS_RING_JS)
        if stop is None:
            continue
        seen.append(stop["name"])
        if stop["colour"] != FOCUS_COLOUR:
            without_ring.append(f"{stop['name']!r}: {stop['colour']}")
    assert len(seen) >= 10
    assert without_ring == []


def test_the_dashboard_refresh_can_be_paused(page: Page, app: RunningApp, seeded: Seeded) -> None:
    dashboard = next(s for s in STATES if s.name == "tableau-de-bord")
    _open(page, app.url, seeded, dashboard, 1280, 800)
    stamp = page.get_by_text(re.compile(r"mis à jour à \d\d:\d\d:\d\d"))
    first = stamp.inner_text()
    expect(stamp).not_to_have_text(first, timeout=20_000)  # refreshed on its own
    page.get_by_text("Actualisation automatique").click()
    wait_for_app(page)
    paused = stamp.inner_text()
    page.wait_for_timeout(12_000)  # more than two refresh periods
    assert stamp.inner_text() == paused
    page.get_by_role("button", name="Actualiser").click()
    expect(stamp).not_to_have_text(paused)
