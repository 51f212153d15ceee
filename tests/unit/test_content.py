"""The shipped content: every file validates and says what the domain brief says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scoring.__main__ import main
from scoring.engine import applies
from scoring.loader import CONTENT_DIR, SCHEMAS, content_files, default_catalogue, load_file
from scoring.responses import parse_response_json

ROOT = Path(__file__).resolve().parents[2]

# Fiches confirmed in the domain brief (domain.md, « Fact sheets » and « More fiches confirmed »):
# (kit, edition) -> number -> (title, url or None)
DOMAIN_FICHES: dict[tuple[str, int | None], dict[int, tuple[str, str | None]]] = {
    ("DépartementalESS", None): {
        1: ("Économie sociale et solidaire, de quoi parle-t-on ?", None),
        2: ("Pourquoi mettre en place une politique transversale de soutien à l’économie sociale et solidaire ?", None),
        3: ("L’économie sociale et solidaire dans les compétences départementales", None),
        4: ("Modes de contractualisation entre départements et acteurs de l’ESS", None),
        5: ("ESS & ruralité(s)", None),
        6: ("Les Sociétés Coopératives d’Intérêt Collectif (SCIC)", None),
        7: ("Agriculture, alimentation & ESS", None),
        8: ("Habitat et ESS", None),
        9: ("Tourisme et ESS", "https://www.citego.org/bdf_fiche-document-2512_fr.html"),
        11: ("Insertion & création d’activités", None),
        12: ("Commande publique responsable", "https://www.citego.org/bdf_fiche-document-2515_fr.html"),
    },
    ("RégionalESS", None): {
        1: ("Économie sociale et solidaire, de quoi parle-t-on ?", None),
        2: ("Pourquoi mettre en place une politique de soutien à l’économie sociale et solidaire ?", None),
        3: ("L’économie sociale et solidaire au cœur des compétences régionales", None),
        4: ("Connaître et faire connaître les acteurs de l’ESS", None),
        5: ("L’économie sociale et solidaire au cœur du développement économique", None),
        6: ("Modes de contractualisation entre régions et acteurs de l’ESS", None),
        7: ("Tourisme et ESS", None),
        11: ("Commande publique responsable", None),
        12: ("Mobiliser les fonds européens en faveur de l’ESS", None),
        13: ("Transition écologique et énergétique & ESS", "https://www.citego.org/bdf_fiche-document-2556_fr.html"),
    },
    ("MunicipalESS", 2020): {
        2: ("Pourquoi mettre en place une politique de soutien à l’économie sociale et solidaire ?", None),
        3: ("L’économie sociale et solidaire au cœur des compétences du bloc communal", None),
        4: ("Connaître et mobiliser les acteurs de mon territoire", None),
        7: ("Commande publique responsable", None),
        8: ("Économie sociale et solidaire & alimentation durable et accessible à tous", None),
        10: ("Économie sociale et solidaire & accès à une mobilité durable", None),
        12: ("Économie sociale et solidaire & culture", None),
        13: (
            "L’accès au foncier des acteurs de l’économie sociale et solidaire",
            "https://www.citego.org/bdf_fiche-document-2590_fr.html",
        ),
        15: ("Utilité sociale, impact social et évaluation des politiques publiques d’ESS", None),
        17: ("Animer son territoire", None),
        20: (
            "Finance solidaire & monnaies locales complémentaires",
            "https://www.citego.org/bdf_fiche-document-2597_fr.html",
        ),
        22: ("Économie sociale et solidaire, gestion des déchets & économie circulaire", None),
        23: ("La transversalité des politiques d’économie sociale et solidaire", None),
    },
    ("MunicipalESS", 2026): {
        10: ("Les Sociétés coopératives d’intérêt collectif", None),
        18: ("Utilité sociale, impact social et évaluation des politiques publiques d’ESS", None),
        19: ("Animer son territoire", None),
        20: ("Économie sociale et solidaire & ruralité(s)", None),
    },
}


@pytest.mark.parametrize("path", content_files(CONTENT_DIR), ids=lambda p: p.name)
def test_every_shipped_content_file_validates_on_its_own(path: Path) -> None:
    load_file(path)


def test_the_shipped_folder_validates_with_its_cross_references() -> None:
    assert main(["validate"]) == 0


def test_every_fiche_of_the_domain_brief_is_verified_with_its_number_title_and_only_its_listed_url() -> None:
    cat = default_catalogue()
    kit_title = {k.id: k.title for k in cat.fiches.kits}
    found = {(kit_title[f.kit], f.edition, f.number): f for f in cat.fiches.fiches if f.number is not None}
    for (kit, edition), titles in DOMAIN_FICHES.items():
        for number, (title, url) in titles.items():
            fiche = found[(kit, edition, number)]
            # the catalogue typesets French punctuation with non-breaking spaces
            assert fiche.title.replace("\u00a0", " ") == title and fiche.verified, fiche.id
            assert fiche.url == url, fiche.id


def test_only_the_fiches_confirmed_in_the_domain_brief_are_marked_verified() -> None:
    cat = default_catalogue()
    kit_title = {k.id: k.title for k in cat.fiches.kits}
    confirmed = {(kit_title[f.kit], f.edition, f.number) for f in cat.fiches.fiches if f.verified}
    expected = {(kit, edition, n) for (kit, edition), titles in DOMAIN_FICHES.items() for n in titles}
    assert confirmed == expected


def test_every_municipaless_fiche_belongs_to_one_edition_and_numbers_never_mix() -> None:
    cat = default_catalogue()
    municipal = [f for f in cat.fiches.fiches if f.kit == "municipaless"]
    assert {f.edition for f in municipal} == {2020, 2026}
    numbered = [(f.edition, f.number) for f in municipal if f.number is not None]
    assert len(numbered) == len(set(numbered))


def test_every_region_names_its_own_cress() -> None:
    regions = default_catalogue().territories.regions
    assert all(r.cress_name.startswith("CRESS ") for r in regions)
    assert next(r.cress_name for r in regions if r.id == "normandie") == "CRESS Normandie"


def test_every_maturity_question_has_a_next_step_for_each_level_below_the_top() -> None:
    for questionnaire in default_catalogue().questionnaires.values():
        for _, question in questionnaire.questions():
            for level in question.levels:
                if level.value < question.max_level:
                    assert level.next_step and len(level.next_step) >= 40, (question.id, level.value)
                else:
                    assert level.next_step is None


def test_next_steps_are_distinct_french_sentences() -> None:
    q = default_catalogue().questionnaire("ess-territoires")
    steps = [lv.next_step for _, x in q.questions() for lv in x.levels if lv.next_step]
    assert len(steps) == len(set(steps))
    assert all(step[0].isupper() and step.endswith(".") for step in steps)
    assert not any(" ?" in step or " :" in step or " ;" in step for step in steps)  # non-breaking spaces


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
    territories = default_catalogue().territories
    for dim in q.dimensions:
        for kind in ("communaute_communes", "departement", "region"):
            asked = [x for x in dim.questions if applies(x, kind, territories)]
            assert len(asked) >= (2 if dim.half == "motivation" else 4), (dim.id, kind)
        for question in dim.questions:
            assert [lv.value for lv in question.levels] == [0, 1, 2, 3, 4]
            assert len({lv.description for lv in question.levels}) == 5, question.id


def test_departements_are_never_asked_about_direct_economic_aid_and_get_a_variant_instead() -> None:
    q = default_catalogue().questionnaire("ess-territoires")
    territories = default_catalogue().territories
    direct_aid = [
        "jobs_creation_support",
        "endogenous_anchoring",
        "endogenous_takeover",
        "endogenous_local_finance",
        "innovation_emergence",
    ]
    by_id = {x.id: x for _, x in q.questions()}
    for qid in direct_aid:
        assert not applies(by_id[qid], "departement", territories), qid
        assert applies(by_id[qid], "communaute_communes", territories), qid
    variants = [x for x in by_id.values() if x.audience == ["departement"]]
    assert {"jobs_creation_departement", "innovation_emergence_departement"} <= {x.id for x in variants}


def test_regions_and_departements_have_questions_of_their_own() -> None:
    q = default_catalogue().questionnaire("ess-territoires")
    audiences = {a for _, x in q.questions() for a in (x.audience or [])}
    assert {"region", "departement"} <= audiences


def test_the_express_version_references_the_full_questions_and_agrees_with_them() -> None:
    cat = default_catalogue()
    full, express = cat.questionnaire("ess-territoires"), cat.questionnaire("ess-territoires-express")
    assert [d.id for d in express.dimensions] == [d.id for d in full.dimensions]
    assert len(express.questions()) <= 18
    assert express.importance_scale == full.importance_scale
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


def test_the_compulsory_analyse_des_besoins_sociaux_earns_no_more_than_level_1() -> None:
    q = default_catalogue().questionnaire("ess-territoires")
    question = next(x for _, x in q.questions() if x.id == "needs_identification")
    assert "obligatoire" in question.help and "CCAS" in question.help
    for level in question.levels:
        if "analyse des besoins sociaux" in level.description:
            assert level.value <= 1


def test_spaser_is_written_out_in_full_wherever_a_question_names_it() -> None:
    q = default_catalogue().questionnaire("ess-territoires")
    for _, question in q.questions():
        if "SPASER" in question.text:
            expected = "schéma de promotion des achats publics socialement et écologiquement responsables (SPASER)"
            assert expected in question.text


def test_knowing_the_local_services_comes_before_supporting_them() -> None:
    q = default_catalogue().questionnaire("ess-territoires")
    levels = next(x for _, x in q.questions() if x.id == "needs_services").levels
    assert "ne sait pas" in levels[0].description and "sans encore les soutenir" in levels[1].description


def test_shared_labels_come_from_the_wording_file_and_every_action_status_has_one() -> None:
    from scoring.plan import Action
    from scoring.wording import answer_label, half_step, half_title, status_label, wording

    assert (answer_label("dk"), answer_label("na")) == ("Je ne sais pas", "Non concerné")
    assert (half_step("resource"), half_title("resource")) == ("Ressources", "Catégories de ressources")
    statuses = Action.model_fields["status"].annotation.__args__  # type: ignore[union-attr]
    assert set(wording().action_statuses) == set(statuses) and status_label("en_cours") == "En cours"
    assert [r.id for r in wording().roles] == ["elu", "technicien", "acteur_ess", "autre"]  # ids are stored
