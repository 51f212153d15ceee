"""Workshop downloads built on click: the blank paper questionnaire (and the restitution slides)."""

from __future__ import annotations

import functools

import streamlit as st

from reports.blank import build_blank_questionnaire
from scoring.completion import question_numbers
from services import WorkshopRecord
from ui.resources import catalogue


def _blank(workshop: WorkshopRecord) -> bytes:
    cat = catalogue()
    questionnaire = cat.questionnaire(workshop.questionnaire_id)
    numbers = question_numbers(questionnaire, cat.territories, workshop.profile.get("authority_type"))
    authority = workshop.profile.get("name") or "Collectivité"
    return build_blank_questionnaire(questionnaire, numbers, workshop.title, authority)


def blank_questionnaire_button(workshop: WorkshopRecord) -> None:
    """« Questionnaire vierge à imprimer (PDF) », numbered as on the phones."""
    st.download_button(
        "Questionnaire vierge à imprimer (PDF)",
        data=functools.partial(_blank, workshop),
        file_name=f"atelier-{workshop.join_code.lower()}-questionnaire-papier.pdf",
        mime="application/pdf",
        on_click="ignore",
        icon=":material/print:",
        key=f"blank_pdf:{workshop.id}",
    )
