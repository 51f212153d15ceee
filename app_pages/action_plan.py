"""Plan d’action: for 2 to 5 priority dimensions, actions with a lead, partners, deadline, fiches, status."""

from __future__ import annotations

from datetime import date

import streamlit as st
from pydantic import ValidationError

from scoring.engine import DimensionScore, score
from scoring.french import score_text, short_date
from scoring.plan import Action, ActionPlan
from scoring.recommend import fiches_for, recommend
from scoring.wording import wording
from services import DiagnosticRecord, plans
from ui import current, page
from ui.resources import catalogue, store


def _fields(action: Action | None, aid: str, dim_id: str, kit: str) -> dict[str, object]:
    """The form's inputs for one action; returns what they hold."""
    cat = catalogue()
    actors = {a.id: a.name for a in cat.actors.actors}
    own = {f.id: f for f in cat.fiches.fiches if action and f.id in action.fiches}  # e.g. prefilled from a next step
    choices = {**own, **{f.id: f for f in fiches_for(cat, kit, dim_id, 10)}}
    fiches = {fid: f"{f'n° {f.number} · ' if f.number else ''}{f.title}" for fid, f in choices.items()}
    values: dict[str, object] = {
        "what": st.text_area(
            "Action (obligatoire)", value=action.what if action else "", max_chars=500, key=f"act:{aid}:what", height=68
        )
    }
    left, right = st.columns(2)
    values["lead"] = left.text_input(
        "Pilote (service, élu, partenaire)", value=action.lead if action else "", max_chars=200, key=f"act:{aid}:lead"
    )
    values["deadline"] = right.date_input(
        "Échéance", value=action.deadline if action else None, format="DD/MM/YYYY", key=f"act:{aid}:deadline"
    )
    values["partners"] = left.multiselect(
        "Partenaires du catalogue",
        list(actors),
        default=[p for p in (action.partners if action else ()) if p in actors],
        format_func=actors.__getitem__,
        key=f"act:{aid}:partners",
        placeholder="Choisir dans le catalogue des acteurs",
    )
    values["other_partners"] = right.text_input(
        "Autres partenaires (texte libre)",
        value=action.other_partners if action else "",
        max_chars=300,
        key=f"act:{aid}:other",
        placeholder="Ex.\u00a0: Pays du Bocage, centre social",
    )
    values["fiches"] = left.multiselect(
        "Fiches RTES mobilisées",
        list(fiches),
        default=[f for f in (action.fiches if action else ()) if f in fiches],
        format_func=fiches.__getitem__,
        key=f"act:{aid}:fiches",
        placeholder="Choisir une ou plusieurs fiches",
    )
    values["status"] = right.selectbox(
        "Statut",
        list(wording().action_statuses),
        index=list(wording().action_statuses).index(action.status if action else "a_venir"),
        format_func=wording().action_statuses.__getitem__,
        key=f"act:{aid}:status",
    )
    values["indicator"] = st.text_input(
        "Indicateur de réussite", value=action.indicator if action else "", max_chars=300, key=f"act:{aid}:indicator"
    )
    values["progress_note"] = st.text_area(
        "Où en est-on ? (note de suivi)",
        value=action.progress_note if action else "",
        max_chars=1000,
        key=f"act:{aid}:note",
        height=68,
    )
    return values


def _action_form(rec: DiagnosticRecord, action: Action | None, dim_id: str, kit: str) -> None:
    """One form for a new or existing action; submitting it saves that action."""
    aid = action.id if action else f"new-{dim_id}"
    with st.form(f"action:{aid}", clear_on_submit=action is None, border=True):
        if action is not None and action.updated_on:
            st.caption(f"Dernière mise à jour : {short_date(action.updated_on)}")
        values = _fields(action, aid, dim_id, kit)
        cols = st.columns([1, 1, 3])
        saved = cols[0].form_submit_button("Ajouter l’action" if action is None else "Enregistrer", type="primary")
        deleted = False if action is None else cols[1].form_submit_button("Supprimer")
    if deleted and action is not None:
        plans.delete_action(store(), rec.id, action.id)
        page.flash("Action supprimée.")
        st.rerun()
    if saved:
        text = str(values["what"] or "").strip()
        if not text:
            st.error("Décrivez l’action avant de l’enregistrer : le champ « Action » est obligatoire.")
            return
        deadline = values["deadline"]
        try:
            entry = Action.model_validate(
                {
                    **{k: v for k, v in values.items() if k not in ("what", "deadline")},
                    "id": action.id if action else plans.new_action_id(),
                    "dimension_id": dim_id,
                    "what": text,
                    "lead": str(values["lead"] or "").strip(),
                    "deadline": deadline if isinstance(deadline, date) else None,
                }
            )
        except ValidationError:
            st.error("Cette action n’a pas pu être enregistrée : vérifiez la longueur des textes saisis.")
            return
        plans.save_action(store(), rec.id, entry)
        page.flash("Action enregistrée.")
        st.rerun()


def _dimension(rec: DiagnosticRecord, plan: ActionPlan, ds: DimensionScore, kit: str) -> None:
    st.header(f"{ds.dimension.title} · {score_text(ds.score)}/100, priorité {ds.priority:.0f}", anchor=False)
    actions = plan.for_dimension(ds.dimension.id)
    if not actions:
        st.caption("Aucune action pour l’instant.")
    for action in actions:
        _action_form(rec, action, ds.dimension.id, kit)
    with st.expander("Nouvelle action", expanded=not actions):
        _action_form(rec, None, ds.dimension.id, kit)


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
    by_id = {ds.dimension.id: ds for ds in plans.ranked_dimensions(scores)}
    plan = plans.load(store(), rec.id)
    if len(by_id) < plans.MIN_DIMENSIONS and not plan.actions:
        st.info(
            "Répondez d’abord au questionnaire : il faut au moins deux dimensions évaluées pour bâtir un plan d’action."
        )
        return
    st.write(
        f"Choisissez de {plans.MIN_DIMENSIONS} à {plans.MAX_DIMENSIONS} dimensions prioritaires (présélectionnées selon la "
        f"priorité calculée), puis décrivez les actions à mener. Les fiches proposées sont celles du kit {advice.kit_title}."
    )
    chosen = st.multiselect(
        "Dimensions prioritaires",
        list(by_id),
        default=[d for d in plans.preselected(scores, plan) if d in by_id][: plans.MAX_DIMENSIONS],
        format_func=lambda d: by_id[d].dimension.title,  # plain text: chips are not Markdown
        max_selections=plans.MAX_DIMENSIONS,
        key=f"plan_dims:{rec.id}",
    )
    if len(chosen) < plans.MIN_DIMENSIONS:
        st.warning(f"Choisissez au moins {plans.MIN_DIMENSIONS} dimensions pour ajouter des actions.")
    for dim_id in chosen:
        _dimension(rec, plan, by_id[dim_id], advice.kit_id)
    orphans = [a for a in plan.actions if a.dimension_id not in chosen]
    if orphans:
        st.subheader("Actions sur d’autres dimensions", anchor=False)
        for action in orphans:
            _action_form(rec, action, action.dimension_id, advice.kit_id)


page.guard(render)
