"""What a participant and a facilitator do in the multi-instance tests (test_scale_out, test_proxy)."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, Response, expect

from storage import WorkshopRecord
from tests.e2e.conftest import TIMEOUT_MS
from tests.e2e.diagnostic_steps import answer_group


def join(page: Page, base: str, workshop: WorkshopRecord) -> Response | None:
    """Join from the QR link as an élu, up to the first question; returns the join link's response."""
    response = page.goto(f"{base}/rejoindre?code={workshop.join_code}")
    page.get_by_text("Élu ou élue de la collectivité").click()
    page.get_by_role("button", name="Rejoindre l’atelier").click()
    answer_group(page, 1).wait_for()
    return response


def answer(page: Page, number: int, option: str, dimension: str) -> None:
    """Click an answer and wait until the page has re-rendered after saving it (acknowledged)."""
    answer_group(page, number).get_by_text(option).click()
    progress = page.get_by_test_id("stSidebar").get_by_text(re.compile(rf"{re.escape(dimension)}\W+1/1")).first
    expect(progress).to_be_visible(timeout=TIMEOUT_MS)


def checked(page: Page, number: int, option: str) -> bool:
    """Whether question `number` shows `option` as the answer."""
    group = answer_group(page, number)
    group.wait_for()
    return group.get_by_role("radio", name=option).is_checked()


def counts(page: Page) -> Locator:
    """The dashboard's line of counts (« 2 participants · 2 ont commencé · … »)."""
    return page.get_by_test_id("stCaptionContainer").filter(has_text="mis à jour à")
