"""« Fixer une cible »: per dimension, the score or band the authority aims at; priorities follow it."""

from __future__ import annotations

import streamlit as st

from scoring.engine import Scores
from scoring.french import score_text
from scoring.models import Bands, ResponseSet
from services import StorageError, diagnostics
from ui import keys, page
from ui.resources import catalogue, store

Target = float | int | str | None
SCORES = (10, 30, 50, 70, 90, 100)
NO_TARGET = "Aucune cible (100/100 visé)"
NONE = "-"  # the « no target » choice (None would make Streamlit offer to clear the box)


def options(bands: Bands, saved: Target) -> list[Target]:
    """The choices, in increasing order: no target (NONE), the bands above the first, round scores, the saved value."""
    ranked: list[tuple[float, Target]] = [(band.min, band.id) for band in bands.bands if band.min > 0]
    ranked += [(float(value), value) for value in SCORES]
    if isinstance(saved, int | float) and all(saved != v for _, v in ranked):
        ranked.append((float(saved), saved))
    return [NONE, *(value for _, value in sorted(ranked, key=lambda pair: pair[0]))]


def label(bands: Bands, value: Target) -> str:
    """« Palier Structuration (40/100) », « 70/100 » or « Aucune cible (100/100 visé) »."""
    if value is None or value == NONE:
        return NO_TARGET
    if isinstance(value, str):
        band = next((b for b in bands.bands if b.id == value), None)
        return f"Palier {band.label} ({score_text(band.min)}/100)" if band else value
    return f"{score_text(float(value))}/100"


def _widget_key(dimension_id: str) -> str:
    return f"results:{keys.target(dimension_id)}"


def _save(diag_id: str, saved: dict[str, Target]) -> None:
    changed = 0
    try:
        for dim_id, before in saved.items():
            value = st.session_state.get(_widget_key(dim_id))
            value = None if value == NONE else value
            if value != before:
                diagnostics.save(store(), diag_id, "target", dim_id, value)
                changed += 1
    except StorageError as exc:
        page.flash(str(exc), "error")
        return
    if changed:  # a toast, seen wherever the page is scrolled (the form is far below the top)
        st.toast("Cibles enregistrées : vos priorités sont recalculées à partir de l’écart à chaque cible.", icon="✅")


def form(diag_id: str, responses: ResponseSet, scores: Scores) -> None:
    """A compact form of one choice per evaluated dimension, none set by default."""
    bands = catalogue().bands
    with st.expander("Fixer une cible", icon=":material/flag:"):
        st.write(
            "Pour chaque dimension, le score ou le palier que vous visez (par exemple d’ici un an). Sans cible, "
            "100/100 est visé. La priorité d’une dimension est l’importance que vous lui donnez (sur 3) multipliée "
            "par l’écart entre sa cible et son score : une cible atteinte n’est plus une priorité."
        )
        saved = {ds.dimension.id: responses.targets.get(ds.dimension.id) for ds in scores.dimensions}
        with st.form(keys.TARGET_FORM, border=False):
            columns = st.columns(2)
            for i, ds in enumerate(scores.dimensions):
                current = saved[ds.dimension.id]
                choices = options(bands, current)
                now = "non évalué" if ds.score is None else f"{score_text(ds.score)}/100"
                columns[i % 2].selectbox(
                    f"{ds.dimension.title} (actuellement {now})",
                    choices,
                    index=choices.index(current) if current is not None and current in choices else 0,
                    format_func=lambda v: label(bands, v),
                    key=_widget_key(ds.dimension.id),
                )
            st.form_submit_button(
                "Enregistrer les cibles", icon=":material/save:", on_click=_save, args=(diag_id, saved)
            )
