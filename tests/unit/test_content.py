"""The shipped content: every file validates and says what the domain brief says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scoring.__main__ import main
from scoring.loader import CONTENT_DIR, SCHEMAS, content_files, default_catalogue, load_file
from scoring.responses import parse_response_json

ROOT = Path(__file__).resolve().parents[2]

DOMAIN_FICHES = {
    "DépartementalESS": {
        1: "Économie sociale et solidaire, de quoi parle-t-on ?",
        2: "Pourquoi mettre en place une politique transversale de soutien à l’économie sociale et solidaire ?",
        3: "L’économie sociale et solidaire dans les compétences départementales",
        4: "Modes de contractualisation entre départements et acteurs de l’ESS",
        5: "ESS & ruralité(s)",
        6: "Les Sociétés Coopératives d’Intérêt Collectif (SCIC)",
        7: "Agriculture, alimentation & ESS",
        8: "Habitat et ESS",
        11: "Insertion & création d’activités",
        12: "Commande publique responsable",
    },
    "RégionalESS": {
        1: "Économie sociale et solidaire, de quoi parle-t-on ?",
        2: "Pourquoi mettre en place une politique de soutien à l’économie sociale et solidaire ?",
        3: "L’économie sociale et solidaire au cœur des compétences régionales",
        4: "Connaître et faire connaître les acteurs de l’ESS",
        5: "L’économie sociale et solidaire au cœur du développement économique",
        6: "Modes de contractualisation entre régions et acteurs de l’ESS",
        7: "Tourisme et ESS",
        11: "Commande publique responsable",
        12: "Mobiliser les fonds européens en faveur de l’ESS",
    },
    "MunicipalESS": {
        2: "Pourquoi mettre en place une politique de soutien à l’économie sociale et solidaire ?",
        3: "L’économie sociale et solidaire au cœur des compétences du bloc communal",
        4: "Connaître et mobiliser les acteurs de mon territoire",
        7: "Commande publique responsable",
        8: "Économie sociale et solidaire & alimentation durable et accessible à tous",
        10: "Économie sociale et solidaire & accès à une mobilité durable",
        12: "Économie sociale et solidaire & culture",
        17: "Animer son territoire",
        22: "Économie sociale et solidaire, gestion des déchets & économie circulaire",
    },
}


@pytest.mark.parametrize("path", content_files(CONTENT_DIR), ids=lambda p: p.name)
def test_every_shipped_content_file_validates_on_its_own(path: Path) -> None:
    load_file(path)


def test_the_shipped_folder_validates_with_its_cross_references() -> None:
    assert main(["validate"]) == 0


def test_every_fiche_of_the_domain_brief_is_in_the_catalogue_with_its_exact_title() -> None:
    cat = default_catalogue()
    kit_title = {k.id: k.title for k in cat.fiches.kits}
    found = {(kit_title[f.kit], f.number): f for f in cat.fiches.fiches if f.number is not None}
    for kit, titles in DOMAIN_FICHES.items():
        for number, title in titles.items():
            fiche = found[(kit, number)]
            # the catalogue typesets French punctuation with non-breaking spaces
            assert fiche.title.replace("\u00a0", " ") == title and fiche.verified


def test_unconfirmed_fiches_say_so() -> None:
    cat = default_catalogue()
    confirmed = {(f.kit, f.number) for f in cat.fiches.fiches if f.verified}
    expected = {(k.id, n) for k in cat.fiches.kits for n in DOMAIN_FICHES[k.title]}
    assert confirmed == expected


def test_the_full_diagnostic_has_seven_motivations_and_six_resources_with_enough_questions() -> None:
    q = default_catalogue().questionnaire("ess-territoires")
    motivations = [d for d in q.dimensions if d.half == "motivation"]
    resources = [d for d in q.dimensions if d.half == "resource"]
    assert len(motivations) == 7 and len(resources) == 6
    assert [d.id for d in resources] == [
        "awareness",
        "observation",
        "strategy",
        "facilitation",
        "skills",
        "procurement",
    ]
    for dim in q.dimensions:
        unfiltered = [x for x in dim.questions if x.audience is None]
        assert len(unfiltered) >= (2 if dim.half == "motivation" else 4), dim.id
        for question in dim.questions:
            assert [lv.value for lv in question.levels] == [0, 1, 2, 3, 4]
            assert len({lv.description for lv in question.levels}) == 5, question.id


def test_regions_and_departements_have_questions_of_their_own() -> None:
    q = default_catalogue().questionnaire("ess-territoires")
    audiences = {a for _, x in q.questions() for a in (x.audience or [])}
    assert {"region", "departement"} <= audiences


def test_the_express_version_keeps_the_dimensions_and_at_most_15_identical_questions() -> None:
    cat = default_catalogue()
    full, express = cat.questionnaire("ess-territoires"), cat.questionnaire("ess-territoires-express")
    assert [d.id for d in express.dimensions] == [d.id for d in full.dimensions]
    assert len(express.questions()) <= 15
    full_questions = {x.id: x for _, x in full.questions()}
    for _, question in express.questions():
        assert question == full_questions[question.id]


def test_every_dimension_is_tagged_on_a_fiche_of_every_kit() -> None:
    cat = default_catalogue()
    for kit in cat.fiches.kits:
        tagged = {d for f in cat.fiches.fiches if f.kit == kit.id for d in f.dimensions}
        assert tagged >= {d.id for d in cat.questionnaire("ess-territoires").dimensions}, kit.id


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_the_published_json_schemas_are_up_to_date(kind: str) -> None:
    published = json.loads((CONTENT_DIR / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    assert published == SCHEMAS[kind].model_json_schema()


@pytest.mark.parametrize("path", sorted((CONTENT_DIR / "examples").glob("*.json")), ids=lambda p: p.name)
def test_the_example_answer_files_score_without_error(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parse_response_json(path.read_bytes())
    assert main(["score", str(path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["indices"]["global"]["value"] is not None
