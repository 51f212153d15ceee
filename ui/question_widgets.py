"""The widgets of one questionnaire step: the dimension's importance and each question with its comment."""

from __future__ import annotations

from typing import Any

import streamlit as st

from scoring.models import Dimension, Question, Questionnaire
from scoring.wording import answer_label
from services import DiagnosticRecord
from services.diagnostics import Item
from ui import current, keys, saving
from ui.text import escape_markdown


def _default(key: str, options: list[Any], first_run: bool) -> dict[str, Any]:
    """On a session's first run, the saved value as the widget's default (see `current.load_widgets`)."""
    if not first_run:
        return {}
    saved = current.saved_value(key)
    return {"index": options.index(saved) if saved in options else None}


def importance(
    rec: DiagnosticRecord, q: Questionnaire, dim: Dimension, first_run: bool, closed: bool = False
) -> tuple[Item, str]:
    """The « how much does it matter » question of a dimension; returns what it saves."""
    scale = {lv.value: lv.label for lv in q.importance_scale}
    key, args = saving.save_callback(rec.id, "importance", dim.id)
    st.radio(
        dim.importance_question,
        list(scale),
        format_func=scale.__getitem__,
        key=key,
        horizontal=True,
        on_change=saving.save,
        args=args,
        disabled=closed,
        **_default(key, list(scale), first_run),
    )
    saving.notice(key)
    return "importance", dim.id


def question(
    rec: DiagnosticRecord, number: int, q: Question, carried: set[str], first_run: bool, closed: bool = False
) -> list[tuple[Item, str]]:
    """A question: its levels with their descriptions, « je ne sais pas », « non concerné », a comment."""
    levels = {lv.value: lv for lv in q.levels}
    options: list[int | str] = [*levels, "dk", "na"]
    with st.container(border=True):
        st.markdown(f"**{number}. {escape_markdown(q.text)}**")
        st.caption(escape_markdown(q.help))
        key, args = saving.save_callback(rec.id, "answer", q.id)
        st.radio(
            f"Question {number}\u00a0: {q.text}",  # the group's accessible name (shown just above)
            options,
            format_func=lambda v: answer_label(v) if isinstance(v, str) else f"{v} · {levels[v].label}",
            captions=[levels[v].description if isinstance(v, int) else "" for v in options],
            key=key,
            on_change=saving.save,
            args=args,
            label_visibility="collapsed",
            disabled=closed,
            **_default(key, options, first_run),
        )
        saving.notice(key)
        if q.id in carried:
            st.caption(
                ":material/history: Réponse reprise du diagnostic précédent : confirmez-la en la choisissant à nouveau, ou modifiez-la."
            )
        _comment(rec, number, q, first_run, closed)
    return [("answer", q.id), ("comment", q.id)]


def _comment(rec: DiagnosticRecord, number: int, q: Question, first_run: bool, closed: bool) -> None:
    """The optional comment; longer than the limit it is kept up to the limit, with a word under it."""
    ckey, cargs = saving.save_callback(rec.id, "comment", q.id)
    has_text = bool(current.saved_value(ckey) or st.session_state.get(ckey))
    default: dict[str, Any] = {"value": current.saved_value(ckey) or ""} if first_run else {}
    notice = st.session_state.get(keys.FIELD_NOTICES, {}).get(ckey)
    label = f"Commentaire sur la question {number}" + (" (1)" if has_text else "")
    with st.expander(label, expanded=has_text or bool(notice)):  # a comment, or a word about it, stays in view
        st.text_area(
            f"Commentaire sur la question {number}\u00a0: {q.text} (facultatif)",
            key=ckey,
            on_change=saving.save,
            args=cargs,
            label_visibility="collapsed",
            disabled=closed,
            placeholder="Précisez votre réponse si vous le souhaitez (5\u202f000 caractères au plus).",
            **default,
        )
        saving.notice(ckey)
