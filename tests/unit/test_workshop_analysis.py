"""Workshop views computed without Streamlit: participants, agenda, consolidation (rules of who may
see what are in `test_anonymity.py`)."""

from __future__ import annotations

from typing import Any

import pytest

from scoring.completion import asked, completion, question_numbers
from scoring.engine import score
from scoring.group import question_stats
from scoring.loader import Catalogue
from tests.unit.conftest import responses
from workshops.analysis import agenda, consolidation_prefill
from workshops.anonymity import group_figures
from workshops.participants import Participant


def person(
    answers: dict[str, Any],
    role: str = "elu",
    *,
    finished: bool = False,
    comments: dict[str, str] | None = None,
    importance: dict[str, int] | None = None,
) -> Participant:
    rs = responses(answers, importance).model_copy(update={"comments": comments or {}})
    return Participant(role, finished, rs)


def test_completion_counts_applicable_questions_only_with_dk_and_na_as_answers(mini: Catalogue) -> None:
    q = mini.questionnaire("mini")
    answers = responses({"m_a": 1, "o_a": "dk", "a_a": "na", "m_region": 2}).answers
    done = completion(asked(q, mini.territories, "communaute_communes"), answers)
    # m_region is for regions only: 6 applicable questions for a communauté de communes
    assert (done.answered, done.applicable) == (3, 6)
    assert done.share == pytest.approx(0.5)


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


def test_importance_is_prefilled_with_the_rounded_mean_importance_of_three_people_or_more(mini: Catalogue) -> None:
    people = [person({"a_a": 1}, importance={"achats": v}) for v in (1, 2, 2)]
    figures = group_figures(mini, people, 3)
    assert figures is not None and figures.responses.importance == {"achats": 2}
    fewer = group_figures(mini, [*people[:2], person({"a_a": 1})], 3)
    assert fewer is not None and fewer.responses.importance == {}


def test_the_agenda_ranks_divergent_questions_first_numbered_as_participants_saw_them(mini: Catalogue) -> None:
    q = mini.questionnaire("mini")
    people = [responses(a) for a in ({"m_a": 2, "o_a": 0, "a_b": 1}, {"m_a": 3, "o_a": 4, "a_b": 3}, {"m_a": 2})]
    numbers = question_numbers(q, mini.territories, "communaute_communes")
    assert numbers == {"m_a": 1, "m_b": 2, "o_a": 3, "o_b": 4, "a_a": 5, "a_b": 6}  # m_region is for regions
    items = agenda(q, numbers, question_stats(q, people))
    assert [(i.number, i.stats.spread, i.stats.divergent) for i in items] == [(3, 4, True), (6, 2, True), (1, 1, False)]
    assert items[0].dimension.id == "observation"


def test_the_group_score_comes_from_the_same_scoring_function_as_a_single_diagnostic(mini: Catalogue) -> None:
    same = [person({"a_a": 3, "o_a": 1}) for _ in (1, 2, 3)]
    view = group_figures(mini, same, 3)
    assert view is not None
    single = score(mini, responses({"a_a": 3, "o_a": 1}))
    assert [d.score for d in view.scores.dimensions] == [d.score for d in single.dimensions]
