"""Déclaration d’accessibilité: conformity status, known exceptions, contact, recourse (RGAA 4.1)."""

from __future__ import annotations

import streamlit as st

from ui import page
from ui.a11y import statement
from ui.text import escape_markdown

RECOURSE = (
    "Si vous avez signalé un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un "
    "service et n’avez pas obtenu de réponse satisfaisante, vous pouvez :\n\n"
    "- écrire un message au [Défenseur des droits](https://formulaire.defenseurdesdroits.fr/)\u00a0;\n"
    "- contacter [le délégué du Défenseur des droits dans votre région](https://www.defenseurdesdroits.fr/saisir/delegues)\u00a0;\n"
    "- envoyer un courrier par la poste (gratuit, ne pas mettre de timbre)\u00a0: "
    "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07."
)


def render() -> None:
    """The accessibility statement."""
    content = statement()
    st.title("Déclaration d’accessibilité", anchor=False)
    st.write(
        "Les collectivités territoriales et leurs partenaires s’engagent à rendre leurs services numériques "
        "accessibles (article 47 de la loi n° 2005-102 du 11 février 2005). Cette déclaration s’applique à "
        "l’outil « Autodiagnostic ESS des territoires »."
    )
    st.header("État de conformité", anchor=False)
    st.write(
        f"L’outil est **{escape_markdown(content.status)}** avec le {escape_markdown(content.standard)}, "
        f"en raison des non-conformités listées ci-dessous (évaluation du {escape_markdown(content.audited_on)})."
    )
    st.header("Contenus non accessibles", anchor=False)
    if content.exceptions:
        st.write("Ces défauts viennent du cadriciel Streamlit et ne peuvent pas être corrigés par l’outil lui-même :")
        for item in content.exceptions:
            st.markdown(
                f"- {escape_markdown(item.description)} (signalé en amont\u00a0: {escape_markdown(item.issue)})"
            )
    else:
        st.write("Aucun défaut connu à ce jour dans les tests automatiques.")
    st.write(
        "Les graphiques (radars, matrice, répartitions) sont accompagnés de tableaux de données qui en donnent "
        "les mêmes valeurs."
    )
    st.header("Établissement de cette déclaration", anchor=False)
    st.markdown("\n".join(f"- {escape_markdown(tool)}" for tool in content.tools))
    st.header("Retour d’information et contact", anchor=False)
    st.write(
        "Si vous n’arrivez pas à accéder à un contenu ou à un service, vous pouvez nous contacter pour être "
        "orienté vers une alternative accessible ou obtenir le contenu sous une autre forme. "
        + escape_markdown(content.contact)
    )
    st.header("Voies de recours", anchor=False)
    st.markdown(RECOURSE)


page.guard(render)
