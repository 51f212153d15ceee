"""Rejoindre un atelier: code (typed or from the QR link), role, optional first name."""

from __future__ import annotations

import time

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from storage import WorkshopClosed, WorkshopNotFound
from storage.workshops import normalize_join_code
from ui import current, keys, page
from ui.resources import store
from ui.text import escape_markdown
from workshops import access, links
from workshops.roles import ROLES

ROLE_LABELS = {r.id: r.label for r in ROLES}
# Checked in the browser as the code is typed (the server checks it again).
CODE_PATTERN = r"^\s*[A-Za-z0-9]{3}[\s-]?[A-Za-z0-9]{3}\s*$"
CODE_HINT = "Le code compte 6 caractères, lettres et chiffres, par exemple K7M-4QX."


def _failed(message: str, box: DeltaGenerator) -> None:
    failures: list[float] = st.session_state.setdefault(keys.JOIN_FAILURES, [])
    failures.append(time.time())
    box.error(message)


def _join(code: str, role_id: str | None, first_name: str, code_box: DeltaGenerator, role_box: DeltaGenerator) -> None:
    """Join the workshop; a problem is said right under the field it concerns (code or role)."""
    wait = access.wait_before_retry(st.session_state.get(keys.JOIN_FAILURES, []), time.time())
    if wait > 0:
        code_box.error(
            f"Trop de codes erronés depuis cette page. Réessayez dans {int(wait // 60) + 1} min, "
            "ou demandez le lien à l’animateur."
        )
        return
    normalized = normalize_join_code(code)
    if not normalized:
        code_box.error("Saisissez le code de l’atelier : 6 caractères, affichés par l’animateur.")
        return
    workshop = store().find_workshop_by_code(normalized)
    if workshop is None:
        _failed(
            f"Aucun atelier ne correspond au code « {escape_markdown(code.strip())} ». Vérifiez-le auprès de "
            "l’animateur : il compte 6 caractères (lettres et chiffres, sans 0, O, 1, I ni L).",
            code_box,
        )
        return
    if role_id is None:
        role_box.error(
            "Choisissez votre rôle : il permet de comparer les points de vue (élus, techniciens, acteurs de l’ESS)."
        )
        return
    if workshop.closed:
        code_box.error(
            f"L’atelier « {escape_markdown(workshop.title)} » est clos : il n’accepte plus de participants. "
            "Demandez à l’animateur de le rouvrir."
        )
        return
    # A second click on the same form (same person) reopens their diagnostic rather than adding a participant.
    joined: dict[tuple[str, str, str], str] = st.session_state.setdefault(keys.JOINED_WORKSHOPS, {})
    who = (workshop.id, role_id, first_name.strip())
    try:
        diag_id = joined.get(who) or store().join_workshop(workshop.id, role_id, first_name.strip() or None)
    except WorkshopClosed:
        code_box.error(
            f"L’atelier « {escape_markdown(workshop.title)} » vient d’être clos : il n’accepte plus de participants."
        )
        return
    except WorkshopNotFound:
        code_box.error("Cet atelier n’existe plus. Vérifiez le code auprès de l’animateur.")
        return
    joined[who] = diag_id
    current.open_diagnostic(diag_id)
    page.flash(
        f"Bienvenue dans l’atelier « {escape_markdown(workshop.title)} ». Vos réponses sont enregistrées au fil "
        "de l’eau ; gardez le lien de reprise ci-dessous pour revenir plus tard."
    )
    st.switch_page("app_pages/diagnostic.py", query_params={keys.PARAM_DIAGNOSTIC: diag_id})


def render() -> None:
    """The join screen."""
    st.title("Rejoindre un atelier", anchor=False)
    page.show_flashes()
    st.write(
        "Vous participez à un atelier d’autodiagnostic ESS : saisissez le code affiché par l’animateur, "
        "choisissez votre rôle, puis répondez au questionnaire. Aucun compte n’est nécessaire."
    )
    from_link = st.query_params.get(links.CODE_PARAM, "")
    if from_link and keys.JOIN_CODE not in st.session_state:
        st.session_state[keys.JOIN_CODE] = links.display_code(normalize_join_code(from_link)[:12])
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
            help="Visible par l’animateur seulement, dans la liste des participants et "
            "leur avancement ; jamais à côté de vos réponses.",
        )
        submitted = st.form_submit_button("Rejoindre l’atelier", type="primary")
    st.caption(
        "Vos réponses individuelles ne sont montrées à personne : l’animateur et le groupe voient des résultats "
        "d’ensemble, et une répartition (par rôle, les commentaires d’une question) seulement quand elle "
        "regroupe au moins 3 personnes."
    )
    if submitted:
        _join(code, role_id, first_name, code_box, role_box)


page.guard(render)
