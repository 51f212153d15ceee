"""A questionnaire people can trust, in Debian chromium: a step change shows the new step from its
heading, the whole option is the tap target on a phone, nothing typed is lost (closing the tab,
pasting too much, a server restart, a button clicked while typing), another tab's answers show at the
next click, a workshop closed mid-answer shows closed, and the device remembers the diagnostics
opened on it."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Locator, Page, expect

from scoring.engine import applies
from scoring.loader import default_catalogue
from services import Store
from tests.e2e.conftest import NO_WATCHER, TIMEOUT_MS, RunningApp, french_context
from tests.e2e.diagnostic_steps import (
    EXPRESS,
    answer_group,
    diagnostic_id,
    dimension_heading,
    fill_profile,
    start,
    wait_for_app,
)
from tests.e2e.server import default_env, start_app

CAT = default_catalogue()
CC = {"Type de collectivité": "Communauté de communes"}
PHONE = {"width": 390, "height": 844}


def _phone(browser: Browser) -> Page:
    return french_context(browser, viewport=PHONE, is_mobile=True, has_touch=True).new_page()


def pick(group: Locator, index: int) -> None:
    """Click an option's label, as a person does."""
    group.locator("[data-testid='stRadioOption']").nth(index).locator("p").first.click()


def _heading_on_screen_and_focused(page: Page, title: str) -> None:
    heading = page.get_by_role("heading", name=title)
    expect(heading).to_be_focused()
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] <= 200, box  # the step starts at the top, not scrolled down


def test_on_a_phone_the_express_diagnostic_is_done_without_scrolling_up_after_a_step_change(
    browser: Browser, app: RunningApp
) -> None:
    page = _phone(browser)
    start(page, app, EXPRESS)
    fill_profile(page, "CC du Téléphone", CC)
    q = CAT.questionnaire(EXPRESS)
    number = 0
    for i, dim in enumerate(q.dimensions, 1):
        title = f"{'Motivations' if dim.half == 'motivation' else 'Ressources'} · {dim.title}"
        expect(dimension_heading(page, dim)).to_be_visible()
        if i > 1:
            _heading_on_screen_and_focused(page, title)
        for question in dim.questions:
            if not applies(question, "communaute_communes", CAT.territories):
                continue
            number += 1
            # Tap the level's description, not its label: the whole option is the tap target.
            group = answer_group(page, number)
            description = group.get_by_text(question.levels[2].description, exact=True)
            option = group.locator("[data-testid='stRadioOption']").nth(2).locator("xpath=..")
            box = option.bounding_box()
            assert box is not None and box["height"] >= 44, box
            description.scroll_into_view_if_needed()
            where = description.bounding_box()
            assert where is not None
            page.touchscreen.tap(where["x"] + where["width"] / 2, where["y"] + where["height"] / 2)
            expect(group.get_by_role("radio").nth(2)).to_be_checked()
            wait_for_app(page)
        if i < len(q.dimensions):
            page.get_by_role("button", name="Dimension suivante →").tap()
            wait_for_app(page)
    store = Store(app.database_url)
    assert len(store.load_responses(diagnostic_id(page)).answers) == number
    page.context.close()


def test_a_comment_typed_then_the_tab_closed_is_saved_after_the_browser_asks_first(page: Page, app: RunningApp) -> None:
    start(page, app, EXPRESS)
    fill_profile(page, "CC du Commentaire", CC)
    diag_id = diagnostic_id(page)
    page.locator("summary").filter(has_text="Commentaire sur la question 1").click()
    box = page.get_by_role("textbox", name="Commentaire sur la question 1", exact=False)
    box.click()
    box.press_sequentially("Chiffres demandés à la CRESS", delay=5)  # typed, the field never left
    asked: list[str] = []

    def stay(dialog: Dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()  # « Rester sur la page »

    page.on("dialog", stay)
    page.close(run_before_unload=True)
    store = Store(app.database_url)
    question = CAT.questionnaire(EXPRESS).dimensions[0].questions[0].id
    for _ in range(50):
        if store.load_responses(diag_id).comments.get(question):
            break
        page.wait_for_timeout(100)
    assert asked == ["beforeunload"]
    assert store.load_responses(diag_id).comments[question] == "Chiffres demandés à la CRESS"


def test_a_paste_longer_than_the_limit_keeps_the_first_5000_characters_and_says_so(page: Page, app: RunningApp) -> None:
    start(page, app, EXPRESS)
    fill_profile(page, "CC du Copier-Coller", CC)
    page.locator("summary").filter(has_text="Commentaire sur la question 1").click()
    box = page.get_by_role("textbox", name="Commentaire sur la question 1", exact=False)
    text = "Compte rendu du conseil communautaire. " * 200  # 7,800 characters
    box.fill(text)
    box.blur()
    wait_for_app(page)
    expect(page.get_by_text("les 5\u202f000 premiers sont enregistrés")).to_be_visible()
    expect(box).to_have_value(text[:5000])
    question = CAT.questionnaire(EXPRESS).dimensions[0].questions[0].id
    assert Store(app.database_url).load_responses(diagnostic_id(page)).comments[question] == text[:5000]


def test_the_first_answer_after_a_server_restart_is_saved(browser: Browser) -> None:
    env = default_env(Path(tempfile.mkdtemp(prefix="autodiag-restart-")))
    server = start_app(env, log_name="restart-1.log", extra_args=NO_WATCHER)
    page = browser.new_page(locale="fr-FR")
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(server.url)
        page.locator(f".st-key-start-{EXPRESS}").get_by_role("button", name="Commencer ce diagnostic").click()
        fill_profile(page, "CC du Redémarrage", CC)
        diag_id = diagnostic_id(page)
        pick(answer_group(page, 1), 1)
        wait_for_app(page)
        server.kill()
        server = start_app(env, port=server.port, log_name="restart-2.log", extra_args=NO_WATCHER)
        page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']").wait_for(state="attached")
        pick(page.get_by_role("radiogroup").first, 3)  # the importance
        wait_for_app(page)
        saved = Store(env["DATABASE_URL"]).load_responses(diag_id)
        assert saved.importance == {"ess_weight": 3}
        assert len(saved.answers) == 1
        expect(page.get_by_role("radiogroup").first.get_by_role("radio").nth(3)).to_be_checked()
    finally:
        page.close()
        server.kill()


def test_the_home_page_remembers_the_diagnostics_opened_on_this_device_after_a_reload(
    page: Page, app: RunningApp
) -> None:
    start(page, app, EXPRESS)
    fill_profile(page, "Pays du Bocage", CC)
    page.goto(app.url)
    wait_for_app(page)
    page.reload()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Vos diagnostics sur cet appareil")).to_be_visible()
    expect(page.get_by_text("Pays du Bocage", exact=True)).to_be_visible()
    page.get_by_role("link", name="Reprendre").first.click()
    expect(page.get_by_role("heading", name="Questionnaire", exact=True)).to_be_visible()


@pytest.mark.parametrize("width", [1280, 390])
def test_the_save_status_is_visible_and_announced(page: Page, app: RunningApp, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    start(page, app, EXPRESS)
    fill_profile(page, "CC du Statut", CC)
    pick(answer_group(page, 1), 0)
    wait_for_app(page)
    status = page.get_by_role("status").filter(has_text="Dernière réponse enregistrée à")
    expect(status).to_be_visible()


def test_an_answer_given_in_another_tab_shows_here_at_the_next_click(page: Page, app: RunningApp) -> None:
    start(page, app, EXPRESS)
    fill_profile(page, "CC des Deux Onglets", CC)
    other = page.context.new_page()
    other.goto(page.url)
    wait_for_app(other)
    pick(answer_group(other, 1), 2)  # the other tab answers question 1
    wait_for_app(other)
    pick(page.get_by_role("radiogroup").first, 1)  # this tab, which still shows it unanswered, gives the importance
    wait_for_app(page)
    # this tab's click re-ran the page, which now shows what is saved, the other tab's answer included
    expect(answer_group(page, 1).get_by_role("radio").nth(2), "the other tab's answer is shown").to_be_checked()
    expect(page.get_by_role("radiogroup").first.get_by_role("radio").nth(1)).to_be_checked()
    saved = Store(app.database_url).load_responses(diagnostic_id(page))
    assert len(saved.answers) == 1 and len(saved.importance) == 1
    other.close()


def test_a_step_button_clicked_right_after_typing_a_comment_saves_it_and_changes_step(
    page: Page, app: RunningApp
) -> None:
    start(page, app, EXPRESS)
    fill_profile(page, "CC de la Saisie Pressée", CC)
    first, second = CAT.questionnaire(EXPRESS).dimensions[:2]
    page.get_by_text("Commentaire sur la question 1", exact=False).first.click()
    box = page.get_by_role("textbox", name="Commentaire sur la question 1", exact=False)
    box.click()
    box.type("Tapé puis suivant")
    # no click elsewhere first: the browser sends the comment and the button in one message
    page.get_by_role("button", name="Dimension suivante →").click()
    expect(
        dimension_heading(page, second), "the click reached the page, not only the comment's question"
    ).to_be_visible()
    wait_for_app(page)
    saved = Store(app.database_url).load_responses(diagnostic_id(page))
    assert saved.comments == {first.questions[0].id: "Tapé puis suivant"}


def test_a_participant_answering_when_the_workshop_closes_sees_it_closed_and_keeps_the_saved_answer(
    page: Page, app: RunningApp
) -> None:
    from scoring.models import Profile
    from services import workshops

    store = Store(app.database_url)
    workshop = workshops.create(
        store, "Atelier du soir", EXPRESS, Profile(name="CC de l’Atelier", authority_type="communaute_communes")
    )
    diag_id = workshops.join(store, workshop, "elu", "")
    page.goto(f"{app.url}/questionnaire?d={diag_id}&etape=1")
    wait_for_app(page)
    pick(answer_group(page, 1), 2)
    wait_for_app(page)
    workshops.close(store, workshop.id)  # the facilitator closes the workshop meanwhile
    pick(answer_group(page, 1), 3)
    expect(page.get_by_text("Cet atelier est clos", exact=False).first).to_be_visible()
    expect(answer_group(page, 1).get_by_role("radio").nth(2), "the saved answer is shown again").to_be_checked()
    expect(answer_group(page, 1).get_by_role("radio").nth(3)).to_be_disabled()
    first = CAT.questionnaire(EXPRESS).dimensions[0].questions[0]
    assert store.load_responses(diag_id).answers == {first.id: 2}


def test_on_a_phone_the_folded_menu_is_not_in_the_way_of_the_keyboard(browser: Browser, app: RunningApp) -> None:
    phone = _phone(browser)
    start(phone, app, EXPRESS)
    fill_profile(phone, "CC du Clavier", CC)
    phone.reload()  # Tab from the top of the page, as after opening a link
    phone.get_by_role("radiogroup").first.wait_for()
    wait_for_app(phone)
    in_menu = []
    for _ in range(40):
        phone.keyboard.press("Tab")
        where = phone.evaluate(
            "() => [document.activeElement.type, !!document.activeElement.closest('[data-testid=stSidebar]')]"
        )
        in_menu.append(where[1])
        if where[0] == "radio":
            break
    assert where[0] == "radio", "the first answer is reachable with Tab"
    assert not any(in_menu), "no Tab stop inside the folded menu"
    phone.context.close()
