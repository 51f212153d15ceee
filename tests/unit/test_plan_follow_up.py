"""The action plan followed up: one click from a next step, unfinished actions carried over a year later."""

from __future__ import annotations

import pytest

from scoring.engine import score
from scoring.loader import Catalogue, default_catalogue
from scoring.models import Profile
from scoring.plan import Action
from scoring.priorities import prioritise
from services import Store, diagnostics, plans

FULL = "ess-territoires"
CC = Profile(name="CC du Val d’Essai", authority_type="communaute_communes", region="normandie")


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return default_catalogue()


@pytest.fixture
def store() -> Store:
    return Store("sqlite://")


def _answered(store: Store, cat: Catalogue) -> str:
    diag_id = diagnostics.start(store, FULL, CC)
    for _, q in cat.questionnaire(FULL).questions():
        diagnostics.save(store, diag_id, "answer", q.id, 1)
    return diag_id


def test_a_next_step_becomes_an_action_to_come_with_its_fiches_and_actors_in_one_call(
    store: Store, cat: Catalogue
) -> None:
    diag_id = _answered(store, cat)
    result = prioritise(cat, diagnostics.responses(store, diag_id), score(cat, diagnostics.responses(store, diag_id)))
    first = result.priorities[0]
    step = next(w for w in first.weak_answers if w.actors or w.fiches)
    plan = plans.add_step(store, diag_id, first.score.dimension.id, step)
    (action,) = plan.actions
    assert action.what == step.next_step and action.status == "a_venir"
    assert action.dimension_id == first.score.dimension.id
    assert list(action.fiches) == [use.fiche.id for use in step.fiches]
    assert list(action.partners) == [named.actor.id for named in step.actors]
    assert plans.action_for_step(plans.load(store, diag_id), first.score.dimension.id, step) == action
    assert plans.add_step(store, diag_id, first.score.dimension.id, step).actions == (action,)


def test_redoing_a_diagnostic_carries_unfinished_actions_over_with_their_status_and_not_the_others(
    store: Store, cat: Catalogue
) -> None:
    first = _answered(store, cat)
    for aid, status in (("a1", "a_venir"), ("a2", "en_cours"), ("a3", "realisee"), ("a4", "abandonnee")):
        plans.save_action(store, first, Action(id=aid, dimension_id="awareness", what=f"Action {aid}", status=status))
    plans.save_action(store, first, Action(id="a5", dimension_id="procurement", what="Pause", status="en_pause"))
    rec = diagnostics.find(store, first)
    assert rec is not None
    second = diagnostics.redo(store, rec)
    carried = plans.load(store, second).actions
    assert [(a.id, a.status) for a in carried] == [("a1", "a_venir"), ("a2", "en_cours"), ("a5", "en_pause")]
    assert len(plans.load(store, first).actions) == 5


def test_what_was_done_since_the_previous_diagnostic_counts_realised_actions_of_both_plans_once(
    store: Store, cat: Catalogue
) -> None:
    first = _answered(store, cat)
    plans.save_action(
        store, first, Action(id="a1", dimension_id="awareness", what="Former les élus", status="realisee")
    )
    plans.save_action(store, first, Action(id="a2", dimension_id="awareness", what="Réunir les acteurs"))
    rec = diagnostics.find(store, first)
    assert rec is not None and plans.done_since_previous(store, rec) == []
    second = diagnostics.redo(store, rec)
    again = diagnostics.find(store, second)
    assert again is not None
    assert [a.what for a in plans.done_since_previous(store, again)] == ["Former les élus"]
    plans.save_action(
        store, second, Action(id="a2", dimension_id="awareness", what="Réunir les acteurs", status="realisee")
    )
    plans.save_action(store, second, Action(id="n1", dimension_id="awareness", what="Nouvelle", status="realisee"))
    assert [a.what for a in plans.done_since_previous(store, again)] == ["Former les élus", "Réunir les acteurs"]
