"""Accueil: what the diagnostic is, start a new one, resume one, or import an answers file."""

from __future__ import annotations

import streamlit as st

from scoring.completion import question_count_text
from scoring.french import PARIS, short_date
from scoring.responses import ResponseError
from services import diagnostics, params
from services.imports import read_answers_file
from ui import browser, current, keys, page
from ui.resources import catalogue, store
from ui.text import escape_markdown


def _start(questionnaire_id: str) -> None:
    diag_id = diagnostics.start(store(), questionnaire_id)
    current.open_diagnostic(diag_id)
    st.switch_page("app_pages/profile.py", query_params={params.DIAGNOSTIC: diag_id})


def _choices() -> None:
    cat = catalogue()
    columns = st.columns(len(cat.questionnaires))
    for column, q in zip(columns, sorted(cat.questionnaires.values(), key=lambda x: x.variant != "full"), strict=True):
        with column.container(border=True):
            st.subheader("Version complète" if q.variant == "full" else "Version express", anchor=False)
            st.write(
                f"{question_count_text(q, cat.territories)}, réparties en {len(q.dimensions)} dimensions, "
                f"environ {q.estimated_minutes} minutes."
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
            help="Le lien affiché en haut du questionnaire, ou l’identifiant qu’il contient après « d= ».",
        )
        if st.form_submit_button("Reprendre"):
            rec = diagnostics.find_by_link(store(), link)
            if rec is None:
                st.error("Aucun diagnostic ne correspond à ce lien. Vérifiez qu’il a été copié en entier.")
            else:
                current.open_diagnostic(rec.id)
                st.switch_page("app_pages/diagnostic.py", query_params={params.DIAGNOSTIC: rec.id})


def _import() -> None:
    st.markdown("**Importer un fichier de réponses**")
    upload = st.file_uploader("Fichier JSON exporté depuis cet outil", type=["json"], key="home_import")
    if upload is None:
        return
    try:
        responses = read_answers_file(upload.getvalue(), catalogue())
    except ResponseError as exc:
        st.error("Fichier refusé :\n\n" + "\n".join(f"- {escape_markdown(p)}" for p in exc.problems))
        return
    if st.button("Créer un diagnostic avec ces réponses", type="primary"):
        diag_id = diagnostics.import_as_new(store(), responses)
        current.open_diagnostic(diag_id)
        page.flash(f"{len(responses.answers)} réponses importées dans un nouveau diagnostic.")
        st.switch_page("app_pages/results.py", query_params={params.DIAGNOSTIC: diag_id})


def _forget(diag_id: str) -> None:
    browser.forget(diag_id)
    page.flash("Diagnostic oublié sur cet appareil. Il reste enregistré : son lien de reprise l’ouvre toujours.")


def _on_this_device() -> None:
    """The diagnostics opened on this device (no account: their ids are kept in a cookie)."""
    current_id = st.session_state.get(keys.CURRENT_DIAGNOSTIC) or params.token(st.query_params.get(params.DIAGNOSTIC))
    ids = browser.remembered()
    forgotten = st.session_state.get(keys.FORGOTTEN_DIAGNOSTICS, set())
    if current_id and current_id not in ids and current_id not in forgotten:
        ids = [current_id, *ids]
    found = diagnostics.summaries(store(), catalogue(), ids) if ids else []
    if not found:
        return
    st.header("Vos diagnostics sur cet appareil", anchor=False)
    for summary in found:
        rec = summary.record
        name = rec.profile.get("name") or "Collectivité sans nom"
        with st.container(border=True):
            left, middle, right = st.columns([3, 1, 1], vertical_alignment="center")
            left.markdown(f"**{escape_markdown(name)}**")
            left.caption(
                f"{summary.questionnaire_title} · modifié le {short_date(rec.updated_at.astimezone(PARIS).date())} · "
                f"{summary.done.answered} question(s) renseignée(s) sur {summary.done.applicable}"
                + (" · participation à un atelier" if rec.workshop_id else "")
            )
            middle.page_link(
                "app_pages/diagnostic.py",
                label="Reprendre",
                icon=":material/arrow_forward:",
                query_params={params.DIAGNOSTIC: rec.id},
            )
            right.button(
                "Oublier sur cet appareil",
                key=f"forget:{rec.id}",
                on_click=_forget,
                args=(rec.id,),
                help="Retire ce diagnostic de cette liste ; il reste enregistré et son lien l’ouvre toujours.",
            )


def render() -> None:
    """The home screen."""
    st.title("Autodiagnostic ESS des territoires", anchor=False)
    st.markdown(
        "Évaluez la politique de votre collectivité en faveur de l’**économie sociale et solidaire**\u00a0: "
        "ce qui motive votre territoire à s’engager (7 critères présentés par les CRESS) et les ressources "
        "que vous mobilisez (sensibilisation, observation, stratégie, animation, compétences, commande publique responsable)."
    )
    st.markdown(
        "À la fin, vous obtenez : un **score de maturité** par dimension et deux **radars**, les **fiches des kits du RTES** "
        "adaptées à votre niveau de collectivité, les **acteurs à contacter** (CRESS, CNFPT, DLA, URSCOP…), "
        "un **rapport PDF** et un **classeur Excel** à présenter à vos élus."
    )
    page.show_flashes()
    _on_this_device()
    st.header("Commencer", anchor=False)
    _choices()
    st.caption(
        "Chaque réponse est enregistrée dès qu’elle est donnée. Gardez le lien de reprise : il permet de revenir "
        "plus tard, depuis un autre poste, ou de travailler à plusieurs ; il donne aussi accès à vos réponses."
    )
    left, right = st.columns(2)
    with left:
        _resume()
    with right:
        _import()
    st.caption(
        "Vous animez un atelier ? Utilisez « Animer un atelier » dans le menu. Vous participez à un atelier ? « Rejoindre un atelier »."
    )


page.guard(render)
