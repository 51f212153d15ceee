"""The diagnostic being worked on: found from the URL (?d=…), loaded into widget state."""

from __future__ import annotations

from typing import Any

import streamlit as st

from scoring.engine import Scores, score
from scoring.models import Questionnaire, ResponseSet
from storage import DiagnosticRecord
from ui import keys
from ui.resources import catalogue, store


def diagnostic_id() -> str | None:
    """The id in the URL, else the one of this session; kept in the URL so a reload finds it."""
    from_url = st.query_params.get(keys.PARAM_DIAGNOSTIC)
    diag_id = from_url or st.session_state.get(keys.CURRENT_DIAGNOSTIC)
    if diag_id and not from_url:
        st.query_params[keys.PARAM_DIAGNOSTIC] = diag_id
    return diag_id


def open_diagnostic(diag_id: str) -> None:
    """Make a diagnostic current (URL and session) and forget widget values of another one."""
    st.session_state[keys.CURRENT_DIAGNOSTIC] = diag_id
    st.query_params[keys.PARAM_DIAGNOSTIC] = diag_id
    if st.session_state.get(keys.LOADED_DIAGNOSTIC) != diag_id:
        st.session_state.pop(keys.LOADED_DIAGNOSTIC, None)


def record() -> DiagnosticRecord | None:
    """The current diagnostic's record, or None (with a French message) if there is none."""
    diag_id = diagnostic_id()
    if not diag_id:
        st.info("Aucun diagnostic n’est ouvert. Commencez-en un depuis l’accueil, ou ouvrez le lien de reprise reçu.")
        st.page_link("app_pages/home.py", label="Aller à l’accueil", icon=":material/home:")
        return None
    rec = store().get_diagnostic(diag_id)
    if rec is None:
        st.error("Ce lien ne correspond à aucun diagnostic enregistré. Vérifiez qu’il a été copié en entier.")
        st.page_link("app_pages/home.py", label="Aller à l’accueil", icon=":material/home:")
        return None
    st.session_state[keys.CURRENT_DIAGNOSTIC] = rec.id
    return rec


def questionnaire_of(rec: DiagnosticRecord) -> Questionnaire:
    """The questionnaire a diagnostic answers."""
    return catalogue().questionnaire(rec.questionnaire_id)


def _widget_keys(questionnaire: Questionnaire) -> list[str]:
    """Every widget key that holds a saved value of this questionnaire."""
    out = [keys.profile(field) for field in ("name", "authority_type", "population_band", "region")]
    for dim in questionnaire.dimensions:
        out += [keys.importance(dim.id), keys.comment(dim.id)]
        for q in dim.questions:
            out += [keys.answer(q.id), keys.comment(q.id)]
    return out


def _keep_widget_values(questionnaire: Questionnaire) -> None:
    """Streamlit drops the state of keyed widgets a run does not draw (another step's questions);
    re-assigning each value keeps it for when that step is shown again."""
    state = st.session_state
    for key in _widget_keys(questionnaire):
        if key in state:
            state[key] = state[key]


def load_widgets(rec: DiagnosticRecord) -> None:
    """Put the saved answers into widget state once per diagnostic and session, and keep them there."""
    if st.session_state.get(keys.LOADED_DIAGNOSTIC) == rec.id:
        _keep_widget_values(questionnaire_of(rec))
        return
    data = store().load_responses(rec.id)
    questionnaire = questionnaire_of(rec)
    for field in ("name", "authority_type", "population_band", "region"):
        st.session_state[keys.profile(field)] = rec.profile.get(field, "" if field == "name" else None)
    for dim in questionnaire.dimensions:
        st.session_state[keys.importance(dim.id)] = data["importance"].get(dim.id)
        st.session_state[keys.comment(dim.id)] = data["comments"].get(dim.id, "")
        for q in dim.questions:
            st.session_state[keys.answer(q.id)] = data["answers"].get(q.id)
            st.session_state[keys.comment(q.id)] = data["comments"].get(q.id, "")
    st.session_state[keys.LOADED_DIAGNOSTIC] = rec.id


def responses(rec: DiagnosticRecord) -> ResponseSet:
    """The saved response set of a diagnostic, with its profile."""
    data: dict[str, Any] = store().load_responses(rec.id)
    return ResponseSet.model_validate(data)


def forget_widgets() -> None:
    """Drop loaded widget values so that the next run reloads them from the database."""
    st.session_state.pop(keys.LOADED_DIAGNOSTIC, None)


def previous_scores(rec: DiagnosticRecord) -> Scores | None:
    """Scores of the diagnostic this one was redone from, if any (same questionnaire only)."""
    if not rec.previous_id:
        return None
    previous = store().get_diagnostic(rec.previous_id)
    if previous is None or previous.questionnaire_id != rec.questionnaire_id:
        return None
    return score(catalogue(), responses(previous))
