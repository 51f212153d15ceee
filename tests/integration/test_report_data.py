"""Reports of saved diagnostics: a workshop's collegial diagnostic carries its group data."""

from __future__ import annotations

import subprocess
from pathlib import Path

from reports.pdf import build_pdf
from scoring.loader import default_catalogue
from services.reports import report_input
from storage import Store

PROFILE = {"name": "CC du Val d’Essai", "authority_type": "communaute_communes"}
EXPRESS = "ess-territoires-express"


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "rapport.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_a_collegial_report_names_the_participation_and_the_divergent_questions(tmp_path: Path) -> None:
    store, cat = Store(f"sqlite:///{tmp_path / 'a.sqlite3'}"), default_catalogue()
    workshop = store.create_workshop("Atelier ESS", EXPRESS, PROFILE)
    question = cat.questionnaire(EXPRESS).questions()[0][1]
    for role, level in (("elu", 0), ("elu", 4), ("technicien", 2)):
        store.save_answer(store.join_workshop(workshop.id, role, None), question.id, level)
    store.save_answer(workshop.consolidated_id, question.id, 2)
    rec = store.get_diagnostic(workshop.consolidated_id)
    assert rec is not None

    report = report_input(store, cat, rec)

    assert report.workshop is not None
    # no role apart: 2 élus and 1 technicien are each fewer than 3 (the lone technicien would be named)
    assert report.respondents == "Atelier\u00a0: 3 participants"
    assert report.workshop.participants_by_role == {"Ensemble": 3}
    assert report.workshop.stats[question.id].spread == 4
    text = _pdf_text(build_pdf(report), tmp_path)
    assert "Rapport d’atelier" in text and "Questions les plus discutées" in text
    assert "Atelier : 3 participants" in " ".join(text.split()) and "1 technicien" not in text


def test_a_single_diagnostic_report_has_no_workshop_part_and_keeps_its_previous_edition(tmp_path: Path) -> None:
    store, cat = Store(f"sqlite:///{tmp_path / 'b.sqlite3'}"), default_catalogue()
    first = store.create_diagnostic(EXPRESS, PROFILE)
    question = cat.questionnaire(EXPRESS).questions()[0][1]
    store.save_answer(first, question.id, 1)
    second = store.redo_diagnostic(first)
    rec = store.get_diagnostic(second)
    assert rec is not None

    report = report_input(store, cat, rec)

    assert report.workshop is None
    assert report.respondents == "Diagnostic rempli par la collectivité"
    assert report.previous is not None


def test_a_collegial_report_counts_apart_only_the_roles_the_dashboard_shows_apart(tmp_path: Path) -> None:
    store, cat = Store(f"sqlite:///{tmp_path / 'c.sqlite3'}"), default_catalogue()
    workshop = store.create_workshop("Atelier ESS", EXPRESS, PROFILE)
    question = cat.questionnaire(EXPRESS).questions()[0][1]
    people = [("elu", 0), ("technicien", 4), *[("acteur_ess", 2)] * 3, *[("elu", 3)] * 2]
    for role, level in people:
        store.save_answer(store.join_workshop(workshop.id, role, None), question.id, level)
    rec = store.get_diagnostic(workshop.consolidated_id)
    assert rec is not None

    report = report_input(store, cat, rec)

    # the lone technicien is never counted apart, nor a group that would leave him alone
    assert report.respondents == "Atelier\u00a0: 7 participants (3 élus, 4 autres)"
