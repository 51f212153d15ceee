"""Who joined a workshop and how far each has got, as the pure views need it.

A participant carries no join number, time or label: the views of `workshops.anonymity`
count people, list first names alphabetically apart from any figure, and never tie a
name or a number to an answer, a comment or a progress.
"""

from __future__ import annotations

from dataclasses import dataclass

from scoring.engine import applies
from scoring.models import Questionnaire, ResponseSet, Territories


@dataclass(frozen=True)
class Participant:
    """A participant's diagnostic as the group views need it (no storage types here)."""

    role: str | None
    first_name: str | None
    finished: bool
    responses: ResponseSet

    @property
    def started(self) -> bool:
        """Whether they have given at least one answer (a level, dk or na)."""
        return bool(self.responses.answers)


@dataclass(frozen=True)
class Completion:
    """Questions answered out of those that apply to the workshop's authority."""

    answered: int
    applicable: int

    @property
    def share(self) -> float:
        """0.0 to 1.0."""
        return self.answered / self.applicable if self.applicable else 0.0


def completion(questionnaire: Questionnaire, territories: Territories, responses: ResponseSet) -> Completion:
    """How many applicable questions have an answer (dk and na count as answers)."""
    authority_type = responses.profile.authority_type
    applicable = [q for _, q in questionnaire.questions() if applies(q, authority_type, territories)]
    answered = sum(responses.answers.get(q.id) is not None for q in applicable)
    return Completion(answered, len(applicable))
