"""A workshop participant, as the pure views need it.

A participant carries no first name, join number or time: the views of `workshops.anonymity`
count people and can tie no name or number to an answer, a comment or a progress.
"""

from __future__ import annotations

from dataclasses import dataclass

from scoring.models import ResponseSet


@dataclass(frozen=True)
class Participant:
    """A participant's diagnostic as the group views need it (no storage types here)."""

    role: str | None
    finished: bool
    responses: ResponseSet

    @property
    def started(self) -> bool:
        """Whether they have given at least one answer (a level, dk or na)."""
        return bool(self.responses.answers)
