"""Profil: who the diagnostic is about. The type drives audience filters and the kit."""

from __future__ import annotations

import streamlit as st

from ui import current, keys, page
from ui.resources import catalogue, store


def render() -> None:
    """The profile form."""
    st.title("Profil de la collectivité")
    page.show_flashes()
    rec = current.record()
    if rec is None:
        return
    if rec.workshop_id:
        st.info("Vous participez à un atelier : le profil de la collectivité est celui que l’animateur a saisi.")
        st.page_link("app_pages/diagnostic.py", label="Aller au questionnaire", icon=":material/checklist:", query_params={keys.PARAM_DIAGNOSTIC: rec.id})
        return
    terr = catalogue().territories
    types = {a.id: a.label for a in terr.authority_types}
    bands = {b.id: b.label for b in terr.population_bands}
    regions = {r.id: r.label for r in terr.regions}
    current.load_widgets(rec)
    st.write(
        "Le type de collectivité détermine les questions posées (certaines ne concernent que les régions "
        "ou les départements) et le kit de fiches du RTES recommandé."
    )
    with st.form("profile"):
        name = st.text_input(
            "Nom de la collectivité",
            max_chars=200,
            key=keys.profile("name"),
            placeholder="Ex. : Communauté de communes du Pays de Caux",
        )
        type_ids = list(types)
        authority_type = st.selectbox(
            "Type de collectivité",
            type_ids,
            format_func=types.__getitem__,
            placeholder="Choisissez un type",
            key=keys.profile("authority_type"),
        )
        band_ids = list(bands)
        population = st.selectbox(
            "Population",
            band_ids,
            format_func=bands.__getitem__,
            placeholder="Choisissez une tranche",
            key=keys.profile("population_band"),
        )
        region_ids = list(regions)
        region = st.selectbox(
            "Région",
            region_ids,
            format_func=regions.__getitem__,
            placeholder="Choisissez une région",
            key=keys.profile("region"),
        )
        submitted = st.form_submit_button("Enregistrer et passer au questionnaire", type="primary")
    if submitted:
        if authority_type is None:
            st.error(
                "Choisissez le type de collectivité : il détermine les questions posées et les fiches recommandées."
            )
            return
        new_profile = {
            "name": name.strip(),
            "authority_type": authority_type,
            "population_band": population,
            "region": region,
        }
        store().update_profile(rec.id, {k: v for k, v in new_profile.items() if v})
        page.flash("Profil enregistré.")
        st.switch_page("app_pages/diagnostic.py", query_params={keys.PARAM_DIAGNOSTIC: rec.id})


page.guard(render)
