"""What a workshop participant sees besides the questionnaire: the workshop banner, « J’ai
terminé », and on their results the group radar once at least 3 others have started answering
(`workshops.anonymity.comparison_figures`)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from scoring.engine import Scores
from services import AnswersClosed, DiagnosticRecord, params, workshops
from ui import device, page, workshop_charts
from ui.a11y import CHART_CONFIG
from ui.resources import catalogue, store
from ui.text import escape_markdown
from ui.workshop_data import participants
from workshops import anonymity
from workshops.roles import role


def banner(rec: DiagnosticRecord) -> bool:
    """Which workshop this is, the participant's role, and whether answers are still accepted
    (returns True when the workshop is closed: every control is then read-only)."""
    workshop = workshops.of_participant(store(), rec)
    if workshop is None:
        return False
    if rec.paper:
        st.caption(":material/edit_note: Saisie d’un questionnaire papier par l’animateur.")
    else:
        device.remember(workshop.id, rec.id)
    st.info(
        f"Atelier « {escape_markdown(workshop.title)} » · vous répondez en tant que {role(rec.role).short}. "
        "Personne ne voit vos réponses individuelles : le groupe voit des résultats d’ensemble.",
        icon=":material/groups:",
    )
    if workshop.closed:
        st.warning(
            "Cet atelier est clos : vos réponses sont conservées et restent consultables, mais ne peuvent plus "
            "être modifiées.",
            icon=":material/lock:",
        )
    return workshop.closed


def _finish(diag_id: str) -> bool:
    """Mark finished; False (with the reason queued) if the workshop closed meanwhile."""
    try:
        workshops.finish(store(), diag_id)
    except AnswersClosed as exc:
        page.flash(str(exc), "error")
        return False
    page.flash("Merci ! Vos réponses sont enregistrées. Vous pouvez encore les modifier tant que l’atelier est ouvert.")
    return True


def finish_button(rec: DiagnosticRecord, container: Any, closed: bool = False) -> None:
    """« J’ai terminé »: marks the participant finished and opens their results (read-only once closed)."""
    if closed:
        container.button(
            "Atelier clos", icon=":material/lock:", disabled=True, use_container_width=True, key="participant_finished"
        )
        if container.button("Voir mes résultats", use_container_width=True, key="participant_results"):
            st.switch_page("app_pages/results.py", query_params={params.DIAGNOSTIC: rec.id})
        return
    if container.button(
        "J’ai terminé", type="primary", icon=":material/check:", use_container_width=True, key="participant_finished"
    ):
        if _finish(rec.id):
            st.switch_page("app_pages/results.py", query_params={params.DIAGNOSTIC: rec.id})
        else:
            st.rerun()


def results_section(rec: DiagnosticRecord, own: Scores) -> None:
    """On a participant's results: their radar beside the group's, once 3 others have started answering."""
    if not rec.workshop_id:
        return
    st.header("Votre atelier", anchor=False)
    workshop = workshops.of_participant(store(), rec)
    if workshop is not None and workshop.closed:
        st.caption(":material/lock: Atelier clos : vos réponses sont conservées mais ne sont plus modifiables.")
    elif not rec.finished:
        st.write("Quand vous avez répondu à tout ce que vous pouviez, indiquez-le à l’animateur.")
        if st.button("J’ai terminé", type="primary", icon=":material/check:", key="participant_finished_results"):
            _finish(rec.id)
            st.rerun()
    threshold = anonymity.min_people(catalogue())
    view = anonymity.comparison_figures(catalogue(), participants(rec.workshop_id), threshold)
    if view is None:
        st.info(
            f"Le radar du groupe s’affichera quand au moins {threshold} autres participants auront commencé à "
            "répondre, afin que personne ne soit reconnaissable. Revenez sur cette page un peu plus tard."
        )
        return
    st.write(
        f"Vos scores comparés à ceux des {view.size} participants qui ont commencé à répondre : la ligne "
        "violette est la moyenne du groupe, la zone verte va du score le plus bas au plus haut ; une question "
        f"ou une dimension n’y compte que si au moins {threshold + 1} personnes y ont répondu."
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
