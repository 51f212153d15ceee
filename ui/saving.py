"""Saving answers as they are given; a failed write is kept and retried, never dropped."""

from __future__ import annotations

import streamlit as st

from services import AnswersClosed, StorageError, diagnostics
from services.diagnostics import Item
from ui import current, keys
from ui.resources import store

WIDGET_KEY = {"answer": keys.answer, "importance": keys.importance, "target": keys.target, "comment": keys.comment}


def save(diag_id: str, kind: Item, item_id: str, widget_key: str) -> None:
    """Widget callback: write the widget's value now; on failure keep it for a retry."""
    value = st.session_state.get(widget_key)
    try:
        diagnostics.save(store(), diag_id, kind, item_id, value)
        current.remember(widget_key, value)
    except AnswersClosed as exc:
        current.forget_widgets()  # show the saved answers again, not the refused one
        st.session_state[keys.SAVE_ERROR] = (widget_key, str(exc))
    except StorageError as exc:
        current.remember(widget_key, value)  # still shown, and retried until it is saved
        st.session_state.setdefault(keys.PENDING_WRITES, {})[(diag_id, kind, item_id)] = value
        st.session_state[keys.SAVE_ERROR] = (
            widget_key,
            f"{exc} Votre réponse reste affichée : elle sera enregistrée dès que la base répondra, à votre prochain clic.",
        )
    else:
        st.session_state.get(keys.PENDING_WRITES, {}).pop((diag_id, kind, item_id), None)


def error_near(widget_key: str) -> None:
    """The message of a failed save, right under the control that caused it (then forgotten)."""
    failed = st.session_state.get(keys.SAVE_ERROR)
    if failed and failed[0] == widget_key:
        del st.session_state[keys.SAVE_ERROR]
        st.error(failed[1], icon=":material/error:")


def other_error() -> None:
    """A failed save whose control is not on screen (e.g. another step): shown where this is called."""
    failed = st.session_state.pop(keys.SAVE_ERROR, None)
    if failed:
        st.error(failed[1], icon=":material/error:")


def retry_pending() -> int:
    """Retry writes that failed earlier; returns how many are still waiting."""
    pending: dict[tuple[str, Item, str], object] = st.session_state.get(keys.PENDING_WRITES, {})
    for (diag_id, kind, item_id), value in list(pending.items()):
        try:
            diagnostics.save(store(), diag_id, kind, item_id, value)
        except AnswersClosed as exc:
            pending.clear()
            st.error(str(exc))
            break
        except StorageError:
            break
        del pending[(diag_id, kind, item_id)]
    if pending:
        st.warning(
            f"{len(pending)} réponse(s) pas encore enregistrée(s) : la base de données ne répond pas. Ne fermez pas cette page ; nouvel essai à chaque clic."
        )
    return len(pending)


def save_callback(diag_id: str, kind: Item, item_id: str) -> tuple[str, tuple[str, Item, str, str]]:
    """The (on_change, args) pair for a widget saving one item."""
    key = WIDGET_KEY[kind](item_id)
    return key, (diag_id, kind, item_id, key)
