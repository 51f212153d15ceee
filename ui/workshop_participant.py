"""What a workshop participant sees besides the questionnaire: the workshop banner, « J’ai
terminé », and on their results the group radar once at least 3 others have started answering
(`workshops.anonymity.comparison_figures`)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from scoring.engine import Scores
from storage import DiagnosticRecord
from ui import keys, page, workshop_charts
from ui.resources import catalogue, store
from ui.text import escape_markdown
from ui.workshop_data import participants
from workshops import anonymity
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
    """On a participant's results: their radar beside the group's, once 3 others have started answering."""
    if not rec.workshop_id:
        return
    st.header("Votre atelier", anchor=False)
    if not rec.finished:
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
        f"Vos scores comparés à ceux des {view.size} participants qui ont commencé à répondre : la ligne "
        "violette est la moyenne du groupe, la zone verte va du score le plus bas au plus haut ; une question "
        f"ou une dimension n’y compte que si au moins {threshold + 1} personnes y ont répondu."
    )
    cols = st.columns(2)
    for col, half in zip(cols, workshop_charts.HALVES, strict=True):
        with col:
            st.plotly_chart(
                workshop_charts.own_and_group_radar(own, view, half),
                key=f"group_radar:{half}",
                config={"displaylogo": False, "locale": "fr"},
            )
            st.table(workshop_charts.group_table(view, half, own), hide_index=True)
