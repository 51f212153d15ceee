"""Who joined a workshop, how far each has got, and how they are named on the dashboard.

Naming (decided for the facilitator's participation list): a participant is shown by
the first name they chose to give, else as « Participant 3 », always with their role:
« Camille (élu) », « Participant 3 (technicien) ». The list shows progress only; no
view ever ties a name or a number to an answer or a comment.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from scoring.engine import applies
from scoring.models import Questionnaire, ResponseSet, Territories
from workshops.roles import ROLES, role


@dataclass(frozen=True)
class Participant:
    """A participant's diagnostic as the group views need it (no storage types here)."""

    number: int
    """1-based, in the order they joined."""
    role: str | None
    first_name: str | None
    finished: bool
    responses: ResponseSet
    updated_at: datetime | None = None

    @property
    def label(self) -> str:
        """« Camille (élu) » or « Participant 3 (élu) »."""
        who = (self.first_name or "").strip() or f"Participant {self.number}"
        return f"{who} ({role(self.role).short})"

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


@dataclass(frozen=True)
class RoleParticipation:
    """Participants of one role: joined, started answering, finished."""

    role_id: str
    label: str
    joined: int
    started: int
    finished: int


def participation_by_role(participants: Sequence[Participant]) -> list[RoleParticipation]:
    """One row per role (known roles first, in their order), only roles someone has."""
    order = [r.id for r in ROLES]
    ids = sorted({role(p.role).id for p in participants}, key=lambda r: order.index(r) if r in order else len(order))
    rows = []
    for role_id in ids:
        mine = [p for p in participants if role(p.role).id == role_id]
        rows.append(
            RoleParticipation(
                role_id, role(role_id).plural, len(mine), sum(p.started for p in mine), sum(p.finished for p in mine)
            )
        )
    return rows
