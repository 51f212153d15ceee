"""The PDF report: cover, synthesis with radars, then the chapters of `reports.chapters` and the annex.

The radars and the priority matrix are drawn as vectors (`reports.vector_charts`, `reports.vector_matrix`):
no browser is needed, and a full report builds in a few hundred milliseconds (BENCHMARKS.md).
"""

from __future__ import annotations

from typing import Literal

from reports import advice, annex, chapters
from reports.document import ACCENT, FAMILY, HEAD_FILL, MUTED, ReportDocument
from reports.model import ReportInput
from reports.narrative import index_text, reading, status_text
from reports.vector_charts import draw_radar
from reports.vector_matrix import draw_matrix
from scoring.engine import Index, Scores
from scoring.french import NBSP, long_date, plain, typeset
from scoring.wording import half_title, questionnaire_name

RADAR_MM = (96.0, 78.0)
MATRIX_MM = (150.0, 105.0)


def build_pdf(report: ReportInput) -> bytes:
    """The whole report as an A4 PDF (French, DejaVu Sans embedded)."""
    pdf = ReportDocument(report.authority_name, f"Autodiagnostic ESS – {report.authority_name}")
    _cover(pdf, report)
    _synthesis(pdf, report)
    chapters.recommendations(pdf, report)  # the priorities right after the synthesis, as on the results page
    chapters.detail(pdf, report)
    chapters.action_plan(pdf, report)
    if report.workshop is not None:
        annex.workshop(pdf, report)
    annex.method(pdf, report)
    return bytes(pdf.output())


def _cover(pdf: ReportDocument, report: ReportInput) -> None:
    pdf.add_page()
    q = report.scores.questionnaire
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, pdf.w, 34, style="F")
    pdf.set_xy(pdf.l_margin, 12)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font(FAMILY, "B", 13)
    pdf.cell(0, 7, "Autodiagnostic ESS des territoires")
    pdf.set_xy(pdf.l_margin, 46)
    kind = "Rapport d’atelier" if report.workshop else "Rapport de diagnostic"
    pdf.paragraph(kind, size=14, colour=MUTED, after=4)
    pdf.set_font(FAMILY, "B", 24)
    pdf.multi_cell(0, 11, plain(report.authority_name), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    profile = report.responses.profile
    lists = report.catalogue.territories
    details = [
        report.authority_type_label,
        next((p.label for p in lists.population_bands if p.id == profile.population_band), ""),
        next((r.label for r in lists.regions if r.id == profile.region), ""),
    ]
    pdf.paragraph(
        " · ".join(d for d in details if d) or "Type de collectivité non renseigné", size=12, colour=MUTED, after=10
    )
    rows = [
        ("Date du rapport", long_date(report.generated_on)),
        ("Questionnaire", questionnaire_name(q.title, q.variant, q.version)),
        ("Répondants", report.respondents),
        ("Réponses données", f"{round(report.scores.answered_share)}{NBSP}% des questions posées"),
        ("Kit de fiches RTES", report.advice.kit_title),
    ]
    for label, value in rows:
        pdf.set_font(FAMILY, "B", 10.5)
        pdf.cell(45, 6.5, typeset(label))
        pdf.set_font(FAMILY, "", 10.5)
        pdf.multi_cell(0, 6.5, typeset(value), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    pdf.ln(10)
    _index_boxes(pdf, report.scores)
    pdf.set_y(-48)
    pdf.paragraph(
        "Ce rapport est produit à partir des réponses de la collectivité. Les scores décrivent une "
        "démarche, ils ne jugent pas un territoire : ils servent à choisir où agir en premier. "
        "La méthode de calcul figure en annexe.",
        size=8.5,
        colour=MUTED,
    )


def _index_boxes(pdf: ReportDocument, scores: Scores) -> None:
    """Three boxes: global index, motivation, resources."""
    boxes: list[tuple[str, Index]] = [
        ("Indice global", scores.overall),
        ("Motivation", scores.motivation),
        ("Ressources", scores.resource),
    ]
    width = (pdf.body_width - 8) / 3
    y = pdf.get_y()
    for i, (label, index) in enumerate(boxes):
        x = pdf.l_margin + i * (width + 4)
        pdf.set_fill_color(*HEAD_FILL)
        pdf.rect(x, y, width, 30, style="F")
        pdf.set_xy(x, y + 3)
        pdf.set_font(FAMILY, "", 10)
        pdf.cell(width, 5, label, align="C")
        pdf.set_xy(x, y + 10)
        pdf.set_font(FAMILY, "B", 20)
        value = "–" if index.value is None else index_text(index).split(" ")[0]
        pdf.cell(width, 9, value, align="C")
        pdf.set_xy(x, y + 21)
        pdf.set_font(FAMILY, "", 10)
        pdf.cell(width, 5, index.band.label if index.band else "non calculé", align="C")
    pdf.set_xy(pdf.l_margin, y + 34)


def _synthesis(pdf: ReportDocument, report: ReportInput) -> None:
    pdf.add_page()
    pdf.heading("Synthèse")
    scores = report.scores
    header = ["Indice", "Score", "Palier"] + (["Précédent"] if report.previous else [])
    rows = []
    for label, attr in (("Indice global", "overall"), ("Motivation", "motivation"), ("Ressources", "resource")):
        index: Index = getattr(scores, attr)
        row = [label, index_text(index).split(" (")[0], index.band.label if index.band else "–"]
        if report.previous:
            row.append(index_text(getattr(report.previous, attr)))
        rows.append(row)
    widths = [50, 28, 40, 56] if report.previous else [60, 30, 50]  # within the 174 mm between margins
    pdf.data_table(header, rows, widths, ["L", "R", "L", "L"], size=9.5, width=sum(widths))
    for line in reading(scores):
        pdf.paragraph(line, after=1.5)
    for half in ("motivation", "resource"):
        _radar_block(pdf, report, half)
    advice.synthesis_lists(pdf, report)
    pdf.heading("Importance et maturité", 2, keep_with=MATRIX_MM[1] + 12)
    pdf.paragraph(
        "Chaque point est une dimension évaluée. En haut à gauche, les dimensions jugées importantes "
        "mais encore peu avancées : ce sont elles à traiter en premier.",
        size=9,
        colour=MUTED,
    )
    width, height = MATRIX_MM
    top = pdf.get_y() + 1
    draw_matrix(pdf, (pdf.l_margin + (pdf.body_width - width) / 2, top, width, height), scores)
    pdf.set_y(top + height + 2)


def _radar_block(pdf: ReportDocument, report: ReportInput, half: Literal["motivation", "resource"]) -> None:
    """A radar on the left and its data table on the right."""
    dims = report.scores.half(half)
    width, height = RADAR_MM
    pdf.heading(half_title(half), 2, keep_with=height)
    header = ["Dimension", "Score", "Palier"]
    rows = [
        [
            ds.dimension.short_title,
            status_text(ds).split(" – ")[0] if ds.score is not None else "–",
            ds.band.label if ds.band else status_text(ds),
        ]
        for ds in dims
    ]
    top = pdf.get_y()
    spread = report.workshop.dimension_range if report.workshop else None
    draw_radar(
        pdf,
        (pdf.l_margin - 6, top, width, height),
        report.scores,
        half,
        previous=report.previous,
        group_range=spread or None,
        bands=report.catalogue.bands,
        label="Réponses retenues" if spread else "Ce diagnostic",
    )
    table_x = pdf.l_margin + width - 6
    table_w = pdf.w - pdf.r_margin - table_x
    pdf.set_y(top + 6)
    pdf.data_table(header, rows, [40, 18, 26], ["L", "R", "L"], size=8.5, width=table_w, x=table_x)
    pdf.set_y(max(pdf.get_y(), top + height) + 2)
