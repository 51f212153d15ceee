"""Plan d’action: for 2 to 5 priority dimensions, actions with a lead, partners, deadline, fiches, indicator."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

import streamlit as st

from scoring.engine import DimensionScore, score
from scoring.recommend import fiches_for, recommend
from storage import DiagnosticRecord
from ui import current, page
from ui.resources import catalogue, store
from ui.text import score_text

MIN_DIMS, MAX_DIMS = 2, 5


def _parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _save(rec: DiagnosticRecord, plan: list[dict[str, Any]], message: str) -> None:
    store().save_action_plan(rec.id, plan)
    page.flash(message)
    st.rerun()


def _action_form(
    rec: DiagnosticRecord, plan: list[dict[str, Any]], action: dict[str, Any], dim_id: str, kit: str
) -> None:
    """One form for a new or existing action; submitting it saves the whole plan."""
    cat = catalogue()
    actors = {a.id: a.name for a in cat.actors.actors}
    fiches = {f.id: f"{f'n° {f.number} · ' if f.number else ''}{f.title}" for f in fiches_for(cat, kit, dim_id, 10)}
    new = "id" not in action
    aid = action.get("id") or f"new-{dim_id}"
    with st.form(f"action:{aid}", clear_on_submit=new, border=True):
        what = st.text_area("Action", value=action.get("what", ""), max_chars=500, key=f"act:{aid}:what", height=68)
        left, right = st.columns(2)
        lead = left.text_input(
            "Pilote (service, élu, partenaire)", value=action.get("lead", ""), max_chars=200, key=f"act:{aid}:lead"
        )
        deadline = right.date_input(
            "Échéance", value=_parse_day(action.get("deadline", "")), format="DD/MM/YYYY", key=f"act:{aid}:deadline"
        )
        partners = left.multiselect(
            "Partenaires",
            list(actors),
            default=[p for p in action.get("partners", []) if p in actors],
            format_func=actors.__getitem__,
            key=f"act:{aid}:partners",
            placeholder="Choisir dans le catalogue des acteurs",
        )
        chosen_fiches = right.multiselect(
            "Fiches RTES mobilisées",
            list(fiches),
            default=[f for f in action.get("fiches", []) if f in fiches],
            format_func=fiches.__getitem__,
            key=f"act:{aid}:fiches",
            placeholder="Choisir une ou plusieurs fiches",
        )
        indicator = st.text_input(
            "Indicateur de réussite", value=action.get("indicator", ""), max_chars=300, key=f"act:{aid}:indicator"
        )
        cols = st.columns([1, 1, 3])
        saved = cols[0].form_submit_button("Ajouter l’action" if new else "Enregistrer", type="primary")
        deleted = False if new else cols[1].form_submit_button("Supprimer")
    if deleted:
        _save(rec, [a for a in plan if a.get("id") != aid], "Action supprimée.")
    if saved:
        if not what.strip():
            st.error("Décrivez l’action avant de l’enregistrer.")
            return
        entry = {
            "id": action.get("id") or secrets.token_hex(8),
            "dimension_id": dim_id,
            "what": what.strip(),
            "lead": lead.strip(),
            "partners": partners,
            "deadline": deadline.isoformat() if isinstance(deadline, date) else "",
            "fiches": chosen_fiches,
            "indicator": indicator.strip(),
        }
        updated = [entry if a.get("id") == entry["id"] else a for a in plan] if not new else [*plan, entry]
        _save(rec, updated, "Action enregistrée.")


def _dimension(rec: DiagnosticRecord, plan: list[dict[str, Any]], ds: DimensionScore, kit: str) -> None:
    st.header(f"{ds.dimension.title} · {score_text(ds.score)}/100, priorité {ds.priority:.0f}", anchor=False)
    actions = [a for a in plan if a.get("dimension_id") == ds.dimension.id]
    if not actions:
        st.caption("Aucune action pour l’instant.")
    for action in actions:
        _action_form(rec, plan, action, ds.dimension.id, kit)
    with st.expander("Nouvelle action", expanded=not actions):
        _action_form(rec, plan, {}, ds.dimension.id, kit)


def render() -> None:
    """The action plan screen."""
    st.title("Plan d’action", anchor=False)
    page.show_flashes()
    rec = current.record()
    if rec is None:
        return
    cat = catalogue()
    scores = score(cat, current.responses(rec))
    advice = recommend(cat, scores)
    ranked = sorted((ds for ds in scores.dimensions if ds.priority is not None), key=lambda ds: -(ds.priority or 0.0))
    if len(ranked) < MIN_DIMS:
        st.info(
            "Répondez d’abord au questionnaire : il faut au moins deux dimensions évaluées pour bâtir un plan d’action."
        )
        return
    plan = store().load_action_plan(rec.id)
    by_id = {ds.dimension.id: ds for ds in ranked}
    saved_dims = list(dict.fromkeys(a["dimension_id"] for a in plan if a.get("dimension_id") in by_id))
    st.write(
        f"Choisissez de {MIN_DIMS} à {MAX_DIMS} dimensions prioritaires (présélectionnées selon la priorité calculée), "
        f"puis décrivez les actions à mener. Les fiches proposées sont celles du kit {advice.kit_title}."
    )
    chosen = st.multiselect(
        "Dimensions prioritaires",
        list(by_id),
        default=saved_dims[:MAX_DIMS] or list(by_id)[:3],
        format_func=lambda d: by_id[d].dimension.title,  # plain text: chips are not Markdown
        max_selections=MAX_DIMS,
        key=f"plan_dims:{rec.id}",
    )
    if len(chosen) < MIN_DIMS:
        st.warning(f"Choisissez au moins {MIN_DIMS} dimensions.")
        return
    for dim_id in chosen:
        _dimension(rec, plan, by_id[dim_id], advice.kit_id)
    orphans = [a for a in plan if a.get("dimension_id") not in chosen]
    if orphans:
        st.caption(
            f"{len(orphans)} action(s) enregistrée(s) sur des dimensions non sélectionnées : elles sont conservées et figurent dans le rapport."
        )


page.guard(render)
