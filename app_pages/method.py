"""Méthode: how scores are computed, generated from the same YAML the engine reads."""

from __future__ import annotations

import streamlit as st

from scoring.method import method_sections
from ui import page
from ui.resources import catalogue
from ui.text import escape_markdown


def render() -> None:
    """The method screen."""
    cat = catalogue()
    st.title("Méthode et calculs", anchor=False)
    st.write(
        "Tout ce qui suit est lu dans les fichiers de contenu que l’outil utilise pour calculer : "
        "cette page ne peut donc pas contredire les résultats."
    )
    for section in method_sections(cat):
        st.header(section.title, anchor=False)
        for paragraph in section.paragraphs:
            st.markdown(escape_markdown(paragraph))
        if section.bullets:
            st.markdown("\n".join(f"- {escape_markdown(b)}" for b in section.bullets))
        if section.rows:
            st.table([dict(zip(section.header, row, strict=True)) for row in section.rows], hide_index=True)
    st.header("Sources", anchor=False)
    st.markdown(
        "Critères de motivation et catégories de ressources présentés par les CRESS (journée CNFPT de Nancy, 2016) ; "
        "kits MunicipalESS (2020), DépartementalESS et RégionalESS (2021) du [RTES](https://www.rtes.fr). "
        "Les fiches dont le titre n’est pas confirmé sont signalées comme telles dans l’application."
    )


page.guard(render)
