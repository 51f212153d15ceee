"""Workshop scoring: group mean level, spread, divergence, and group dimension scores."""

from __future__ import annotations

import pytest

from scoring.engine import score
from scoring.group import divergence_agenda, group_responses, question_stats
from scoring.loader import Catalogue
from scoring.models import Profile
from tests.unit.conftest import responses


def test_the_group_level_is_the_mean_of_levels_and_the_spread_is_max_minus_min(mini: Catalogue) -> None:
    people = [responses({"a_a": 1}), responses({"a_a": 3}), responses({"a_a": 2}), responses({"a_a": "dk"})]
    stats = question_stats(mini.questionnaire("mini"), people)["a_a"]
    assert stats.mean == pytest.approx(2.0)
    assert stats.spread == 2 and stats.divergent
    assert stats.levels == {1: 1, 2: 1, 3: 1} and stats.dk == 1


def test_a_spread_of_one_is_not_a_divergence(mini: Catalogue) -> None:
    people = [responses({"a_a": 2}), responses({"a_a": 3})]
    assert not question_stats(mini.questionnaire("mini"), people)["a_a"].divergent


def test_group_dimension_scores_use_the_mean_levels_with_the_same_formula(mini: Catalogue) -> None:
    people = [responses({"a_a": 1, "a_b": 4}), responses({"a_a": 2, "a_b": 4})]
    group = group_responses(mini.questionnaire("mini"), people, Profile(authority_type="communaute_communes"))
    # a_a mean 1.5 → 0.375; a_b 4 → 1; mean 68.75
    assert score(mini, group).dimension("achats").score == pytest.approx(68.75)


def test_the_discussion_agenda_puts_the_widest_spreads_first(mini: Catalogue) -> None:
    people = [responses({"a_a": 0, "a_b": 2, "o_a": 1}), responses({"a_a": 4, "a_b": 3, "o_a": 1})]
    agenda = divergence_agenda(question_stats(mini.questionnaire("mini"), people))
    assert [s.question_id for s in agenda][:2] == ["a_a", "a_b"]
