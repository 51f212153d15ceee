"""Answers files: whole levels only, targets, and the same refusals in the CLI and the app's import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scoring.__main__ import main
from scoring.engine import score
from scoring.intake import catalogue_problems
from scoring.loader import Catalogue, default_catalogue
from scoring.responses import ResponseError, parse_response_json
from services.imports import read_answers_file
from tests.unit.conftest import responses


def _file(**extra: object) -> bytes:
    data = {"questionnaire": "ess-territoires", "answers": {"awareness_elected": 2}, **extra}
    return json.dumps(data).encode()


@pytest.mark.parametrize("value", [2.5, 2.0, True, False])
def test_a_level_that_is_not_a_whole_number_is_refused_in_french(value: object) -> None:
    with pytest.raises(ResponseError) as caught:
        parse_response_json(_file(answers={"awareness_elected": value}))
    assert "awareness_elected" in str(caught.value)
    assert "entier" in str(caught.value)


def test_a_fractional_level_gives_its_value_with_a_decimal_comma() -> None:
    with pytest.raises(ResponseError, match="niveau 2,5 refusé, un niveau est un nombre entier"):
        parse_response_json(_file(answers={"awareness_elected": 2.5}))


@pytest.mark.parametrize("target", [120, -1, True, "Consolidation !"])
def test_a_target_outside_0_100_or_not_a_band_id_is_refused(target: object) -> None:
    with pytest.raises(ResponseError, match="score de 0 à 100 ou un identifiant de palier"):
        parse_response_json(_file(targets={"awareness": target}))


def test_targets_round_trip_as_a_score_or_a_band_id() -> None:
    parsed = parse_response_json(_file(targets={"awareness": 55.5, "procurement": "consolidation"}))
    assert parsed.targets == {"awareness": 55.5, "procurement": "consolidation"}


def test_a_target_for_an_unknown_band_or_dimension_is_refused_by_the_cli_and_the_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = _file(targets={"awareness": "parfaite", "inconnue": 50})
    catalogue = default_catalogue()
    problems = catalogue_problems(catalogue, parse_response_json(raw))
    assert "Cible de « awareness » : palier « parfaite » inconnu" in problems[0]
    assert "Cible donnée pour une dimension inconnue : « inconnue »" in problems[1]
    with pytest.raises(ResponseError) as caught:
        read_answers_file(raw, catalogue)
    assert caught.value.problems == problems
    path = tmp_path / "r.json"
    path.write_bytes(raw)
    assert main(["score", str(path)]) == 1
    assert "palier « parfaite » inconnu" in capsys.readouterr().err


def test_an_unknown_authority_type_is_refused_the_same_way_by_the_cli_and_the_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = _file(profile={"authority_type": "canton"})
    with pytest.raises(ResponseError) as caught:
        read_answers_file(raw, default_catalogue())
    assert caught.value.problems == ["Type de collectivité inconnu(e) : « canton »."]
    path = tmp_path / "r.json"
    path.write_bytes(raw)
    assert main(["score", str(path)]) == 1
    assert "Type de collectivité inconnu(e) : « canton »." in capsys.readouterr().err


def test_without_target_the_priority_is_importance_over_three_times_the_gap_to_100(mini: Catalogue) -> None:
    # achats: a_a = a_b = 1/4 → 25; importance 3 → 75
    ds = score(mini, responses({"a_a": 1, "a_b": 1}, {"achats": 3})).dimension("achats")
    assert ds.target is None and ds.effective_target == 100
    assert ds.priority == pytest.approx(75.0)


def test_a_target_score_replaces_100_in_the_priority(mini: Catalogue) -> None:
    rs = responses({"a_a": 1, "a_b": 1}, {"achats": 3}).model_copy(update={"targets": {"achats": 55}})
    ds = score(mini, rs).dimension("achats")
    assert ds.target == 55 and ds.priority == pytest.approx(30.0)  # 3/3 × (55 − 25)


def test_a_target_band_counts_as_its_lower_bound(mini: Catalogue) -> None:
    rs = responses({"a_a": 1, "a_b": 1}, {"achats": 2}).model_copy(update={"targets": {"achats": "consolidation"}})
    ds = score(mini, rs).dimension("achats")
    assert ds.target == 60 and ds.priority == pytest.approx(70 / 3)  # 2/3 × (60 − 25)


def test_a_reached_target_gives_a_priority_of_zero_never_negative(mini: Catalogue) -> None:
    rs = responses({"a_a": 4, "a_b": 3}, {"achats": 3}).model_copy(update={"targets": {"achats": 40}})
    ds = score(mini, rs).dimension("achats")
    assert ds.score == pytest.approx(87.5) and ds.priority == 0.0 and ds.target_reached


def test_the_cli_json_carries_the_priorities_with_their_weak_answers_and_next_steps(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from scoring.loader import CONTENT_DIR

    assert main(["score", str(CONTENT_DIR / "examples" / "departement-cibles.json")]) == 0
    plan = json.loads(capsys.readouterr().out)["plan"]
    assert plan["kit"] == "DépartementalESS" and plan["region"] == "Normandie"
    assert 3 <= len(plan["priorities"]) <= 5
    first = plan["priorities"][0]
    assert first["weak_answers"][0]["next_step"]
    assert not set(plan["strengths"]) & {p["dimension"] for p in plan["priorities"]}
    ids = [f["id"] for f in plan["fiches"]]
    assert len(ids) == len(set(ids))
    dimensions = {d["dimension"]: d for d in plan["others"] + plan["priorities"]}
    assert dimensions["jobs"]["target"] == 60


def test_the_cli_table_opens_on_the_priorities_with_their_next_steps_and_names_the_cress(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from scoring.loader import CONTENT_DIR

    assert main(["score", "--format", "table", str(CONTENT_DIR / "examples" / "cc-exemple.json")]) == 0
    out = capsys.readouterr().out
    assert "Vos priorités (kit MunicipalESS) :" in out
    assert "Étape suivante : " in out and "CRESS Normandie" in out
    assert "Points forts : " in out and "Autres pistes : " in out
