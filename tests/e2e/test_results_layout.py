"""The results page in Chromium, on a laptop and on a phone: priorities first, the matrix or its list."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from scoring.models import ResponseSet
from services import diagnostics
from storage import Store
from tests.e2e.conftest import RunningApp
from tests.e2e.server import ARTIFACTS, REPO_ROOT
from ui import keys

EXAMPLE = REPO_ROOT / "questionnaires" / "examples" / "cc-exemple.json"


def _example(app: RunningApp) -> str:
    answers = ResponseSet.model_validate(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    return diagnostics.import_as_new(Store(app.database_url), answers)


def test_a_laptop_opens_on_the_priorities_and_shows_the_matrix_chart(app: RunningApp, page: Page) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{app.url}/resultats?d={_example(app)}")
    summary = page.locator("ol").filter(has_text="Entrepreneuriat ESS").first
    expect(summary).to_be_in_viewport()  # the first screen names the priorities
    expect(page.locator(f".st-key-{keys.MATRIX_BOX} .js-plotly-plot")).to_be_visible()
    expect(page.locator(f".st-key-{keys.MATRIX_LIST}")).to_be_hidden()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "results-laptop.png"))


def test_a_phone_shows_the_matrix_as_a_list_by_zone(app: RunningApp, page: Page) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{app.url}/resultats?d={_example(app)}")
    listing = page.locator(f".st-key-{keys.MATRIX_LIST}")
    expect(listing).to_contain_text("À prioriser")
    listing.scroll_into_view_if_needed()
    expect(listing).to_be_visible()
    expect(page.locator(f".st-key-{keys.MATRIX_BOX}")).to_be_hidden()
    page.screenshot(path=str(ARTIFACTS / "results-phone-matrix.png"))
