"""What the group sees: mean radar and min–max band, agenda, roles, comments, consolidation.

Anonymity: a group view (the radar, a role's column, a question's comments) covers at
least `MIN_GROUP` = 3 people, or it is not computed at all. Callers never get the
individual answers behind a view.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from scoring.engine import Scores, applies, score
from scoring.group import QuestionStats, divergence_agenda, group_responses, question_stats
from scoring.loader import Catalogue
from scoring.models import Dimension, Question, Questionnaire
from workshops.participants import Participant
from workshops.roles import ROLES, role

MIN_GROUP = 3
"""Smallest number of people a group view may cover."""

Agreed = int | Literal["dk", "na"]
"""An answer the group can agree on: a whole level, « je ne sais pas » or « non concerné »."""


@dataclass(frozen=True)
class GroupView:
    """The group's scores (from mean levels) and, per dimension, the lowest and highest individual score."""

    size: int
    scores: Scores
    ranges: dict[str, tuple[float, float]]


def contributors(participants: Sequence[Participant]) -> list[Participant]:
    """Participants who have given at least one answer."""
    return [p for p in participants if p.started]


def dimension_ranges(individual: Sequence[Scores]) -> dict[str, tuple[float, float]]:
    """Per dimension, (min, max) of the individual scores that exist."""
    values: dict[str, list[float]] = {}
    for scores in individual:
        for ds in scores.dimensions:
            if ds.score is not None:
                values.setdefault(ds.dimension.id, []).append(ds.score)
    return {dim_id: (min(v), max(v)) for dim_id, v in values.items()}


def group_view(
    catalogue: Catalogue, participants: Sequence[Participant], min_size: int = MIN_GROUP
) -> GroupView | None:
    """The group view of the participants who answered; None if fewer than `min_size` did."""
    people = contributors(participants)
    if len(people) < max(min_size, 1):
        return None
    questionnaire = catalogue.questionnaire(people[0].responses.questionnaire)
    group = group_responses(questionnaire, [p.responses for p in people], people[0].responses.profile)
    individual = [score(catalogue, p.responses) for p in people]
    return GroupView(len(people), score(catalogue, group), dimension_ranges(individual))


@dataclass(frozen=True)
class RoleComparison:
    """Group views of the roles with enough people; the others only counted."""

    shown: dict[str, GroupView]
    hidden: dict[str, int]


def role_comparison(
    catalogue: Catalogue, participants: Sequence[Participant], min_size: int = MIN_GROUP
) -> RoleComparison:
    """Per role, the group view when at least `min_size` of its participants answered."""
    shown: dict[str, GroupView] = {}
    hidden: dict[str, int] = {}
    known = [r.id for r in ROLES]
    for role_id in [*known, ""]:
        mine = [p for p in contributors(participants) if role(p.role).id == role_id]
        if not mine:
            continue
        view = group_view(catalogue, mine, min_size)
        if view is None:
            hidden[role_id] = len(mine)
        else:
            shown[role_id] = view
    return RoleComparison(shown, hidden)


def role_rows(comparison: RoleComparison, questionnaire: Questionnaire) -> list[dict[str, float | str | None]]:
    """One row per dimension: its short title, then the score of each role shown."""
    rows: list[dict[str, float | str | None]] = []
    for dim in questionnaire.dimensions:
        row: dict[str, float | str | None] = {"Dimension": dim.short_title}
        for role_id, view in comparison.shown.items():
            row[f"{role(role_id).plural} ({view.size})"] = view.scores.dimension(dim.id).score
        rows.append(row)
    return rows


def question_comments(
    question_id: str, participants: Sequence[Participant], min_people: int = MIN_GROUP
) -> list[str] | None:
    """The comments on a question, in alphabetical order (not joining order), once at least
    `min_people` answered it; None before that."""
    answered = [p for p in participants if p.responses.answers.get(question_id) is not None]
    if len(answered) < min_people:
        return None
    texts = [p.responses.comments.get(question_id, "").strip() for p in participants]
    return sorted((t for t in texts if t), key=str.casefold)


def group_stats(questionnaire: Questionnaire, participants: Sequence[Participant]) -> dict[str, QuestionStats]:
    """Per question stats over every participant who joined (missing = not answered yet)."""
    return question_stats(questionnaire, [p.responses for p in participants])


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


def importance_prefill(questionnaire: Questionnaire, participants: Sequence[Participant]) -> dict[str, int]:
    """Per dimension, the rounded mean importance the participants gave."""
    people = [p.responses for p in participants]
    if not people:
        return {}
    return dict(group_responses(questionnaire, people, people[0].profile).importance)


@dataclass(frozen=True)
class AgendaItem:
    """A question to discuss, with its number as participants saw it."""

    number: int
    dimension: Dimension
    question: Question
    stats: QuestionStats


def question_numbers(questionnaire: Questionnaire, catalogue: Catalogue, authority_type: str | None) -> dict[str, int]:
    """Questions numbered as on the questionnaire page: applicable ones only, from 1."""
    applicable = [q for _, q in questionnaire.questions() if applies(q, authority_type, catalogue.territories)]
    return {q.id: n for n, q in enumerate(applicable, 1)}


def agenda(questionnaire: Questionnaire, numbers: dict[str, int], stats: dict[str, QuestionStats]) -> list[AgendaItem]:
    """Questions by decreasing spread (divergent ones, spread ≥ 2, first), applicable ones only."""
    where = {q.id: (d, q) for d, q in questionnaire.questions()}
    items = []
    for s in divergence_agenda(stats):
        if s.question_id in numbers:
            dim, question = where[s.question_id]
            items.append(AgendaItem(numbers[s.question_id], dim, question, s))
    return items
