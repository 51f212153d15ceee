"""The facilitator's participant tools: remove one, merge two, type in a paper questionnaire.

Participants are listed by first name and role only, alphabetically: never with an answer,
a progress or a join order.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from services import StorageError, WorkshopRecord, params, workshops
from services.workshops import JoinRefused
from ui import keys, page, workshop_exports, workshop_share
from ui.resources import store
from ui.text import escape_markdown
from workshops import links
from workshops.roles import roles

ROLE_LABELS = {r.id: r.label for r in roles()}


def _say(kind: str, text: str) -> None:
    st.session_state[keys.PARTICIPANT_MESSAGE] = (kind, text)


def _show_message() -> None:
    kind, text = st.session_state.pop(keys.PARTICIPANT_MESSAGE, (None, None))
    if text:
        page.message_box(kind, escape_markdown(text))


def _remove(workshop: WorkshopRecord, labels: dict[str, str]) -> None:
    diag_id = st.session_state.get(keys.REMOVE_PARTICIPANT)
    if diag_id not in labels:
        _say("warning", "Choisissez le participant à retirer.")
        return
    try:
        workshops.remove_participant(store(), workshop, diag_id)
    except StorageError as exc:
        _say("error", str(exc))
        return
    st.session_state.pop(keys.REMOVE_PARTICIPANT, None)
    _say("success", f"{labels[diag_id]} a été retiré de l’atelier ; les résultats du groupe sont recalculés.")


def _merge(workshop: WorkshopRecord, labels: dict[str, str]) -> None:
    keep, other = st.session_state.get(keys.MERGE_KEEP), st.session_state.get(keys.MERGE_OTHER)
    if keep not in labels or other not in labels or keep == other:
        _say("warning", "Choisissez deux participations différentes à fusionner.")
        return
    try:
        workshops.merge_participants(store(), workshop, keep, other)
    except StorageError as exc:
        _say("error", str(exc))
        return
    st.session_state.pop(keys.MERGE_OTHER, None)
    _say(
        "success",
        f"Les deux participations sont fusionnées en « {labels[keep]} » ; les résultats du groupe sont recalculés.",
    )


def _participation(label: str, labels: dict[str, str], key: str) -> None:
    """A participation chosen from the roster by its label, none at first."""
    st.selectbox(label, list(labels), format_func=labels.__getitem__, index=None, key=key, placeholder="Choisir…")


def manage(workshop: WorkshopRecord) -> None:
    """Remove or merge participants, and type in paper questionnaires."""
    entries = workshops.roster(store(), workshop.id)
    labels = {e.id: e.label for e in entries}
    # Containers, not expanders: an expander folds up again when a choice in it reruns the page.
    with st.container(border=True):
        st.markdown(f"**Retirer ou fusionner des participants** ({len(entries)})")
        st.caption(
            "Utile si quelqu’un a rejoint deux fois ou par erreur. La liste ne montre que le prénom et le rôle, "
            "jamais les réponses. Seule une participation sans réponse peut être retirée, et une fusion demande "
            "que l’une des deux soit vide : sinon les résultats du groupe, avant et après, laisseraient deviner "
            "des réponses."
        )
        left, right = st.columns(2)
        with left:
            _participation("Participant à retirer", labels, keys.REMOVE_PARTICIPANT)
            st.button(
                "Retirer cette participation vide",
                on_click=_remove,
                args=(workshop, labels),
                key="participants:remove_go",
            )
        with right:
            _participation("Participation à garder", labels, keys.MERGE_KEEP)
            _participation("Participation à y verser puis supprimer", labels, keys.MERGE_OTHER)
            st.button("Fusionner", on_click=_merge, args=(workshop, labels), key="participants:merge_go")
        _show_message()
    paper(workshop)


def _add_paper(workshop: WorkshopRecord) -> None:
    try:
        diag_id = workshops.add_paper(store(), workshop, st.session_state.get(keys.PAPER_ROLE))
    except (JoinRefused, StorageError) as exc:
        st.session_state[keys.PAPER_MESSAGE] = ("error", str(exc))
        return
    st.session_state[keys.PAPER_CREATED] = diag_id


def paper(workshop: WorkshopRecord) -> None:
    """Questionnaires on paper: a blank one to print, and typing one in as a participant."""
    with st.container(border=True):
        st.markdown("**Questionnaires papier**")
        st.caption(
            "Pour les personnes sans téléphone : imprimez le questionnaire vierge, puis saisissez chaque "
            "questionnaire rempli comme un participant (marqué « papier »)."
        )
        workshop_exports.blank_questionnaire_button(workshop)
        st.radio(
            "Rôle indiqué sur le questionnaire", list(ROLE_LABELS), format_func=ROLE_LABELS.__getitem__,
            index=None, key=keys.PAPER_ROLE, horizontal=True,
        )  # fmt: skip
        st.button(
            "Saisir un questionnaire papier",
            icon=":material/edit_note:",
            on_click=_add_paper,
            args=(workshop,),
            disabled=workshop.closed,
            key="paper:add",
        )
        _, text = st.session_state.pop(keys.PAPER_MESSAGE, (None, None))
        if text:
            st.error(escape_markdown(text))
        created = st.session_state.get(keys.PAPER_CREATED)
        if created:
            st.success("Participant « papier » créé : saisissez ses réponses dans le questionnaire.")
            base = workshop_share.base_url(links.DASHBOARD_PATH)
            st.link_button(
                "Saisir ses réponses (nouvel onglet)",
                f"{base}/questionnaire?{urlencode({params.DIAGNOSTIC: created})}",
                icon=":material/edit:",
            )
