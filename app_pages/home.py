"""Accueil: what the diagnostic is, start a new one, resume one, or import an answers file."""

from __future__ import annotations

import re

import streamlit as st

from scoring.responses import ResponseError
from ui import current, keys, page
from ui.resources import catalogue, store
from ui.text import escape_markdown
from ui.transfer import read_answers_file

_ID = re.compile(r"(?:[?&]d=)?([A-Za-z0-9_-]{20,64})")


def _start(questionnaire_id: str) -> None:
    diag_id = store().create_diagnostic(questionnaire_id, {})
    current.open_diagnostic(diag_id)
    st.switch_page("app_pages/profile.py", query_params={keys.PARAM_DIAGNOSTIC: diag_id})


def _choices() -> None:
    cat = catalogue()
    columns = st.columns(len(cat.questionnaires))
    for column, q in zip(columns, sorted(cat.questionnaires.values(), key=lambda x: x.variant != "full"), strict=True):
        with column.container(border=True):
            st.subheader("Version complète" if q.variant == "full" else "Version express", anchor=False)
            n = len(q.questions())
            st.write(
                f"{n} questions réparties en {len(q.dimensions)} dimensions, environ {q.estimated_minutes} minutes."
            )
            st.caption(q.description)
            if st.button(
                "Commencer ce diagnostic", key=f"start:{q.id}", type="primary" if q.variant == "full" else "secondary"
            ):
                _start(q.id)


def _resume() -> None:
    with st.form("resume"):
        st.markdown("**Reprendre un diagnostic**")
        link = st.text_input(
            "Lien de reprise ou identifiant du diagnostic",
            help="Le lien affiché en haut du questionnaire, ou l’identifiant qu’il contient après « d= ».",
        )
        if st.form_submit_button("Reprendre"):
            match = _ID.search(link.strip())
            rec = store().get_diagnostic(match.group(1)) if match else None
            if rec is None:
                st.error("Aucun diagnostic ne correspond à ce lien. Vérifiez qu’il a été copié en entier.")
            else:
                current.open_diagnostic(rec.id)
                st.switch_page("app_pages/diagnostic.py", query_params={keys.PARAM_DIAGNOSTIC: rec.id})


def _import() -> None:
    st.markdown("**Importer un fichier de réponses**")
    upload = st.file_uploader("Fichier JSON exporté depuis cet outil", type=["json"], key="home_import")
    if upload is None:
        return
    try:
        responses = read_answers_file(upload.getvalue(), catalogue())
    except ResponseError as exc:
        st.error("Fichier refusé :\n\n" + "\n".join(f"- {escape_markdown(p)}" for p in exc.problems))
        return
    if st.button("Créer un diagnostic avec ces réponses", type="primary"):
        s = store()
        diag_id = s.create_diagnostic(responses.questionnaire, responses.profile.model_dump(exclude_none=True))
        s.replace_responses(diag_id, responses.model_dump(exclude_none=True))
        current.open_diagnostic(diag_id)
        page.flash(f"{len(responses.answers)} réponses importées dans un nouveau diagnostic.")
        st.switch_page("app_pages/results.py", query_params={keys.PARAM_DIAGNOSTIC: diag_id})


def render() -> None:
    """The home screen."""
    st.title("Autodiagnostic ESS des territoires", anchor=False)
    st.markdown(
        "Évaluez la politique de votre collectivité en faveur de l’**économie sociale et solidaire** : "
        "ce qui motive votre territoire à s’engager (7 critères présentés par les CRESS) et les ressources "
        "que vous mobilisez (sensibilisation, observation, stratégie, animation, compétences, commande publique responsable)."
    )
    st.markdown(
        "À la fin, vous obtenez : un **score de maturité** par dimension et deux **radars**, les **fiches des kits du RTES** "
        "adaptées à votre niveau de collectivité, les **acteurs à contacter** (CRESS, CNFPT, DLA, URSCOP…), "
        "un **rapport PDF** et un **classeur Excel** à présenter à vos élus."
    )
    page.show_flashes()
    diag_id = st.session_state.get(keys.CURRENT_DIAGNOSTIC) or st.query_params.get(keys.PARAM_DIAGNOSTIC)
    rec = store().get_diagnostic(diag_id) if diag_id else None
    if rec is not None:
        name = rec.profile.get("name") or "sans nom"
        st.info(f"Un diagnostic est en cours dans cette fenêtre : {escape_markdown(name)}.")
        st.page_link(
            "app_pages/diagnostic.py",
            label="Continuer ce diagnostic",
            icon=":material/arrow_forward:",
            query_params={keys.PARAM_DIAGNOSTIC: rec.id},
        )
    st.header("Commencer", anchor=False)
    _choices()
    st.caption(
        "Chaque réponse est enregistrée dès qu’elle est donnée. Gardez le lien de reprise : il permet de revenir "
        "plus tard, depuis un autre poste, ou de travailler à plusieurs ; il donne aussi accès à vos réponses."
    )
    left, right = st.columns(2)
    with left:
        _resume()
    with right:
        _import()
    st.caption(
        "Vous animez un atelier ? Utilisez « Animer un atelier » dans le menu. Vous participez à un atelier ? « Rejoindre un atelier »."
    )


page.guard(render)
