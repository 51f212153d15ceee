"""The action plan: which dimensions it covers and its actions, saved with the diagnostic."""

from __future__ import annotations

import secrets
from datetime import date

from scoring.engine import DimensionScore, Scores
from scoring.plan import Action, ActionPlan
from scoring.priorities import WeakAnswer
from storage import DiagnosticNotFound, DiagnosticRecord, Store

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


def _what(step: WeakAnswer) -> str:
    """The next step's text as an action's (at most 500 characters, cut at a word)."""
    text = step.next_step.strip()
    return text if len(text) <= 500 else text[:499].rsplit(" ", 1)[0] + "…"


def step_action(dimension_id: str, step: WeakAnswer, action_id: str | None = None) -> Action:
    """An action « à venir » made from a priority's next step: its text, its fiches and its actors."""
    return Action(
        id=action_id or new_action_id(),
        dimension_id=dimension_id,
        what=_what(step),
        partners=tuple(dict.fromkeys(named.actor.id for named in step.actors)),
        fiches=tuple(dict.fromkeys(use.fiche.id for use in step.fiches)),
        status="a_venir",
    )


def action_for_step(plan: ActionPlan, dimension_id: str, step: WeakAnswer) -> Action | None:
    """The plan's action already made from this next step, if any (same dimension, same text)."""
    return next((a for a in plan.for_dimension(dimension_id) if a.what == _what(step)), None)


def add_step(store: Store, diag_id: str, dimension_id: str, step: WeakAnswer) -> ActionPlan:
    """Put a next step in the plan as an action « à venir », unless it is already there; returns the plan."""

    def change(plan: ActionPlan) -> ActionPlan:
        if action_for_step(plan, dimension_id, step) is not None:
            return plan
        stamped = step_action(dimension_id, step).model_copy(update={"updated_on": date.today()})
        return plan.with_action(stamped)

    return store.change_action_plan(diag_id, change)


def done_since_previous(store: Store, rec: DiagnosticRecord) -> list[Action]:
    """Actions completed since the previous diagnostic: realised in its plan, or carried over and realised since."""
    if not rec.previous_id:
        return []
    try:
        before = store.load_action_plan(rec.previous_id)
    except DiagnosticNotFound:
        return []
    carried = {a.id for a in before.actions}
    done = [a for a in before.actions if a.status == "realisee"]
    done += [a for a in store.load_action_plan(rec.id).actions if a.status == "realisee" and a.id in carried]
    return list({a.id: a for a in done}.values())
