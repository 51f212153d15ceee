"""Workshop views computed without Streamlit: participants, anonymity thresholds, agenda, consolidation."""

from __future__ import annotations

from typing import Any

import pytest

from scoring.engine import score
from scoring.group import question_stats
from scoring.loader import Catalogue
from tests.unit.conftest import responses
from workshops.analysis import (
    MIN_GROUP,
    agenda,
    consolidation_prefill,
    group_stats,
    group_view,
    importance_prefill,
    question_comments,
    question_numbers,
    role_comparison,
    role_rows,
)
from workshops.participants import Participant, completion, participation_by_role


def person(
    n: int,
    answers: dict[str, Any],
    role: str = "elu",
    *,
    first_name: str | None = None,
    finished: bool = False,
    comments: dict[str, str] | None = None,
    importance: dict[str, int] | None = None,
) -> Participant:
    rs = responses(answers, importance).model_copy(update={"comments": comments or {}})
    return Participant(n, role, first_name, finished, rs)


def test_a_participant_is_named_by_first_name_if_given_else_by_number_always_with_the_role() -> None:
    assert person(3, {}, "elu").label == "Participant 3 (élu)"
    assert person(4, {}, "acteur_ess", first_name="Camille").label == "Camille (acteur ESS)"
    assert person(5, {}, "technicien", first_name="   ").label == "Participant 5 (technicien)"
    assert person(6, {}, "inconnu").label == "Participant 6 (rôle non précisé)"


def test_completion_counts_applicable_questions_only_with_dk_and_na_as_answers(mini: Catalogue) -> None:
    q = mini.questionnaire("mini")
    done = completion(q, mini.territories, responses({"m_a": 1, "o_a": "dk", "a_a": "na", "m_region": 2}))
    # m_region is for regions only: 6 applicable questions for a communauté de communes
    assert (done.answered, done.applicable) == (3, 6)
    assert done.share == pytest.approx(0.5)


def test_participation_by_role_counts_joined_started_and_finished_in_role_order() -> None:
    people = [person(1, {}, "technicien"), person(2, {"a_a": 1}, "elu", finished=True), person(3, {"a_a": 2}, "elu")]
    rows = participation_by_role(people)
    assert [(r.role_id, r.joined, r.started, r.finished) for r in rows] == [("elu", 2, 2, 1), ("technicien", 1, 0, 0)]
    assert rows[0].label == "Élus"


def test_the_group_view_needs_three_people_who_answered(mini: Catalogue) -> None:
    two = [person(1, {"a_a": 0}), person(2, {"a_a": 4}), person(3, {})]
    assert group_view(mini, two) is None
    three = [*two, person(4, {"a_a": 2, "a_b": 2})]
    view = group_view(mini, three)
    assert view is not None and view.size == 3


def test_the_group_radar_is_the_mean_with_the_band_from_the_lowest_to_the_highest_individual_score(
    mini: Catalogue,
) -> None:
    people = [
        person(1, {"a_a": 0, "a_b": 0}),
        person(2, {"a_a": 4, "a_b": 4}),
        person(3, {"a_a": 2, "a_b": 4, "o_a": 3}),
    ]
    view = group_view(mini, people)
    assert view is not None
    assert view.scores.dimension("achats").score == pytest.approx(100 * (2 / 4 + (8 / 3) / 4) / 2)
    assert view.ranges["achats"] == pytest.approx((0.0, 100.0))
    assert view.ranges["observation"] == pytest.approx((75.0, 75.0))
    assert "motiv" not in view.ranges


def test_roles_with_fewer_than_three_people_who_answered_are_counted_but_not_shown(mini: Catalogue) -> None:
    people = [person(i, {"a_a": 4, "a_b": 4}, "elu") for i in range(1, 4)]
    people += [person(4, {"a_a": 0, "a_b": 0}, "technicien"), person(5, {"a_a": 1}, "technicien")]
    people += [
        person(6, {}, "acteur_ess"),
        person(7, {}, "acteur_ess"),
        person(8, {}, "acteur_ess"),
    ]  # joined, no answer
    comparison = role_comparison(mini, people)
    assert list(comparison.shown) == ["elu"]
    assert comparison.hidden == {"technicien": 2}
    rows = role_rows(comparison, mini.questionnaire("mini"))
    assert rows[-1] == {"Dimension": "achats", "Élus (3)": pytest.approx(100.0)}


def test_the_role_threshold_is_reached_at_exactly_three(mini: Catalogue) -> None:
    people = [person(i, {"a_a": i}, "technicien") for i in range(1, MIN_GROUP + 1)]
    assert list(role_comparison(mini, people).shown) == ["technicien"]
    assert list(role_comparison(mini, people[:-1]).hidden) == ["technicien"]


def test_a_questions_comments_show_once_three_people_answered_it_sorted_without_authors() -> None:
    people = [
        person(1, {"a_a": 1}, comments={"a_a": "Zut, on ne sait pas"}),
        person(2, {"a_a": "dk"}, comments={"a_a": "  "}),
    ]
    assert question_comments("a_a", people) is None
    people.append(person(3, {"a_a": 4}, comments={"a_a": "appel à projets 2025"}))
    assert question_comments("a_a", people) == ["appel à projets 2025", "Zut, on ne sait pas"]
    # a comment without an answer does not count towards the threshold
    assert question_comments("a_b", [*people, person(4, {}, comments={"a_b": "x"})]) is None


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([1, 2], 2),  # 1.5 rounds half up
        ([1, 2, 2], 2),
        ([0, 0, 1], 0),
        ([3, 4, 4, "dk"], 4),  # 3.67; dk left out of the mean
        (["dk", "na", "dk"], "dk"),
        (["na", "na", "dk"], "na"),
        (["dk", "na"], "dk"),  # a tie goes to « je ne sais pas »
        ([None, None], None),
    ],
)
def test_consolidation_is_prefilled_with_the_rounded_mean_else_the_majority_of_dk_and_na(
    mini: Catalogue, answers: list[Any], expected: Any
) -> None:
    people = [responses({} if a is None else {"a_a": a}) for a in answers]
    assert consolidation_prefill(question_stats(mini.questionnaire("mini"), people)["a_a"]) == expected
    assert consolidation_prefill(None) is None


def test_importance_is_prefilled_with_the_rounded_mean_importance(mini: Catalogue) -> None:
    people = [person(1, {}, importance={"achats": 1}), person(2, {}, importance={"achats": 2})]
    assert importance_prefill(mini.questionnaire("mini"), people) == {"achats": 2}
    assert importance_prefill(mini.questionnaire("mini"), []) == {}


def test_the_agenda_ranks_divergent_questions_first_numbered_as_participants_saw_them(mini: Catalogue) -> None:
    q = mini.questionnaire("mini")
    people = [
        person(1, {"m_a": 2, "o_a": 0, "a_b": 1}),
        person(2, {"m_a": 3, "o_a": 4, "a_b": 3}),
        person(3, {"m_a": 2}),
    ]
    numbers = question_numbers(q, mini, "communaute_communes")
    assert numbers == {"m_a": 1, "m_b": 2, "o_a": 3, "o_b": 4, "a_a": 5, "a_b": 6}  # m_region is for regions
    items = agenda(q, numbers, group_stats(q, people))
    assert [(i.number, i.stats.spread, i.stats.divergent) for i in items] == [(3, 4, True), (6, 2, True), (1, 1, False)]
    assert items[0].dimension.id == "observation"


def test_the_group_score_comes_from_the_same_scoring_function_as_a_single_diagnostic(mini: Catalogue) -> None:
    same = [person(i, {"a_a": 3, "o_a": 1}) for i in (1, 2, 3)]
    view = group_view(mini, same)
    assert view is not None
    single = score(mini, responses({"a_a": 3, "o_a": 1}))
    assert [d.score for d in view.scores.dimensions] == [d.score for d in single.dimensions]
