"""The restitution deck (PPTX): read back with python-pptx, opened by LibreOffice Impress, rendered to PNG."""

from __future__ import annotations

import io
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from reports import slides
from reports.images import ExportUnavailable
from scoring.loader import default_catalogue
from scoring.plan import Action, ActionPlan
from services.reports import report_input
from storage import Store

CAT = default_catalogue()
EXPRESS = "ess-territoires-express"
PROFILE = {"name": "CC du Val d’Essai", "authority_type": "communaute_communes"}
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _texts(data: bytes) -> list[str]:
    """Every slide's text (text boxes and table cells), one string per slide."""
    out = []
    for slide in Presentation(io.BytesIO(data)).slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
        out.append("\n".join(parts))
    return out


def _workshop_deck(store: Store) -> tuple[bytes, list[str]]:
    """A 7-person workshop with named participants and comments, 6 questions consolidated."""
    questionnaire = CAT.questionnaire(EXPRESS)
    workshop = store.create_workshop("Atelier", EXPRESS, PROFILE)
    rng = random.Random(3)
    names = []
    for i, role in enumerate(["elu", "elu", "elu", "technicien", "technicien", "technicien", "acteur_ess"]):
        names.append(f"Prénomunique{i}")
        diag = store.join_workshop(workshop.id, role, names[-1])
        for _, question in questionnaire.questions():
            store.save_answer(diag, question.id, rng.choice([0, 1, 2, 3, 4]))
            store.save_comment(diag, question.id, f"Commentaire secret {i}")
    for _, question in questionnaire.questions()[:6]:
        store.save_answer(workshop.consolidated_id, question.id, 2)
    rec = store.get_diagnostic(workshop.consolidated_id)
    assert rec is not None
    return slides.build_pptx(report_input(store, CAT, rec)), names


def test_a_workshop_deck_has_its_slides_in_french_and_no_individual_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slides, "figure_png", _no_browser)
    data, names = _workshop_deck(Store("sqlite://"))
    texts = _texts(data)
    titles = [t.split("\n")[0] for t in texts]
    assert titles[0].startswith("Autodiagnostic ESS – CC du Val d’Essai")
    assert "Vos priorités" in titles and "Prochaines étapes" in titles
    assert any(t.startswith("Où le groupe a divergé") for t in titles)
    assert any(t.startswith("Les réponses retenues par le groupe") for t in titles)
    everything = "\n".join(texts)
    assert "Atelier\u00a0: 7 participants" in everything
    assert not any(name in everything for name in names)
    assert "secret" not in everything and "Participant 1" not in everything
    assert "2 · " in everything  # the consolidated answers, with their level label
    unverified = [f.title for f in CAT.fiches.fiches if not f.verified]
    assert not any(f"« {title} »" in everything for title in unverified)
    assert re.search(r"Prochaine étape\u00a0: ", everything)


def _no_browser(*args: object, **kwargs: object) -> bytes:
    raise ExportUnavailable("pas de navigateur")


def test_without_a_browser_the_radars_become_a_table_of_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slides, "figure_png", _no_browser)
    store = Store("sqlite://")
    diag = store.create_diagnostic(EXPRESS, PROFILE)
    store.save_many(diag, {q.id: 3 for _, q in CAT.questionnaire(EXPRESS).questions()})
    plan = ActionPlan(actions=(Action(id="a1", dimension_id="procurement", what="Clauses sociales", lead="DGS"),))
    store.save_action_plan(diag, plan)
    rec = store.get_diagnostic(diag)
    assert rec is not None
    texts = _texts(slides.build_pptx(report_input(store, CAT, rec)))
    profile = next(t for t in texts if t.startswith("Le profil de la collectivité"))
    assert "Dimension" in profile and "Score /100" in profile
    assert not any("divergé" in t for t in texts)  # not a workshop
    assert "Clauses sociales" in texts[-1] and "DGS" in texts[-1]


def test_libreoffice_impress_opens_the_deck_with_its_radars(tmp_path: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    data, _ = _workshop_deck(Store("sqlite://"))
    assert sum(1 for t in _texts(data) if t.startswith("Le profil")) == 1
    deck = Presentation(io.BytesIO(data))
    pictures = [s for slide in deck.slides for s in slide.shapes if s.shape_type == 13]  # PICTURE
    if len(pictures) != 2:
        pytest.skip("no browser to draw the radars")
    source = tmp_path / "diaporama.pptx"
    source.write_bytes(data)
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = tmp_path / "diaporama.pdf"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Vos priorités" in text and "Où le groupe a divergé" in text
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True,
                                                             text=True, check=True).stdout).group(1))  # type: ignore[union-attr]  # fmt: skip
    assert pages == len(deck.slides)
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob("slides-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(ARTIFACTS / "slides")], check=True)
    assert len(list(ARTIFACTS.glob("slides-*.png"))) == pages
