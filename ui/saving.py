"""Saving answers as they are given; a failed write is kept, shown and retried, never dropped."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import streamlit as st

from scoring.french import PARIS, number
from services import AnswersClosed, StorageError, diagnostics
from services.diagnostics import Item
from ui import current, keys
from ui.resources import store

MAX_COMMENT = 5000
"""Characters kept in a comment (the answers file format's limit)."""


def save(diag_id: str, kind: Item, item_id: str, widget_key: str) -> None:
    """Widget callback: write the widget's value now (after any earlier one still waiting); on failure keep it."""
    retry()
    value = _kept(kind, widget_key, st.session_state.get(widget_key))
    _write(diag_id, kind, item_id, value)


def _kept(kind: Item, widget_key: str, value: Any) -> Any:
    """The value to save: a comment over the limit is cut to it, with a word next to the field."""
    if kind == "comment" and isinstance(value, str) and len(value) > MAX_COMMENT:
        _say(
            widget_key,
            f"Votre commentaire faisait {number(len(value))} caractères : les {number(MAX_COMMENT)} premiers sont "
            "enregistrés et restent affichés ; la fin n’a pas été gardée. Raccourcissez-le si besoin.",
            "warning",
        )
        value = value[:MAX_COMMENT]
        st.session_state[widget_key] = value
    return value


def _say(widget_key: str, message: str, level: str = "error") -> None:
    """A word about a field's last save, to show right under that field (see `notice`)."""
    st.session_state.setdefault(keys.FIELD_NOTICES, {})[widget_key] = (level, message)


def _write(diag_id: str, kind: Item, item_id: str, value: Any) -> None:
    pending: dict[tuple[str, str, str], Any] = st.session_state.setdefault(keys.PENDING_WRITES, {})
    widget_key = keys.widget(kind, item_id)
    try:
        stamp = diagnostics.save(store(), diag_id, kind, item_id, value)
    except AnswersClosed as exc:
        pending.pop((diag_id, kind, item_id), None)
        current.forget_widgets()  # show the saved answers again, not the refused one
        st.session_state[keys.RERUN_PAGE] = True  # the whole page, now read-only (see `rerun_page_if_asked`)
        _say(widget_key, str(exc))
    except StorageError as exc:
        pending[(diag_id, kind, item_id)] = value  # still shown, and retried until it is saved
        _say(
            widget_key,
            f"{exc} Votre réponse reste affichée : elle sera enregistrée dès que la base répondra, à votre prochain clic.",
        )
    else:
        pending.pop((diag_id, kind, item_id), None)
        shown = (value or "") if kind == "comment" else value  # as `current` holds a missing comment
        if not current.saved_own_change(diag_id, widget_key, shown, stamp):
            st.session_state[keys.RERUN_PAGE] = True  # someone else wrote: show the whole page as saved now
        st.session_state.setdefault(keys.LAST_SAVED, {})[diag_id] = datetime.now(PARIS)
        if kind == "answer":  # no longer an answer carried over from the previous diagnostic
            st.session_state.setdefault(keys.ANSWERED_HERE, set()).add((diag_id, item_id))


def reconcile(diag_id: str, drawn: Iterable[tuple[Item, str]]) -> None:
    """Save what the browser holds that differs from what is saved, on a session's first run.

    A browser that reconnects after a server restart sends the answer just clicked with its first
    run; no callback fires for it (the new session knows no widget yet), so it is saved here.
    """
    for kind, item_id in drawn:
        key = keys.widget(kind, item_id)
        given, saved = st.session_state.get(key), current.saved_value(key)
        if given != saved and not (kind == "comment" and not given and not saved):
            save(diag_id, kind, item_id, key)


def retry() -> int:
    """Retry writes that failed earlier; returns how many are still waiting."""
    pending: dict[tuple[str, Item, str], object] = st.session_state.get(keys.PENDING_WRITES, {})
    for (diag_id, kind, item_id), value in list(pending.items()):
        _write(diag_id, kind, item_id, value)
        if (diag_id, kind, item_id) in pending:
            break
    return len(pending)


def retry_pending() -> int:
    """Retry writes that failed earlier and say how many still wait; returns that number."""
    pending = retry()
    if pending:
        st.warning(
            f"{pending} réponse(s) pas encore enregistrée(s)\u00a0: la base de données ne répond pas. Ne fermez pas cette page\u00a0; nouvel essai à chaque clic."
        )
    return pending


def rerun_page_if_asked() -> None:
    """In a question's own rerun: run the whole page again when a save asked for it (a workshop closed,
    or another tab or person wrote to the diagnostic meanwhile: the page then shows what is saved)."""
    if st.session_state.pop(keys.RERUN_PAGE, False):
        st.rerun()


def status_line(where: Any, diag_id: str) -> None:
    """A visible status, read out by screen readers, saying when this diagnostic's last answer was saved."""
    saved_at: datetime | None = st.session_state.get(keys.LAST_SAVED, {}).get(diag_id)
    pending = len(st.session_state.get(keys.PENDING_WRITES, {}))
    if pending:
        text = f"{pending} réponse(s) en attente d’enregistrement"
    elif saved_at is None:
        text = "Chaque réponse est enregistrée dès qu’elle est donnée."
    else:
        text = f"Dernière réponse enregistrée à {saved_at:%H:%M:%S}."
    where.html(f'<p class="autodiag-status" role="status" aria-live="polite">{text}</p>')


def notice(widget_key: str) -> None:
    """The word about a field's last save (a failure, a comment cut to the limit), right under it, once."""
    said = st.session_state.get(keys.FIELD_NOTICES, {}).pop(widget_key, None)
    if said:
        level, message = said
        (st.warning if level == "warning" else st.error)(message, icon=":material/error:")


def other_notices() -> None:
    """Words about fields not on screen (another step), where this is called."""
    for level, message in st.session_state.pop(keys.FIELD_NOTICES, {}).values():
        (st.warning if level == "warning" else st.error)(message, icon=":material/error:")


def save_callback(diag_id: str, kind: Item, item_id: str) -> tuple[str, tuple[str, Item, str, str]]:
    """The (on_change, args) pair for a widget saving one item."""
    key = keys.widget(kind, item_id)
    return key, (diag_id, kind, item_id, key)
