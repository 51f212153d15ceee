"""The scoring rules of the README, each checked against values computed by hand."""

from __future__ import annotations

import pytest

from scoring.engine import band_for, score, shown_score
from scoring.loader import Catalogue
from scoring.responses import ResponseError
from tests.unit.conftest import responses


def test_a_dimension_score_is_the_weighted_mean_of_levels_over_the_top_level(mini: Catalogue) -> None:
    # m_a = 4/4 (weight 1), m_b = 1/4 (weight 2): 100 × (1 + 0.5) / 3 = 50
    ds = score(mini, responses({"m_a": 4, "m_b": 1})).dimension("motiv")
    assert ds.score == pytest.approx(50.0)
    assert ds.band is not None and ds.band.label == "Structuration"


def test_dont_know_and_missing_answers_are_left_out_and_lower_coverage(mini: Catalogue) -> None:
    ds = score(mini, responses({"m_a": 3, "m_b": "dk"})).dimension("motiv")
    assert ds.score == pytest.approx(75.0)
    assert ds.coverage == pytest.approx(100 / 3)  # weight 1 answered out of 3
    assert ds.dk_share == pytest.approx(200 / 3)  # weight 2 "je ne sais pas"
    assert (ds.answered, ds.dk, ds.missing) == (1, 1, 0)


def test_not_concerned_answers_leave_the_coverage_denominator(mini: Catalogue) -> None:
    ds = score(mini, responses({"m_a": 2, "m_b": "na"})).dimension("motiv")
    assert ds.score == pytest.approx(50.0)
    assert ds.coverage == pytest.approx(100.0)


def test_a_dimension_without_any_level_is_not_evaluated_never_zero(mini: Catalogue) -> None:
    ds = score(mini, responses({"o_a": "dk"})).dimension("observation")
    assert ds.status == "not_evaluated"
    assert ds.score is None and ds.band is None and ds.priority is None


def test_a_dimension_answered_all_not_concerned_is_not_concerned(mini: Catalogue) -> None:
    ds = score(mini, responses({"o_a": "na", "o_b": "na"})).dimension("observation")
    assert ds.status == "not_concerned"
    assert ds.score is None and ds.coverage is None


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (0, "Découverte"),
        (19.999, "Découverte"),
        (20, "Émergence"),
        (39.99, "Émergence"),
        (40, "Structuration"),
        (60, "Consolidation"),
        (79.9999, "Consolidation"),
        (80, "Exemplarité"),
        (100, "Exemplarité"),
    ],
)
def test_bands_apply_to_the_unrounded_score_and_a_boundary_goes_up(mini: Catalogue, value: float, label: str) -> None:
    assert band_for(value, mini.bands).label == label


def test_priority_is_importance_over_three_times_the_gap_to_100(mini: Catalogue) -> None:
    # a_a = 1/4, a_b = 1/4 → 25; importance 3 → 3/3 × 75 = 75
    ds = score(mini, responses({"a_a": 1, "a_b": 1}, {"achats": 3})).dimension("achats")
    assert ds.priority == pytest.approx(75.0)


def test_an_unanswered_importance_counts_as_two(mini: Catalogue) -> None:
    ds = score(mini, responses({"a_a": 1, "a_b": 1})).dimension("achats")
    assert ds.importance is None and ds.effective_importance == 2
    assert ds.priority == pytest.approx(50.0)


def test_indices_are_weighted_means_of_evaluated_dimensions(mini: Catalogue) -> None:
    # motiv 100 (w1), observation not evaluated, achats 25 (w2)
    result = score(mini, responses({"m_a": 4, "m_b": 4, "a_a": 1, "a_b": 1}))
    assert result.motivation.value == pytest.approx(100.0)
    assert result.resource.value == pytest.approx(25.0)
    assert result.overall.value == pytest.approx((100 * 1 + 25 * 2) / 3)
    assert result.overall.band is not None and result.overall.band.label == "Structuration"


def test_a_half_with_nothing_evaluated_has_no_index(mini: Catalogue) -> None:
    result = score(mini, responses({"m_a": 4}))
    assert result.resource.value is None and result.resource.band is None


def test_a_question_for_regions_only_counts_only_for_regions(mini: Catalogue) -> None:
    answers = {"m_a": 4, "m_b": 4, "m_region": 0}
    assert score(mini, responses(answers)).dimension("motiv").score == pytest.approx(100.0)
    assert score(mini, responses(answers, authority_type="region")).dimension("motiv").score == pytest.approx(75.0)


def test_levels_outside_the_scale_are_refused_in_french(mini: Catalogue) -> None:
    with pytest.raises(ResponseError, match="niveau 5 hors de l’échelle 0 à 4"):
        score(mini, responses({"m_a": 5}))


def test_unknown_question_ids_are_refused(mini: Catalogue) -> None:
    with pytest.raises(ResponseError, match="Question inconnue"):
        score(mini, responses({"zz": 1}))


def test_progress_counts_dont_know_and_not_concerned_as_answered(mini: Catalogue) -> None:
    # 6 questions apply to a communauté de communes; 3 have an answer of some kind
    result = score(mini, responses({"m_a": 1, "o_a": "dk", "a_a": "na"}))
    assert result.answered_share == pytest.approx(50.0)


@pytest.mark.parametrize(("value", "shown"), [(39.6, 39), (40.0, 40), (79.99, 79), (100.0, 100), (0.0, 0), (57.00000000001, 57)])
def test_a_shown_score_is_rounded_down_so_it_never_shows_an_unreached_boundary(mini: Catalogue, value: float, shown: int) -> None:
    assert shown_score(value) == shown
    assert band_for(shown, mini.bands).label == band_for(value, mini.bands).label
