"""Widgets for importing answers into a diagnostic and downloading its reports."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date

import streamlit as st

from reports.model import ReportInput
from scoring.loader import Catalogue
from scoring.responses import ResponseError
from services import AnswersClosed, DiagnosticRecord, ProfileLocked, Store, diagnostics
from services.imports import read_answers_file
from services.reports import report_input
from ui import current, keys, page
from ui.resources import catalogue, store
from ui.text import escape_markdown


def import_into(rec: DiagnosticRecord) -> None:
    """Replace this diagnostic's answers by a file's, after an explicit confirmation."""
    with st.expander("Importer des réponses dans ce diagnostic"):
        if rec.workshop_id:
            st.caption("Le profil de la collectivité reste celui de l’atelier : seules les réponses sont importées.")
        upload = st.file_uploader("Fichier JSON de réponses", type=["json"], key=f"import:{rec.id}")
        if upload is None:
            return
        try:
            responses = read_answers_file(upload.getvalue(), catalogue(), expected_questionnaire=rec.questionnaire_id)
        except ResponseError as exc:
            st.error("Fichier refusé :\n\n" + "\n".join(f"- {escape_markdown(p)}" for p in exc.problems))
            return
        count = len(diagnostics.responses(store(), rec.id).answers)
        st.write(f"Ce fichier contient {len(responses.answers)} réponses.")
        confirmed = True
        if count:
            confirmed = st.checkbox(
                f"Je remplace les {count} réponses déjà enregistrées dans ce diagnostic", key=keys.CONFIRM_IMPORT
            )
        if st.button("Importer", disabled=not confirmed, type="primary"):
            try:
                diagnostics.import_into(store(), rec, responses)
            except (AnswersClosed, ProfileLocked) as exc:
                st.error(str(exc))
                return
            current.forget_widgets()
            page.flash(f"{len(responses.answers)} réponses importées.")
            st.rerun()


def _render(build: Callable[[ReportInput], bytes], s: Store, cat: Catalogue, rec: DiagnosticRecord) -> bytes:
    return build(report_input(s, cat, rec))


def report_buttons(rec: DiagnosticRecord, name: str) -> None:
    """PDF report and Excel workbook, built when clicked (for a workshop, with its group data)."""
    from reports.exports import export_filename
    from reports.pdf import build_pdf
    from reports.slides import build_pptx
    from reports.xlsx import build_xlsx

    cat, s = catalogue(), store()  # resolved here: the callables below run outside the script thread
    day = date.today()
    kinds = (
        ("Rapport PDF", build_pdf, "rapport", "pdf", "application/pdf", ":material/picture_as_pdf:"),
        ("Classeur Excel", build_xlsx, "classeur", "xlsx",
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ":material/grid_on:"),
        ("Diaporama de restitution", build_pptx, "diaporama", "pptx",
         "application/vnd.openxmlformats-officedocument.presentationml.presentation", ":material/slideshow:"),
    )  # fmt: skip
    for column, (label, build, what, ext, mime, icon) in zip(st.columns(3), kinds, strict=True):
        column.download_button(
            label,
            data=functools.partial(_render, build, s, cat, rec),
            file_name=export_filename(name, what, ext, day),
            mime=mime,
            on_click="ignore",
            icon=icon,
            type="primary" if ext == "pdf" else "secondary",
            key=f"report:{ext}:{rec.id}",
        )
