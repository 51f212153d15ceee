"""What an answer changes outside its question: the progress bar, the save status, the step's sidebar entry.

Each question of a step is a fragment (`ui.question_widgets`): a click re-runs that question alone,
not the page. The page creates these three places as `st.empty()` placeholders. On a fragment's
own rerun, that fragment draws them (`draw`). On a full run each fragment only reserves them with
an empty element (`reserve`: Streamlit lets a fragment redraw a container outside it only if it
wrote to it during the last full run), then the page draws them once, after its questions
(`draw_for_page`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from scoring.completion import Completion, completion
from scoring.models import Dimension, Question
from scoring.wording import half_step
from ui import keys, saving

_NOT_DRAWN = object()
STATUS_ICONS = [
    (":material/radio_button_unchecked:", "à faire"),
    (":material/timelapse:", "en cours"),
    (":material/check_circle:", "complète"),
]


@dataclass(frozen=True)
class StepView:
    """The placeholders of one step's page and what their content is computed from."""

    diagnostic_id: str
    progress: Any
    status: Any
    sidebar_entry: Any
    number: int
    steps: int
    dimension: Dimension
    step_questions: list[Question]
    asked: list[Question]


def done(questions: list[Question]) -> Completion:
    """Completion of these questions from what this page shows: the widgets drawn, else the saved values."""
    values = st.session_state.get(keys.WIDGET_VALUES, {})
    shown = {}
    for x in questions:
        key = keys.answer(x.id)
        given = st.session_state.get(key, _NOT_DRAWN)
        shown[x.id] = values.get(key) if given is _NOT_DRAWN else given
    return completion(questions, shown)


def saved_done(questions: list[Question]) -> Completion:
    """Completion of these questions from the saved values alone (the steps not on screen)."""
    values = st.session_state.get(keys.WIDGET_VALUES, {})  # one lookup: session state's are not cheap
    return completion(questions, {x.id: values.get(keys.answer(x.id)) for x in questions})


def progress_text(number: int, steps: int, share: float) -> str:
    """« Étape 3 sur 13 · 45 % des questions renseignées »."""
    return f"Étape {number} sur {steps} · {share:.0%} des questions renseignées".replace("%", "\u00a0%")


def sidebar_button(
    where: Any,
    number: int,
    dim: Dimension,
    progress: Completion,
    key: str,
    on_click: Any = None,
    is_current: bool = False,
) -> None:
    """One dimension in the sidebar: its number, short title, questions answered and status icon."""
    icon, status = STATUS_ICONS[2 if progress.complete else 1 if progress.answered else 0]
    where.button(
        f"{number}. {dim.short_title} · {progress.answered}/{progress.applicable}",
        key=key,
        on_click=on_click,
        args=(number,) if on_click else None,
        icon=icon,
        type="primary" if is_current else "tertiary",
        help=f"{half_step(dim.half)}\u00a0: {dim.title} ({status})",
    )


def draw(view: StepView, writer: str) -> None:
    """In a fragment's own rerun (`writer`): redraw the three placeholders."""
    _draw(view, f"jump:{view.dimension.id}:{writer}")  # one key per fragment: each draws its own copy


def reserve(view: StepView) -> None:
    """In a fragment on a full run: write an empty element to each placeholder, so that it may redraw them."""
    for place in (view.progress, view.status, view.sidebar_entry):
        place.empty()


def draw_for_page(view: StepView, on_click: Any) -> None:
    """On a full run, after the questions: the three placeholders as the answers stand."""
    _draw(view, f"jump:{view.dimension.id}", on_click)


def _draw(view: StepView, key: str, on_click: Any = None) -> None:
    shown = {x.id for x in view.step_questions}
    on_step = done(view.step_questions)
    others = saved_done([x for x in view.asked if x.id not in shown])
    overall = Completion(on_step.answered + others.answered, on_step.applicable + others.applicable)
    view.progress.progress(overall.share, text=progress_text(view.number, view.steps, overall.share))
    saving.status_line(view.status, view.diagnostic_id)
    sidebar_button(view.sidebar_entry, view.number, view.dimension, on_step, key, on_click, is_current=True)
