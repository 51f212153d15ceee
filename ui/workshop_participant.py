"""What a workshop participant sees besides the questionnaire: the workshop banner, « J’ai
terminé », and on their results the group radar once at least 3 participants have finished."""

from __future__ import annotations

from typing import Any

import streamlit as st

from scoring.engine import Scores
from storage import DiagnosticRecord
from ui import keys, page, workshop_charts
from ui.a11y import CHART_CONFIG
from ui.resources import catalogue, store
from ui.text import escape_markdown
from ui.workshop_data import participants
from workshops.analysis import MIN_GROUP, group_view
from workshops.roles import role


def banner(rec: DiagnosticRecord) -> None:
    """Which workshop this is, the participant's role, and whether answers are still accepted."""
    if not rec.workshop_id:
        return
    workshop = store().get_workshop(rec.workshop_id)
    if workshop is None:
        return
    st.info(
        f"Atelier « {escape_markdown(workshop.title)} » · vous répondez en tant que {role(rec.role).short}. "
        "Personne ne voit vos réponses individuelles : le groupe voit des résultats d’ensemble.",
        icon=":material/groups:",
    )
    if workshop.closed:
        st.warning(
            "Cet atelier est clos : vos réponses sont conservées mais ne peuvent plus être modifiées.",
            icon=":material/lock:",
        )


def _finish(diag_id: str) -> None:
    store().set_finished(diag_id, True)
    page.flash("Merci ! Vos réponses sont enregistrées. Vous pouvez encore les modifier tant que l’atelier est ouvert.")


def finish_button(rec: DiagnosticRecord, container: Any) -> None:
    """« J’ai terminé »: marks the participant finished and opens their results."""
    if container.button(
        "J’ai terminé", type="primary", icon=":material/check:", use_container_width=True, key="participant_finished"
    ):
        _finish(rec.id)
        st.switch_page("app_pages/results.py", query_params={keys.PARAM_DIAGNOSTIC: rec.id})


def results_section(rec: DiagnosticRecord, own: Scores) -> None:
    """On a participant's results: their radar beside the group's, once 3 participants have finished."""
    if not rec.workshop_id:
        return
    st.header("Votre atelier", anchor=False)
    if not rec.finished:
        st.write("Quand vous avez répondu à tout ce que vous pouviez, indiquez-le à l’animateur.")
        if st.button("J’ai terminé", type="primary", icon=":material/check:", key="participant_finished_results"):
            _finish(rec.id)
            st.rerun()
    finished = [p for p in participants(rec.workshop_id) if p.finished]
    view = group_view(catalogue(), finished)
    if view is None:
        st.info(
            f"Le radar du groupe s’affichera quand au moins {MIN_GROUP} participants auront terminé "
            f"(pour l’instant : {len(finished)}). Revenez sur cette page un peu plus tard."
        )
        return
    st.write(
        f"Vos scores comparés à ceux des {view.size} participants qui ont terminé : la ligne violette est la "
        "moyenne du groupe, la zone verte va du score le plus bas au plus haut."
    )
    cols = st.columns(2)
    for col, half in zip(cols, workshop_charts.HALVES, strict=True):
        with col:
            st.plotly_chart(
                workshop_charts.own_and_group_radar(own, view, half),
                key=f"group_radar:{half}",
                config=CHART_CONFIG,
                theme=None,
            )
            st.table(workshop_charts.group_table(view, half, own), hide_index=True)
