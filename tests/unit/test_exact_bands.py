"""Exact bands: an index exactly on a boundary gets the higher band and shows the boundary."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from scoring.engine import band_for, score, shown_score, weighted_mean
from scoring.loader import Catalogue, default_catalogue
from scoring.models import ResponseSet
from scoring.numbers import rung
from scoring.recommend import priority_label, recommend
from scoring.summary import scores_dict


def _forty_responses() -> ResponseSet:
    """jobs 5/12 → 125/3, awareness 14/20 → 70, facilitation 2/24 → 25/3: a global index of exactly 40.

    Summed in this order in floating point, these give 39.99999999999999.
    """
    return ResponseSet.model_validate(
        {
            "questionnaire": "ess-territoires",
            "profile": {"authority_type": "communaute_communes"},
            "answers": {
                "jobs_creation_support": 2,
                "jobs_insertion": 2,
                "jobs_quality": 1,
                "awareness_elected": 3,
                "awareness_staff": 3,
                "awareness_networks": 3,
                "awareness_transversal": 3,
                "awareness_public": 2,
                "facilitation_dialogue": 1,
                "facilitation_cooperation": 1,
                "facilitation_networks_support": 0,
                "facilitation_places": 0,
                "facilitation_neighbours": 0,
                "facilitation_dla": 0,
            },
        }
    )


def test_dimensions_at_125_3_70_and_25_3_give_a_global_index_of_40_in_the_structuration_band() -> None:
    catalogue = default_catalogue()
    result = score(catalogue, _forty_responses())
    assert result.dimension("facilitation").score == float(Fraction(25, 3))
    assert result.dimension("jobs").score == float(Fraction(125, 3))
    assert result.dimension("awareness").score == 70.0
    assert result.overall.value is not None and abs(result.overall.value - 40) < 1e-9
    assert result.overall.band is not None and result.overall.band.label == "Structuration"
    assert shown_score(result.overall.value) == 40


def test_the_cli_json_shows_the_index_as_the_screen_does() -> None:
    catalogue = default_catalogue()
    result = score(catalogue, _forty_responses())
    data = scores_dict(result, recommend(catalogue, result))
    assert data["indices"]["global"] == {"value": 40, "band": "Structuration"}
    jobs = next(d for d in data["dimensions"] if d["id"] == "jobs")
    assert jobs["score"] == 41 and jobs["band"] == "Structuration"


def test_an_index_of_exactly_40_does_not_get_the_introduction_recommendation() -> None:
    catalogue = default_catalogue()
    result = score(catalogue, _forty_responses())
    assert catalogue.rules.introduction.global_index_below == 40
    assert all(item.kind != "introduction" for item in recommend(catalogue, result).items)


def test_a_priority_exactly_on_a_label_threshold_gets_the_higher_label(mini: Catalogue) -> None:
    # importance 2 and score 62.5: 2/3 × 37.5 = 25 exactly in arithmetic
    assert priority_label(mini, 2 / 3 * (100 - 62.5)) == "priorité moyenne"
    assert rung(0.1 + 0.2, [0, 0.3, 1]) == 1


BOUNDARIES = [0, 20, 40, 60, 80]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    st.lists(
        st.tuples(st.integers(0, 12), st.sampled_from([3, 4, 5, 6, 8, 9, 12, 15, 16, 20, 24]), st.integers(1, 3)),
        min_size=1,
        max_size=8,
    ),
    st.integers(1, 3),
    st.sampled_from(BOUNDARIES),
)
def test_constructed_indices_exactly_on_a_boundary_get_the_higher_band(
    others: list[tuple[int, int, int]], last_weight: int, boundary: int
) -> None:
    bands = default_catalogue().bands
    scores = [(Fraction(100 * min(k, d), d), Fraction(w)) for k, d, w in others]
    total = sum(w for _, w in scores) + last_weight
    last = (boundary * total - sum(s * w for s, w in scores)) / last_weight
    assume(0 <= last <= 100)
    pairs = [(float(s), float(w)) for s, w in [*scores, (last, Fraction(last_weight))]]
    value = weighted_mean(pairs)
    assert value is not None
    assert band_for(value, bands).min == boundary
    assert shown_score(value) == boundary
