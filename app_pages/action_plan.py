"""Plan d’action: for 2 to 5 priority dimensions, actions with a lead, partners, deadline, fiches, indicator."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from scoring.engine import score
from scoring.recommend import fiches_for, level_of, recommend
from ui import current, page
from ui.resources import catalogue, store
from ui.text import escape_markdown

MIN_DIMS, MAX_DIMS = 2, 5
COLUMNS = ["what", "lead", "partners", "deadline", "fiches", "indicator"]


def _editor_frame(actions: list[dict[str, Any]]) -> pd.DataFrame:
    rows = [{c: a.get(c, [] if c in ("partners", "fiches") else "") for c in COLUMNS} for a in actions]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["deadline"] = pd.to_datetime(frame["deadline"], errors="coerce").dt.date
    return frame


def _clean(frame: pd.DataFrame, dimension_id: str) -> list[dict[str, Any]]:
    out = []
    for row in frame.to_dict("records"):
        what = str(row.get("what") or "").strip()
        if not what:
            continue
        deadline = row.get("deadline")
        out.append(
            {
                "dimension_id": dimension_id,
                "what": what,
                "lead": str(row.get("lead") or "").strip(),
                "partners": list(row.get("partners") or []),
                "deadline": deadline.isoformat() if hasattr(deadline, "isoformat") and not pd.isna(deadline) else "",
                "fiches": list(row.get("fiches") or []),
                "indicator": str(row.get("indicator") or "").strip(),
            }
        )
    return out


def render() -> None:
    """The action plan screen."""
    st.title("Plan d’action")
    page.show_flashes()
    rec = current.record()
    if rec is None:
        return
    cat = catalogue()
    scores = score(cat, current.responses(rec))
    advice = recommend(cat, scores)
    evaluated = [ds for ds in scores.dimensions if ds.priority is not None]
    if len(evaluated) < MIN_DIMS:
        st.info(
            "Répondez d’abord au questionnaire : il faut au moins deux dimensions évaluées pour bâtir un plan d’action."
        )
        return
    plan = store().load_action_plan(rec.id)
    ranked = sorted(evaluated, key=lambda ds: -(ds.priority or 0.0))
    titles = {
        ds.dimension.id: f"{ds.dimension.title} ({ds.score:.0f}/100, priorité {ds.priority:.0f})" for ds in ranked
    }
    saved_dims = list(dict.fromkeys(a["dimension_id"] for a in plan if a.get("dimension_id") in titles))
    default = saved_dims or [ds.dimension.id for ds in ranked[:3]]
    st.write(
        "Choisissez de 2 à 5 dimensions prioritaires (présélectionnées selon la priorité calculée), puis décrivez pour chacune les actions à mener."
    )
    chosen = st.multiselect(
        "Dimensions prioritaires",
        list(titles),
        default=default,
        format_func=titles.__getitem__,
        max_selections=MAX_DIMS,
        key=f"plan_dims:{rec.id}",
    )
    if len(chosen) < MIN_DIMS:
        st.warning("Choisissez au moins deux dimensions.")
        return
    actors = {a.id: a.name for a in cat.actors.actors}
    level, _ = level_of(cat, scores.authority_type)
    kit = advice.kit_id
    with st.form(f"plan:{rec.id}"):
        frames = {}
        for dim_id in chosen:
            st.subheader(escape_markdown(titles[dim_id]), anchor=False)
            fiches = {
                f.id: f"{f'n° {f.number} · ' if f.number else ''}{f.title}" for f in fiches_for(cat, kit, dim_id, 10)
            }
            frames[dim_id] = st.data_editor(
                _editor_frame([a for a in plan if a.get("dimension_id") == dim_id]),
                num_rows="dynamic",
                use_container_width=True,
                key=f"plan_editor:{rec.id}:{dim_id}",
                column_config={
                    "what": st.column_config.TextColumn("Action", required=True, max_chars=500),
                    "lead": st.column_config.TextColumn("Pilote", max_chars=200),
                    "partners": st.column_config.MultiselectColumn(
                        "Partenaires", options=list(actors), format_func=actors.__getitem__
                    ),
                    "deadline": st.column_config.DateColumn("Échéance", format="DD/MM/YYYY"),
                    "fiches": st.column_config.MultiselectColumn(
                        "Fiches RTES", options=list(fiches), format_func=fiches.__getitem__
                    ),
                    "indicator": st.column_config.TextColumn("Indicateur de réussite", max_chars=300),
                },
            )
        if st.form_submit_button("Enregistrer le plan d’action", type="primary"):
            new_plan = [action for dim_id, frame in frames.items() for action in _clean(frame, dim_id)]
            store().save_action_plan(rec.id, new_plan)
            page.flash(f"Plan d’action enregistré : {len(new_plan)} action(s).")
            st.rerun()
    st.caption(
        f"Niveau de collectivité : {level.replace('_', ' ')} · les fiches proposées sont celles du kit {advice.kit_title}."
    )


page.guard(render)
