"""Écran de projection: the read-only view of a workshop to project, driven from the dashboard.

Opened with the presenter link (`?ecran=<presenter token>`), which opens nothing else: no
facilitator control and no private link appear here.
"""

from __future__ import annotations

import streamlit as st

from services import WorkshopRecord, params, presenter
from ui import keys, page, workshop_presenter, workshop_share
from ui.resources import store
from workshops import links

REFRESH_S = 3
NO_ACCESS = (
    "Cet écran s’ouvre avec le lien de projection affiché sur le tableau de bord de l’animateur. "
    "Les participants utilisent le lien « Rejoindre un atelier »."
)


def _refresh(workshop_id: str) -> None:
    """Re-read the state the dashboard sets, then draw the screen."""
    opened = presenter.for_presenter(store(), st.query_params.get(params.PRESENTER))
    if opened is None or opened[0].id != workshop_id:
        st.error(NO_ACCESS)
        return
    workshop, state = opened
    workshop_presenter.screen(workshop, state, workshop_share.base_url(links.PRESENTER_PATH))


def _live(workshop: WorkshopRecord) -> None:
    paused = bool(st.session_state.get(keys.PRESENTER_PAUSED))
    st.fragment(run_every=None if paused else REFRESH_S)(lambda: page.guard(lambda: _refresh(workshop.id)))()
    st.toggle(
        "Mettre l’actualisation en pause",
        key=keys.PRESENTER_PAUSED,
        help=f"L’écran se met à jour toutes les {REFRESH_S} secondes avec les choix du tableau de bord.",
    )


def render() -> None:
    """The presenter screen."""
    workshop_presenter.hide_chrome()
    opened = presenter.for_presenter(store(), st.query_params.get(params.PRESENTER))
    if opened is None:
        st.title("Écran de projection", anchor=False)
        st.error(NO_ACCESS, icon=":material/lock:")
        return
    _live(opened[0])


page.guard(render)
