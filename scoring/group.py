"""Group scoring for workshops: mean level, spread and divergence per question."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from scoring.models import AnswerValue, Profile, Questionnaire, ResponseSet

DIVERGENCE_SPREAD = 2


@dataclass(frozen=True)
class QuestionStats:
    """How a group answered one question."""

    question_id: str
    levels: dict[int, int]
    dk: int
    na: int
    missing: int
    mean: float | None
    spread: int | None

    @property
    def divergent(self) -> bool:
        """True when the levels given are at least two rungs apart."""
        return self.spread is not None and self.spread >= DIVERGENCE_SPREAD

    @property
    def answered(self) -> int:
        """Participants who gave a level."""
        return sum(self.levels.values())


def question_stats(questionnaire: Questionnaire, participants: list[ResponseSet]) -> dict[str, QuestionStats]:
    """Per question: level counts, dk, na, missing, mean level and spread (max − min)."""
    out = {}
    for _, question in questionnaire.questions():
        values = [p.answers.get(question.id) for p in participants]
        levels = [int(v) for v in values if isinstance(v, int | float) and not isinstance(v, bool)]
        out[question.id] = QuestionStats(
            question_id=question.id,
            levels=dict(sorted(Counter(levels).items())),
            dk=sum(v == "dk" for v in values),
            na=sum(v == "na" for v in values),
            missing=sum(v is None for v in values),
            mean=sum(levels) / len(levels) if levels else None,
            spread=max(levels) - min(levels) if levels else None,
        )
    return out


def divergence_agenda(stats: dict[str, QuestionStats]) -> list[QuestionStats]:
    """Questions to discuss first: divergent ones, by decreasing spread, then by fewer answers known."""
    ranked = [s for s in stats.values() if s.spread is not None]
    ranked.sort(key=lambda s: (-(s.spread or 0), -(s.dk + s.na)))
    return ranked


def mean_importance(
    questionnaire: Questionnaire, participants: list[ResponseSet], min_people: int = 1
) -> dict[str, int]:
    """Per dimension rated by at least `min_people`, the rounded mean importance (halves up)."""
    importance = {}
    for dim in questionnaire.dimensions:
        given = [p.importance[dim.id] for p in participants if dim.id in p.importance]
        if given and len(given) >= min_people:
            importance[dim.id] = int(sum(given) / len(given) + 0.5)
    return importance


def group_answers(
    questionnaire: Questionnaire, stats: Mapping[str, QuestionStats], profile: Profile, importance: dict[str, int]
) -> ResponseSet:
    """The group's response set from per-question stats: mean levels where anyone gave a level,
    else the majority of dk/na (a tie goes to dk)."""
    answers: dict[str, AnswerValue] = {}
    for qid, st in stats.items():
        if st.mean is not None:
            answers[qid] = st.mean
        elif st.dk or st.na:
            answers[qid] = "dk" if st.dk >= st.na else "na"
    return ResponseSet(
        questionnaire=questionnaire.id,
        questionnaire_version=questionnaire.version,
        profile=profile,
        importance=importance,
        answers=answers,
    )


def group_responses(questionnaire: Questionnaire, participants: list[ResponseSet], profile: Profile) -> ResponseSet:
    """The group's response set over every participant, without anonymity thresholds (those are
    applied by `workshops.anonymity`). Importance is the rounded mean of the importances given."""
    stats = question_stats(questionnaire, participants)
    return group_answers(questionnaire, stats, profile, mean_importance(questionnaire, participants))
