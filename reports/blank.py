"""A blank questionnaire to print, for workshop participants without a phone.

Every applicable question with its levels as boxes to tick, « je ne sais pas » and
« non concerné », a comment line, and the role to tick at the top. The facilitator then
types it in from the dashboard as a paper participant.
"""

from __future__ import annotations

from collections.abc import Mapping

from reports.document import FAMILY, MUTED, ReportDocument
from scoring.french import typeset
from scoring.models import Question, Questionnaire
from workshops.roles import roles

BOX = 3.6
"""Side of a box to tick, in mm."""


def _box(pdf: ReportDocument, label: str, size: float = 9, width: float | None = None) -> None:
    """A box to tick followed by its label, on the current line."""
    x, y = pdf.get_x(), pdf.get_y()
    pdf.rect(x, y + 0.6, BOX, BOX)
    pdf.set_xy(x + BOX + 1.5, y)
    pdf.set_font(FAMILY, "", size)
    text = typeset(label)
    pdf.cell(width if width is not None else pdf.get_string_width(text) + 6, 5, text)


def _level_line(pdf: ReportDocument, value: int, label: str, description: str) -> None:
    """One level: box, « 2 · Label », then its description in small type."""
    pdf.set_x(pdf.l_margin + 4)
    x, y = pdf.get_x(), pdf.get_y()
    pdf.rect(x, y + 0.6, BOX, BOX)
    pdf.set_xy(x + BOX + 1.5, y)
    pdf.set_font(FAMILY, "B", 8.5)
    head = typeset(f"{value} · {label}")
    pdf.cell(pdf.get_string_width(head) + 2, 4.8, head)
    pdf.set_font(FAMILY, "", 8)
    pdf.set_text_color(*MUTED)
    pdf.multi_cell(0, 4.0, typeset(f"– {description}"), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(34, 34, 34)
    pdf.ln(0.6)


def _question(pdf: ReportDocument, number: int, question: Question) -> None:
    pdf.ensure_space(14 + 9.5 * len(question.levels) + 12)
    pdf.paragraph(f"Q{number}. {question.text}", size=10, style="B", after=1)
    for level in question.levels:
        _level_line(pdf, level.value, level.label, level.description)
    pdf.set_x(pdf.l_margin + 4)
    _box(pdf, "Je ne sais pas", width=40)
    _box(pdf, "Non concerné", width=40)
    pdf.ln(6.5)
    pdf.set_x(pdf.l_margin + 4)
    pdf.set_font(FAMILY, "", 9)
    pdf.cell(24, 5, "Commentaire :")
    y = pdf.get_y() + 4.5
    pdf.set_draw_color(150, 150, 150)
    pdf.line(pdf.get_x(), y, pdf.w - pdf.r_margin, y)
    pdf.line(pdf.l_margin + 4, y + 6.5, pdf.w - pdf.r_margin, y + 6.5)
    pdf.set_draw_color(0, 0, 0)
    pdf.ln(14)


def build_blank_questionnaire(
    questionnaire: Questionnaire, numbers: Mapping[str, int], title: str, authority: str
) -> bytes:
    """The printable blank questionnaire of a workshop: the questions of `numbers`, numbered so."""
    pdf = ReportDocument(authority, f"Questionnaire papier – {title}")
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.heading(f"Questionnaire papier – {questionnaire.title}", 1, keep_with=10)
    pdf.paragraph(f"Atelier « {title} » · {authority}", size=10, user_text=True)
    pdf.paragraph(
        "Cochez une case par question : le niveau qui décrit le mieux la situation de la collectivité aujourd’hui, "
        "ou « je ne sais pas », ou « non concerné ». Rendez ce questionnaire à l’animateur, qui le saisira : "
        "vos réponses individuelles ne seront montrées à personne.",
        size=9,
        after=3,
    )
    pdf.paragraph("Votre rôle (une case) :", size=10, style="B", after=1)
    pdf.set_x(pdf.l_margin + 4)
    for role in roles():
        _box(pdf, role.short[:1].upper() + role.short[1:], size=10, width=36)
    pdf.ln(8)
    pdf.set_font(FAMILY, "", 10)
    pdf.cell(45, 5, "Prénom (facultatif) :")
    y = pdf.get_y() + 4.5
    pdf.line(pdf.get_x(), y, pdf.l_margin + 120, y)
    pdf.ln(9)
    for dimension in questionnaire.dimensions:
        shown = [q for q in dimension.questions if q.id in numbers]
        if not shown:
            continue
        pdf.heading(dimension.title, 2, keep_with=40)
        for question in shown:
            _question(pdf, numbers[question.id], question)
    return bytes(pdf.output())
