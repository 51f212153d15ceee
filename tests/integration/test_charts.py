"""Plotly figures: what the radar, the priority matrix and the workshop bars show (no browser needed)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reports.charts import group_distribution_figure, radar_figure
from scoring.engine import Scores, score, shown_score
from scoring.group import QuestionStats, question_stats
from scoring.loader import Catalogue, default_catalogue, load_folder
from scoring.models import Questionnaire, ResponseSet
from tests.samples import sample_participants, sample_responses
from ui.workshop_charts import distribution_table

MINI = Path(__file__).resolve().parents[1] / "unit" / "mini"
CASES = ("mini", "ess-territoires")


@pytest.fixture(scope="module", params=CASES)
def case(request: pytest.FixtureRequest) -> tuple[Catalogue, str]:
    """Each catalogue the charts must handle: the tiny test one and the real one."""
    if request.param == "mini":
        return load_folder(MINI), "mini"
    return default_catalogue(), request.param


def _scores(catalogue: Catalogue, qid: str, **kwargs: object) -> Scores:
    return score(catalogue, sample_responses(catalogue, qid, **kwargs))  # type: ignore[arg-type]


def _main_trace(fig: Any) -> Any:
    return next(t for t in fig.data if t.name == "Ce diagnostic")


@dataclass(frozen=True)
class Bars:
    """Nine sample participants' answers to a questionnaire's first five questions, and their bar chart."""

    questionnaire: Questionnaire
    people: list[ResponseSet]
    stats: dict[str, QuestionStats]
    ids: list[str]
    fig: Any


@pytest.fixture
def bars(case: tuple[Catalogue, str]) -> Bars:
    """The workshop bar chart of nine sample participants, on each case."""
    catalogue, qid = case
    q = catalogue.questionnaire(qid)
    people, _ = sample_participants(catalogue, qid, count=9)
    stats = question_stats(q, people)
    ids = [question.id for _, question in q.questions()][:5]
    return Bars(q, people, stats, ids, group_distribution_figure(stats, q, ids))


def test_a_dimension_without_answers_is_a_gap_on_the_radar_never_a_zero(case: tuple[Catalogue, str]) -> None:
    catalogue, qid = case
    scores = _scores(catalogue, qid, unanswered_dimension=len(catalogue.questionnaire(qid).dimensions) - 1)
    gap = scores.dimensions[-1]
    assert gap.status == "not_evaluated"
    fig = radar_figure(scores, gap.dimension.half)
    trace = _main_trace(fig)
    labels = list(trace.theta)
    position = next(i for i, label in enumerate(labels) if gap.dimension.short_title in label.replace("<br>", " "))
    assert trace.r[position] is None
    assert "(non évalué)" in labels[position]
    assert trace.connectgaps is False
    assert 0 not in [trace.r[i] for i, ds in enumerate(scores.half(gap.dimension.half)) if ds.score is None]


def test_the_radar_closes_its_polygon_only_when_the_first_dimension_is_evaluated(case: tuple[Catalogue, str]) -> None:
    catalogue, qid = case
    closed = _scores(catalogue, qid, unanswered_dimension=None)
    half = closed.dimensions[0].dimension.half
    n = len(closed.half(half))
    assert len(_main_trace(radar_figure(closed, half)).r) == n + 1
    open_first = _scores(catalogue, qid, unanswered_dimension=0)
    trace = _main_trace(radar_figure(open_first, half))
    assert len(trace.r) == n and trace.r[0] is None


def test_the_radial_axis_is_fixed_from_0_to_100_with_the_band_boundaries_as_ticks(case: tuple[Catalogue, str]) -> None:
    catalogue, qid = case
    fig = radar_figure(_scores(catalogue, qid), "resource", bands=catalogue.bands)
    axis = fig.layout.polar.radialaxis
    assert list(axis.range) == [0, 100]
    assert list(axis.tickvals) == [b.min for b in catalogue.bands.bands] + [100]
    assert list(radar_figure(_scores(catalogue, qid), "resource").layout.polar.radialaxis.tickvals) == [
        0,
        20,
        40,
        60,
        80,
        100,
    ]


def test_radar_hover_text_is_french_with_score_and_band(case: tuple[Catalogue, str]) -> None:
    catalogue, qid = case
    scores = _scores(catalogue, qid, unanswered_dimension=None)
    ds = next(d for d in scores.half("resource") if d.score is not None)
    trace = _main_trace(radar_figure(scores, "resource"))
    i = scores.half("resource").index(ds)
    assert ds.band is not None
    assert trace.text[i] == f"{ds.dimension.short_title}\u00a0: {shown_score(ds.score)}/100 ({ds.band.label})"


def test_radar_axis_labels_are_the_short_titles(case: tuple[Catalogue, str]) -> None:
    catalogue, qid = case
    scores = _scores(catalogue, qid, unanswered_dimension=None)
    labels = list(radar_figure(scores, "motivation").layout.polar.angularaxis.categoryarray)
    for label, ds in zip(labels, scores.half("motivation"), strict=True):
        assert label.replace("<br>", " ") == ds.dimension.short_title


def test_previous_diagnostic_group_band_and_peer_median_are_extra_traces_with_french_legends() -> None:
    catalogue = default_catalogue()
    now = _scores(catalogue, "ess-territoires", seed=1)
    before = _scores(catalogue, "ess-territoires", seed=2)
    ids = [ds.dimension.id for ds in now.half("motivation")]
    fig = radar_figure(
        now, "motivation", previous=before, group_range=dict.fromkeys(ids, (20.0, 70.0)), peer=dict.fromkeys(ids, 50.0)
    )
    names = [t.name for t in fig.data]
    assert {"Diagnostic précédent", "Étendue du groupe (min–max)", "Médiane des pairs", "Ce diagnostic"} <= set(names)
    previous = next(t for t in fig.data if t.name == "Diagnostic précédent")
    assert previous.line.dash == "dash"
    assert next(t for t in fig.data if t.name == "Médiane des pairs").line.dash == "dot"
    assert next(t for t in fig.data if t.name == "Étendue du groupe (min–max)").fill == "tonext"
    assert fig.layout.showlegend is True


def test_workshop_bars_count_each_level_dk_and_na_per_question(bars: Bars) -> None:
    by_name = {t.name: t for t in bars.fig.data}
    assert {"Niveau 0", "Niveau 4", "Je ne sais pas", "Non concerné"} <= set(by_name)
    for row, qid_ in enumerate(bars.ids):
        st = bars.stats[qid_]
        assert by_name["Niveau 2"].x[row] == st.levels.get(2, 0)
        assert by_name["Je ne sais pas"].x[row] == st.dk
        assert by_name["Non concerné"].x[row] == st.na
        total = sum(t.x[row] for t in bars.fig.data)
        assert total == len(bars.people)
    question = bars.questionnaire.questions()[0][1]
    assert by_name["Niveau 1"].customdata[0] == question.levels[1].label
    assert bars.fig.layout.barmode == "stack"


def test_workshop_bars_name_each_level_by_its_number_not_by_shade_alone(bars: Bars) -> None:
    for level in range(5):
        trace = next(t for t in bars.fig.data if t.name == f"Niveau {level}")
        assert trace.textposition == "inside"
        for row, count in enumerate(trace.x):
            assert trace.text[row] == (str(level) if count else "")


def test_the_distribution_table_gives_the_counts_the_chart_draws(bars: Bars) -> None:
    table = distribution_table(bars.stats, bars.questionnaire, bars.ids)
    assert len(table) == len(bars.ids)
    for trace in bars.fig.data:
        if trace.name in table.columns:
            assert list(table[trace.name]) == list(trace.x), trace.name
    assert list(table.iloc[:, 1:].sum(axis=1)) == [len(bars.people)] * len(bars.ids)
