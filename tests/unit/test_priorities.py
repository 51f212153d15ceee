"""« Vos priorités », « Autres pistes », « Points forts »: the structure every results view reads."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.engine import score
from scoring.loader import Catalogue, default_catalogue
from scoring.models import ResponseSet
from scoring.priorities import Recommendations, prioritise
from tests.unit.conftest import responses


def _plan(catalogue: Catalogue, rs: ResponseSet) -> Recommendations:
    return prioritise(catalogue, rs, score(catalogue, rs))


def _mini(answers: dict[str, Any], importance: dict[str, int] | None = None, **extra: Any) -> ResponseSet:
    data = {**responses(answers, importance).model_dump(), **extra}
    return ResponseSet.model_validate(data)


def test_priorities_are_the_dimensions_to_improve_by_decreasing_priority_lower_score_first(mini: Catalogue) -> None:
    # motiv 100 → nothing to improve; observation 25, importance 2 → 50; achats 50, importance 3 → 50
    plan = _plan(mini, _mini({"m_a": 4, "m_b": 4, "o_a": 1, "o_b": 1, "a_a": 2, "a_b": 2}, {"achats": 3}))
    assert [p.score.dimension.id for p in plan.priorities] == ["observation", "achats"]
    assert plan.others == []
    assert [ds.dimension.id for ds in plan.strengths] == ["motiv"]
    assert plan.no_strength_message is None


def test_the_reason_quotes_the_importance_answer_the_target_and_the_computed_priority(mini: Catalogue) -> None:
    rs = _mini({"a_a": 1, "a_b": 1}, {"achats": 3}, targets={"achats": "consolidation"})
    achats = next(p for p in _plan(mini, rs).priorities if p.score.dimension.id == "achats")
    # 3/3 × (60 − 25) = 35 → « priorité moyenne »
    assert achats.reason == (
        "25/100 (Émergence)\u00a0; cible\u00a0: 60/100\u00a0; importance que vous lui donnez\u00a0: "
        "«\u00a0Enjeu majeur\u00a0»\u00a0; priorité moyenne."
    )
    assert achats.label == "priorité moyenne"


def test_a_dimension_that_reached_its_target_is_neither_a_priority_nor_another_lead(mini: Catalogue) -> None:
    rs = _mini({"a_a": 2, "a_b": 2, "o_a": 1, "o_b": 1}, targets={"achats": 50})
    plan = _plan(mini, rs)
    listed = [p.score.dimension.id for p in plan.priorities + plan.others]
    assert "achats" not in listed and "observation" in listed


def test_each_priority_is_explained_by_its_weakest_answers_with_level_label_and_next_step(mini: Catalogue) -> None:
    plan = _plan(mini, _mini({"o_a": 3, "o_b": 0}))
    weak = plan.priorities[0].weak_answers
    assert [(w.question.id, w.level.value, w.level.label) for w in weak] == [
        ("o_b", 0, "Niveau 0"),
        ("o_a", 3, "Niveau 3"),
    ]
    assert weak[0].next_step == "Ce que fait la collectivité pour atteindre le niveau 1."


def test_when_no_dimension_reaches_structuration_there_is_no_strength_and_the_page_says_so(mini: Catalogue) -> None:
    plan = _plan(mini, _mini({"m_a": 1, "m_b": 1, "o_a": 0, "o_b": 1, "a_a": 1, "a_b": 0}))
    assert plan.strengths == []
    assert plan.no_strength_message == mini.rules.strengths.none_message
    assert "Pas encore de point fort établi" in (plan.no_strength_message or "")


def test_a_strong_dimension_that_is_a_priority_is_not_listed_as_a_strength(mini: Catalogue) -> None:
    # observation 75 (Consolidation) with a target of 100 and importance 3 is a priority (25), not a strength
    plan = _plan(mini, _mini({"m_a": 4, "m_b": 4, "o_a": 3, "o_b": 3, "a_a": 4, "a_b": 4}, {"observation": 3}))
    assert [p.score.dimension.id for p in plan.priorities] == ["observation"]
    assert [ds.dimension.id for ds in plan.strengths] == ["motiv", "achats"]  # both 100, questionnaire order


def test_the_regional_actor_is_named_after_the_authoritys_region(mini: Catalogue) -> None:
    with_region = _mini({"a_a": 1}, profile={"authority_type": "communaute_communes", "region": "normandie"})
    without = _mini({"a_a": 1})
    names = [a.name for a in _plan(mini, with_region).priorities[0].actors]
    assert names == ["CRESS Normandie", "Facilitateurs"]
    assert _plan(mini, without).priorities[0].actors[0].name == "CRESS de votre région"


def _shipped(answers: dict[str, Any], authority_type: str, **extra: Any) -> ResponseSet:
    return ResponseSet.model_validate(
        {
            "questionnaire": "ess-territoires",
            "profile": {"authority_type": authority_type, "region": "normandie"},
            "answers": answers,
            **extra,
        }
    )


def test_municipaless_fiches_come_from_the_2026_edition_where_it_has_one_else_2020_and_say_so() -> None:
    catalogue = default_catalogue()
    rs = _shipped({"entrepreneurship_scic": 0, "procurement_social_clauses": 0}, "communaute_communes")
    plan = _plan(catalogue, rs)
    by_dim = {p.score.dimension.id: p for p in plan.priorities + plan.others}
    scic = [f.fiche.id for f in by_dim["entrepreneurship"].fiches]
    assert "municipaless-2026-10" in scic and "municipaless-scic" not in scic
    assert {f.edition for f in by_dim["entrepreneurship"].fiches} == {2026}
    assert [(f.fiche.id, f.edition) for f in by_dim["procurement"].fiches] == [("municipaless-07", 2020)]


def test_a_departement_gets_only_departementaless_fiches() -> None:
    catalogue = default_catalogue()
    answers = {q.id: 0 for _, q in catalogue.questionnaire("ess-territoires").questions()}
    plan = _plan(catalogue, _shipped(answers, "departement"))
    assert plan.audience.kit.title == "DépartementalESS"
    assert {f.fiche.kit for f in plan.fiches} == {"departementaless"}


def test_unconfirmed_fiches_are_flagged_and_left_out_of_the_elu_facing_list() -> None:
    catalogue = default_catalogue()
    answers = {q.id: 0 for _, q in catalogue.questionnaire("ess-territoires").questions()}
    plan = _plan(catalogue, _shipped(answers, "communaute_communes"))
    assert any(not f.verified for f in plan.fiches)
    assert plan.elu_fiches() == [f for f in plan.fiches if f.fiche.verified]


def test_a_fiche_url_is_its_confirmed_page_or_else_the_kits_rtes_page() -> None:
    catalogue = default_catalogue()
    rs = _shipped({"local_resources_assets": 0, "procurement_social_clauses": 0}, "communaute_communes")
    uses = {f.fiche.id: f for f in _plan(catalogue, rs).fiches}
    assert uses["municipaless-foncier"].url == "https://www.citego.org/bdf_fiche-document-2590_fr.html"
    assert uses["municipaless-07"].url == "https://www.rtes.fr"


@st.composite
def _answers(draw: st.DrawFn) -> ResponseSet:
    catalogue = default_catalogue()
    q = catalogue.questionnaire("ess-territoires")
    answers = {
        x.id: draw(st.sampled_from([0, 1, 2, 3, 4, "dk", "na"])) for _, x in q.questions() if draw(st.booleans())
    }
    importance = {d.id: draw(st.integers(0, 3)) for d in q.dimensions if draw(st.booleans())}
    kind = draw(st.sampled_from(["commune", "communaute_communes", "departement", "region", None]))
    return ResponseSet.model_validate(
        {"questionnaire": q.id, "profile": {"authority_type": kind}, "answers": answers, "importance": importance}
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_answers())
def test_strengths_never_share_a_dimension_with_priorities_and_each_fiche_is_shown_once(rs: ResponseSet) -> None:
    catalogue = default_catalogue()
    plan = _plan(catalogue, rs)
    rule = catalogue.rules.priorities
    chosen = [p.score.dimension.id for p in plan.priorities]
    assert not set(chosen) & {ds.dimension.id for ds in plan.strengths}
    assert len(chosen) <= rule.max_count
    assert len(chosen) >= min(rule.min_count, len(chosen) + len(plan.others))
    shown = [f.fiche.id for p in plan.priorities + plan.others for f in p.fiches]
    assert len(shown) == len(set(shown))
    assert sorted(shown) == sorted(f.fiche.id for f in plan.fiches)
    for p in plan.priorities + plan.others:
        assert all(p.score.dimension.id in f.serves for f in p.fiches + p.see_also)


@pytest.mark.parametrize("kind", ["communaute_communes", "departement", "region"])
def test_the_shipped_content_gives_three_to_five_explained_priorities_for_a_weak_diagnostic(kind: str) -> None:
    catalogue = default_catalogue()
    answers = {q.id: 1 for _, q in catalogue.questionnaire("ess-territoires").questions()}
    plan = _plan(catalogue, _shipped(answers, kind))
    assert 3 <= len(plan.priorities) <= 5
    for p in plan.priorities:
        assert p.weak_answers and all(w.next_step for w in p.weak_answers)
    assert plan.strengths == [] and plan.no_strength_message


def test_the_method_text_is_generated_from_the_content_files(mini: Catalogue) -> None:
    from scoring.method import method_sections

    sections = {s.title: " ".join(s.paragraphs) for s in method_sections(mini, "mini")}
    priority = sections["Importance, cible et priorité"]
    assert "«\u00a0Pas un enjeu\u00a0», «\u00a0Enjeu secondaire\u00a0»" in priority
    assert "Sans réponse, elle compte comme «\u00a0Enjeu important\u00a0»" in priority
    assert "Structuration 40" in priority and "Sans cible, la cible est 100." in priority
    assert "de 3 à 5 dimensions" in sections["Les recommandations"]
    assert "Ce que fait la collectivité pour atteindre le niveau 1." in sections["Les étapes suivantes"]
