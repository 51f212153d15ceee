"""What the presenter view and the consolidation walk through: questions in agenda order,
and a question's split by role, within what `workshops.anonymity` allows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scoring.group import QuestionStats
from scoring.models import Questionnaire
from workshops import anonymity
from workshops.analysis import agenda
from workshops.participants import Participant
from workshops.roles import role


def order(questionnaire: Questionnaire, numbers: Mapping[str, int], stats: Mapping[str, QuestionStats]) -> list[str]:
    """Question ids to discuss: the agenda (divergent first, by spread), then the rest by number."""
    ranked = [item.question.id for item in agenda(questionnaire, dict(numbers), dict(stats))]
    return ranked + sorted((qid for qid in numbers if qid not in ranked), key=numbers.__getitem__)


def neighbour(ids: Sequence[str], current: str | None, step: int) -> str | None:
    """The question `step` places from `current` (the first one if `current` is unknown), or None past the ends."""
    if not ids:
        return None
    if current not in ids:
        return ids[0]
    position = ids.index(current) + step
    return ids[position] if 0 <= position < len(ids) else None


def next_divergent(
    ids: Sequence[str], current: str | None, stats: Mapping[str, QuestionStats], done: set[str]
) -> str | None:
    """The next divergent question not consolidated yet after `current` (wrapping round), else the
    next question not consolidated yet, else None."""
    start = ids.index(current) + 1 if current in ids else 0
    rotated = [*ids[start:], *ids[:start]]
    pending = [qid for qid in rotated if qid not in done and qid != current]
    divergent = [qid for qid in pending if qid in stats and stats[qid].divergent]
    chosen = divergent or pending
    return chosen[0] if chosen else None


@dataclass(frozen=True)
class RoleMean:
    """One role's mean level on a question, over `size` answers (at least `min_people`)."""

    label: str
    size: int
    mean: float


def role_means(
    questionnaire: Questionnaire, people: Sequence[Participant], question_id: str, min_people: int
) -> list[RoleMean]:
    """A question's mean level per role, for the roles `workshops.anonymity` shows apart on it."""
    shown = anonymity.role_question_stats(questionnaire, people, question_id, min_people)
    return [RoleMean(role(r).plural, s.answered, s.mean) for r, s in shown.items() if s.mean is not None]
