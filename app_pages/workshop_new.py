"""Animer un atelier: create a workshop, then hand out its code, link and QR code."""

from __future__ import annotations

import streamlit as st

from scoring.completion import question_count_text
from services import WorkshopRecord, params, workshops
from ui import keys, page, workshop_share
from ui.profile_fields import as_profile, profile_fields
from ui.resources import catalogue, store
from ui.text import escape_markdown
from ui.workshop_data import facilitator_password
from workshops import links
from workshops.access import password_matches


def _unlocked() -> bool:
    """True if no password is configured or this session gave the right one."""
    expected = facilitator_password()
    if expected is None or st.session_state.get(keys.FACILITATOR_UNLOCKED):
        return True
    st.write("La création d’ateliers est réservée aux animateurs de cette instance.")
    with st.form("facilitator_password"):
        given = st.text_input("Mot de passe animateur", type="password", key=keys.FACILITATOR_PASSWORD)
        submitted = st.form_submit_button("Continuer", type="primary")
    if submitted:
        if password_matches(given, expected):
            st.session_state[keys.FACILITATOR_UNLOCKED] = True
            st.rerun()
        st.error("Mot de passe incorrect. Demandez-le à l’administrateur de l’outil.")
    return False


def _form() -> None:
    cat = catalogue()
    questionnaires = sorted(cat.questionnaires.values(), key=lambda q: q.variant)
    describe = {
        q.id: f"{'Version complète' if q.variant == 'full' else 'Version express'} : "
        f"{question_count_text(q, cat.territories)}, environ {q.estimated_minutes} minutes"
        for q in questionnaires
    }
    with st.form(keys.NEW_WORKSHOP_FORM):
        title = st.text_input(
            "Titre de l’atelier",
            max_chars=200,
            required=True,
            key=keys.NEW_WORKSHOP_TITLE,
            placeholder="Ex. : Atelier ESS du conseil communautaire, 12 mars",
        )
        title_problem = st.container()  # problems are said under the field they concern
        st.markdown("**La collectivité évaluée**")
        values = profile_fields(keys.new_workshop_profile, preset=False)
        type_problem = st.container()
        questionnaire = st.radio(
            "Questionnaire", list(describe), format_func=describe.__getitem__, key=keys.NEW_WORKSHOP_QUESTIONNAIRE
        )
        submitted = st.form_submit_button("Créer l’atelier", type="primary")
    if not submitted:
        return
    missing_title, missing_type = not title.strip(), values["authority_type"] is None
    if missing_title:
        title_problem.error("Donnez un titre à l’atelier : il s’affiche pour les participants.")
    if missing_type:
        type_problem.error("Choisissez le type de collectivité : il détermine les questions posées.")
    if missing_title or missing_type:
        return
    workshop = workshops.create(store(), title, questionnaire, as_profile(values))
    st.session_state[keys.CREATED_WORKSHOP] = workshop.id
    st.rerun()


def _created(workshop: WorkshopRecord) -> None:
    base = workshop_share.base_url(links.NEW_PATH)
    st.success(
        f"Atelier « {escape_markdown(workshop.title)} » créé. Projetez le code ou le QR code pour que les participants le rejoignent."
    )
    workshop_share.join_panel(workshop, base)
    st.divider()
    workshop_share.facilitator_panel(workshop, base)
    st.page_link(
        "app_pages/workshop_dashboard.py",
        label="Ouvrir le tableau de bord",
        icon=":material/monitoring:",
        query_params={params.FACILITATOR: workshop.facilitator_token},
    )
    if st.button("Créer un autre atelier", icon=":material/add:"):
        st.session_state.pop(keys.CREATED_WORKSHOP, None)
        st.rerun()


def render() -> None:
    """The new workshop screen."""
    st.title("Animer un atelier", anchor=False)
    page.show_flashes()
    created = st.session_state.get(keys.CREATED_WORKSHOP)
    workshop = workshops.get(store(), created) if created else None
    if workshop is not None:
        _created(workshop)
        return
    st.write(
        "Réunissez élus, agents et acteurs de l’ESS de votre territoire : chacun répond au questionnaire sur son "
        "téléphone ou son ordinateur, le groupe voit où il converge et où il diverge, puis vous enregistrez ensemble "
        "la réponse collégiale. Aucun compte n’est demandé aux participants."
    )
    if not _unlocked():
        return
    _form()


page.guard(render)
