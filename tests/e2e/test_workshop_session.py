"""A whole workshop in the browser: six phones (two rejoining from the QR link on the same device),
one paper questionnaire, the presenter view on a second screen driven from the dashboard,
consolidation of the divergent questions, closing, and exports without individual data.

Screenshots of the presenter view at 1280×720 land in tests/artifacts/ (presenter-*.png).
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from pptx import Presentation

from scoring.loader import default_catalogue
from storage import Store, WorkshopRecord
from tests.e2e.conftest import RunningApp, french_context
from tests.e2e.diagnostic_steps import diagnostic_id
from tests.e2e.server import ARTIFACTS

pytestmark = [pytest.mark.e2e]

EXPRESS = "ess-territoires-express"
PROFILE = {"name": "CC du Val d’Essai", "authority_type": "communaute_communes"}
QUESTIONS = [q.id for _, q in default_catalogue().questionnaire(EXPRESS).questions()]
PEOPLE = [  # role label, first name, level given to every question but the first (divergence on half of them)
    ("Élu ou élue de la collectivité", "Aurélie", 0),
    ("Élu ou élue de la collectivité", "Bastien", 1),
    ("Technicien ou technicienne (agent de la collectivité)", "Chloé", 4),
    ("Technicien ou technicienne (agent de la collectivité)", "Driss", 3),
    ("Technicien ou technicienne (agent de la collectivité)", "", 2),
    ("Acteur ou actrice de l’ESS (association, coopérative, CRESS…)", "Fanny", 4),
]
SECRET = "Confidentiel-{}"
LAPTOP = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}


def _join(phone: Page, base: str, workshop: WorkshopRecord, role: str, name: str) -> str:
    """Scan the QR code (open the join link), pick a role, join, answer question 1."""
    phone.goto(f"{base}/rejoindre?code={workshop.join_code}")
    phone.get_by_text(role).click()
    if name:
        phone.get_by_role("textbox", name="Votre prénom (facultatif)").fill(name)
    phone.get_by_role("button", name="Rejoindre l’atelier").click()
    group = phone.get_by_role("radiogroup", name=re.compile(r"^Question 1\s:"))
    group.get_by_text("2 · ").click()
    # saved and re-rendered (the phone's sidebar is folded away: attached, not visible)
    expect(phone.get_by_test_id("stSidebar").get_by_text(re.compile(r"Poids de l’ESS\W+1/1")).first).to_be_attached()
    return diagnostic_id(phone)


def _rescan(context: BrowserContext, base: str, workshop: WorkshopRecord) -> str:
    """Scan the QR code again on the same device: the page offers to resume, and does."""
    page = context.new_page()
    page.goto(f"{base}/rejoindre?code={workshop.join_code}")
    page.get_by_role("button", name="Reprendre mes réponses").click()
    page.get_by_role("radiogroup", name=re.compile(r"^Question 1\s:")).wait_for()
    return diagnostic_id(page)


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"presenter-{name}.png"))


def _fill_rest(store: Store, diag_id: str, level: int, i: int) -> None:
    """The rest of a participant's questionnaire (the browser answered question 1)."""
    answers: dict[str, int | str | None] = {qid: level if n % 2 else 2 for n, qid in enumerate(QUESTIONS) if n}
    store.save_many(diag_id, answers, {QUESTIONS[1]: SECRET.format(i)})
    store.set_finished(diag_id, True)


def _paper(dashboard: Page, context: BrowserContext, store: Store, workshop: WorkshopRecord) -> str:
    """The facilitator types in a paper questionnaire from the dashboard."""
    dashboard.get_by_text("Autre (partenaire, habitant, consultant…)").click()
    dashboard.get_by_role("button", name="Saisir un questionnaire papier").click()
    link = dashboard.get_by_role("link", name=re.compile("Saisir ses réponses"))
    href = link.get_attribute("href")
    assert href
    entry = context.new_page()
    entry.goto(href)
    entry.get_by_role("radiogroup", name=re.compile(r"^Question 1\s:")).get_by_text("Je ne sais pas").click()
    expect(entry.get_by_test_id("stSidebar").get_by_text(re.compile(r"Poids de l’ESS\W+1/1")).first).to_be_visible()
    (paper,) = [r for r in store.participant_records(workshop.id) if r.paper]
    assert paper.role == "autre" and diagnostic_id(entry) == paper.id
    entry.close()
    return paper.id


def _consolidate_divergent(dashboard: Page) -> None:
    """« Enregistrer et suivante » until every divergent question has the group's answer."""
    progress = dashboard.get_by_test_id("stProgress").filter(has_text="Consolidées")
    heading = dashboard.get_by_text(re.compile(r"^Réponse du groupe \(Q\d+\)"))
    for _ in range(len(QUESTIONS)):
        counts = re.search(r"dont (\d+) divergente\(s\) sur (\d+)", progress.inner_text())
        assert counts is not None
        if int(counts.group(2)) and counts.group(1) == counts.group(2):
            return
        number = re.search(r"\(Q(\d+)\)", heading.inner_text())
        assert number is not None
        dashboard.get_by_role("button", name="Enregistrer et suivante").click()
        expect(
            dashboard.get_by_text(f"Réponse du groupe enregistrée pour la question Q{number.group(1)}.")
        ).to_be_visible()
        expect(heading).not_to_contain_text(f"(Q{number.group(1)})")  # the next question is on screen
    raise AssertionError("the divergent questions were not all consolidated")


def _download(dashboard: Page, label: str, target: Path) -> bytes:
    with dashboard.expect_download(timeout=120_000) as info:
        dashboard.get_by_role("button", name=label).click()
    info.value.save_as(target)
    return target.read_bytes()


def _check_exports(dashboard: Page, tmp_path: Path, names: list[str]) -> None:
    """PDF, XLSX and PPTX of the collegial diagnostic hold no first name, comment or per-person column."""
    forbidden = [*names, "Confidentiel", "Participant 1"]
    pdf = _download(dashboard, "Rapport PDF", tmp_path / "rapport.pdf")
    assert pdf.startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(tmp_path / "rapport.pdf"), "-"], capture_output=True, text=True).stdout
    xlsx = openpyxl.load_workbook(io.BytesIO(_download(dashboard, "Classeur Excel", tmp_path / "classeur.xlsx")))
    cells = "\n".join(str(c.value) for ws in xlsx.worksheets for row in ws.iter_rows() for c in row if c.value)
    deck = Presentation(io.BytesIO(_download(dashboard, "Diaporama de restitution", tmp_path / "diaporama.pptx")))
    slides = "\n".join(
        s.text_frame.text if s.has_text_frame else "\n".join(c.text for r in s.table.rows for c in r.cells)
        for slide in deck.slides
        for s in slide.shapes
        if s.has_text_frame or s.has_table
    )
    for name, content in (("PDF", text), ("XLSX", cells), ("PPTX", slides)):
        assert "CC du Val d’Essai" in content, name
        leaked = [word for word in forbidden if word in content]
        assert leaked == [], (name, leaked)
    assert "Où le groupe a divergé" in slides


def test_a_workshop_from_joining_to_the_restitution_pack(app: RunningApp, browser: Browser, tmp_path: Path) -> None:
    try:
        _workshop(app, browser, tmp_path)
    except Exception:
        for number, page in enumerate(_OPEN):  # the dashboard and the projected screen as they were
            if not page.is_closed():
                ARTIFACTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / f"failed-workshop-{number}.png"), full_page=True)
        raise


_OPEN: list[Page] = []


def _workshop(app: RunningApp, browser: Browser, tmp_path: Path) -> None:
    store = Store(app.database_url)
    workshop = store.create_workshop("Atelier ESS du 12 mars", EXPRESS, PROFILE)
    laptop = french_context(browser, accept_downloads=True, viewport=LAPTOP)
    dashboard = laptop.new_page()
    _OPEN.append(dashboard)
    dashboard.goto(f"{app.url}/tableau-de-bord?animation={workshop.facilitator_token}")
    presenter_href = dashboard.get_by_role("link", name=re.compile("Ouvrir l’écran à projeter")).get_attribute("href")
    assert presenter_href and workshop.facilitator_token not in presenter_href
    projector = french_context(browser, accept_downloads=True, viewport=LAPTOP).new_page()
    _OPEN.append(projector)
    projector.goto(presenter_href)
    expect(projector.get_by_text(f"{workshop.join_code[:3]}-{workshop.join_code[3:]}")).to_be_visible()
    assert workshop.facilitator_token not in projector.content() + projector.url
    expect(projector.get_by_test_id("stSidebar")).to_be_hidden()

    phones, ids = [], []
    for i, (role, name, level) in enumerate(PEOPLE):
        phones.append(french_context(browser, accept_downloads=True, viewport=PHONE))
        ids.append(_join(phones[-1].new_page(), app.url, workshop, role, name))
        _fill_rest(store, ids[-1], level, i)
    expect(projector.get_by_text("6 participants connectés")).to_be_visible()
    _shot(projector, "join")
    for i in (0, 3):  # two people scan the code again on their phone: the same participation
        assert _rescan(phones[i], app.url, workshop) == ids[i]
    _paper(dashboard, laptop, store, workshop)
    assert len(store.participant_records(workshop.id)) == 7

    dashboard.get_by_role("button", name="Démarrer").click()
    expect(projector.get_by_text("Les résultats s’afficheront quand l’animateur les révélera.")).to_be_visible()
    expect(projector.get_by_text(re.compile(r"\d+ réponses sur 7"))).to_be_visible()
    _shot(projector, "question-hidden")
    dashboard.keyboard.press("v")  # the dashboard's shortcut for « Révéler »
    expect(projector.get_by_test_id("stPlotlyChart")).to_be_visible()
    expect(projector.get_by_text(re.compile(r"Moyenne \d,\d · écart \d"))).to_be_visible()
    _shot(projector, "question-revealed")
    first = store.presenter_state(workshop.id).question_id
    dashboard.keyboard.press("ArrowRight")
    expect(projector.get_by_text("Les résultats s’afficheront")).to_be_visible()
    assert store.presenter_state(workshop.id).question_id != first
    dashboard.keyboard.press("ArrowLeft")
    expect(projector.get_by_text(re.compile(r"1 / \d+ à l’ordre du jour"))).to_be_visible()

    dashboard.screenshot(path=str(ARTIFACTS / "dashboard-1280x720.png"))
    _consolidate_divergent(dashboard)
    consolidated = store.load_responses(workshop.consolidated_id).answers
    assert len(consolidated) >= 5

    dashboard.get_by_role("button", name="Clore l’atelier").click()
    dashboard.get_by_role("button", name="Oui, clore l’atelier").click()
    expect(dashboard.get_by_text("Atelier clos : les participants ne peuvent plus")).to_be_visible()
    late = phones[1].new_page()
    late.goto(f"{app.url}/questionnaire?d={ids[1]}")
    expect(late.get_by_text("ne peuvent plus être modifiées")).to_be_visible()
    expect(
        late.get_by_role("radiogroup", name=re.compile(r"^Question 1\s:")).get_by_role("radio").first
    ).to_be_disabled()

    _check_exports(dashboard, tmp_path, [name for _, name, _ in PEOPLE if name])
    for context in (laptop, projector.context, *phones):
        context.close()
    store.dispose()
