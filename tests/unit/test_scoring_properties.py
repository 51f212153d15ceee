"""Properties of the scoring rules that must hold for any answers (hypothesis)."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.engine import Scores, score
from scoring.loader import Catalogue, default_catalogue, load_folder
from scoring.models import ResponseSet
from tests.unit.conftest import MINI

CATALOGUE_IDS = ["mini", "ess-territoires"]


@cache
def _catalogue(cid: str) -> Catalogue:
    return load_folder(MINI) if cid == "mini" else default_catalogue()


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def response_sets(draw: st.DrawFn, catalogue_id: str) -> ResponseSet:
    """Random answers (levels, dk, na or nothing), importances and authority type."""
    catalogue = _catalogue(catalogue_id)
    questionnaire = catalogue.questionnaire(catalogue_id)
    answers: dict[str, Any] = {}
    for _, q in questionnaire.questions():
        value = draw(st.one_of(st.none(), st.sampled_from(["dk", "na"]), st.integers(0, q.max_level)))
        if value is not None:
            answers[q.id] = value
    importance = {d.id: draw(st.integers(0, 3)) for d in questionnaire.dimensions if draw(st.booleans())}
    band_ids = [b.id for b in catalogue.bands.bands]
    target = st.one_of(st.integers(0, 100), st.floats(0, 100, allow_nan=False), st.sampled_from(band_ids))
    targets = {d.id: draw(target) for d in questionnaire.dimensions if draw(st.booleans())}
    types = [None, *(a.id for a in catalogue.territories.authority_types)]
    return ResponseSet.model_validate(
        {
            "questionnaire": catalogue_id,
            "profile": {"authority_type": draw(st.sampled_from(types))},
            "answers": answers,
            "importance": importance,
            "targets": targets,
        }
    )


def _numbers(result: Scores) -> list[float | None]:
    values: list[float | None] = [result.overall.value, result.motivation.value, result.resource.value]
    for ds in result.dimensions:
        values += [ds.score, ds.coverage, ds.dk_share, ds.priority]
    return values


@pytest.mark.parametrize("cid", CATALOGUE_IDS)
def test_every_score_coverage_and_index_lies_between_0_and_100(cid: str) -> None:
    @SETTINGS
    @given(response_sets(cid))
    def check(rs: ResponseSet) -> None:
        for value in _numbers(score(_catalogue(cid), rs)):
            assert value is None or 0.0 <= value <= 100.0 + 1e-9

    check()


@pytest.mark.parametrize("cid", CATALOGUE_IDS)
def test_raising_one_answer_never_raises_its_dimension_priority_whatever_the_target(cid: str) -> None:
    catalogue = _catalogue(cid)

    @SETTINGS
    @given(response_sets(cid), st.data())
    def check(rs: ResponseSet, data: st.DataObject) -> None:
        raisable = [
            (d, q)
            for d, q in catalogue.questionnaire(cid).questions()
            if isinstance(rs.answers.get(q.id), int) and rs.answers[q.id] < q.max_level  # type: ignore[operator]
        ]
        if not raisable:
            return
        dim, q = data.draw(st.sampled_from(raisable))
        raised = rs.model_copy(update={"answers": {**rs.answers, q.id: rs.answers[q.id] + 1}})  # type: ignore[operator]
        before = score(catalogue, rs).dimension(dim.id).priority
        after = score(catalogue, raised).dimension(dim.id).priority
        if before is not None:
            assert after is not None and after <= before + 1e-9

    check()


@pytest.mark.parametrize("cid", CATALOGUE_IDS)
def test_raising_one_answer_never_lowers_its_dimension_score(cid: str) -> None:
    catalogue = _catalogue(cid)

    @SETTINGS
    @given(response_sets(cid), st.data())
    def check(rs: ResponseSet, data: st.DataObject) -> None:
        raisable = [
            (d, q)
            for d, q in catalogue.questionnaire(cid).questions()
            if isinstance(rs.answers.get(q.id), int) and rs.answers[q.id] < q.max_level
        ]  # type: ignore[operator]
        if not raisable:
            return
        dim, q = data.draw(st.sampled_from(raisable))
        raised = rs.model_copy(update={"answers": {**rs.answers, q.id: rs.answers[q.id] + 1}})  # type: ignore[operator]
        before = score(catalogue, rs).dimension(dim.id).score
        after = score(catalogue, raised).dimension(dim.id).score
        if before is not None:
            assert after is not None and after >= before - 1e-9

    check()


@pytest.mark.parametrize("cid", CATALOGUE_IDS)
def test_marking_unanswered_questions_not_concerned_never_changes_a_score(cid: str) -> None:
    catalogue = _catalogue(cid)

    @SETTINGS
    @given(response_sets(cid), st.data())
    def check(rs: ResponseSet, data: st.DataObject) -> None:
        unanswered = [q.id for _, q in catalogue.questionnaire(cid).questions() if q.id not in rs.answers]
        chosen = data.draw(st.lists(st.sampled_from(unanswered), unique=True)) if unanswered else []
        with_na = rs.model_copy(update={"answers": {**rs.answers, **dict.fromkeys(chosen, "na")}})
        a, b = score(catalogue, rs), score(catalogue, with_na)
        assert [ds.score for ds in a.dimensions] == [ds.score for ds in b.dimensions]
        assert (a.overall.value, a.motivation.value, a.resource.value) == (
            b.overall.value,
            b.motivation.value,
            b.resource.value,
        )

    check()
