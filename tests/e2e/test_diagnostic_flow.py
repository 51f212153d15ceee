"""A new user walks the diagnostic in a real browser, against `streamlit run`, on a fresh database.

Elements are found as a user finds them: by role and visible text (the radio group named
« Question 3 : … », named by its question, the option « 2 · Chiffres ponctuels »). The expected
numbers come from the scoring core itself, computed from the answers the test gave.
"""

from __future__ import annotations

import csv
import inspect
import io
import re
import struct
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Dialog, Locator, Page, expect

from reports.exports import CSV_HEADER, export_filename, scores_csv
from reports.images import figure_png
from scoring.engine import Scores, applies, score, shown_score
from scoring.loader import default_catalogue
from scoring.models import Dimension, Question, Questionnaire, ResponseSet
from storage import Store
from tests.e2e.conftest import RunningApp
from tests.e2e.diagnostic_steps import (
    EXPRESS,
    EXPRESS_ANSWERS,
    answer_group,
    diagnostic_id,
    dimension_heading,
    fill_profile,
    start,
    wait_for_app,
)
from tests.e2e.server import ARTIFACTS
from ui.score_tables import dimensions_table

pytestmark = [pytest.mark.e2e]

CAT = default_catalogue()
FULL = "ess-territoires"
SPECIAL = {"dk": "Je ne sais pas", "na": "Non concerné"}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EXPORT_TIMEOUT_MS = 90_000  # the first PNG may have to start the export browser
NAME = "CC du Val d’Essai"
PROFILE = {
    "Type de collectivité": "Communauté de communes",
    "Population": "De 10 000 à 50 000 habitants",
    "Région": "Bretagne",
}

# Importance for some dimensions only.
EXPRESS_IMPORTANCE = {"ess_weight": 3, "needs": 2, "observation": 1, "procurement": 0}
RELOAD_AFTER_STEP = 6
PROGRESS_COUNTS_EVERY_STEP = (
    "the progress text must count every answer given so far, earlier steps included "
    "(the server has run with the click, and answers of steps no longer shown are kept)"
)
KEPT_AFTER_LEAVING_STEP = "an answer must still be checked after leaving its step and coming back"


# --- helpers: what a user sees and does ---------------------------------------------------


def option_label(question: Question, value: int | str) -> str:
    """The visible label of an answer option, as the questionnaire page writes it."""
    if isinstance(value, str):
        return SPECIAL[value]
    level = next(lv for lv in question.levels if lv.value == value)
    return f"{value} · {level.label}"


def progress_text(page: Page, step: int, n_steps: int, done: int, total: int) -> Locator:
    """The progress bar's text, e.g. « Étape 2 sur 13 · 13 % des questions renseignées »."""
    percent = f"{done / total:.0%}".rstrip("%")
    return page.get_by_text(re.compile(rf"Étape {step} sur {n_steps} · {percent}\s%\s?des questions renseignées"))


def applicable(q: Questionnaire, authority_type: str) -> list[tuple[Dimension, list[Question]]]:
    return [(d, [x for x in d.questions if applies(x, authority_type, CAT.territories)]) for d in q.dimensions]


def expected_scores(
    questionnaire_id: str, authority_type: str, answers: dict[str, int | str], importance: dict[str, int]
) -> Scores:
    """What the scoring core computes for these answers: the page must show exactly this."""
    responses = ResponseSet.model_validate(
        {
            "questionnaire": questionnaire_id,
            "profile": {"name": NAME, "authority_type": authority_type},
            "answers": answers,
            "importance": importance,
        }
    )
    return score(CAT, responses)


def sidebar_counter(page: Page, number: int, dim: Dimension, done: int, total: int) -> Locator:
    return page.get_by_role("button", name=f"{number}. {dim.short_title} · {done}/{total}")


def table_rows(table: Locator) -> list[list[str]]:
    """The body rows of an HTML table, as cell texts."""
    rows: list[list[str]] = table.evaluate(
        "t => [...t.querySelectorAll('tbody tr')].map(r => [...r.querySelectorAll('td')].map(c => c.innerText.trim()))"
    )
    return rows


def full_page_screenshot(page: Page, path: Path) -> None:
    """A screenshot of the whole results page (Streamlit scrolls inside its main area, not the body)."""
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stAppViewContainer], body')]"
        ".map(e => e.scrollHeight))"
    )
    size = page.viewport_size or {"width": 1280, "height": 900}
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 16_000)})
    page.wait_for_timeout(500)  # let charts re-layout to the new size
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (which must come first)."""
    assert data[:8] == PNG_SIGNATURE, data[:16]
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def exported_png_size() -> tuple[int, int]:
    """The pixel size `reports.images.figure_png` produces with its defaults."""
    params = inspect.signature(figure_png).parameters
    scale = params["scale"].default
    return round(params["width"].default * scale), round(params["height"].default * scale)


# --- tests ------------------------------------------------------------------------------------


def test_a_new_user_answers_the_express_diagnostic_reloads_midway_and_gets_the_results_the_core_computes(
    page: Page, app: RunningApp, tmp_path: Path
) -> None:
    q = CAT.questionnaire(EXPRESS)
    steps = applicable(q, "communaute_communes")
    assert {x.id for _, qs in steps for x in qs} == set(EXPRESS_ANSWERS), "the test must answer every question"
    total = len(EXPRESS_ANSWERS)

    start(page, app, EXPRESS)
    fill_profile(page, NAME, PROFILE)
    diag_id = diagnostic_id(page)

    done = number = 0
    for step, (dim, questions) in enumerate(steps, 1):
        expect(dimension_heading(page, dim)).to_be_visible()
        if dim.id in EXPRESS_IMPORTANCE:
            label = next(lv.label for lv in q.importance_scale if lv.value == EXPRESS_IMPORTANCE[dim.id])
            page.get_by_text(label, exact=True).click()
            expect(page.get_by_role("radio", name=label, exact=True)).to_be_checked()
            wait_for_app(page)
        for question in questions:
            number += 1
            option = option_label(question, EXPRESS_ANSWERS[question.id])
            group = answer_group(page, number)
            group.get_by_text(option, exact=True).click()
            expect(group.get_by_role("radio", name=option, exact=True)).to_be_checked()
            done += 1
            expect(progress_text(page, step, len(steps), done, total), PROGRESS_COUNTS_EVERY_STEP).to_be_visible()
            wait_for_app(page)
        expect(sidebar_counter(page, step, dim, len(questions), len(questions))).to_be_visible()

        if step == RELOAD_AFTER_STEP:
            page.reload()
            expect(dimension_heading(page, dim)).to_be_visible()
            expect(progress_text(page, step, len(steps), done, total)).to_be_visible()
            for n, question in enumerate(questions, number - len(questions) + 1):
                option = option_label(question, EXPRESS_ANSWERS[question.id])
                expect(answer_group(page, n).get_by_role("radio", name=option, exact=True)).to_be_checked()
            for i, (d, qs) in enumerate(steps[:step], 1):
                expect(sidebar_counter(page, i, d, len(qs), len(qs))).to_be_visible()
            # Back to the first step from the sidebar: its answer and importance are checked too.
            sidebar_counter(page, 1, steps[0][0], 1, 1).click()
            expect(dimension_heading(page, steps[0][0])).to_be_visible()
            first_q = steps[0][1][0]
            expect(
                answer_group(page, 1).get_by_role(
                    "radio", name=option_label(first_q, EXPRESS_ANSWERS[first_q.id]), exact=True
                ),
                KEPT_AFTER_LEAVING_STEP,
            ).to_be_checked()
            expect(page.get_by_role("radio", name="Enjeu majeur", exact=True), KEPT_AFTER_LEAVING_STEP).to_be_checked()
            sidebar_counter(page, step, dim, len(questions), len(questions)).click()
            expect(dimension_heading(page, dim)).to_be_visible()
            wait_for_app(page)

        button = "Dimension suivante →" if step < len(steps) else "Voir les résultats →"
        page.get_by_role("button", name=button).click()
        wait_for_app(page)

    expect(page.get_by_role("heading", name="Résultats", exact=True)).to_be_visible()
    assert diagnostic_id(page) == diag_id
    saved = Store(app.database_url).load_responses(diag_id)
    assert saved.answers == EXPRESS_ANSWERS
    assert saved.importance == EXPRESS_IMPORTANCE

    expected = expected_scores(EXPRESS, "communaute_communes", EXPRESS_ANSWERS, EXPRESS_IMPORTANCE)
    for label, index in (
        ("Indice global", expected.overall),
        ("Indice motivations", expected.motivation),
        ("Indice ressources", expected.resource),
    ):
        assert index.value is not None and index.band is not None
        metric = page.get_by_test_id("stMetric").filter(has_text=label)
        expect(metric.get_by_test_id("stMetricValue")).to_have_text(f"{shown_score(index.value)}/100")
        column = page.get_by_test_id("stColumn").filter(has=metric)
        expect(column).to_contain_text(f"Palier : {index.band.label}")

    table = page.get_by_role("table").filter(has_text="Couverture")
    expect(table).to_be_visible()
    assert table_rows(table) == dimensions_table(expected).astype(str).values.tolist()
    not_drawn = [ds.dimension.short_title for ds in expected.half("motivation") if ds.score is None]
    assert not_drawn, "the answers leave a motivation unevaluated, to show a gap"
    expect(
        page.get_by_text("Non représentées (non évaluées ou non concernées) : " + ", ".join(not_drawn) + ".")
    ).to_be_visible()

    charts = page.get_by_test_id("stPlotlyChart")
    expect(charts).to_have_count(3)
    for i in range(3):
        expect(charts.nth(i).locator(".main-svg").first).to_be_visible()

    with page.expect_download(timeout=EXPORT_TIMEOUT_MS) as png_download:
        page.get_by_role("button", name="Télécharger en PNG").first.click()
    png = png_download.value
    assert png.suggested_filename == export_filename(NAME, "radar-ressources", "png", date.today())
    png_path = tmp_path / png.suggested_filename
    png.save_as(png_path)
    data = png_path.read_bytes()
    assert png_size(data) == exported_png_size()
    with Image.open(io.BytesIO(data)) as image:
        image.verify()
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and image.size == exported_png_size()
        image.load()

    with page.expect_download(timeout=EXPORT_TIMEOUT_MS) as csv_download:
        page.get_by_role("button", name="Scores (CSV pour Excel)").click()
    scores_file = csv_download.value
    assert scores_file.suggested_filename == export_filename(NAME, "scores", "csv", date.today())
    csv_path = tmp_path / scores_file.suggested_filename
    scores_file.save_as(csv_path)
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for French Excel"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == list(CSV_HEADER)
    assert [r[1] for r in rows[1 : 1 + len(expected.dimensions)]] == [ds.dimension.title for ds in expected.dimensions]
    assert raw == scores_csv(expected)

    full_page_screenshot(page, ARTIFACTS / "results.png")
    assert "Traceback" not in page.content()


def test_the_full_questionnaire_asks_a_region_its_own_questions_and_keeps_the_first_steps(
    page: Page, app: RunningApp
) -> None:
    q = CAT.questionnaire(FULL)
    steps = applicable(q, "region")
    total = sum(len(qs) for _, qs in steps)
    assert total < len(q.questions()), "some questions are for other kinds of authority"
    start(page, app, FULL)
    fill_profile(page, "Région Test", {"Type de collectivité": "Région", "Région": "Occitanie"})
    diag_id = diagnostic_id(page)

    given: dict[str, int | str] = {}
    number = 0
    for step, (dim, questions) in enumerate(steps[:2], 1):
        expect(dimension_heading(page, dim)).to_be_visible()
        for question in questions:
            number += 1
            value: int | str = "dk" if number == 2 else number % 5
            option = option_label(question, value)
            answer_group(page, number).get_by_text(option, exact=True).click()
            given[question.id] = value
            expect(progress_text(page, step, len(steps), len(given), total), PROGRESS_COUNTS_EVERY_STEP).to_be_visible()
            wait_for_app(page)
        expect(sidebar_counter(page, step, dim, len(questions), len(questions))).to_be_visible()
        page.get_by_role("button", name="Dimension suivante →").click()
        wait_for_app(page)

    expect(dimension_heading(page, steps[2][0])).to_be_visible()
    assert Store(app.database_url).load_responses(diag_id).answers == given
    page.get_by_role("button", name="← Dimension précédente").click()
    expect(dimension_heading(page, steps[1][0])).to_be_visible()
    first_of_step_2 = len(steps[0][1]) + 1
    for n, question in enumerate(steps[1][1], first_of_step_2):
        option = option_label(question, given[question.id])
        expect(
            answer_group(page, n).get_by_role("radio", name=option, exact=True), KEPT_AFTER_LEAVING_STEP
        ).to_be_checked()
    for i, (dim, questions) in enumerate(steps[:2], 1):
        expect(sidebar_counter(page, i, dim, len(questions), len(questions)), KEPT_AFTER_LEAVING_STEP).to_be_visible()


def test_one_step_can_be_answered_with_the_keyboard_only(page: Page, app: RunningApp) -> None:
    q = CAT.questionnaire(EXPRESS)
    dim = q.dimensions[0]
    question = dim.questions[0]
    start(page, app, EXPRESS)
    fill_profile(page, NAME, PROFILE)
    diag_id = diagnostic_id(page)
    expect(dimension_heading(page, dim)).to_be_visible()

    def focused_radio_group() -> str | None:
        name: str | None = page.evaluate(
            "() => { const e = document.activeElement;"
            " return e && e.type === 'radio' ? e.closest('[role=radiogroup]').getAttribute('aria-label') : null; }"
        )
        return name

    def tab_to_group(name: str, limit: int = 80) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if (focused_radio_group() or "").replace("\u00a0", " ") == name.replace("\u00a0", " "):
                return
        raise AssertionError(f"« {name} » cannot be reached with Tab")

    # Importance: Tab to the group, Space picks the focused option, arrows move the choice.
    page.locator("body").focus()
    tab_to_group(dim.importance_question)
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name="Enjeu important", exact=True)).to_be_checked()
    wait_for_app(page)

    # The question: Tab on to its group, then arrows to level 3, as a keyboard user would.
    tab_to_group(f"Question 1\u00a0: {question.text}")
    page.keyboard.press("Space")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    option = option_label(question, 3)
    expect(answer_group(page, 1).get_by_role("radio", name=option, exact=True)).to_be_checked()
    asked = sum(len(questions) for _, questions in applicable(q, "communaute_communes"))
    expect(progress_text(page, 1, len(q.dimensions), 1, asked)).to_be_visible()
    wait_for_app(page)

    # Then on to the next step, still without the mouse.
    for _ in range(40):
        page.keyboard.press("Tab")
        if (
            page.evaluate("() => document.activeElement && document.activeElement.innerText || ''").strip()
            == "Dimension suivante →"
        ):
            break
    else:
        raise AssertionError("« Dimension suivante → » cannot be reached with Tab")
    page.keyboard.press("Enter")
    expect(dimension_heading(page, q.dimensions[1])).to_be_visible()

    saved = Store(app.database_url).load_responses(diag_id)
    assert saved.answers == {question.id: 3}
    assert saved.importance == {dim.id: 2}


def test_the_page_declares_french(page: Page, app: RunningApp) -> None:
    page.goto(app.url)
    expect(page.get_by_role("heading", name="Autodiagnostic ESS des territoires")).to_be_visible()
    wait_for_app(page)
    assert page.evaluate("document.documentElement.lang") == "fr"
    page.get_by_role("link", name="Méthode et calculs").click()
    wait_for_app(page)
    assert page.evaluate("document.documentElement.lang") == "fr"


def test_a_typed_name_is_shown_as_text_never_as_html_or_markdown(page: Page, app: RunningApp) -> None:
    name = "<img src=x onerror=alert(1)>**gras**"
    dialogs: list[str] = []

    def refuse(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)

    def shown_literally() -> None:
        wait_for_app(page)
        assert page.locator("img[src='x']").count() == 0, "the name was injected as HTML"
        assert page.locator("strong, b, em").filter(has_text=re.compile(r"^gras$")).count() == 0, "Markdown ran"
        assert dialogs == [], "a script ran"

    start(page, app, EXPRESS)
    fill_profile(page, name, {"Type de collectivité": "Commune"})
    diag_id = diagnostic_id(page)
    expect(page.get_by_text(f"{name} · {CAT.questionnaire(EXPRESS).title}", exact=True)).to_be_visible()
    shown_literally()
    page.goto(f"{app.url}/resultats?d={diag_id}")
    expect(page.get_by_role("heading", name="Résultats", exact=True)).to_be_visible()
    expect(page.get_by_text(re.compile(re.escape(name) + " · "))).to_be_visible()
    shown_literally()
    page.goto(f"{app.url}/?d={diag_id}")
    expect(page.get_by_role("heading", name="Vos diagnostics sur cet appareil")).to_be_visible()
    expect(page.get_by_text(name, exact=True)).to_be_visible()
    shown_literally()


@pytest.mark.parametrize("path", ["questionnaire", "resultats", "profil"])
def test_an_unknown_diagnostic_link_says_so_in_french_without_a_traceback(
    page: Page, app: RunningApp, path: str
) -> None:
    page.goto(f"{app.url}/{path}?d=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
    expect(page.get_by_text("Ce lien ne correspond à aucun diagnostic enregistré", exact=False)).to_be_visible()
    expect(page.get_by_role("link", name="Aller à l’accueil")).to_be_visible()
    wait_for_app(page)
    assert "Traceback" not in page.content()
