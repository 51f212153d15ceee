"""Tableau de bord: the facilitator's live view of a workshop, consolidation, closing.

Opened only with the workshop's private facilitator link (`?animation=<token>`): a
participant's link, a join code or another workshop's token opens nothing else.
"""

from __future__ import annotations

import streamlit as st

from services import WorkshopRecord, params, presenter, workshops
from ui import keys, live_panel, page, workshop_consolidation, workshop_people, workshop_share
from ui.resources import catalogue, store
from ui.text import escape_markdown
from ui.workshop_data import participants
from workshops import links

REFRESH_S = 5
PEOPLE_REFRESH_S = 15
NO_ACCESS = (
    "Ce tableau de bord s’ouvre uniquement avec le lien d’animation privé, reçu à la création de l’atelier. "
    "Les participants utilisent le lien « Rejoindre un atelier »."
)
BAD_TOKEN = "Ce lien d’animation ne correspond à aucun atelier. Vérifiez qu’il a été copié en entier."


def facilitator_workshop() -> WorkshopRecord | None:
    """The workshop whose facilitator token is in the URL, or None (with a French message)."""
    token = params.text(st.query_params.get(params.FACILITATOR))
    if not token:
        st.error(NO_ACCESS, icon=":material/lock:")
        st.page_link("app_pages/workshop_new.py", label="Créer un atelier", icon=":material/add:")
        return None
    workshop = workshops.for_facilitator(store(), token)
    if workshop is None:
        st.error(BAD_TOKEN, icon=":material/lock:")
        return None
    return workshop


def _set_closed(workshop_id: str, closed: bool) -> None:
    st.session_state.pop(keys.CONFIRM_CLOSE, None)
    if closed:
        workshops.close(store(), workshop_id)
        page.flash(
            "Atelier clos : plus aucune réponse ni aucun nouveau participant n’est accepté. Tout reste consultable."
        )
    else:
        workshops.reopen(store(), workshop_id)
        page.flash("Atelier rouvert : les participants peuvent de nouveau rejoindre l’atelier et répondre.")


def _header(workshop: WorkshopRecord) -> None:
    questionnaire = catalogue().questionnaire(workshop.questionnaire_id)
    name = workshop.profile.get("name") or "Collectivité sans nom"
    status = "clos" if workshop.closed else "ouvert"
    st.caption(
        escape_markdown(
            f"{workshop.title} · {name} · {questionnaire.title} · code {links.display_code(workshop.join_code)} · atelier {status}"
        )
    )
    if workshop.closed:
        st.warning("Atelier clos : les participants ne peuvent plus ni rejoindre ni répondre.", icon=":material/lock:")
    base = workshop_share.base_url(links.DASHBOARD_PATH)
    token = presenter.state(store(), workshop).token
    share, project, close = st.columns([2.2, 1.4, 1], vertical_alignment="top")
    with share.expander("Code, lien et QR code pour rejoindre", expanded=False):
        workshop_share.join_panel(workshop, base)
    project.link_button(
        "Ouvrir l’écran à projeter",
        links.presenter_link(base, token),
        icon=":material/present_to_all:",
        help="Ouvrez-le sur l’écran projeté (autre fenêtre ou autre ordinateur) : il ne contient aucun lien privé "
        "et suit les boutons ci-dessous. Ne projetez pas ce tableau de bord.",
        use_container_width=True,
    )
    if workshop.closed:
        close.button(
            "Rouvrir l’atelier",
            icon=":material/lock_open:",
            on_click=_set_closed,
            args=(workshop.id, False),
            use_container_width=True,
            key="reopen_workshop",
        )
    elif st.session_state.get(keys.CONFIRM_CLOSE) == workshop.id:
        close.warning("Clore l’atelier\u00a0? Plus personne ne pourra répondre ni rejoindre.")
        close.button(
            "Oui, clore l’atelier",
            icon=":material/lock:",
            on_click=_set_closed,
            args=(workshop.id, True),
            type="primary",
            use_container_width=True,
            key="close_workshop",
        )
        close.button("Annuler", on_click=st.session_state.pop, args=(keys.CONFIRM_CLOSE, None), key="close_cancel")
    else:
        close.button(
            "Clore l’atelier",
            icon=":material/lock:",
            on_click=st.session_state.__setitem__,
            args=(keys.CONFIRM_CLOSE, workshop.id),
            use_container_width=True,
            key="close_ask",
        )
    page.show_flashes()


@st.fragment(run_every=PEOPLE_REFRESH_S)
def _people(workshop: WorkshopRecord) -> None:
    """The participants list follows who joins (its choices are kept across refreshes)."""
    page.guard(lambda: workshop_people.manage(workshop))


@st.fragment(run_every=REFRESH_S)
def _live(workshop: WorkshopRecord) -> None:
    """Re-run on its own every few seconds, in this facilitator's session only."""
    page.guard(lambda: live_panel.live_panel(workshop))


@st.fragment
def _paused(workshop: WorkshopRecord) -> None:
    """The same view, refreshed only when the facilitator asks (RGAA 13.1: updates can be paused)."""
    page.guard(lambda: live_panel.live_panel(workshop))


def render() -> None:
    """The dashboard screen."""
    st.set_page_config(initial_sidebar_state="collapsed")  # the width goes to the question and its consolidation
    st.title("Tableau de bord de l’atelier", anchor=False)
    workshop = facilitator_workshop()
    if workshop is None:
        return
    _header(workshop)
    auto = st.toggle(
        f"Actualisation automatique (toutes les {REFRESH_S} secondes)",
        value=True,
        key=keys.DASHBOARD_AUTO_REFRESH,
        help="Désactivez-la pour lire ou parcourir les vues sans qu’elles changent ; "
        "rechargez alors avec le bouton « Actualiser ».",
    )
    if auto:
        _live(workshop)
    else:
        st.button("Actualiser", icon=":material/refresh:", key="dashboard_refresh")
        _paused(workshop)
    st.divider()
    st.header("Consolidation et rapports", anchor=False)
    page.guard(lambda: workshop_consolidation.tail(workshop, participants(workshop.id)))
    st.header("Participants", anchor=False)
    _people(workshop)


page.guard(render)
