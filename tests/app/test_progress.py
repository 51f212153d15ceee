"""Progress over time (redo a diagnostic a year later) and the peers' median on the results page."""

from __future__ import annotations

import json

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from storage import Store
from tests.app.conftest import open_page, query_param, texts

EXPRESS = "ess-territoires-express"
PROFILE = {"name": "CC du Val d’Essai", "authority_type": "communaute_communes"}


def _results(diag_id: str) -> AppTest:
    at = open_page("app_pages/results.py", diag_id)
    assert not at.exception
    return at


def _trace_names(at: AppTest) -> set[str]:
    return {t.get("name") for c in at.get("plotly_chart") for t in json.loads(c.proto.spec)["data"]}


@pytest.mark.usefixtures("database")
def test_redoing_a_diagnostic_carries_answers_over_and_shows_the_change_per_dimension() -> None:
    store = Store()
    first = store.create_diagnostic(EXPRESS, PROFILE)
    store.save_answer(first, "ess_weight_knowledge", 1)
    store.save_answer(first, "jobs_creation_support", 3)
    at = _results(first)
    assert "Évolution depuis le diagnostic précédent" not in texts(at)
    at.button(key="redo_diagnostic").click().run()
    assert not at.exception
    second = query_param(at, "d")
    assert second != first
    rec = store.get_diagnostic(second)
    assert rec is not None and rec.previous_id == first and rec.profile == PROFILE
    assert store.carried_over(second) == {"ess_weight_knowledge", "jobs_creation_support"}
    assert "Réponse reprise du diagnostic précédent" in texts(at)  # the questionnaire marks them
    at.radio(key="q:ess_weight_knowledge").set_value(4).run()
    assert store.carried_over(second) == {"jobs_creation_support"}
    results = _results(second)
    assert "Diagnostic précédent" in _trace_names(results)
    change = next(t.value for t in results.table if "Évolution" in t.value.columns)
    row = change[change["Dimension"].str.contains("poids", case=False)].iloc[0]
    assert (row["Précédent"], row["Actuel"], row["Évolution"]) == ("25", "100", "+75")
    assert change[change["Dimension"].str.contains("emplois", case=False)].iloc[0]["Évolution"] == "="


@pytest.mark.usefixtures("database")
def test_an_answer_carried_over_can_be_kept_as_it_is_with_one_click() -> None:
    store = Store()
    first = store.create_diagnostic(EXPRESS, PROFILE)
    store.save_answer(first, "ess_weight_knowledge", 1)
    at = _results(first)
    at.button(key="redo_diagnostic").click().run()
    second = query_param(at, "d")
    assert store.carried_over(second) == {"ess_weight_knowledge"}
    at.button(key="confirm:ess_weight_knowledge").click().run()
    assert not at.exception
    assert store.carried_over(second) == set() and store.load_responses(second).answers == {"ess_weight_knowledge": 1}
    assert "Réponse reprise du diagnostic précédent" not in texts(at)
    assert not any(b.key == "confirm:ess_weight_knowledge" for b in at.button)


@pytest.mark.usefixtures("database")
def test_participants_cannot_redo_their_workshop_diagnostic() -> None:
    store = Store()
    workshop = store.create_workshop("Atelier", EXPRESS, PROFILE)
    diag_id = store.join_workshop(workshop.id, "elu", None)
    at = _results(diag_id)
    assert not any(b.key == "redo_diagnostic" for b in at.button)


def _peer(store: Store, authority_type: str, level: int, name: str) -> str:
    diag_id = store.create_diagnostic(EXPRESS, {"name": name, "authority_type": authority_type})
    store.save_answer(diag_id, "ess_weight_knowledge", level)
    return diag_id


@pytest.mark.usefixtures("database")
def test_the_peer_median_shows_only_with_five_peers_of_the_same_type_never_named() -> None:
    store = Store()
    mine = _peer(store, "communaute_communes", 4, "Ma collectivité")
    for level in range(4):
        _peer(store, "communaute_communes", level, f"Voisine {level}")
    _peer(store, "region", 0, "Une région")  # another type
    workshop = store.create_workshop("Atelier", EXPRESS, PROFILE)
    for _ in range(3):  # workshop participants are not peers
        store.save_answer(store.join_workshop(workshop.id, "elu", None), "ess_weight_knowledge", 0)
    st.cache_data.clear()
    at = _results(mine)
    # the workshop's consolidated diagnostic is empty: it does not count either
    assert "Médiane des pairs" not in _trace_names(at)
    _peer(store, "communaute_communes", 2, "Voisine 4")
    st.cache_data.clear()
    at = _results(mine)
    assert "Médiane des pairs" in _trace_names(at)
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    spec = next(s for s in specs if "motivation" in json.dumps(s["layout"].get("title", "")).lower())
    peer = next(t for t in spec["data"] if t["name"] == "Médiane des pairs")
    assert peer["r"][0] == 50  # median of 0, 1, 2, 3, 2 = level 2 of 4
    page = texts(at)
    assert "médiane de 5 autres diagnostics" in page
    assert "Voisine" not in page and "Voisine" not in json.dumps(spec)


@pytest.mark.usefixtures("database")
def test_a_redone_diagnostic_does_not_count_its_own_past_as_a_peer() -> None:
    store = Store()
    first = _peer(store, "communaute_communes", 1, "Moi 2025")
    second = store.redo_diagnostic(first)
    for level in range(4):
        _peer(store, "communaute_communes", level, f"Voisine {level}")
    st.cache_data.clear()
    assert "Médiane des pairs" not in _trace_names(_results(second))
