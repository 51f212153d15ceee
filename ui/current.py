"""The diagnostic being worked on: found from the URL (?d=…), loaded into widget state."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import streamlit as st

from scoring.engine import Scores, score
from scoring.models import Questionnaire, ResponseSet
from services import DiagnosticRecord, diagnostics, params
from ui import keys
from ui.profile_fields import PROFILE_FIELDS
from ui.resources import catalogue, store


def diagnostic_id() -> str | None:
    """The id in the URL, else the one of this session; kept in the URL so a reload finds it."""
    from_url = params.text(st.query_params.get(params.DIAGNOSTIC))
    diag_id = from_url or st.session_state.get(keys.CURRENT_DIAGNOSTIC)
    if diag_id and not from_url:
        st.query_params[params.DIAGNOSTIC] = diag_id
    return diag_id


def open_diagnostic(diag_id: str) -> None:
    """Make a diagnostic current (URL and session) and forget widget values of another one."""
    st.session_state[keys.CURRENT_DIAGNOSTIC] = diag_id
    st.query_params[params.DIAGNOSTIC] = diag_id
    if st.session_state.get(keys.LOADED_DIAGNOSTIC) != diag_id:
        st.session_state.pop(keys.LOADED_DIAGNOSTIC, None)


def record() -> DiagnosticRecord | None:
    """The current diagnostic's record, or None (with a French message) if there is none."""
    diag_id = diagnostic_id()
    if not diag_id:
        st.info("Aucun diagnostic n’est ouvert. Commencez-en un depuis l’accueil, ou ouvrez le lien de reprise reçu.")
        st.page_link("app_pages/home.py", label="Aller à l’accueil", icon=":material/home:")
        return None
    rec = diagnostics.find(store(), diag_id)
    if rec is None:
        st.error("Ce lien ne correspond à aucun diagnostic enregistré. Vérifiez qu’il a été copié en entier.")
        st.page_link("app_pages/home.py", label="Aller à l’accueil", icon=":material/home:")
        return None
    st.session_state[keys.CURRENT_DIAGNOSTIC] = rec.id
    return rec


def questionnaire_of(rec: DiagnosticRecord) -> Questionnaire:
    """The questionnaire a diagnostic answers."""
    return catalogue().questionnaire(rec.questionnaire_id)


def _saved_values(rec: DiagnosticRecord, questionnaire: Questionnaire) -> dict[str, Any]:
    """Every saved value of a diagnostic, by the key of the widget that shows it."""
    data = diagnostics.responses(store(), rec.id)
    values: dict[str, Any] = {keys.profile(f): rec.profile.get(f, "" if f == "name" else None) for f in PROFILE_FIELDS}
    for dim in questionnaire.dimensions:
        values[keys.importance(dim.id)] = data.importance.get(dim.id)
        values[keys.comment(dim.id)] = data.comments.get(dim.id, "")
        for q in dim.questions:
            values[keys.answer(q.id)] = data.answers.get(q.id)
            values[keys.comment(q.id)] = data.comments.get(q.id, "")
    return values


def load_widgets(rec: DiagnosticRecord, shown: Iterable[str]) -> None:
    """Give the widgets about to be drawn their saved values.

    The values are read from the database once per diagnostic and session into one plain dict;
    only the widgets of the step on screen hold a session-state key (Streamlit drops the keys of
    widgets a run does not draw, and every key kept costs time on each rerun).
    """
    state = st.session_state
    if state.get(keys.LOADED_DIAGNOSTIC) != rec.id:
        values = _saved_values(rec, questionnaire_of(rec))
        for key in values:
            state.pop(key, None)  # a widget still showing another diagnostic's or a stale value
        state[keys.WIDGET_VALUES] = values
        state[keys.LOADED_DIAGNOSTIC] = rec.id
    values = state[keys.WIDGET_VALUES]
    for key in shown:
        if key not in state:
            state[key] = values.get(key)


def saved_value(widget_key: str) -> Any:
    """The value last given for a widget of the loaded diagnostic (drawn or not)."""
    return st.session_state.get(keys.WIDGET_VALUES, {}).get(widget_key)


def remember(widget_key: str, value: Any) -> None:
    """Record a value just given, for when its widget is drawn again."""
    st.session_state.setdefault(keys.WIDGET_VALUES, {})[widget_key] = value


def responses(rec: DiagnosticRecord) -> ResponseSet:
    """The saved response set of a diagnostic, with its profile."""
    return diagnostics.responses(store(), rec.id)


def forget_widgets() -> None:
    """Drop loaded values so that the next run reloads them (and the widgets') from the database."""
    st.session_state.pop(keys.LOADED_DIAGNOSTIC, None)


def previous_scores(rec: DiagnosticRecord) -> Scores | None:
    """Scores of the diagnostic this one was redone from, if any (same questionnaire only)."""
    previous = diagnostics.previous_responses(store(), rec)
    return None if previous is None else score(catalogue(), previous)
