"""Questionnaire: one dimension per step, importance first, every answer saved on the spot."""

from __future__ import annotations

import streamlit as st

from scoring.engine import applies
from scoring.models import Dimension, Question, Questionnaire
from services import DiagnosticRecord, diagnostics, params
from ui import current, keys, page, saving, workshop_participant
from ui.resources import catalogue, store
from ui.text import escape_markdown

SPECIAL = {"dk": "Je ne sais pas", "na": "Non concerné"}
STATUS_ICONS = [
    (":material/radio_button_unchecked:", "à faire"),
    (":material/timelapse:", "en cours"),
    (":material/check_circle:", "complète"),
]
HALF_LABEL = {"motivation": "Motivations", "resource": "Ressources"}


def _applicable(q: Questionnaire, dim: Dimension, authority_type: str | None) -> list[Question]:
    return [x for x in dim.questions if applies(x, authority_type, catalogue().territories)]


def _done(questions: list[Question]) -> int:
    return sum(current.saved_value(keys.answer(x.id)) is not None for x in questions)


def _step(n_steps: int) -> int:
    return params.step(st.query_params.get(params.STEP), n_steps)


def _go(step: int) -> None:
    st.query_params[params.STEP] = str(step)


def _sidebar(q: Questionnaire, authority_type: str | None, step: int) -> None:
    with st.sidebar:
        st.markdown("**Dimensions**")
        for i, dim in enumerate(q.dimensions, 1):
            questions = _applicable(q, dim, authority_type)
            done = _done(questions)
            icon, status = STATUS_ICONS[2 if done == len(questions) else 1 if done else 0]
            st.button(
                f"{i}. {dim.short_title} · {done}/{len(questions)}",
                key=f"jump:{dim.id}",
                on_click=_go,
                args=(i,),
                icon=icon,
                type="primary" if i == step else "tertiary",
                help=f"{HALF_LABEL[dim.half]} : {dim.title} ({status})",
            )


def _importance(rec: DiagnosticRecord, q: Questionnaire, dim: Dimension, closed: bool) -> None:
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
    )
    saving.error_near(key)


def _question(rec: DiagnosticRecord, number: int, question: Question, carried: set[str], closed: bool) -> None:
    levels = {lv.value: lv for lv in question.levels}
    options: list[int | str] = [*levels, "dk", "na"]
    with st.container(border=True):
        st.markdown(f"**{number}. {escape_markdown(question.text)}**")
        st.caption(escape_markdown(question.help))
        key, args = saving.save_callback(rec.id, "answer", question.id)
        st.radio(
            f"Votre réponse à la question {number}",
            options,
            format_func=lambda v: SPECIAL[v] if isinstance(v, str) else f"{v} · {levels[v].label}",
            captions=[levels[v].description if isinstance(v, int) else "" for v in options],
            key=key,
            on_change=saving.save,
            args=args,
            disabled=closed,
        )
        saving.error_near(key)
        if question.id in carried:
            st.caption(
                ":material/history: Réponse reprise du diagnostic précédent : confirmez-la en la choisissant à nouveau, ou modifiez-la."
            )
        ckey, cargs = saving.save_callback(rec.id, "comment", question.id)
        with st.expander("Commentaire" + (" (1)" if st.session_state.get(ckey) else "")):
            st.text_area(
                f"Commentaire sur la question {number} (facultatif)",
                key=ckey,
                on_change=saving.save,
                args=cargs,
                max_chars=5000,
                disabled=closed,
            )
            saving.error_near(ckey)


def _resume_link(rec: DiagnosticRecord) -> None:
    base = (st.context.url or "").split("?")[0]
    link = f"{base}?{params.DIAGNOSTIC}={rec.id}"
    with st.expander("Lien de reprise (à conserver)"):
        st.write(
            "Ce lien rouvre ce diagnostic avec toutes ses réponses, sur ce poste ou un autre. Il donne accès aux réponses : partagez-le seulement avec votre équipe."
        )
        st.code(link, language=None)


def _navigation(rec: DiagnosticRecord, step: int, n_steps: int, closed: bool) -> None:
    left, _, right = st.columns([1, 2, 1])
    if step > 1:
        left.button("← Dimension précédente", on_click=_go, args=(step - 1,), use_container_width=True)
    if step < n_steps:
        right.button("Dimension suivante →", on_click=_go, args=(step + 1,), type="primary", use_container_width=True)
    elif rec.workshop_id:
        workshop_participant.finish_button(rec, right, closed)
    else:
        if right.button("Voir les résultats →", type="primary", use_container_width=True):
            st.switch_page("app_pages/results.py", query_params={params.DIAGNOSTIC: rec.id})


def render() -> None:
    """The questionnaire screen."""
    rec = current.record()
    if rec is None:
        st.title("Questionnaire")
        return
    q = current.questionnaire_of(rec)
    authority_type = rec.profile.get("authority_type")
    dim = q.dimensions[_step(len(q.dimensions)) - 1]
    shown = [keys.importance(dim.id)]
    for question in _applicable(q, dim, authority_type):
        shown += [keys.answer(question.id), keys.comment(question.id)]
    current.load_widgets(rec, shown)
    saving.retry_pending()
    name = rec.profile.get("name") or "Collectivité sans nom"
    st.title("Questionnaire")
    st.caption(escape_markdown(f"{name} · {q.title}"))
    page.show_flashes()
    closed = workshop_participant.banner(rec)
    if not authority_type and not rec.workshop_id:  # participants answer about the workshop's authority
        st.warning("Renseignez d’abord le type de collectivité : il détermine les questions qui vous concernent.")
        st.page_link(
            "app_pages/profile.py",
            label="Compléter le profil",
            icon=":material/apartment:",
            query_params={params.DIAGNOSTIC: rec.id},
        )
        return
    n_steps = len(q.dimensions)
    step = _step(n_steps)
    _sidebar(q, authority_type, step)
    all_questions = [x for d in q.dimensions for x in _applicable(q, d, authority_type)]
    share = _done(all_questions) / len(all_questions) if all_questions else 0.0
    st.progress(
        share, text=f"Étape {step} sur {n_steps} · {share:.0%} des questions renseignées".replace("%", "\u00a0%")
    )
    _resume_link(rec)
    st.header(f"{HALF_LABEL[dim.half]} · {dim.title}", anchor=False)
    st.write(dim.description)
    actors = {a.id: a.name for a in catalogue().actors.actors}
    if dim.actors:
        st.caption("Peuvent vous aider : " + ", ".join(actors[a] for a in dim.actors if a in actors))
    _importance(rec, q, dim, closed)
    carried = diagnostics.carried_over(store(), rec)
    first = sum(len(_applicable(q, d, authority_type)) for d in q.dimensions[: step - 1]) + 1
    for offset, question in enumerate(_applicable(q, dim, authority_type)):
        _question(rec, first + offset, question, carried, closed)
    saving.other_error()
    _navigation(rec, step, n_steps, closed)


page.guard(render)
