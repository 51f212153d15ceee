"""Rejoindre un atelier: code (typed or from the QR link), role, optional first name."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from services import params, workshops
from services.workshops import JoinRefused
from ui import client, current, device, keys, page
from ui.resources import store
from ui.text import escape_markdown
from workshops import links
from workshops.roles import roles

ROLE_LABELS = {r.id: r.label for r in roles()}
# Checked in the browser as the code is typed (the server checks it again).
CODE_PATTERN = r"^\s*[A-Za-z0-9]{3}[\s-]?[A-Za-z0-9]{3}\s*$"
CODE_HINT = "Le code compte 6 caractères, lettres et chiffres, par exemple K7M-4QX."


def _join(code: str, role_id: str | None, first_name: str, code_box: DeltaGenerator, role_box: DeltaGenerator) -> None:
    """Join the workshop; a problem is said right under the field it concerns (code or role)."""
    try:
        workshop = workshops.find_for_join(store(), code, client.client_key(), datetime.now(UTC))
    except JoinRefused as exc:
        code_box.error(escape_markdown(str(exc)))
        return
    # A second click on the same form (same person) reopens their diagnostic rather than adding a participant.
    joined: dict[tuple[str, str, str], str] = st.session_state.setdefault(keys.JOINED_WORKSHOPS, {})
    who = (workshop.id, role_id or "", first_name.strip())
    try:
        diag_id = joined.get(who) or workshops.join(store(), workshop, role_id, first_name)
    except JoinRefused as exc:
        (role_box if exc.field == "role" else code_box).error(escape_markdown(str(exc)))
        return
    joined[who] = diag_id
    current.open_diagnostic(diag_id)
    page.flash(
        f"Bienvenue dans l’atelier « {escape_markdown(workshop.title)} ». Vos réponses sont enregistrées au fil "
        "de l’eau ; gardez le lien de reprise ci-dessous pour revenir plus tard."
    )
    st.switch_page("app_pages/diagnostic.py", query_params={params.DIAGNOSTIC: diag_id})


def _offer_resume(code: str) -> None:
    """On a device that already joined this workshop (a cookie), offer to resume that participation."""
    workshop = workshops.find_by_code(store(), code)
    if workshop is None:
        return
    diag_id = workshops.resume(store(), workshop, device.remembered(workshop.id))
    if diag_id is None:
        return
    with st.container(border=True):
        st.markdown(f"**Vous avez déjà rejoint l’atelier « {escape_markdown(workshop.title)} » sur cet appareil.**")
        if st.button("Reprendre mes réponses", type="primary", icon=":material/replay:", key="join:resume"):
            current.open_diagnostic(diag_id)
            st.switch_page("app_pages/diagnostic.py", query_params={params.DIAGNOSTIC: diag_id})
        st.caption("Une autre personne utilise cet appareil ? Elle rejoint l’atelier avec le formulaire ci-dessous.")


def render() -> None:
    """The join screen."""
    st.title("Rejoindre un atelier", anchor=False)
    page.show_flashes()
    st.write(
        "Vous participez à un atelier d’autodiagnostic ESS : saisissez le code affiché par l’animateur, "
        "choisissez votre rôle, puis répondez au questionnaire. Aucun compte n’est nécessaire."
    )
    from_link = params.normalize_join_code(st.query_params.get(params.JOIN_CODE))
    if from_link and keys.JOIN_CODE not in st.session_state:
        st.session_state[keys.JOIN_CODE] = links.display_code(from_link)
    if from_link:
        _offer_resume(from_link)
    with st.form(keys.JOIN_FORM):
        code = st.text_input(
            "Code de l’atelier",
            max_chars=20,
            key=keys.JOIN_CODE,
            placeholder="Ex. : K7M-4QX",
            required=True,
            validate=(CODE_PATTERN, CODE_HINT),
        )
        code_box = st.container()  # server-side messages about the code, next to its field
        role_id = st.radio(
            "Votre rôle (obligatoire)",
            list(ROLE_LABELS),
            format_func=ROLE_LABELS.__getitem__,
            index=None,
            key=keys.JOIN_ROLE,
        )
        role_box = st.container()
        first_name = st.text_input(
            "Votre prénom (facultatif)",
            max_chars=50,
            key=keys.JOIN_FIRST_NAME,
            help="Facultatif. Le tableau de bord ne montre que des nombres : votre prénom n’est affiché ni à "
            "côté de vos réponses, ni à côté de votre avancement.",
        )
        submitted = st.form_submit_button("Rejoindre l’atelier", type="primary")
    st.caption(
        "Vos réponses individuelles ne sont montrées à personne : l’animateur et le groupe voient des résultats "
        "d’ensemble, chacun calculé sur au moins 3 personnes ; un rôle n’est montré à part que si lui et le "
        "reste du groupe réunissent chacun au moins 3 personnes, et les commentaires d’une question qu’à partir "
        "de 3 commentaires."
    )
    if submitted:
        _join(code, role_id, first_name, code_box, role_box)


page.guard(render)
