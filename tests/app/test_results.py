"""The results page as a chargée de mission reads it: priorities first, targets, one click to the plan."""

from __future__ import annotations

import json
import re

from scoring.engine import score
from scoring.french import score_text
from scoring.loader import default_catalogue
from scoring.models import ResponseSet
from scoring.plan import Action
from scoring.priorities import prioritise
from services import Store, diagnostics, plans
from tests.app.conftest import ROOT, open_page, texts
from ui import priorities, targets

EXAMPLE = ROOT / "questionnaires" / "examples" / "cc-exemple.json"
PAGE = "app_pages/results.py"


def _example(database: str) -> tuple[Store, str]:
    store = Store(database)
    answers = ResponseSet.model_validate(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    with_targets = answers.model_copy(update={"targets": {"procurement": "consolidation", "facilitation": 50}})
    return store, diagnostics.import_as_new(store, with_targets)


def _priority_titles(at: object) -> list[str]:
    """The numbered subheaders of « Vos priorités » (« 1. Dimension »), in order."""
    return [h.value.split(". ", 1)[1] for h in at.subheader if h.value[:1].isdigit()]  # type: ignore[attr-defined]


def test_the_first_screen_names_three_to_five_priorities_with_the_weak_answers_and_their_next_steps(
    database: str,
) -> None:
    store, diag_id = _example(database)
    at = open_page(PAGE, diag_id)
    assert not at.exception
    assert at.header[0].value == "Vos priorités"
    expected = prioritise(
        default_catalogue(),
        diagnostics.responses(store, diag_id),
        score(default_catalogue(), diagnostics.responses(store, diag_id)),
    )
    titles = _priority_titles(at)
    assert 3 <= len(titles) <= 5
    assert titles == [p.score.dimension.title for p in expected.priorities]
    shown = texts(at)
    for item in expected.priorities:
        for weak in item.weak_answers:
            assert weak.question.text in shown and weak.level.label in shown and weak.next_step in shown
    summary = next(m.value for m in at.markdown if m.value.startswith("1. **"))  # the first screen's list
    for n, item in enumerate(expected.priorities, 1):
        assert f"{n}. **{item.score.dimension.short_title}**" in re.sub(r"\\(.)", r"\1", summary)
    assert "Enjeu majeur" in shown  # a reason quotes the user's own importance answer
    assert "CRESS Normandie" in shown and "titre non confirmé" in shown


def test_no_dimension_is_both_a_strength_and_a_priority(database: str) -> None:
    _, diag_id = _example(database)
    at = open_page(PAGE, diag_id)
    headers = [h.value for h in at.header]
    assert "Points forts" in headers
    strengths = next(m.value for m in at.markdown if m.value.startswith("- **"))
    for title in _priority_titles(at):
        assert title not in strengths


def test_a_target_saved_from_the_results_page_changes_the_priorities(database: str) -> None:
    store, diag_id = _example(database)
    at = open_page(PAGE, diag_id)
    first = _priority_titles(at)[0]
    dim = next(d for d in default_catalogue().questionnaire("ess-territoires").dimensions if d.title == first)
    box = next(s for s in at.selectbox if s.key == f"results:target:{dim.id}")
    box.set_value(10)
    at.button(key="FormSubmitter:targets_form-Enregistrer les cibles").click().run()
    assert not at.exception
    assert diagnostics.responses(store, diag_id).targets[dim.id] == 10
    assert first not in _priority_titles(at)
    assert any("Cibles enregistrées" in t.value for t in at.toast)


def test_one_click_puts_a_next_step_in_the_action_plan_and_says_so(database: str) -> None:
    store, diag_id = _example(database)
    at = open_page(PAGE, diag_id)
    button = next(b for b in at.button if b.key and b.key.startswith("step:"))
    _, dim_id, question_id = button.key.split(":")
    button.click().run()
    assert not at.exception
    (action,) = plans.load(store, diag_id).actions
    assert action.dimension_id == dim_id and action.status == "a_venir"
    question = next(
        q for _, q in default_catalogue().questionnaire("ess-territoires").questions() if q.id == question_id
    )
    assert action.what in texts(at) and question.text in texts(at)
    assert "Inscrite au plan d’action (statut\u00a0: À venir)" in texts(at)
    assert not any(b.key == button.key for b in at.button)


def test_a_redone_diagnostic_shows_the_actions_realised_beside_the_change_of_score(database: str) -> None:
    store, first = _example(database)
    plans.save_action(
        store, first, Action(id="a1", dimension_id="awareness", what="Former les élus", status="realisee")
    )
    plans.save_action(
        store, first, Action(id="a2", dimension_id="procurement", what="Clauses sociales", status="en_cours")
    )
    rec = diagnostics.find(store, first)
    assert rec is not None
    second = diagnostics.redo(store, rec)
    at = open_page(PAGE, second)
    assert not at.exception
    shown = texts(at)
    assert "Évolution depuis le diagnostic précédent" in [h.value for h in at.header]
    assert "Actions réalisées depuis le diagnostic précédent (1)" in shown and "Former les élus" in shown
    assert [(a.id, a.status) for a in plans.load(store, second).actions] == [("a2", "en_cours")]
    now = score(default_catalogue(), diagnostics.responses(store, second))
    change = next(t.value for t in at.table if "Évolution" in t.value.columns)
    shown = dict(zip(change["Dimension"], change["Actuel"], strict=True))
    assert shown == {ds.dimension.title: score_text(ds.score) for ds in now.dimensions}  # rounded as on the radars


def test_the_dimension_table_shows_the_target_set(database: str) -> None:
    _, diag_id = _example(database)
    at = open_page(PAGE, diag_id)
    every = next(t.value for t in at.table if "Moitié" in t.value.columns)
    procurement = every[every["Dimension"] == "Commande publique responsable"]
    assert procurement["Cible"].tolist() == ["60/100"]
    assert "–" in every["Cible"].tolist()


def test_target_choices_run_upwards_with_each_band_at_its_lower_bound_and_keep_an_imported_score() -> None:
    bands = default_catalogue().bands
    assert targets.options(bands, None) == [
        *(targets.NONE, 10, "emergence", 30, "structuration", 50, "consolidation", 70, "exemplarite", 90, 100)
    ]
    assert targets.options(bands, 65)[6:9] == ["consolidation", 65, 70]
    assert targets.label(bands, "structuration") == "Palier Structuration (40/100)"
    assert targets.label(bands, targets.NONE) == "Aucune cible (100/100 visé)" and targets.label(bands, 65) == "65/100"


def test_an_action_keeps_a_fiche_of_another_dimension_when_the_plan_opens(database: str) -> None:
    store, diag_id = _example(database)
    cat = default_catalogue()
    other = next(f for f in cat.fiches.fiches if f.kit == "municipaless" and "awareness" not in f.dimensions)
    action = Action(id="s1", dimension_id="awareness", what="Étape", fiches=(other.id,), partners=("cress",))
    plans.save_action(store, diag_id, action)
    plan = open_page("app_pages/action_plan.py", diag_id)
    assert not plan.exception
    assert list(plan.multiselect(key="act:s1:fiches").value) == [other.id]
    assert list(plan.multiselect(key="act:s1:partners").value) == ["cress"]


def test_a_diagnostic_without_answers_says_nothing_is_evaluated_yet_rather_than_every_target_reached(
    database: str,
) -> None:
    diag_id = diagnostics.start(Store(database), "ess-territoires")
    at = open_page(PAGE, diag_id)
    assert not at.exception
    assert priorities.NOTHING_EVALUATED in texts(at) and priorities.ALL_REACHED not in texts(at)
