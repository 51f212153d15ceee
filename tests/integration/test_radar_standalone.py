"""A radar shows the targets set, and its exported image stands on its own when forwarded."""

from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path

import pytest

from reports.charts import radar_figure, radar_for_export
from reports.images import figure_svg, unavailable_reason
from scoring.engine import Scores, score, shown_score
from scoring.loader import default_catalogue
from scoring.models import ResponseSet

EXAMPLE = Path(__file__).resolve().parents[2] / "questionnaires" / "examples" / "cc-exemple.json"
CAT = default_catalogue()
DAY = date(2026, 11, 22)


def _scores(targets: dict[str, object]) -> Scores:
    answers = ResponseSet.model_validate(json.loads(EXAMPLE.read_text(encoding="utf-8")) | {"targets": targets})
    return score(CAT, answers)


def test_the_radar_draws_the_targets_set_and_leaves_a_gap_where_there_is_none() -> None:
    scores = _scores({"procurement": "consolidation", "skills": 75})
    fig = radar_figure(scores, "resource")
    target = next(t for t in fig.data if t.name == "Cible")
    by_axis = dict(zip(target.theta, target.r, strict=True))
    dims = {ds.dimension.id: ds for ds in scores.half("resource")}
    values = [by_axis.get(label) for label in by_axis]
    assert 60.0 in values and 75 in values and None in values
    assert dims["procurement"].target == 60.0
    assert all(t.name != "Cible" for t in radar_figure(_scores({}), "resource").data)


def test_an_exported_radar_names_the_authority_the_questionnaire_the_date_and_each_value() -> None:
    scores = _scores({})
    original = radar_figure(scores, "resource")
    fig = radar_for_export(original, scores, "CC <du> Bocage", DAY)
    title = fig.layout.title.text
    assert html.escape("CC <du> Bocage") in title and "questionnaire complet" in title and "22 novembre 2026" in title
    main = next(t for t in fig.data if t.name == "Ce diagnostic")
    for ds in scores.half("resource"):
        assert f"<b>{shown_score(ds.score)}</b>" in main.text
    assert "Bocage" not in original.layout.title.text  # the page's own figure is left as it was


@pytest.mark.skipif(unavailable_reason() is not None, reason="no browser for kaleido")
def test_the_svg_file_carries_the_authority_date_and_values() -> None:
    scores = _scores({})
    svg = figure_svg(radar_for_export(radar_figure(scores, "motivation"), scores, "CC du Bocage", DAY)).decode()
    assert "CC du Bocage" in svg and "22 novembre 2026" in svg and "questionnaire complet" in svg
    for ds in scores.half("motivation"):
        assert f">{shown_score(ds.score)}<" in svg
