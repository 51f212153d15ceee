"""What a person does on the diagnostic pages in the browser tests: start, fill the profile, find a question."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Locator, Page, expect

from scoring.models import Dimension
from tests.e2e.conftest import RunningApp

EXPRESS = "ess-territoires-express"
HALF_LABEL = {"motivation": "Motivations", "resource": "Ressources"}

# Every express question, in order: levels, one « je ne sais pas » that empties a dimension,
# one that does not, two « non concerné ».
EXPRESS_ANSWERS: dict[str, int | str] = {
    "ess_weight_knowledge": 3,
    "jobs_creation_support": "dk",
    "needs_identification": 2,
    "endogenous_anchoring": 1,
    "local_resources_food": 4,
    "innovation_emergence": "na",
    "entrepreneurship_scic": 0,
    "awareness_elected": 2,
    "awareness_staff": 3,
    "observation_diagnostic": 1,
    "strategy_formal_policy": 4,
    "strategy_transversal": "dk",
    "facilitation_dialogue": 2,
    "skills_territorial_training": 3,
    "procurement_social_clauses": "na",
}


def wait_for_app(page: Page) -> None:
    """Wait until the server has finished the current run (Streamlit's own e2e tests do the same)."""
    page.wait_for_timeout(150)
    page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']").wait_for(state="attached")
    page.locator("[data-testid='stApp'][data-test-script-state='notRunning']").wait_for(state="attached")


def diagnostic_id(page: Page) -> str:
    """The diagnostic id carried in the URL (?d=…)."""
    return parse_qs(urlparse(page.url).query)["d"][0]


def start(page: Page, app: RunningApp, questionnaire_id: str) -> None:
    """From the home page, start a new diagnostic of a questionnaire; lands on the profile."""
    page.goto(app.url)
    expect(page.get_by_role("heading", name="Autodiagnostic ESS des territoires")).to_be_visible()
    title = "Version express" if questionnaire_id == EXPRESS else "Version complète"
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    # The two cards hold the same button label; Streamlit gives each keyed widget a `st-key-<key>` class.
    page.locator(f".st-key-start-{questionnaire_id}").get_by_role("button", name="Commencer ce diagnostic").click()
    expect(page.get_by_role("heading", name="Profil de la collectivité")).to_be_visible()
    wait_for_app(page)


def choose(page: Page, label: str, option: str) -> None:
    """Pick an option of a select box by its visible label."""
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def fill_profile(page: Page, name: str, selects: dict[str, str]) -> None:
    """Fill the profile form and go on to the questionnaire."""
    page.get_by_role("textbox", name="Nom de la collectivité").fill(name)
    for label, option in selects.items():
        choose(page, label, option)
    page.get_by_role("button", name="Enregistrer et passer au questionnaire").click()
    expect(page.get_by_role("heading", name="Questionnaire", exact=True)).to_be_visible()
    expect(page.get_by_text("Profil enregistré.")).to_be_visible()
    wait_for_app(page)


def answer_group(page: Page, number: int) -> Locator:
    """The radio group of question `number` (numbered across the whole questionnaire)."""
    return page.get_by_role("radiogroup", name=re.compile(rf"^Question {number}\s:"))


def dimension_heading(page: Page, dim: Dimension) -> Locator:
    return page.get_by_role("heading", name=f"{HALF_LABEL[dim.half]} · {dim.title}")
