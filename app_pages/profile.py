"""Profil: who the diagnostic is about. The type drives audience filters and the kit."""

from __future__ import annotations

import streamlit as st

from services import diagnostics, params
from ui import current, keys, page
from ui.profile_fields import PROFILE_FIELDS, as_profile, profile_fields
from ui.resources import store


def render() -> None:
    """The profile form."""
    st.title("Profil de la collectivité", anchor=False)
    page.show_flashes()
    rec = current.record()
    if rec is None:
        return
    if rec.workshop_id:
        st.info("Vous participez à un atelier : le profil de la collectivité est celui que l’animateur a saisi.")
        st.page_link(
            "app_pages/diagnostic.py",
            label="Aller au questionnaire",
            icon=":material/checklist:",
            query_params={params.DIAGNOSTIC: rec.id},
        )
        return
    current.load_widgets(rec, [keys.profile(field) for field in PROFILE_FIELDS])
    st.write(
        "Le type de collectivité détermine les questions posées (certaines ne concernent que les régions "
        "ou les départements) et le kit de fiches du RTES recommandé."
    )
    with st.form("profile"):
        values = profile_fields(keys.profile, preset=True)
        problem = st.container()  # a missing type is said here, under the fields
        submitted = st.form_submit_button("Enregistrer et passer au questionnaire", type="primary")
    if submitted:
        if values["authority_type"] is None:
            problem.error(
                "Choisissez le type de collectivité : il détermine les questions posées et les fiches recommandées."
            )
            return
        diagnostics.update_profile(store(), rec.id, as_profile(values))
        current.forget_widgets()
        page.flash("Profil enregistré.")
        st.switch_page("app_pages/diagnostic.py", query_params={params.DIAGNOSTIC: rec.id})


page.guard(render)
