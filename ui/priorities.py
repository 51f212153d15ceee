"""« Vos priorités », « Autres pistes » and « Points forts » on the results page, with one click from a
next step to an action of the plan (the structure itself is `scoring.priorities.prioritise`)."""

from __future__ import annotations

import streamlit as st

from reports.narrative import answer_label
from scoring.engine import DimensionScore, Scores
from scoring.french import score_text
from scoring.models import Questionnaire
from scoring.plan import ActionPlan
from scoring.priorities import FicheUse, Priority, Recommendations, WeakAnswer
from scoring.recommend import importance_text
from scoring.resources import NamedActor
from scoring.wording import status_label
from services import DiagnosticRecord, StorageError, params, plans
from ui import keys, page
from ui.resources import catalogue, store
from ui.text import escape_markdown

UNCONFIRMED = "titre non confirmé"
NOTHING_EVALUATED = "Aucune dimension n’est encore évaluée : répondez au questionnaire pour voir vos priorités."
ALL_REACHED = "Aucune dimension à améliorer : toutes ont atteint leur cible."


def fiche_line(use: FicheUse, titles: dict[str, str], shown_for: str) -> str:
    """One fiche as a Markdown list item: kit, edition, number, linked title, what else it serves, caution."""
    number = f"n°\u00a0{use.fiche.number} · " if use.fiche.number else ""
    edition = f" (édition {use.edition})" if use.edition else ""
    text = f"{number}{escape_markdown(use.fiche.title)}"
    link = f"[{text}]({use.url})" if use.url else text
    others = [titles[d] for d in use.serves if d != shown_for and d in titles]
    serves = f" · sert aussi\u00a0: {', '.join(others)}" if others else ""
    caution = f" · _{UNCONFIRMED}_" if not use.verified else ""
    return f"- :material/description: Fiche {use.kit_title}{edition} {link}{serves}{caution}"


def actor_text(actors: list[NamedActor]) -> str:
    """« CRESS Normandie (Chambre régionale de l’ESS) · CNFPT », linked where the catalogue has a URL."""
    parts = []
    for named in actors:
        label = escape_markdown(named.name)
        if not named.actor.full_name.startswith(named.actor.name):  # « Têtes de réseaux (Têtes de réseaux et …) »
            label += f" ({escape_markdown(named.actor.full_name)})"
        parts.append(f"[{label}]({named.actor.url})" if named.actor.url else label)
    return " · ".join(parts)


def _add_step(diag_id: str, dimension_id: str, step: WeakAnswer) -> None:
    try:
        plans.add_step(store(), diag_id, dimension_id, step)
    except StorageError as exc:
        page.flash(str(exc), "error")


def _step(rec: DiagnosticRecord, plan: ActionPlan, dimension_id: str, weak: WeakAnswer) -> None:
    """A weak answer: the question, the level chosen, its next step and the button that plans it."""
    question = weak.question
    lines = [
        f"**{escape_markdown(question.text)}**",
        f"Votre réponse\u00a0: {escape_markdown(answer_label(question, weak.level.value))}",
    ]
    if weak.next_step:
        lines.append(f":material/arrow_forward: **Étape suivante\u00a0:** {escape_markdown(weak.next_step)}")
    if weak.actors:
        lines.append(f"Avec\u00a0: {actor_text(weak.actors)}")
    st.markdown("  \n".join(lines))
    if not weak.next_step:
        return
    planned = plans.action_for_step(plan, dimension_id, weak)
    if planned is not None:
        st.caption(f":material/check_circle: Inscrite au plan d’action (statut\u00a0: {status_label(planned.status)})")
    elif not rec.workshop_id:
        st.button(
            "Ajouter cette étape au plan d’action",
            key=keys.step_action(dimension_id, question.id),
            icon=":material/playlist_add:",
            on_click=_add_step,
            args=(rec.id, dimension_id, weak),
        )


def _body(rec: DiagnosticRecord, plan: ActionPlan, item: Priority, titles: dict[str, str]) -> None:
    """Reason, weakest answers with their next steps, fiches (once per page) and actors of one dimension."""
    dim_id = item.score.dimension.id
    st.markdown(escape_markdown(item.reason))
    for weak in item.weak_answers:
        _step(rec, plan, dim_id, weak)
    if item.fiches:
        st.markdown("**Fiches à lire**\n\n" + "\n".join(fiche_line(f, titles, dim_id) for f in item.fiches))
    if item.see_also:
        names = ", ".join(
            f"{escape_markdown(f.fiche.title)} (plus haut, {escape_markdown(titles.get(f.serves[0], ''))})"
            for f in item.see_also
        )
        st.markdown(f"**Voir aussi\u00a0:** {names}")
    if item.actors:
        st.markdown(f"**À contacter\u00a0:** {actor_text(item.actors)}")


def summary_line(n: int, item: Priority, questionnaire: Questionnaire) -> str:
    """« 1. **Entrepreneuriat ESS** (16/100, importance « Enjeu majeur ») : first next step », for the first screen."""
    ds = item.score
    first = next((w.next_step for w in item.weak_answers if w.next_step), "")
    step = f"\u00a0: {escape_markdown(first)}" if first else ""
    words = importance_text(questionnaire, ds)
    return (
        f"{n}. **{escape_markdown(ds.dimension.short_title)}** ({score_text(ds.score)}/100, importance {words}){step}"
    )


def _strengths(result: Recommendations) -> None:
    st.header(catalogue().rules.strengths.title, anchor=False)
    if result.no_strength_message:
        st.info(result.no_strength_message, icon=":material/info:")
        return
    st.markdown("\n".join(f"- {_strength_line(ds)}" for ds in result.strengths))


def _strength_line(ds: DimensionScore) -> str:
    band = f" ({ds.band.label})" if ds.band else ""
    return f"**{escape_markdown(ds.dimension.title)}**\u00a0: {score_text(ds.score)}/100{band}"


def section(rec: DiagnosticRecord, result: Recommendations, scores: Scores) -> None:
    """The first screen: priorities explained, other leads one click away, then strengths."""
    rules = catalogue().rules
    titles = {p.score.dimension.id: p.score.dimension.short_title for p in result.priorities + result.others}
    plan = plans.load(store(), rec.id)
    st.header(rules.priorities.title, anchor=False)
    if not any(ds.score is not None for ds in scores.dimensions):
        st.info(NOTHING_EVALUATED, icon=":material/info:")
    elif not result.priorities:
        st.success(ALL_REACHED, icon=":material/check:")
    else:
        kit = result.audience.kit
        assumed = " (type de collectivité non renseigné : kit supposé)" if result.audience.level_assumed else ""
        st.caption(
            f"Les dimensions où l’écart à votre cible, pondéré par l’importance que vous leur donnez, est le plus "
            f"grand ; expliquées par vos réponses les plus faibles. Fiches du kit {kit.title} du RTES{assumed}."
        )
    if result.priorities:
        lines = [summary_line(n, item, scores.questionnaire) for n, item in enumerate(result.priorities, 1)]
        st.markdown("\n".join(lines))
    for n, item in enumerate(result.priorities, 1):
        with st.container(border=True):
            st.subheader(f"{n}. {item.score.dimension.title}", anchor=False)
            _body(rec, plan, item, titles)
    if result.priorities and not rec.workshop_id:
        st.page_link(
            "app_pages/action_plan.py",
            label="Voir le plan d’action",
            icon=":material/flag:",
            query_params={params.DIAGNOSTIC: rec.id},
        )
    if result.others:
        label = (
            f"{rules.priorities.others_title} ({len(result.others)} dimension{'s' if len(result.others) > 1 else ''})"
        )
        with st.expander(label, icon=":material/more_horiz:"):
            for item in result.others:
                st.subheader(item.score.dimension.title, anchor=False)
                _body(rec, plan, item, titles)
    _strengths(result)
