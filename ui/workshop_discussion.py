"""The question under discussion, on the facilitator's dashboard: it drives the projected screen
(start, previous, next, reveal, timer, with keyboard shortcuts) and sits beside its consolidation.

Everything here is drawn inside the dashboard's refreshing fragment, so the figures, the
proposal and the count of consolidated questions follow the answers as they come.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import streamlit as st

from reports.charts import group_distribution_figure
from scoring.completion import question_numbers
from scoring.group import QuestionStats
from scoring.models import Question, Questionnaire, ResponseSet
from services import PresenterState, WorkshopRecord, presenter, workshops
from ui import keys, workshop_consolidation
from ui.a11y import CHART_CONFIG
from ui.resources import catalogue, store
from ui.text import escape_markdown
from workshops import anonymity
from workshops.participants import Participant
from workshops.presenting import neighbour, order

TIMER_CHOICES = (1, 2, 3, 5, 10)


@dataclass(frozen=True)
class Discussion:
    """What the dashboard knows about the questions at one refresh."""

    questionnaire: Questionnaire
    numbers: dict[str, int]
    stats: dict[str, QuestionStats]
    ids: list[str]
    current: str | None
    saved: ResponseSet


def discussion(workshop: WorkshopRecord, state: PresenterState, people: Sequence[Participant]) -> Discussion:
    """Numbers, figures, agenda order and the current question, from fresh data."""
    cat = catalogue()
    questionnaire = cat.questionnaire(workshop.questionnaire_id)
    numbers = question_numbers(questionnaire, cat.territories, workshop.profile.get("authority_type"))
    figures = anonymity.group_figures(cat, people, anonymity.min_people(cat))
    stats = figures.stats if figures else {}
    ids = order(questionnaire, numbers, stats)
    current = state.question_id if state.question_id in numbers else (ids[0] if ids else None)
    saved = workshops.collegial_responses(store(), workshop)
    return Discussion(questionnaire, numbers, stats, ids, current, saved)


def _go(workshop: WorkshopRecord, question_id: str | None) -> None:
    if question_id is not None:
        presenter.show(store(), workshop, question_id)


def _jump(workshop: WorkshopRecord) -> None:
    _go(workshop, st.session_state.get(keys.CONSOLIDATION_QUESTION))


def _timer(workshop: WorkshopRecord) -> None:
    minutes = st.session_state.get(keys.PRESENTER_TIMER)
    if minutes:
        presenter.start_timer(store(), workshop, float(minutes))


def _timer_controls(workshop: WorkshopRecord) -> None:
    """The countdown shown on the projected screen: a duration, start, stop."""
    st.selectbox("Durée (minutes)", TIMER_CHOICES, index=1, key=keys.PRESENTER_TIMER)
    st.button("Lancer le minuteur", on_click=_timer, args=(workshop,), key="presenter:timer_start")
    st.button(
        "Arrêter le minuteur", on_click=presenter.stop_timer, args=(store(), workshop), key="presenter:timer_stop"
    )


def controls(workshop: WorkshopRecord, state: PresenterState, d: Discussion) -> None:
    """Buttons that drive the projected screen, with keyboard shortcuts (← → V)."""
    cols = st.columns([1.3, 1, 1, 1, 1.2])
    if state.started:
        cols[0].button(
            "Afficher le code",
            icon=":material/qr_code_2:",
            on_click=presenter.back_to_join,
            args=(store(), workshop),
            key="presenter:join",
            use_container_width=True,
        )
    else:
        cols[0].button(
            "Démarrer",
            type="primary",
            icon=":material/play_arrow:",
            on_click=presenter.start,
            args=(store(), workshop, d.current),
            key="presenter:start",
            help="L’écran de projection passe du code à la première question (raccourci : D).",
            shortcut="D",
            use_container_width=True,
        )
    cols[1].button(
        "Précédente",
        icon=":material/arrow_back:",
        on_click=_go,
        args=(workshop, neighbour(d.ids, d.current, -1)),
        disabled=neighbour(d.ids, d.current, -1) is None,
        key="presenter:previous",
        shortcut="Left",
        use_container_width=True,
    )
    cols[2].button(
        "Suivante",
        icon=":material/arrow_forward:",
        on_click=_go,
        args=(workshop, neighbour(d.ids, d.current, 1)),
        disabled=neighbour(d.ids, d.current, 1) is None,
        key="presenter:next",
        shortcut="Right",
        use_container_width=True,
    )
    cols[3].button(
        "Masquer" if state.revealed else "Révéler",
        icon=":material/visibility_off:" if state.revealed else ":material/visibility:",
        on_click=presenter.reveal,
        args=(store(), workshop, not state.revealed),
        key="presenter:reveal",
        shortcut="V",
        use_container_width=True,
    )
    with cols[4].popover("Minuteur", icon=":material/timer:", use_container_width=True):
        _timer_controls(workshop)
    st.caption(
        ("L’écran projeté montre la question" if state.started else "L’écran projeté montre le code pour rejoindre")
        + " · raccourcis : ← précédente, → suivante, V révéler ou masquer"
        + ("" if state.started else ", D démarrer")
    )


def _describe(d: Discussion, questions: dict[str, Question]) -> dict[str, str]:
    out = {}
    for qid in d.ids:
        mark = "✓ " if qid in d.saved.answers else ""
        divergent = " · divergente" if qid in d.stats and d.stats[qid].divergent else ""
        out[qid] = f"{mark}Q{d.numbers[qid]}. {textwrap.shorten(questions[qid].text, 80, placeholder='…')}{divergent}"
    return out


def current_question(workshop: WorkshopRecord, state: PresenterState, people: Sequence[Participant]) -> None:
    """The question under discussion with its figures (left) and its consolidation (right)."""
    d = discussion(workshop, state, people)
    controls(workshop, state, d)
    if d.current is None:
        st.info("Aucune question à discuter.")
        return
    questions = {q.id: q for _, q in d.questionnaire.questions()}
    labels = _describe(d, questions)
    st.session_state[keys.CONSOLIDATION_QUESTION] = d.current
    left, right = st.columns([3, 2], gap="medium")
    with left:
        st.selectbox(
            "Question à l’écran (ordre du jour : divergentes d’abord)",
            d.ids,
            format_func=labels.__getitem__,
            key=keys.CONSOLIDATION_QUESTION,
            on_change=_jump,
            args=(workshop,),
            label_visibility="collapsed",
        )
        question = questions[d.current]
        st.markdown(f"**Q{d.numbers[d.current]}. {escape_markdown(question.text)}**")
        stats = d.stats.get(d.current)
        if stats is None:
            st.caption(f"Moins de {anonymity.min_people(catalogue())} réponses à cette question : figures masquées.")
        else:
            st.caption(workshop_consolidation.summary(stats))
            fig = group_distribution_figure(d.stats, d.questionnaire, [d.current], d.numbers)
            fig.update_yaxes(showticklabels=False)
            fig.update_xaxes(title_text="")
            fig.update_layout(
                height=190,
                margin={"l": 10, "r": 10, "t": 5, "b": 5},
                legend={"orientation": "h", "x": 0, "y": -0.25, "yanchor": "top", "font": {"size": 11}},
            )
            st.plotly_chart(fig, key="discussion_chart", config=CHART_CONFIG, theme=None)
        st.caption("À l’écran : " + ("résultats révélés." if state.revealed else "résultats masqués."))
    with right:
        workshop_consolidation.question_form(workshop, question, d)
