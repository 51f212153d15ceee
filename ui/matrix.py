"""The priority matrix on the results page: the chart on a wide screen, a list by zone on a phone."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reports.matrix import QUADRANTS, priority_matrix_figure, quadrant
from scoring.engine import Scores
from scoring.french import score_text
from ui import keys
from ui.a11y import CHART_CONFIG

NARROW_PX = 640
# A constant style (no user data): the chart where there is room for it, the list on a phone.
_CSS = (
    f"<style>@media (max-width: {NARROW_PX}px) {{ .st-key-{keys.MATRIX_BOX} {{ display: none; }} }}"
    f"@media (min-width: {NARROW_PX + 1}px) {{ .st-key-{keys.MATRIX_LIST} {{ display: none; }} }}</style>"
)


def zones_table(scores: Scores) -> pd.DataFrame:
    """The matrix as a table: each evaluated dimension's zone, score and importance, « À prioriser » first."""
    scale = {lvl.value: lvl.label for lvl in scores.questionnaire.importance_scale}
    order = {name: i for i, (name, _) in enumerate(QUADRANTS)}
    evaluated = [ds for ds in scores.dimensions if ds.score is not None]
    evaluated.sort(key=lambda ds: (order[quadrant(ds)], ds.score or 0.0))
    return pd.DataFrame(
        [
            {
                "Zone": quadrant(ds),
                "Dimension": ds.dimension.short_title,
                "Score": score_text(ds.score),
                "Importance": f"{ds.effective_importance}/3 ({scale.get(ds.effective_importance, '')})",
            }
            for ds in evaluated
        ]
    )


def section(scores: Scores) -> None:
    """Heading, how to read it, then the chart (wide screens) or its table (phones)."""
    st.header("Matrice des priorités", anchor=False)
    st.write(
        "Chaque dimension évaluée selon sa maturité et l’importance que vous lui donnez. « À prioriser » : "
        "importante (2 ou 3) et encore peu avancée (score sous 50), à traiter en premier."
    )
    st.html(_CSS)
    with st.container(key=keys.MATRIX_BOX):
        st.plotly_chart(priority_matrix_figure(scores), key="matrix", config=CHART_CONFIG, theme=None)
    with st.container(key=keys.MATRIX_LIST):
        st.table(zones_table(scores), hide_index=True)
