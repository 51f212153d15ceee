"""Widgets for importing answers into a diagnostic and downloading its reports."""

from __future__ import annotations

from datetime import date

import streamlit as st

from scoring.models import ResponseSet
from scoring.responses import ResponseError
from storage import DiagnosticRecord
from ui import current, keys, page
from ui.resources import catalogue, store
from ui.text import escape_markdown
from ui.transfer import read_answers_file
from ui.workshop_data import AnswersClosedError, check_open_for_answers


def import_into(rec: DiagnosticRecord) -> None:
    """Replace this diagnostic's answers by a file's, after an explicit confirmation."""
    with st.expander("Importer des réponses dans ce diagnostic"):
        upload = st.file_uploader("Fichier JSON de réponses", type=["json"], key=f"import:{rec.id}")
        if upload is None:
            return
        try:
            responses = read_answers_file(upload.getvalue(), catalogue(), expected_questionnaire=rec.questionnaire_id)
        except ResponseError as exc:
            st.error("Fichier refusé :\n\n" + "\n".join(f"- {escape_markdown(p)}" for p in exc.problems))
            return
        existing = store().load_responses(rec.id)
        count = len(existing["answers"])
        st.write(f"Ce fichier contient {len(responses.answers)} réponses.")
        confirmed = True
        if count:
            confirmed = st.checkbox(
                f"Je remplace les {count} réponses déjà enregistrées dans ce diagnostic", key=keys.CONFIRM_IMPORT
            )
        if st.button("Importer", disabled=not confirmed, type="primary"):
            try:
                check_open_for_answers(rec.id)
            except AnswersClosedError as exc:
                st.error(str(exc))
                return
            data = responses.model_dump(exclude_none=True)
            store().replace_responses(rec.id, data)
            if responses.profile.authority_type:
                store().update_profile(rec.id, responses.profile.model_dump(exclude_none=True))
            current.forget_widgets()
            page.flash(f"{len(responses.answers)} réponses importées.")
            st.rerun()


def report_buttons(rec: DiagnosticRecord, name: str) -> None:
    """PDF report and Excel workbook, built when clicked."""
    from reports.model import ReportInput, build_report_input
    from reports.pdf import build_pdf
    from reports.tables import export_filename
    from reports.xlsx import build_xlsx

    cat, s = catalogue(), store()  # resolved here: the callables below run outside the script thread

    def report_input() -> ReportInput:
        return build_report_input(
            cat, ResponseSet.model_validate(s.load_responses(rec.id)), action_plan=s.load_action_plan(rec.id)
        )

    day = date.today()
    cols = st.columns(2)
    cols[0].download_button(
        "Rapport PDF",
        data=lambda: build_pdf(report_input()),
        file_name=export_filename(name, "rapport", "pdf", day),
        mime="application/pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        type="primary",
    )
    cols[1].download_button(
        "Classeur Excel",
        data=lambda: build_xlsx(report_input()),
        file_name=export_filename(name, "classeur", "xlsx", day),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
        icon=":material/grid_on:",
    )
