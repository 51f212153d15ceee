"""Questionnaire: one dimension per step, importance first, every answer saved on the spot."""

from __future__ import annotations

from typing import Any

import streamlit as st

from scoring.completion import asked, asked_in, question_numbers
from scoring.models import Dimension, Question, Questionnaire
from scoring.wording import half_step
from services import DiagnosticRecord, diagnostics, params
from ui import browser, current, keys, page, question_widgets, saving, step_progress, workshop_participant
from ui.resources import catalogue, store
from ui.step_progress import StepView, saved_done
from ui.text import escape_markdown


def _applicable(dim: Dimension, authority_type: str | None) -> list[Question]:
    return asked_in(dim, catalogue().territories, authority_type)


def _first_unfinished(q: Questionnaire, authority_type: str | None, carried: set[str]) -> int:
    """The step a resume link opens: the first dimension with a question unanswered or carried over
    from the previous diagnostic and not yet confirmed (1 if everything is answered)."""
    for i, dim in enumerate(q.dimensions, 1):
        questions = _applicable(dim, authority_type)
        if not saved_done(questions).complete or any(x.id in carried for x in questions):
            return i
    return 1


def _step(q: Questionnaire, authority_type: str | None, carried: set[str]) -> int:
    raw = st.query_params.get(params.STEP)
    if raw is None:
        step = _first_unfinished(q, authority_type, carried)
        st.query_params[params.STEP] = str(step)
        return step
    return params.step(raw, len(q.dimensions))


def _go(step: int) -> None:
    st.query_params[params.STEP] = str(step)


def _sidebar(q: Questionnaire, authority_type: str | None, step: int) -> Any:
    """The dimensions with their progress; returns the current one's place (its questions redraw it)."""
    current_entry = None
    with st.sidebar:
        st.markdown("**Dimensions**")
        for i, dim in enumerate(q.dimensions, 1):
            if i == step:
                current_entry = st.empty()
                continue
            progress = saved_done(_applicable(dim, authority_type))
            step_progress.sidebar_button(st, i, dim, progress, key=f"jump:{dim.id}", on_click=_go)
    return current_entry


def _resume_link(rec: DiagnosticRecord) -> None:
    base = (st.context.url or "").split("?")[0]
    link = f"{base}?{params.DIAGNOSTIC}={rec.id}"
    with st.expander("Lien de reprise (à conserver)"):
        st.write(
            "Ce lien rouvre ce diagnostic avec toutes ses réponses, sur ce poste ou un autre. Il donne accès aux "
            "réponses : partagez-le seulement avec votre équipe. Ce diagnostic est aussi listé sur la page d’accueil "
            "de cet appareil."
        )
        st.code(link, language=None)


def _navigation(rec: DiagnosticRecord, step: int, n_steps: int, closed: bool) -> None:
    left, middle, right = st.columns([1, 2, 1])
    if step < n_steps and not rec.workshop_id:  # the results so far, one step away from any step
        middle.page_link(
            "app_pages/results.py",
            label="Voir les résultats à ce stade",
            icon=":material/radar:",
            query_params={params.DIAGNOSTIC: rec.id},
        )
    if step > 1:
        left.button("← Dimension précédente", on_click=_go, args=(step - 1,), use_container_width=True)
    if step < n_steps:
        right.button("Dimension suivante →", on_click=_go, args=(step + 1,), type="primary", use_container_width=True)
    elif rec.workshop_id:
        workshop_participant.finish_button(rec, right, closed)
    else:
        if right.button("Voir les résultats →", type="primary", use_container_width=True):
            st.switch_page("app_pages/results.py", query_params={params.DIAGNOSTIC: rec.id})


def _needs_profile(rec: DiagnosticRecord) -> bool:
    """Ask for the authority type first (participants answer about the workshop's authority)."""
    if rec.profile.get("authority_type") or rec.workshop_id:
        return False
    st.warning("Renseignez d’abord le type de collectivité : il détermine les questions qui vous concernent.")
    st.page_link(
        "app_pages/profile.py",
        label="Compléter le profil",
        icon=":material/apartment:",
        query_params={params.DIAGNOSTIC: rec.id},
    )
    return True


def _header(rec: DiagnosticRecord, q: Questionnaire) -> tuple[bool, Any]:
    """Title, workshop banner, progress bar's place and resume link; (workshop closed, progress place)."""
    name = rec.profile.get("name") or "Collectivité sans nom"
    st.title("Questionnaire", anchor=False)
    st.caption(escape_markdown(f"{name} · {q.title}"))
    page.show_flashes()
    closed = workshop_participant.banner(rec)
    progress = st.empty()
    _resume_link(rec)
    return closed, progress


def _body(
    rec: DiagnosticRecord, q: Questionnaire, places: tuple[Any, Any], step: int, carried: set[str], closed: bool
) -> StepView:
    """The step itself: heading, description, helpers, save status, importance, then each question."""
    authority_type = rec.profile.get("authority_type")
    dim = q.dimensions[step - 1]
    title = f"{half_step(dim.half)} · {dim.title}"
    st.header(title, anchor=False)
    browser.focus_step(title, step)
    st.write(dim.description)
    actors = {a.id: a.name for a in catalogue().actors.actors}
    if dim.actors:
        st.caption("Peuvent vous aider\u00a0: " + ", ".join(actors[a] for a in dim.actors if a in actors))
    progress, sidebar_entry = places
    view = StepView(
        diagnostic_id=rec.id,
        progress=progress,
        status=st.empty(),
        sidebar_entry=sidebar_entry,
        number=step,
        steps=len(q.dimensions),
        dimension=dim,
        step_questions=_applicable(dim, authority_type),
        asked=asked(q, catalogue().territories, authority_type),
    )
    question_widgets.importance(rec, q, dim, view, closed)
    numbers = question_numbers(q, catalogue().territories, authority_type)
    for question in view.step_questions:
        question_widgets.question(rec, numbers[question.id], question, carried, view, closed)
    return view


def render() -> None:
    """The questionnaire screen."""
    rec = current.record()
    if rec is None:
        st.title("Questionnaire", anchor=False)
        return
    browser.remember(rec.id)
    q = current.questionnaire_of(rec)
    authority_type = rec.profile.get("authority_type")
    first_run = current.load_values(rec)
    carried = diagnostics.carried_over(store(), rec)  # a query: once a run, for the step and its questions
    step = _step(q, authority_type, carried)
    dim = q.dimensions[step - 1]
    drawn = question_widgets.drawn(dim, _applicable(dim, authority_type))
    if not first_run:
        current.seed(keys.widget(kind, item) for kind, item in drawn)
    st.session_state.pop(keys.RERUN_PAGE, None)  # this run is the whole page
    saving.retry_pending()
    closed, progress = _header(rec, q)
    if _needs_profile(rec):
        progress.progress(0.0, text=step_progress.progress_text(step, len(q.dimensions), 0.0))
        return
    browser.questionnaire_helpers()
    sidebar_entry = _sidebar(q, authority_type, step)
    with question_widgets.drawn_by_page(first_run):
        view = _body(rec, q, (progress, sidebar_entry), step, carried, closed)
    step_progress.draw_for_page(view, _go)
    saving.other_notices()
    if first_run:
        saving.reconcile(rec.id, drawn)
        saving.rerun_page_if_asked()  # a save refused there (workshop closed meanwhile): show the page read-only
    _navigation(rec, step, len(q.dimensions), closed)


page.guard(render)
