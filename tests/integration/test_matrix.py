"""The priority matrix: true importance, coincident points labelled once, labels that never overlap."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.matrix import Placement, groups, place_labels, priority_matrix_figure, quadrant
from scoring.engine import score, shown_score
from scoring.loader import default_catalogue, load_folder
from scoring.models import ResponseSet
from tests.samples import sample_responses

MINI = Path(__file__).resolve().parents[1] / "unit" / "mini"
CAT = default_catalogue()
TITLES = [d.short_title for d in CAT.questionnaire("ess-territoires").dimensions]


def _apart(placements: list[Placement], width: float, height: float) -> None:
    for p in placements:
        assert p.box[0] >= 0 and p.box[2] <= width and p.box[1] >= 0 and p.box[3] <= height
    for a, b in combinations(placements, 2):
        assert a.box[2] <= b.box[0] or b.box[2] <= a.box[0] or a.box[3] <= b.box[1] or b.box[3] <= a.box[1]


def test_each_dimension_is_drawn_at_its_true_score_and_importance() -> None:
    scores = score(CAT, sample_responses(CAT, "ess-territoires"))
    fig = priority_matrix_figure(scores)
    drawn = {name: (x, y) for trace in fig.data for x, y, name in zip(trace.x, trace.y, trace.customdata, strict=True)}
    for ds in scores.dimensions:
        if ds.score is not None:
            assert drawn[ds.dimension.short_title] == (shown_score(ds.score), ds.effective_importance)
    assert "maturité" in fig.layout.xaxis.title.text and "Importance" in fig.layout.yaxis.title.text
    assert fig.layout.yaxis.automargin is True and fig.layout.yaxis.title.standoff > 0


def test_an_importance_of_two_stays_above_the_line_that_separates_what_matters() -> None:
    answers = sample_responses(CAT, "ess-territoires").model_copy(update={"importance": {"facilitation": 2}})
    fig = priority_matrix_figure(score(CAT, answers))
    facilitation = CAT.questionnaire("ess-territoires").dimensions[-3]
    assert facilitation.id == "facilitation"
    ys = {n: y for t in fig.data for y, n in zip(t.y, t.customdata, strict=True)}
    assert ys[facilitation.short_title] == 2


def test_points_that_coincide_are_grouped_and_labelled_once() -> None:
    catalogue = load_folder(MINI)
    same = ResponseSet.model_validate(
        {
            "questionnaire": "mini",
            "profile": {"authority_type": "communaute_communes"},
            "answers": {"m_a": 2, "m_b": 2, "o_a": 2, "o_b": 2, "a_a": 2, "a_b": 2},
            "importance": {"motiv": 2, "observation": 2, "achats": 2},
        }
    )
    scores = score(catalogue, same)
    (group,) = groups(scores)
    fig = priority_matrix_figure(scores)
    labels = [a.text for a in fig.layout.annotations if a.showarrow]
    assert labels == [group.label] and all(ds.dimension.short_title in group.label for ds in scores.dimensions)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 100), st.integers(0, 3)), min_size=len(TITLES), max_size=len(TITLES), unique=True)
)
def test_labels_of_thirteen_dimensions_never_overlap_each_other_or_leave_the_plot(
    points: list[tuple[int, int]],
) -> None:
    placed = place_labels([(float(x), float(y)) for x, y in points], TITLES, width=560, height=440)
    _apart(placed, 560, 440)


def test_labels_of_dimensions_all_left_at_the_default_importance_never_overlap() -> None:
    points = [(float(x), 2.0) for x in range(10, 75, 5)]
    _apart(place_labels(points, TITLES, width=560, height=440), 560, 440)


def test_each_zone_of_the_matrix_is_named_by_score_and_importance() -> None:
    scores = score(CAT, sample_responses(CAT, "ess-territoires"))
    for ds in scores.dimensions:
        if ds.score is not None:
            high, low = ds.effective_importance >= 2, ds.score < 50
            expected = {(True, True): "À prioriser", (True, False): "Points d’appui"}.get((high, low))
            expected = expected or ("À surveiller" if low else "À entretenir")
            assert quadrant(ds) == expected


def test_two_long_titles_at_one_point_go_on_two_lines_and_still_fit_beside_their_neighbours() -> None:
    labels = ["Orientation stratégique<br>Compétences", "Innovation sociale", "Sensibilisation", "Observation"]
    points = [(50.0, 2.0), (58.0, 2.0), (70.0, 2.0), (60.0, 1.0)]
    _apart(place_labels(points, labels, width=560, height=440), 560, 440)


def test_labels_placed_in_millimetres_for_a_vector_pdf_do_not_overlap_either() -> None:
    points = [(float(x), 2.0) for x in range(10, 75, 5)]
    unit = 0.2  # mm per px
    placed = place_labels(points, TITLES, width=560 * unit, height=440 * unit, unit=unit)
    _apart(placed, 560 * unit, 440 * unit)
    in_px = place_labels(points, TITLES, width=560, height=440)
    for mm, px in zip(placed, in_px, strict=True):
        assert (mm.dx, mm.dy) == pytest.approx((px.dx * unit, px.dy * unit))
