"""Importing an answers file: every bad file is refused with its reason; nothing is overwritten unasked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from storage import Store
from tests.app.conftest import ROOT, new_app, open_page, query_param, texts

EXAMPLE = (ROOT / "questionnaires" / "examples" / "cc-exemple.json").read_bytes()


def _example(**changes: object) -> bytes:
    data = json.loads(EXAMPLE)
    data.update(changes)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _upload_on_home(content: bytes, name: str = "reponses.json") -> AppTest:
    at = new_app().run()
    at.file_uploader(key="home_import").set_value((name, content, "application/json")).run()
    assert not at.exception
    return at


BAD_FILES = [
    (b"{pas du json", "Ce n’est pas un fichier JSON valide (ligne 1"),
    (b"\xff\xfe\x00\x01binaire", "n’est pas un texte UTF-8"),
    (b"[1, 2, 3]", "doit contenir un objet"),
    (b" " * 1_100_000, "Fichier trop volumineux (1,1 Mo ; 1 Mo au plus)"),
    (_example(questionnaire="autre-outil"), "Questionnaire inconnu « autre-outil »"),
    (_example(answers={"question_inventee": 2}), "Question inconnue dans ce questionnaire : « question_inventee »"),
    (_example(answers={"ess_weight_knowledge": 9}), "niveau 9 hors de l’échelle 0 à 4"),
    (
        _example(answers={"ess_weight_knowledge": "deux"}),
        "answers.ess_weight_knowledge : valeur « deux » invalide, un niveau (nombre entier), « dk » ou « na » attendu",
    ),
    (_example(importance={"awareness": 7}), "Importance de « awareness » : 7 hors de l’échelle 0 à 3"),
]


@pytest.mark.usefixtures("database")
@pytest.mark.parametrize(("content", "reason"), BAD_FILES, ids=[r for _, r in BAD_FILES])
def test_a_wrong_answers_file_is_refused_with_its_reason(content: bytes, reason: str) -> None:
    at = _upload_on_home(content)
    assert "Fichier refusé" in texts(at)
    assert reason in texts(at)
    assert not any(b.label == "Créer un diagnostic avec ces réponses" for b in at.button)


@pytest.mark.usefixtures("database")
def test_a_valid_file_creates_a_new_diagnostic_with_its_answers() -> None:
    at = _upload_on_home(EXAMPLE)
    next(b for b in at.button if b.label == "Créer un diagnostic avec ces réponses").click().run()
    assert not at.exception
    diag_id = query_param(at, "d")
    saved = Store().load_responses(diag_id)
    assert saved.answers == json.loads(EXAMPLE)["answers"]
    assert saved.profile.name == "Communauté de communes du Val d’Exemple"
    assert "réponses importées" in texts(at)


@pytest.mark.usefixtures("database")
def test_importing_into_a_diagnostic_with_answers_needs_an_explicit_confirmation() -> None:
    store = Store()
    diag_id = store.create_diagnostic("ess-territoires", {"authority_type": "communaute_communes"})
    store.save_answer(diag_id, "ess_weight_knowledge", 1)
    at = open_page("app_pages/results.py", diag_id)
    at.file_uploader(key=f"import:{diag_id}").set_value(("r.json", EXAMPLE, "application/json")).run()
    button = next(b for b in at.button if b.label == "Importer")
    assert button.disabled
    assert store.load_responses(diag_id).answers == {"ess_weight_knowledge": 1}
    at.checkbox[0].check().run()
    next(b for b in at.button if b.label == "Importer").click().run()
    assert not at.exception
    assert store.load_responses(diag_id).answers == json.loads(EXAMPLE)["answers"]


@pytest.mark.usefixtures("database")
def test_a_file_for_the_other_questionnaire_is_refused_inside_a_diagnostic(tmp_path: Path) -> None:
    store = Store()
    diag_id = store.create_diagnostic("ess-territoires-express", {"authority_type": "region"})
    at = open_page("app_pages/results.py", diag_id)
    at.file_uploader(key=f"import:{diag_id}").set_value(("r.json", EXAMPLE, "application/json")).run()
    assert "Ce fichier répond au questionnaire «\u00a0ess-territoires\u00a0»" in texts(at)


@pytest.mark.usefixtures("database")
def test_a_participant_cannot_import_answers_into_a_closed_workshop() -> None:
    store = Store()
    workshop = store.create_workshop("Atelier ESS", "ess-territoires", {"authority_type": "communaute_communes"})
    diag_id = store.join_workshop(workshop.id, "elu", None)
    store.close_workshop(workshop.id)
    at = open_page("app_pages/results.py", diag_id)
    at.file_uploader(key=f"import:{diag_id}").set_value(("r.json", EXAMPLE, "application/json")).run()
    next(b for b in at.button if b.label == "Importer").click().run()
    assert "clos" in texts(at)
    assert store.load_responses(diag_id).answers == {}
