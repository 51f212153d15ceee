"""What the facilitator works from once the figures are public: agenda, role table, consolidation.

Which figures may be seen is decided in `workshops.anonymity`; this module only orders and
words them. Callers never get the individual answers behind a figure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from scoring.group import QuestionStats, divergence_agenda
from scoring.models import Dimension, Question, Questionnaire
from workshops.anonymity import RoleFigures
from workshops.roles import role

Agreed = int | Literal["dk", "na"]
"""An answer the group can agree on: a whole level, « je ne sais pas » or « non concerné »."""


def role_rows(figures: Sequence[RoleFigures], questionnaire: Questionnaire) -> list[dict[str, float | str | None]]:
    """One row per dimension: its short title, then the score of each role shown."""
    rows: list[dict[str, float | str | None]] = []
    for dim in questionnaire.dimensions:
        row: dict[str, float | str | None] = {"Dimension": dim.short_title}
        for fig in figures:
            row[f"{role(fig.role_id).plural} ({fig.size})"] = fig.scores.dimension(dim.id).score
        rows.append(row)
    return rows


def consolidation_prefill(stats: QuestionStats | None) -> Agreed | None:
    """The answer proposed to the group: the mean level rounded half up; if nobody gave a
    level, the more frequent of « je ne sais pas » and « non concerné »; else nothing."""
    if stats is None:
        return None
    if stats.mean is not None:
        return math.floor(stats.mean + 0.5)
    if stats.dk or stats.na:
        return "dk" if stats.dk >= stats.na else "na"
    return None


@dataclass(frozen=True)
class AgendaItem:
    """A question to discuss, with its number as participants saw it."""

    number: int
    dimension: Dimension
    question: Question
    stats: QuestionStats


def agenda(questionnaire: Questionnaire, numbers: dict[str, int], stats: dict[str, QuestionStats]) -> list[AgendaItem]:
    """Questions by decreasing spread (divergent ones, spread ≥ 2, first), applicable ones only."""
    where = {q.id: (d, q) for d, q in questionnaire.questions()}
    items = []
    for s in divergence_agenda(stats):
        if s.question_id in numbers:
            dim, question = where[s.question_id]
            items.append(AgendaItem(numbers[s.question_id], dim, question, s))
    return items
