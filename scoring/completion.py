"""Which questions an authority is asked, how they are numbered, and how many have an answer.

One definition for the questionnaire page, the home page's list, the workshop views and the reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from scoring.engine import applies
from scoring.models import Dimension, Question, Questionnaire, Territories


def asked(questionnaire: Questionnaire, territories: Territories, authority_type: str | None) -> list[Question]:
    """The questions asked of this kind of authority, in questionnaire order."""
    return [q for _, q in questionnaire.questions() if applies(q, authority_type, territories)]


def asked_in(dimension: Dimension, territories: Territories, authority_type: str | None) -> list[Question]:
    """The questions of one dimension asked of this kind of authority."""
    return [q for q in dimension.questions if applies(q, authority_type, territories)]


def question_numbers(
    questionnaire: Questionnaire, territories: Territories, authority_type: str | None
) -> dict[str, int]:
    """Questions numbered as people see them everywhere: asked ones only, from 1."""
    return {q.id: n for n, q in enumerate(asked(questionnaire, territories, authority_type), 1)}


def question_count_text(questionnaire: Questionnaire, territories: Territories) -> str:
    """« 15 questions », or « 15 à 16 questions selon la collectivité » when the audience filters differ."""
    counts = {len(asked(questionnaire, territories, a.id)) for a in territories.authority_types}
    low, high = min(counts, default=0), max(counts, default=0)
    return f"{low} questions" if low == high else f"{low} à {high} questions selon la collectivité"


@dataclass(frozen=True)
class Completion:
    """Questions answered out of those asked."""

    answered: int
    applicable: int

    @property
    def share(self) -> float:
        """0.0 to 1.0."""
        return self.answered / self.applicable if self.applicable else 0.0

    @property
    def complete(self) -> bool:
        """Whether every question asked has an answer."""
        return self.answered == self.applicable


def completion(questions: list[Question], answers: Mapping[str, object]) -> Completion:
    """How many of these questions have an answer (« je ne sais pas » and « non concerné » count)."""
    return Completion(sum(answers.get(q.id) is not None for q in questions), len(questions))
