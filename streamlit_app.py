"""Entry point: page configuration, language, navigation. Each screen lives in app_pages/."""

from __future__ import annotations

import logging

import streamlit as st

from ui import a11y, browser, page, tcp

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

st.set_page_config(
    page_title="Autodiagnostic ESS des territoires",
    page_icon="assets/favicon.png",
    layout="wide",
    initial_sidebar_state="auto",
)
a11y.localise()
page.apply_style()
tcp.no_delay_once()  # 40 ms less per click: Streamlit's sockets keep Nagle's algorithm otherwise

# A flat list, not sections: with sections Streamlit puts <div>/<header> inside the sidebar's <ul>
# (axe-core `list`/`listitem`, serious). The order keeps the three groups together.
navigation = st.navigation(
    [
        st.Page("app_pages/home.py", title="Accueil", icon=":material/home:", default=True),
        st.Page(
            "app_pages/profile.py", title="Profil de la collectivité", icon=":material/apartment:", url_path="profil"
        ),
        st.Page(
            "app_pages/diagnostic.py", title="Questionnaire", icon=":material/checklist:", url_path="questionnaire"
        ),
        st.Page("app_pages/results.py", title="Résultats", icon=":material/radar:", url_path="resultats"),
        st.Page("app_pages/action_plan.py", title="Plan d’action", icon=":material/flag:", url_path="plan-action"),
        st.Page(
            "app_pages/workshop_join.py",
            title="Rejoindre un atelier",
            icon=":material/group_add:",
            url_path="rejoindre",
        ),
        st.Page(
            "app_pages/workshop_new.py", title="Animer un atelier", icon=":material/co_present:", url_path="animer"
        ),
        st.Page(
            "app_pages/workshop_dashboard.py",
            title="Tableau de bord",
            icon=":material/monitoring:",
            url_path="tableau-de-bord",
        ),
        st.Page(
            "app_pages/workshop_presenter.py",
            title="Écran de projection",
            icon=":material/present_to_all:",
            url_path="projection",
        ),
        st.Page("app_pages/method.py", title="Méthode et calculs", icon=":material/info:", url_path="methode"),
        st.Page(
            "app_pages/accessibility.py",
            title="Déclaration d’accessibilité",
            icon=":material/accessibility:",
            url_path="accessibilite",
        ),
    ]
)
# Each page its own browser title (« Résultats – Autodiagnostic ESS des territoires »).
st.set_page_config(page_title=a11y.page_title(navigation.title))
browser.on_page_change(navigation.url_path or "accueil")
navigation.run()
a11y.footer()
