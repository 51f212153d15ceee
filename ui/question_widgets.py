"""The widgets of one questionnaire step: the dimension's importance and each question with its comment.

Each is a fragment: a click re-runs that question alone, then redraws what the answer changes
elsewhere on the page (`ui.step_progress`). A save that makes the page read-only (a workshop closed
meanwhile) runs the whole page again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Literal

import streamlit as st

from scoring.models import Dimension, Question, Questionnaire
from scoring.wording import answer_label
from services import DiagnosticRecord
from services.diagnostics import Item
from ui import current, keys, saving, step_progress
from ui.step_progress import StepView
from ui.text import escape_markdown

_RUN: ContextVar[Literal["own", "page", "first"]] = ContextVar("question_run", default="own")
"""Who is drawing the questions: a question's own rerun, the whole page, or the session's first page run."""


@contextmanager
def drawn_by_page(first_run: bool) -> Iterator[None]:
    """While the page draws the step's questions (`first_run`: this session's first run of the diagnostic)."""
    token = _RUN.set("first" if first_run else "page")
    try:
        yield
    finally:
        _RUN.reset(token)


def _first_run() -> bool:
    """True while the page draws this session's first run of the diagnostic (never in a fragment's rerun)."""
    return _RUN.get() == "first"


def _outside(view: StepView, writer: str) -> None:
    """What the answer changes outside its question: reserved on a full run, redrawn on its own rerun."""
    if _RUN.get() == "own":
        step_progress.draw(view, writer)
    else:
        step_progress.reserve(view)


def _default(key: str, options: list[Any]) -> dict[str, Any]:
    """On a session's first run, the saved value as the widget's default (see `current.seed`)."""
    if not _first_run():
        return {}
    saved = current.saved_value(key)
    return {"index": options.index(saved) if saved in options else None}


@st.fragment
def importance(rec: DiagnosticRecord, q: Questionnaire, dim: Dimension, view: StepView, closed: bool = False) -> None:
    """The « how much does it matter » question of a dimension."""
    saving.rerun_page_if_asked()
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
        **_default(key, list(scale)),
    )
    saving.notice(key)
    _outside(view, "importance")


def drawn(dim: Dimension, questions: list[Question]) -> list[tuple[Item, str]]:
    """What a step's widgets save: its importance, each question's answer and comment."""
    items: list[tuple[Item, str]] = [("importance", dim.id)]
    for x in questions:
        items += [("answer", x.id), ("comment", x.id)]
    return items


def question(
    rec: DiagnosticRecord, number: int, q: Question, carried: set[str], view: StepView, closed: bool = False
) -> None:
    """A question: its text and help, then what a click re-runs (`_answer`)."""
    with st.container(border=True):
        st.markdown(f"**{number}. {escape_markdown(q.text)}**")
        st.caption(escape_markdown(q.help))
        _answer(rec, number, q, q.id in carried, view, closed)


@st.fragment
def _answer(rec: DiagnosticRecord, number: int, q: Question, carried: bool, view: StepView, closed: bool) -> None:
    """Its levels with their descriptions, « je ne sais pas », « non concerné », then a comment."""
    saving.rerun_page_if_asked()
    levels = {lv.value: lv for lv in q.levels}
    options: list[int | str] = [*levels, "dk", "na"]
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
        **_default(key, options),
    )
    saving.notice(key)
    if carried and (rec.id, q.id) not in st.session_state.get(keys.ANSWERED_HERE, set()):
        st.caption(
            ":material/history: Réponse reprise du diagnostic précédent\u00a0: confirmez-la, ou choisissez-en une autre."
        )
        st.button(
            "Confirmer cette réponse",
            key=f"confirm:{q.id}",
            on_click=saving.save,  # the answer shown, given again
            args=args,
            icon=":material/check:",
            disabled=closed,
            help=f"Garder pour la question {number} la réponse du diagnostic précédent",
        )
    _comment(rec, number, q, closed)
    _outside(view, q.id)


def _comment(rec: DiagnosticRecord, number: int, q: Question, closed: bool) -> None:
    """The optional comment; longer than the limit it is kept up to the limit, with a word under it."""
    ckey, cargs = saving.save_callback(rec.id, "comment", q.id)
    has_text = bool(current.saved_value(ckey) or st.session_state.get(ckey))
    default: dict[str, Any] = {"value": current.saved_value(ckey) or ""} if _first_run() else {}
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
