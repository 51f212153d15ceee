"""The diagnostic being worked on: found from the URL (?d=…), loaded into widget state."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import streamlit as st

from scoring.engine import Scores, score
from scoring.models import Questionnaire, ResponseSet
from services import DiagnosticRecord, Stamp, diagnostics, params
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


def load_values(rec: DiagnosticRecord) -> bool:
    """Read the saved values when the diagnostic changed; True on this session's first run of it.

    They are read again whenever the diagnostic changed (this tab or another saved something), so a
    tab always shows what is saved, plus the writes still waiting for the database.
    """
    state = st.session_state
    first = state.get(keys.LOADED_DIAGNOSTIC) != rec.id
    if first or state.get(keys.LOADED_STAMP) != rec.updated_at:
        values = _saved_values(rec, questionnaire_of(rec))
        values.update(_pending_values(rec.id))
        state[keys.WIDGET_VALUES] = values
        state[keys.LOADED_STAMP] = rec.updated_at
        state[keys.LOADED_DIAGNOSTIC] = rec.id
    return first


def saved_own_change(diag_id: str, widget_key: str, value: Any, stamp: Stamp) -> bool:
    """After this session's own save: its copy stays current (no re-read) if nobody wrote in between.

    Returns False when another tab or person wrote meanwhile: the next full run reads everything again.
    """
    state = st.session_state
    if state.get(keys.LOADED_DIAGNOSTIC) != diag_id or state.get(keys.LOADED_STAMP) != stamp.before:
        return False
    state[keys.WIDGET_VALUES][widget_key] = value
    state[keys.LOADED_STAMP] = stamp.after
    return True


def seed(shown: Iterable[str]) -> None:
    """Give the widgets about to be drawn the saved values.

    Not on a session's first run of a questionnaire step: there the page passes the saved values as
    widget defaults, so that what a reconnecting browser sends (an answer clicked while the server
    restarted) wins over them, and `saving.reconcile` saves it.
    """
    values = st.session_state[keys.WIDGET_VALUES]
    for key in shown:
        st.session_state[key] = values.get(key)


def load_widgets(rec: DiagnosticRecord, shown: Iterable[str]) -> None:
    """For a form: give its widgets the saved values when they were (re)read, never over a submission."""
    before = st.session_state.get(keys.LOADED_STAMP) if st.session_state.get(keys.LOADED_DIAGNOSTIC) == rec.id else None
    load_values(rec)
    if st.session_state.get(keys.LOADED_STAMP) != before:
        seed(shown)


def _pending_values(diag_id: str) -> dict[str, Any]:
    """Values whose write failed and waits for a retry, by widget key (shown as given, not as saved)."""
    pending: dict[tuple[str, str, str], Any] = st.session_state.get(keys.PENDING_WRITES, {})
    return {keys.widget(kind, item): value for (d, kind, item), value in pending.items() if d == diag_id}


def saved_value(widget_key: str) -> Any:
    """The saved value of a widget of the loaded diagnostic (drawn or not)."""
    return st.session_state.get(keys.WIDGET_VALUES, {}).get(widget_key)


def forget_widgets() -> None:
    """Drop loaded values so that the next run reloads them (and the widgets') from the database."""
    st.session_state.pop(keys.LOADED_STAMP, None)


def responses(rec: DiagnosticRecord) -> ResponseSet:
    """The saved response set of a diagnostic, with its profile."""
    return diagnostics.responses(store(), rec.id)


def previous_scores(rec: DiagnosticRecord) -> Scores | None:
    """Scores of the diagnostic this one was redone from, if any (same questionnaire only)."""
    previous = diagnostics.previous_responses(store(), rec)
    return None if previous is None else score(catalogue(), previous)
