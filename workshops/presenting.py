"""What the presenter view and the consolidation walk through: questions in agenda order,
and a question's split by role, within what `workshops.anonymity` allows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scoring.group import QuestionStats, question_stats
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
    """A question's mean level per role, for the roles `workshops.anonymity` shows apart on it
    (each role and the rest cover `min_people` answers, and so do the roles left out)."""
    roles = anonymity.roster_roles(people, min_people)
    group = anonymity.contributors(people)
    if not roles or not group:
        return []
    whole = question_stats(questionnaire, [p.responses for p in group])[question_id]
    per_role = {
        r: question_stats(questionnaire, [p.responses for p in group if role(p.role).id == r])[question_id]
        for r in roles
    }
    sizes = {r: s.answered + s.dk + s.na for r, s in per_role.items()}
    outside = whole.answered + whole.dk + whole.na - sum(sizes.values())
    shown = anonymity.shown_groups(sizes, min_people, outside)
    return [
        RoleMean(role(r).plural, s.answered, s.mean)
        for r in roles
        if r in shown and (s := per_role[r]).mean is not None and s.answered >= min_people
    ]
