"""The PDF report: cover, synthesis with radars, then the chapters of `reports.chapters` and the annex."""

from __future__ import annotations

import io
from typing import Literal

from reports import advice, annex, chapters
from reports.charts import priority_matrix_figure, radar_figure
from reports.document import ACCENT, FAMILY, HEAD_FILL, MUTED, ReportDocument
from reports.images import ExportUnavailable, figure_png
from reports.model import ReportInput
from reports.narrative import index_text, reading, status_text
from scoring.engine import Index, Scores
from scoring.french import HALF_TITLES, NBSP, VARIANT_LABELS, long_date, plain, typeset

RADAR_PX = (640, 520)
RADAR_MM = 96.0
MATRIX_PX = (900, 640)
SCALE = 3


def build_pdf(report: ReportInput) -> bytes:
    """The whole report as an A4 PDF (French, DejaVu Sans embedded)."""
    pdf = ReportDocument(report.authority_name, f"Autodiagnostic ESS – {report.authority_name}")
    images = _images(report)
    _cover(pdf, report)
    _synthesis(pdf, report, images)
    chapters.recommendations(pdf, report)  # the priorities right after the synthesis, as on the results page
    chapters.detail(pdf, report)
    chapters.action_plan(pdf, report)
    if report.workshop is not None:
        annex.workshop(pdf, report)
    annex.method(pdf, report)
    return bytes(pdf.output())


def _images(report: ReportInput) -> dict[str, bytes] | str:
    """The radar and matrix PNGs, or the French reason why they could not be drawn."""
    bands = report.catalogue.bands
    spread = report.workshop.dimension_range if report.workshop else None
    out: dict[str, bytes] = {}
    try:
        for half in ("motivation", "resource"):
            fig = radar_figure(
                report.scores,
                half,
                previous=report.previous,
                group_range=spread or None,
                bands=bands,
                title="",
                label="Réponses retenues" if spread else "Ce diagnostic",
            )
            out[half] = figure_png(fig, *RADAR_PX, scale=SCALE)
        out["matrix"] = figure_png(priority_matrix_figure(report.scores), *MATRIX_PX, scale=2)
    except ExportUnavailable as exc:
        return str(exc)
    return out


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
        ("Questionnaire", f"{q.title} ({VARIANT_LABELS[q.variant]}, version {q.version})"),
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


def _synthesis(pdf: ReportDocument, report: ReportInput, images: dict[str, bytes] | str) -> None:
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
    widths = [60, 30, 50] + ([50] if report.previous else [])
    pdf.data_table(header, rows, widths, ["L", "R", "L", "L"], size=9.5, width=sum(widths))
    for line in reading(scores):
        pdf.paragraph(line, after=1.5)
    if isinstance(images, str):
        pdf.paragraph(
            f"Graphiques non disponibles{NBSP}: {images} Les données figurent dans les tableaux.",
            size=9,
            style="I",
            colour=MUTED,
        )
    for half in ("motivation", "resource"):
        _radar_block(pdf, report, half, images)
    advice.synthesis_lists(pdf, report)
    if isinstance(images, dict):
        pdf.heading("Importance et maturité", 2, keep_with=110)
        pdf.paragraph(
            "Chaque point est une dimension évaluée. En haut à gauche, les dimensions jugées importantes "
            "mais encore peu avancées : ce sont elles à traiter en premier.",
            size=9,
            colour=MUTED,
        )
        width = pdf.body_width * 0.86
        pdf.image(
            io.BytesIO(images["matrix"]),
            x=pdf.l_margin + (pdf.body_width - width) / 2,
            w=width,
            alt_text="Matrice importance et maturité des dimensions",
        )


def _radar_block(
    pdf: ReportDocument, report: ReportInput, half: Literal["motivation", "resource"], images: dict[str, bytes] | str
) -> None:
    """A radar on the left and its data table on the right (the table alone when there is no image)."""
    dims = report.scores.half(half)
    height = RADAR_MM * RADAR_PX[1] / RADAR_PX[0]
    pdf.heading(HALF_TITLES[half], 2, keep_with=height if isinstance(images, dict) else 40)
    header = ["Dimension", "Score", "Palier"]
    rows = [
        [
            ds.dimension.short_title,
            status_text(ds).split(" – ")[0] if ds.score is not None else "–",
            ds.band.label if ds.band else status_text(ds),
        ]
        for ds in dims
    ]
    if isinstance(images, str):
        pdf.data_table(header, rows, [84, 40, 50], ["L", "R", "L"], width=pdf.body_width)
        return
    top = pdf.get_y()
    pdf.image(
        io.BytesIO(images[half]),
        x=pdf.l_margin - 6,
        y=top,
        w=RADAR_MM,
        alt_text=f"Radar des {HALF_TITLES[half].lower()}",
    )
    table_x = pdf.l_margin + RADAR_MM - 6
    table_w = pdf.w - pdf.r_margin - table_x
    pdf.set_y(top + 6)
    pdf.data_table(header, rows, [40, 18, 26], ["L", "R", "L"], size=8.5, width=table_w, x=table_x)
    pdf.set_y(max(pdf.get_y(), top + height) + 2)
