"""Consolidation: question by question, the facilitator records the answer the group agrees on.

The answers go into the workshop's consolidated diagnostic (`WorkshopRecord.consolidated_id`),
an ordinary diagnostic: it gets the same results page, recommendations and exports. Each
question is prefilled with the rounded group mean (or the majority of « je ne sais pas » /
« non concerné »), once `workshops.anonymity` shows the question's figures.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import streamlit as st

from reports.charts import group_distribution_figure
from scoring.completion import question_numbers
from scoring.french import number
from scoring.group import QuestionStats
from scoring.models import Question, ResponseSet
from services import StorageError, WorkshopRecord, diagnostics, params, workshops
from ui import keys, page, transfer_widgets
from ui.a11y import CHART_CONFIG
from ui.resources import catalogue, store
from ui.text import escape_markdown
from workshops import anonymity
from workshops.analysis import Agreed, agenda, consolidation_prefill
from workshops.participants import Participant

SPECIAL = {"dk": "Je ne sais pas", "na": "Non concerné"}
ORDERS = {"questionnaire": "Ordre du questionnaire", "agenda": "Divergentes d’abord"}


def _save(workshop: WorkshopRecord, question_id: str, number: int, next_id: str | None) -> None:
    """Form callback: write the agreed answer and its note, then move to the next question."""
    value = st.session_state.get(keys.consolidated_answer(question_id))
    note = st.session_state.get(keys.consolidated_note(question_id)) or ""
    if value is None:
        page.flash(f"Question {number} : choisissez la réponse du groupe avant d’enregistrer.", "warning")
        return
    try:
        workshops.consolidate(store(), workshop, question_id, value, note)
    except StorageError as exc:
        page.flash(str(exc), "error")
        return
    page.flash(f"Réponse du groupe enregistrée pour la question {number}.")
    if next_id is not None:
        st.session_state[keys.CONSOLIDATION_QUESTION] = next_id


def _fill_remaining(workshop: WorkshopRecord, proposals: dict[str, Agreed], importance: dict[str, int]) -> None:
    """Button callback: the proposal for every question without an agreed answer yet."""
    try:
        workshops.consolidate_remaining(store(), workshop, dict(proposals), dict(importance))
        for question_id in proposals:
            st.session_state.pop(keys.consolidated_answer(question_id), None)
    except StorageError as exc:
        page.flash(str(exc), "error")
        return
    page.flash(f"Proposition du groupe reprise pour {len(proposals)} question(s).")


def _label(value: Agreed | float, question: Question) -> str:
    if isinstance(value, str):
        return SPECIAL[value]
    level = next((lv.label for lv in question.levels if lv.value == value), "")
    return f"{value} · {level}"


def _summary(stats: QuestionStats) -> str:
    parts = []
    if stats.mean is not None:
        parts.append(f"moyenne {number(stats.mean, 1)}, écart {stats.spread}")
    parts.append(f"{stats.answered} niveau(x) donné(s)")
    parts.append(f"{stats.dk} « je ne sais pas »")
    parts.append(f"{stats.na} « non concerné »")
    parts.append(f"{stats.missing} sans réponse")
    return "Le groupe : " + ", ".join(parts) + "."


def _question_form(
    workshop: WorkshopRecord,
    question: Question,
    number: int,
    stats: QuestionStats | None,
    saved: ResponseSet,
    next_id: str | None,
) -> None:
    proposal = consolidation_prefill(stats)
    answer_key, note_key = keys.consolidated_answer(question.id), keys.consolidated_note(question.id)
    if answer_key not in st.session_state:
        st.session_state[answer_key] = saved.answers.get(question.id, proposal)
    if note_key not in st.session_state:
        st.session_state[note_key] = saved.comments.get(question.id, "")
    st.markdown(f"**Q{number}. {escape_markdown(question.text)}**")
    st.caption(escape_markdown(question.help))
    if stats is not None:
        st.write(_summary(stats))
        fig = group_distribution_figure(
            {question.id: stats}, catalogue().questionnaire(workshop.questionnaire_id), [question.id]
        )
        fig.update_layout(height=200, showlegend=True)
        st.plotly_chart(fig, key=f"cons_chart:{question.id}", config=CHART_CONFIG, theme=None)
    else:
        st.caption(f"Moins de {anonymity.min_people(catalogue())} réponses à cette question : pas de proposition.")
    if question.id in saved.answers:
        st.caption(f":material/check: Réponse du groupe enregistrée : {_label(saved.answers[question.id], question)}.")
    elif proposal is not None:
        st.caption(
            f"Proposition (moyenne arrondie) : {_label(proposal, question)}. Modifiez-la si le groupe en décide autrement."
        )
    options: list[Agreed] = [*(lv.value for lv in question.levels), "dk", "na"]
    descriptions = {lv.value: lv.description for lv in question.levels}
    with st.form(f"consolidate:{question.id}"):
        st.radio(
            "Réponse retenue par le groupe",
            options,
            format_func=lambda v: _label(v, question),
            captions=[descriptions.get(v, "") if isinstance(v, int) else "" for v in options],
            key=answer_key,
        )
        st.text_area(
            "Note sur cette réponse (facultatif)",
            key=note_key,
            max_chars=5000,
            placeholder="Ex. : accord après discussion ; les élus voient un soutien plus fort que les agents.",
        )
        st.form_submit_button(
            "Enregistrer la réponse du groupe" + (" et passer à la suivante" if next_id else ""),
            type="primary",
            on_click=_save,
            args=(workshop, question.id, number, next_id),
        )


def render(workshop: WorkshopRecord, people: Sequence[Participant]) -> None:
    """The consolidation section of the dashboard (outside the auto-refreshing fragment)."""
    st.header("Consolidation : la réponse du groupe", anchor=False)
    cat = catalogue()
    questionnaire = cat.questionnaire(workshop.questionnaire_id)
    numbers = question_numbers(questionnaire, cat.territories, workshop.profile.get("authority_type"))
    figures = anonymity.group_figures(cat, people, anonymity.min_people(cat))
    stats = figures.stats if figures else {}
    saved = workshops.collegial_responses(store(), workshop)
    done = sum(qid in saved.answers for qid in numbers)
    st.write(
        "Question par question, enregistrez la réponse sur laquelle le groupe s’accorde. Elle est proposée à partir "
        "de la moyenne des réponses ; changez-la si la discussion en décide autrement, « je ne sais pas » et "
        "« non concerné » compris. Ces réponses forment le diagnostic collégial de l’atelier."
    )
    st.progress(done / len(numbers) if numbers else 0.0, text=f"{done} question(s) consolidée(s) sur {len(numbers)}")
    order = st.radio(
        "Parcourir les questions",
        list(ORDERS),
        format_func=ORDERS.__getitem__,
        horizontal=True,
        key=keys.CONSOLIDATION_ORDER,
    )
    if order == "agenda" and figures:
        ranked = [item.question.id for item in agenda(questionnaire, numbers, stats)]
        ids = ranked + [qid for qid in numbers if qid not in ranked]
    else:
        ids = list(numbers)
    questions = {q.id: q for _, q in questionnaire.questions()}

    def describe(qid: str) -> str:
        mark = "✓ " if qid in saved.answers else ""
        divergent = " · divergente" if qid in stats and stats[qid].divergent else ""
        return f"{mark}Q{numbers[qid]}. {textwrap.shorten(questions[qid].text, 90, placeholder='…')}{divergent}"

    if st.session_state.get(keys.CONSOLIDATION_QUESTION) not in ids:
        st.session_state[keys.CONSOLIDATION_QUESTION] = ids[0] if ids else None
    current = st.selectbox("Question", ids, format_func=describe, key=keys.CONSOLIDATION_QUESTION)
    if current is not None:
        position = ids.index(current)
        next_id = ids[position + 1] if position + 1 < len(ids) else None
        _question_form(workshop, questions[current], numbers[current], stats.get(current), saved, next_id)
    proposals: dict[str, Agreed] = {}
    for qid in numbers:
        value = consolidation_prefill(stats.get(qid))
        if qid not in saved.answers and value is not None:
            proposals[qid] = value
    importance: dict[str, int] = {}
    if figures:
        means = figures.responses.importance
        importance = {d: v for d, v in means.items() if d not in saved.importance}
    if proposals or importance:
        st.button(
            f"Reprendre la proposition du groupe pour les {len(proposals)} question(s) non consolidée(s)",
            on_click=_fill_remaining,
            args=(workshop, proposals, importance),
            help="Utile en fin d’atelier, quand le temps manque : les questions déjà consolidées ne changent pas. "
            "Les importances non renseignées reprennent la moyenne du groupe.",
        )
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
        st.markdown(
            "**Rapports de l’atelier** (participation, questions divergentes, réponses retenues et moyenne du groupe)"
        )
        transfer_widgets.report_buttons(collegial, collegial.profile.get("name") or workshop.title)
