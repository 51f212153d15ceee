"""Group radars: the shared radar figure with the workshop's wording on its traces."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import pandas as pd

from reports.charts import radar_figure
from reports.narrative import question_codes
from scoring.engine import Scores
from scoring.french import number
from scoring.group import QuestionStats
from scoring.models import Questionnaire
from workshops.anonymity import GroupFigures

Half = Literal["motivation", "resource"]
HALVES: tuple[Half, Half] = ("resource", "motivation")
OWN_TRACE = "Ce diagnostic"
PEER_TRACE = "Médiane des pairs"


def _rename(fig: Any, names: dict[str, str]) -> Any:
    for trace in fig.data:
        if trace.name in names:
            trace.name = names[trace.name]
    return fig


def group_radar(view: GroupFigures, half: Half) -> Any:
    """The group's mean radar with the min–max band of individual scores."""
    fig = radar_figure(view.scores, half, group_range=view.ranges)
    return _rename(fig, {OWN_TRACE: f"Moyenne du groupe ({view.size} personnes)"})


def own_and_group_radar(own: Scores, view: GroupFigures, half: Half) -> Any:
    """A participant's radar over the group's mean and min–max band."""
    means = {ds.dimension.id: ds.score for ds in view.scores.dimensions if ds.score is not None}
    fig = radar_figure(own, half, group_range=view.ranges, peer=means)
    return _rename(fig, {OWN_TRACE: "Vos réponses", PEER_TRACE: f"Moyenne du groupe ({view.size} personnes)"})


def distribution_table(
    stats: dict[str, QuestionStats], questionnaire: Questionnaire, question_ids: Sequence[str]
) -> pd.DataFrame:
    """The numbers of the answer-distribution chart: per question, how many chose each level, dk, na."""
    questions = {q.id: q for _, q in questionnaire.questions()}
    codes = question_codes(questionnaire)
    rows = []
    for qid in question_ids:
        if qid not in questions or qid not in stats:
            continue
        s = stats[qid]
        row: dict[str, Any] = {"Question": f"{codes[qid]} {questions[qid].text}"}
        row |= {f"Niveau {lv.value}": s.levels.get(lv.value, 0) for lv in questions[qid].levels}
        row |= {"Je ne sais pas": int(s.dk), "Non concerné": int(s.na), "Sans réponse": int(s.missing)}
        rows.append(row)
    return pd.DataFrame(rows)


def group_table(view: GroupFigures, half: Half, own: Scores | None = None) -> pd.DataFrame:
    """The numbers of a group radar, for screen readers and for the record."""
    rows = []
    for ds in view.scores.half(half):
        low, high = view.ranges.get(ds.dimension.id, (None, None))
        row = {"Dimension": ds.dimension.short_title}
        if own is not None:
            row["Vous"] = number(own.dimension(ds.dimension.id).score)
        row |= {
            "Moyenne du groupe": number(ds.score),
            "Minimum": number(low),
            "Maximum": number(high),
        }
        rows.append(row)
    return pd.DataFrame(rows)
