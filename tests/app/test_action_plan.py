"""The action plan: priority dimensions preselected, actions saved with the diagnostic, editable later."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from scoring.engine import score
from scoring.loader import default_catalogue
from scoring.models import ResponseSet
from scoring.plan import Action, ActionPlan
from storage import Store
from tests.app.conftest import ROOT, open_page, texts

EXAMPLE = json.loads((ROOT / "questionnaires" / "examples" / "cc-exemple.json").read_text(encoding="utf-8"))


def _open(store: Store) -> tuple[AppTest, str]:
    diag_id = store.create_diagnostic(EXAMPLE["questionnaire"], EXAMPLE["profile"])
    store.replace_responses(diag_id, ResponseSet.model_validate(EXAMPLE))
    at = open_page("app_pages/action_plan.py", diag_id)
    assert not at.exception
    return at, diag_id


@pytest.mark.usefixtures("database")
def test_the_three_highest_priorities_are_preselected() -> None:
    at, _ = _open(Store())
    scores = score(default_catalogue(), ResponseSet.model_validate(EXAMPLE))
    top = [ds.dimension.id for ds in sorted(scores.dimensions, key=lambda d: -(d.priority or 0))[:3]]
    assert at.multiselect[0].value == top


@pytest.mark.usefixtures("database")
def test_an_action_is_saved_with_partners_fiches_and_deadline_and_can_be_edited() -> None:
    store = Store()
    at, diag_id = _open(store)
    dim = at.multiselect[0].value[0]
    at.text_area(key=f"act:new-{dim}:what").input("=Former 10 agents à la commande publique responsable")
    at.text_input(key=f"act:new-{dim}:lead").input("Service achats")
    at.multiselect(key=f"act:new-{dim}:partners").select("cress")
    at.text_input(key=f"act:new-{dim}:indicator").input("+10 marchés avec clause d’ici 2027")
    next(b for b in at.button if b.label == "Ajouter l’action").click().run()
    assert not at.exception
    (action,) = store.load_action_plan(diag_id).actions
    assert action.what == "=Former 10 agents à la commande publique responsable"
    assert action.partners == ("cress",) and action.dimension_id == dim
    assert action.status == "a_venir" and action.updated_on is not None
    assert "Action enregistrée" in texts(at)
    at.text_input(key=f"act:{action.id}:lead").input("Direction générale")
    at.selectbox(key=f"act:{action.id}:status").select("en_cours")
    next(b for b in at.button if b.label == "Enregistrer").click().run()
    (edited,) = store.load_action_plan(diag_id).actions
    assert (edited.lead, edited.status) == ("Direction générale", "en_cours")
    next(b for b in at.button if b.label == "Supprimer").click().run()
    assert store.load_action_plan(diag_id).actions == ()


@pytest.mark.usefixtures("database")
def test_an_action_without_text_is_not_saved() -> None:
    store = Store()
    at, diag_id = _open(store)
    next(b for b in at.button if b.label == "Ajouter l’action").click().run()
    assert "Décrivez l’action" in texts(at)
    assert store.load_action_plan(diag_id).actions == ()


@pytest.mark.usefixtures("database")
def test_a_single_saved_action_is_shown_when_the_plan_is_reopened() -> None:
    store = Store()
    at, diag_id = _open(store)
    scores = score(default_catalogue(), ResponseSet.model_validate(EXAMPLE))
    lowest = min(scores.dimensions, key=lambda d: d.priority if d.priority is not None else 1e9).dimension.id
    store.save_action_plan(
        diag_id, ActionPlan(actions=(Action(id="a1", dimension_id=lowest, what="Réunir le comité ESS"),))
    )
    at = open_page("app_pages/action_plan.py", diag_id)
    assert not at.exception
    assert lowest in at.multiselect[0].value
    assert at.text_area(key="act:a1:what").value == "Réunir le comité ESS"
