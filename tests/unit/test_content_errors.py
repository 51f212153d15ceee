"""A malformed content file is refused with a French message naming file, path and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scoring.__main__ import main
from scoring.errors import ContentError
from scoring.loader import load_file, load_folder
from scoring.yamlfile import MAX_BYTES

MALFORMED = Path(__file__).parent / "malformed"
MINI = Path(__file__).parent / "mini"

CASES = [
    ("syntax_error.yaml", "", 4, "syntaxe YAML invalide"),
    ("unknown_key.yaml", "dimensions[1].titel", 56, "clé inconnue « titel »"),
    ("duplicate_dimension.yaml", "dimensions[2].id", 83, "identifiant de dimension « observation » en double"),
    ("duplicate_question.yaml", "dimensions[2].questions[1].id", 102, "identifiant de question « a_a » en double"),
    ("missing_level.yaml", "dimensions[2].questions[0].levels", 97, "il manque le(s) niveau(x) 2"),
    ("duplicate_level.yaml", "dimensions[0].questions[0].levels", 28, "niveau(x) en double : 3"),
    ("wrong_type.yaml", "dimensions[0].questions[1].weight", 36, "nombre attendu"),
    ("negative_weight.yaml", "dimensions[0].questions[1].weight", 36, "strictement supérieure à 0"),
    ("empty.yaml", "", None, "le fichier est vide"),
    ("alias_bomb.yaml", "", 2, "les ancres et alias YAML (& et *) ne sont pas acceptés"),
    ("unknown_kind.yaml", "kind", 1, "« kind » absent ou inconnu"),
    ("not_a_mapping.yaml", "", 1, "le fichier doit contenir une table clé : valeur"),
    ("duplicate_key.yaml", "", 5, "la clé « title » apparaît deux fois"),
    ("missing_field.yaml", "dimensions[1].questions[1].help", 73, "champ obligatoire absent"),
    ("bands_not_increasing.yaml", "bands[3].min", 20, "strictement croissants (40 puis 30)"),
    ("level_not_a_number.yaml", "dimensions[0].questions[0].levels[3].value", 31, "nombre entier attendu"),
    ("fiche_unknown_kit.yaml", "fiches[7].kit", 14, "kit « kit-x » inconnu"),
    ("bad_identifier.yaml", "dimensions[2].id", 83, "identifiant invalide"),
    ("fiche_http_url.yaml", "fiches[1].url", 8, "doit commencer par https://"),
    ("latin1.yaml", "", 4, "n’est pas encodé en UTF-8"),
]


@pytest.mark.parametrize(("name", "path", "line", "message"), CASES, ids=[c[0] for c in CASES])
def test_each_malformed_file_gets_its_own_located_french_message(
    name: str, path: str, line: int | None, message: str
) -> None:
    with pytest.raises(ContentError) as caught:
        load_file(MALFORMED / name)
    issue = caught.value.issues[0]
    assert (issue.file, issue.path, issue.line) == (name, path, line)
    assert message in issue.message


def test_every_file_of_the_corpus_is_covered_by_a_case() -> None:
    assert sorted(p.name for p in MALFORMED.iterdir()) == sorted(c[0] for c in CASES)


def test_a_10_mb_file_is_refused_before_being_parsed(tmp_path: Path) -> None:
    big = tmp_path / "enorme.yaml"
    big.write_text("kind: questionnaire\n" + "# remplissage\n" * (10_000_000 // 14), encoding="utf-8")
    assert big.stat().st_size > 10 * MAX_BYTES - 100
    with pytest.raises(ContentError, match=r"enorme.yaml : fichier trop volumineux \(10,0 Mo ; 1 Mo au plus\)"):
        load_file(big)


def _mini_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "contenu"
    shutil.copytree(MINI, folder)
    return folder


def test_a_fiche_naming_an_unknown_dimension_is_a_dangling_reference(tmp_path: Path) -> None:
    folder = _mini_copy(tmp_path)
    fiches = folder / "fiches.yaml"
    fiches.write_text(
        fiches.read_text(encoding="utf-8").replace("dimensions: [observation]", "dimensions: [observatoire]"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_folder(folder)
    issue = caught.value.issues[0]
    assert (issue.file, issue.path, issue.line) == ("fiches.yaml", "fiches[5].dimensions[0]", 12)
    assert "dimension « observatoire » inconnu(e)" in issue.message


def test_a_questionnaire_naming_an_unknown_actor_is_refused(tmp_path: Path) -> None:
    folder = _mini_copy(tmp_path)
    q = folder / "mini.yaml"
    q.write_text(q.read_text(encoding="utf-8").replace("actors: [cress]", "actors: [crees]", 1), encoding="utf-8")
    with pytest.raises(
        ContentError, match=r"mini.yaml, dimensions\[0\].actors\[0\] \(ligne 20\) : acteur « crees » inconnu"
    ):
        load_folder(folder)


def test_a_folder_without_bands_says_which_file_is_missing(tmp_path: Path) -> None:
    folder = _mini_copy(tmp_path)
    (folder / "bands.yaml").unlink()
    with pytest.raises(ContentError, match="il faut exactement un fichier « kind: bands » ; trouvé : aucun fichier"):
        load_folder(folder)


def test_all_problems_of_a_folder_are_reported_together(tmp_path: Path) -> None:
    folder = _mini_copy(tmp_path)
    shutil.copy(MALFORMED / "unknown_key.yaml", folder / "a.yaml")
    shutil.copy(MALFORMED / "empty.yaml", folder / "b.yaml")
    with pytest.raises(ContentError) as caught:
        load_folder(folder)
    assert {i.file for i in caught.value.issues} == {"a.yaml", "b.yaml"}


def test_the_cli_prints_the_message_and_exits_non_zero_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(MALFORMED / "missing_level.yaml")]) == 1
    err = capsys.readouterr().err
    assert "dimensions[2].questions[0].levels (ligne 97) : il manque le(s) niveau(x) 2" in err
    assert "Traceback" not in err


EXTRACT = """kind: questionnaire
id: mini-express
version: '1'
title: Mini express
description: Pour les tests.
variant: express
estimated_minutes: 2
based_on: mini
dimensions:
  - id: motiv
    questions: [m_a]
  - id: achats
    questions: [a_b, m_b]
"""


def test_an_express_file_takes_its_questions_from_the_full_one_by_id(tmp_path: Path) -> None:
    folder = _mini_copy(tmp_path)
    (folder / "mini-express.yaml").write_text(EXTRACT.replace(", m_b]", "]"), encoding="utf-8")
    catalogue = load_folder(folder)
    full, express = catalogue.questionnaire("mini"), catalogue.questionnaire("mini-express")
    assert [q.id for _, q in express.questions()] == ["m_a", "a_b"]
    assert express.dimension("achats").questions[0] == full.dimension("achats").questions[1]
    assert express.importance_scale == full.importance_scale


def test_an_express_file_naming_a_question_of_another_dimension_gets_a_located_error(tmp_path: Path) -> None:
    folder = _mini_copy(tmp_path)
    (folder / "mini-express.yaml").write_text(EXTRACT, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_folder(folder)
    issue = caught.value.issues[0]
    assert (issue.file, issue.path, issue.line) == ("mini-express.yaml", "dimensions[1].questions[1]", 13)
    assert "question « m_b » absente de la dimension « achats » de « mini »" in issue.message


def test_an_express_file_based_on_an_unknown_questionnaire_is_refused(tmp_path: Path) -> None:
    folder = _mini_copy(tmp_path)
    (folder / "mini-express.yaml").write_text(EXTRACT.replace("based_on: mini", "based_on: maxi"), encoding="utf-8")
    with pytest.raises(
        ContentError, match=r"mini-express.yaml, based_on \(ligne 8\) : questionnaire de base « maxi » inconnu"
    ):
        load_folder(folder)


def test_a_level_below_the_top_without_next_step_gets_a_located_error(tmp_path: Path) -> None:
    folder = _mini_copy(tmp_path)
    q = folder / "mini.yaml"
    text = q.read_text(encoding="utf-8")
    q.write_text(
        text.replace(", next_step: Ce que fait la collectivité pour atteindre le niveau 2.", "", 1), encoding="utf-8"
    )
    with pytest.raises(ContentError) as caught:
        load_file(q)
    issue = caught.value.issues[0]
    assert issue.path == "dimensions[0].questions[0].levels[1]" and issue.line == 29
    assert "le niveau 1 n’a pas de « next_step »" in issue.message


def test_a_next_step_naming_an_unknown_fiche_or_actor_is_a_dangling_reference(tmp_path: Path) -> None:
    folder = _mini_copy(tmp_path)
    q = folder / "mini.yaml"
    text = q.read_text(encoding="utf-8")
    step = "next_step: Ce que fait la collectivité pour atteindre le niveau 1."
    q.write_text(text.replace(step, step[:-1] + "., fiches: [m99], actors: [crees]", 1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_folder(folder)
    messages = [(i.path, i.message) for i in caught.value.issues]
    assert ("dimensions[0].questions[0].levels[0].actors[0]", messages[0][1]) == messages[0]
    assert "acteur « crees » inconnu" in messages[0][1]
    assert (
        messages[1][0] == "dimensions[0].questions[0].levels[0].fiches[0]" and "fiche « m99 » inconnu" in messages[1][1]
    )
