"""The action plan: what the authority decides to do on its priority dimensions, and how it goes."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from scoring.models import Identifier

ActionStatus = Literal["a_venir", "en_cours", "realisee", "en_pause", "abandonnee"]
UNFINISHED: frozenset[str] = frozenset({"a_venir", "en_cours", "en_pause"})
"""Statuses of an action that carries over when the diagnostic is redone."""

Short = Annotated[str, StringConstraints(max_length=300)]


class Action(BaseModel):
    """One action of the plan, attached to a dimension."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
    dimension_id: Identifier
    what: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    lead: Annotated[str, StringConstraints(max_length=200)] = ""
    partners: tuple[Identifier, ...] = ()
    other_partners: Short = ""
    deadline: date | None = None
    fiches: tuple[Identifier, ...] = ()
    indicator: Short = ""
    status: ActionStatus = "a_venir"
    progress_note: Annotated[str, StringConstraints(max_length=1000)] = ""
    updated_on: date | None = None

    @field_validator("deadline", "updated_on", mode="before")
    @classmethod
    def _empty_date(cls, value: object) -> object:
        """An empty string (plans saved before dates were typed) means no date."""
        return None if value == "" else value


class ActionPlan(BaseModel):
    """Every action of a diagnostic's plan, in the order they were added."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    actions: tuple[Action, ...] = Field(default_factory=tuple)

    def for_dimension(self, dimension_id: str) -> list[Action]:
        """The actions attached to one dimension."""
        return [a for a in self.actions if a.dimension_id == dimension_id]

    def with_action(self, action: Action) -> ActionPlan:
        """This plan with `action` added, or replacing the action of the same id."""
        if any(a.id == action.id for a in self.actions):
            return ActionPlan(actions=tuple(action if a.id == action.id else a for a in self.actions))
        return ActionPlan(actions=(*self.actions, action))

    def without(self, action_id: str) -> ActionPlan:
        """This plan without the action of this id."""
        return ActionPlan(actions=tuple(a for a in self.actions if a.id != action_id))

    def dimensions(self) -> list[str]:
        """The dimensions that have actions, in the order of their first action."""
        return list(dict.fromkeys(a.dimension_id for a in self.actions))
