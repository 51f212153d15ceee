"""The action plan: which dimensions it covers and its actions, saved with the diagnostic."""

from __future__ import annotations

import secrets
from datetime import date

from scoring.engine import DimensionScore, Scores
from scoring.plan import Action, ActionPlan
from storage import Store

MIN_DIMENSIONS, MAX_DIMENSIONS = 2, 5
PRESELECTED = 3


def load(store: Store, diag_id: str) -> ActionPlan:
    """The diagnostic's plan (empty if none was saved)."""
    return store.load_action_plan(diag_id)


def ranked_dimensions(scores: Scores) -> list[DimensionScore]:
    """Evaluated dimensions, highest computed priority first."""
    evaluated = [ds for ds in scores.dimensions if ds.priority is not None]
    return sorted(evaluated, key=lambda ds: -(ds.priority or 0.0))


def preselected(scores: Scores, plan: ActionPlan) -> list[str]:
    """The dimensions to show: those with saved actions first, else the top priorities.

    A saved action is always shown when the plan is reopened, whatever the number of dimensions.
    """
    ranked = [ds.dimension.id for ds in ranked_dimensions(scores)]
    with_actions = plan.dimensions()
    chosen = with_actions + [d for d in ranked if d not in with_actions]
    return chosen[: max(len(with_actions), PRESELECTED)]


def new_action_id() -> str:
    """A fresh id for an action."""
    return secrets.token_hex(8)


def save_action(store: Store, diag_id: str, action: Action) -> ActionPlan:
    """Add an action or replace the one of the same id; stamps its last update; returns the plan."""
    stamped = action.model_copy(update={"updated_on": date.today()})
    return store.change_action_plan(diag_id, lambda plan: plan.with_action(stamped))


def delete_action(store: Store, diag_id: str, action_id: str) -> ActionPlan:
    """Remove an action; returns the plan."""
    return store.change_action_plan(diag_id, lambda plan: plan.without(action_id))
