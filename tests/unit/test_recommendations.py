"""Recommendations: kit by level of government, fiches and actors by priority, with reasons."""

from __future__ import annotations

from scoring.engine import score
from scoring.loader import Catalogue
from scoring.recommend import recommend
from tests.unit.conftest import responses


def _advice(
    mini: Catalogue,
    answers: dict[str, object],
    importance: dict[str, int] | None = None,
    authority_type: str | None = "communaute_communes",
):  # type: ignore[no-untyped-def]
    return recommend(mini, score(mini, responses(answers, importance, authority_type)))


def test_a_communaute_de_communes_gets_the_municipal_kit_and_a_region_the_regional_one(mini: Catalogue) -> None:
    assert _advice(mini, {"a_a": 1}).kit_title == "MunicipalESS"
    assert _advice(mini, {"a_a": 1}, authority_type="departement").kit_title == "DépartementalESS"
    assert _advice(mini, {"a_a": 1}, authority_type="region").kit_title == "RégionalESS"


def test_a_weak_dimension_gets_at_most_three_fiches_confirmed_first(mini: Catalogue) -> None:
    advice = _advice(mini, {"a_a": 1, "a_b": 1, "m_a": 4, "m_b": 4}, {"achats": 3})
    item = next(i for i in advice.items if i.dimension_id == "achats")
    assert [f.id for f in item.fiches] == ["m2", "m3", "m4"]


def test_the_reason_quotes_the_users_own_importance_answer_beside_the_computed_priority(mini: Catalogue) -> None:
    advice = _advice(mini, {"a_a": 1, "a_b": 1, "m_a": 4, "m_b": 4}, {"achats": 3})
    item = next(i for i in advice.items if i.dimension_id == "achats")
    assert item.reason == (
        "Titre achats : 25/100 (Émergence) ; importance que vous lui donnez : «\u00a0Enjeu majeur\u00a0» ; priorité forte."
    )


def test_an_unanswered_importance_is_quoted_as_the_default_answer_it_counts_as(mini: Catalogue) -> None:
    advice = _advice(mini, {"a_a": 1, "a_b": 1, "m_a": 4, "m_b": 4})
    item = next(i for i in advice.items if i.dimension_id == "achats")
    assert "importance que vous lui donnez : non renseignée, comptée comme «\u00a0Enjeu important\u00a0»" in item.reason


def test_the_importance_words_never_coincide_with_the_computed_priority_labels() -> None:
    from scoring.loader import default_catalogue

    catalogue = default_catalogue()
    computed = {p.label.casefold() for p in catalogue.rules.priority_labels}
    for questionnaire in catalogue.questionnaires.values():
        words = {rung.label.casefold() for rung in questionnaire.importance_scale}
        assert not words & computed
        assert not any("priorité" in w for w in words)


def test_dimensions_are_ranked_by_priority(mini: Catalogue) -> None:
    advice = _advice(
        mini, {"m_a": 2, "m_b": 2, "o_a": 1, "o_b": 1, "a_a": 3, "a_b": 3}, {"motiv": 3, "observation": 1, "achats": 3}
    )
    ranked = [i.dimension_id for i in advice.items if i.kind == "dimension"]
    # priorities: motiv 3/3×50 = 50, observation 1/3×75 = 25, achats 3/3×25 = 25 (tie: lower score first)
    assert ranked == ["motiv", "observation", "achats"]


def test_exemplary_or_unimportant_dimensions_get_no_recommendation(mini: Catalogue) -> None:
    advice = _advice(mini, {"m_a": 4, "m_b": 4, "a_a": 0, "a_b": 0}, {"achats": 0})
    assert [i.dimension_id for i in advice.items if i.kind == "dimension"] == []


def test_introductory_fiches_come_first_when_the_global_index_is_below_40(mini: Catalogue) -> None:
    low = _advice(mini, {"a_a": 0, "a_b": 1})
    assert low.items[0].kind == "introduction" and [f.id for f in low.items[0].fiches] == ["m1"]
    high = _advice(mini, {"a_a": 2, "a_b": 2, "m_a": 2, "m_b": 2})
    assert all(i.kind != "introduction" for i in high.items)


def test_many_dont_know_answers_point_at_observation_resources(mini: Catalogue) -> None:
    advice = _advice(mini, {"a_a": "dk", "a_b": "dk", "m_a": 3, "m_b": 3})
    item = next(i for i in advice.items if i.kind == "unknown_answers")
    assert item.dimension_id == "achats"
    assert [f.id for f in item.fiches] == ["m5"]
    assert [a.id for a in item.actors] == ["cress"]  # universities work with régions only here
    assert "100\u00a0% de réponses « je ne sais pas »" in item.reason


def test_actors_are_filtered_by_level_of_government(mini: Catalogue) -> None:
    low = {"a_a": 1, "a_b": 1, "m_a": 4, "m_b": 4}
    communal = next(i for i in _advice(mini, low).items if i.dimension_id == "achats")
    regional = next(i for i in _advice(mini, low, authority_type="region").items if i.dimension_id == "achats")
    assert [a.id for a in communal.actors] == ["cress", "facil"]
    assert [a.id for a in regional.actors] == ["cress"]


def test_an_unknown_authority_type_assumes_the_municipal_kit_and_says_so(mini: Catalogue) -> None:
    advice = _advice(mini, {"a_a": 1}, authority_type=None)
    assert advice.kit_title == "MunicipalESS" and advice.kit_assumed
