"""Consolidation: question by question, the facilitator records the answer the group agrees on.

The answers go into the workshop's consolidated diagnostic (`WorkshopRecord.consolidated_id`),
an ordinary diagnostic: it gets the same results page, recommendations and exports. The form
sits beside the question under discussion (`ui.workshop_discussion`), inside the refreshing
fragment; it is prefilled with the rounded group mean (or the majority of « je ne sais pas » /
« non concerné ») as soon as `workshops.anonymity` shows the question's figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import streamlit as st

from scoring.completion import question_numbers
from scoring.french import number
from scoring.group import QuestionStats
from scoring.models import Question
from scoring.wording import answer_label
from services import StorageError, WorkshopRecord, diagnostics, params, presenter, workshops
from ui import keys, page, transfer_widgets
from ui.resources import catalogue, store
from workshops import anonymity
from workshops.analysis import Agreed, consolidation_prefill
from workshops.participants import Participant
from workshops.presenting import next_divergent

if TYPE_CHECKING:
    from ui.workshop_discussion import Discussion


def _say(kind: str, text: str) -> None:
    """A message shown next to the consolidation buttons on the next run."""
    st.session_state[keys.CONSOLIDATION_MESSAGE] = (kind, text)


def _save(workshop: WorkshopRecord, question_id: str, label: str, next_id: str | None) -> None:
    """Form callback: write the agreed answer and its note, then (if asked) show the next question."""
    value = st.session_state.get(keys.consolidated_answer(question_id))
    note = st.session_state.get(keys.consolidated_note(question_id)) or ""
    if value is None:
        _say("warning", f"{label}\u00a0: choisissez la réponse du groupe avant d’enregistrer.")
        return
    try:
        workshops.consolidate(store(), workshop, question_id, value, note)
    except StorageError as exc:
        _say("error", str(exc))
        return
    _say("success", f"Réponse du groupe enregistrée pour la question {label}.")
    if next_id is not None:
        presenter.show(store(), workshop, next_id)


def _fill_remaining(workshop: WorkshopRecord, proposals: dict[str, Agreed], importance: dict[str, int]) -> None:
    """Button callback: the proposal for every question without an agreed answer yet."""
    try:
        workshops.consolidate_remaining(store(), workshop, dict(proposals), dict(importance))
        for question_id in proposals:
            st.session_state.pop(keys.consolidated_answer(question_id), None)
    except StorageError as exc:
        st.session_state[keys.CONSOLIDATION_ALL_MESSAGE] = ("error", str(exc))
        return
    st.session_state[keys.CONSOLIDATION_ALL_MESSAGE] = (
        "success",
        f"Proposition du groupe reprise pour {len(proposals)} question(s).",
    )


def _label(value: Agreed | float, question: Question) -> str:
    if isinstance(value, str):
        return answer_label(value)
    level = next((lv.label for lv in question.levels if lv.value == value), "")
    return f"{value} · {level}"


def summary(stats: QuestionStats) -> str:
    """The group's figures on a question, in one French sentence."""
    parts = []
    if stats.mean is not None:
        parts.append(f"moyenne {number(stats.mean, 1)}, écart {stats.spread}")
    parts.append(f"{stats.answered} niveau(x) donné(s)")
    parts.append(f"{stats.dk} « je ne sais pas »")
    parts.append(f"{stats.na} « non concerné »")
    parts.append(f"{stats.missing} sans réponse")
    return "Le groupe : " + ", ".join(parts) + "."


def _show_message(key: str) -> None:
    kind, text = st.session_state.pop(key, (None, None))
    if text:
        page.message_box(kind, text)


def _count(d: Discussion) -> str:
    done = sum(qid in d.saved.answers for qid in d.numbers)
    divergent = [qid for qid in d.numbers if qid in d.stats and d.stats[qid].divergent]
    done_divergent = sum(qid in d.saved.answers for qid in divergent)
    return f"Consolidées : {done} sur {len(d.numbers)}, dont {done_divergent} divergente(s) sur {len(divergent)}"


def question_form(workshop: WorkshopRecord, question: Question, d: Discussion) -> None:
    """The group's answer to the question under discussion, prefilled, with its note."""
    stats = d.stats.get(question.id)
    proposal = consolidation_prefill(stats)
    answer_key, note_key = keys.consolidated_answer(question.id), keys.consolidated_note(question.id)
    if st.session_state.get(answer_key) is None:  # first drawn, or a proposal that appeared since
        st.session_state[answer_key] = d.saved.answers.get(question.id, proposal)
    if note_key not in st.session_state:
        st.session_state[note_key] = d.saved.comments.get(question.id, "")
    done = set(d.saved.answers) | {question.id}
    next_id = next_divergent(d.ids, question.id, d.stats, done)
    label = f"Q{d.numbers[question.id]}"
    if question.id in d.saved.answers:
        status = f":material/check: enregistrée : {_label(d.saved.answers[question.id], question)}"
    elif proposal is not None:
        status = f"proposition (moyenne arrondie) : {_label(proposal, question)}"
    else:
        status = f"pas de proposition (moins de {anonymity.min_people(catalogue())} réponses)"
    done_count = sum(qid in d.saved.answers for qid in d.numbers)
    st.progress(done_count / len(d.numbers) if d.numbers else 0.0, text=_count(d))
    st.markdown(f"**Réponse du groupe ({label})** · {status}")
    options: list[Agreed] = [*(lv.value for lv in question.levels), "dk", "na"]
    with st.form(f"consolidate:{question.id}", border=False):
        st.radio(
            "Réponse retenue par le groupe",
            options,
            format_func=lambda v: _label(v, question),
            key=answer_key,
            label_visibility="collapsed",
        )
        left, right = st.columns([1, 1.7])
        with left:
            st.form_submit_button(
                "Enregistrer",
                on_click=_save,
                args=(workshop, question.id, label, None),
                use_container_width=True,
            )
        with right:
            st.form_submit_button(
                "Enregistrer et suivante",
                type="primary",
                on_click=_save,
                args=(workshop, question.id, label, next_id),
                disabled=next_id is None,
                help="Passe à la prochaine question divergente non consolidée.",
                use_container_width=True,
            )
        _show_message(keys.CONSOLIDATION_MESSAGE)
        st.text_input(
            "Note (facultatif)", key=note_key, max_chars=500, placeholder="Ex.\u00a0: accord après discussion"
        )


def tail(workshop: WorkshopRecord, people: Sequence[Participant]) -> None:
    """Below the discussion: the proposal for the rest, the collegial diagnostic and its reports."""
    cat = catalogue()
    figures = anonymity.group_figures(cat, people, anonymity.min_people(cat))
    stats = figures.stats if figures else {}
    saved = workshops.collegial_responses(store(), workshop)
    questionnaire = cat.questionnaire(workshop.questionnaire_id)
    numbers = question_numbers(questionnaire, cat.territories, workshop.profile.get("authority_type"))
    proposals: dict[str, Agreed] = {}
    for qid in numbers:
        value = consolidation_prefill(stats.get(qid))
        if qid not in saved.answers and value is not None:
            proposals[qid] = value
    importance: dict[str, int] = {}
    if figures:
        importance = {d: v for d, v in figures.responses.importance.items() if d not in saved.importance}
    if proposals or importance:
        st.button(
            f"Reprendre la proposition du groupe pour les {len(proposals)} question(s) non consolidée(s)",
            on_click=_fill_remaining,
            args=(workshop, proposals, importance),
            help="Utile en fin d’atelier, quand le temps manque : les questions déjà consolidées ne changent pas. "
            "Les importances non renseignées reprennent la moyenne du groupe.",
        )
    _show_message(keys.CONSOLIDATION_ALL_MESSAGE)
    left, right = st.columns(2)
    left.page_link(
        "app_pages/results.py",
        label="Résultats du diagnostic collégial",
        icon=":material/radar:",
        query_params={params.DIAGNOSTIC: workshop.consolidated_id},
    )
    right.page_link(
        "app_pages/diagnostic.py",
        label="Ouvrir le diagnostic collégial (importances, commentaires)",
        icon=":material/edit:",
        query_params={params.DIAGNOSTIC: workshop.consolidated_id},
    )
    collegial = diagnostics.find(store(), workshop.consolidated_id)
    if collegial is not None:
        st.markdown("**Rapports de l’atelier** (participation, questions divergentes, réponses retenues)")
        transfer_widgets.report_buttons(collegial, collegial.profile.get("name") or workshop.title)
