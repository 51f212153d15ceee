"""The restitution pack: a short, editable 16:9 slide deck (PPTX) to present a diagnostic to the élus.

Title, indices, radars (PNG when a browser can draw them, else a table), « Vos priorités » with
their next steps, and for a workshop the divergent questions and the answers the group agreed on
(aggregates only, as `workshops.anonymity` lets them out through `ReportInput.workshop`), then
the next steps or the action plan. Only confirmed (verified) fiches are named.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Literal

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Emu, Inches, Length, Pt

from reports.charts import radar_figure
from reports.images import ExportUnavailable, figure_png
from reports.model import ReportInput
from scoring.completion import question_numbers
from scoring.engine import Index
from scoring.french import long_date, number, plain, score_text, short_date, typeset
from scoring.priorities import prioritise
from scoring.wording import answer_label

ACCENT = RGBColor(0x00, 0x54, 0x8C)  # type: ignore[no-untyped-call]
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
BODY_WIDTH = Emu(WIDTH - 2 * MARGIN)
TEXT_HEIGHT = Inches(5.5)
BELOW_TITLE = Inches(1.5)
ROWS_PER_SLIDE = 9
HALVES: tuple[tuple[Literal["motivation", "resource"], str], ...] = (
    ("motivation", "Motivations"),
    ("resource", "Ressources"),
)


def _t(text: str) -> str:
    """Text as printed: control characters removed (user text too), French no-break spaces."""
    return typeset(plain(text))


def _blank(deck: Deck, title: str) -> Slide:
    """A slide with its title in the accent colour (layout 5: « titre seul »)."""
    slide: Slide = deck.slides.add_slide(deck.slide_layouts[5])
    shape = slide.shapes.title
    assert shape is not None
    shape.left, shape.top, shape.width, shape.height = MARGIN, Inches(0.3), BODY_WIDTH, Inches(0.9)
    shape.text = _t(title)
    paragraph = shape.text_frame.paragraphs[0]
    paragraph.font.size, paragraph.font.bold, paragraph.font.color.rgb = Pt(30), True, ACCENT
    return slide


def _text(slide: Slide, lines: Sequence[tuple[str, int, bool]], top: Length = BELOW_TITLE) -> None:
    """A text box of (text, size in points, bold) paragraphs under the title."""
    box = slide.shapes.add_textbox(MARGIN, top, BODY_WIDTH, TEXT_HEIGHT)
    frame = box.text_frame
    frame.word_wrap = True
    for i, (text, size, bold) in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = _t(text)
        paragraph.font.size, paragraph.font.bold = Pt(size), bold
        paragraph.space_after = Pt(6)


def _table(slide: Slide, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float]) -> None:
    """An editable table under the title; `widths` in inches."""
    shape = slide.shapes.add_table(len(rows) + 1, len(header), MARGIN, Inches(1.4), Inches(sum(widths)), Inches(0.5))
    table = shape.table
    for col, width in enumerate(widths):
        table.columns[col].width = Inches(width)
    for r, row in enumerate([header, *rows]):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            cell.text = _t(value)
            for paragraph in cell.text_frame.paragraphs:
                paragraph.font.size, paragraph.font.bold = Pt(14 if r else 15), r == 0


def _index(index: Index) -> str:
    return (
        "non calculé"
        if index.value is None
        else f"{score_text(index.value)}/100 · {index.band.label if index.band else ''}"
    )


def _title_slide(deck: Deck, report: ReportInput) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[0])
    assert slide.shapes.title is not None
    title = slide.shapes.title
    title.text = _t(f"Autodiagnostic ESS – {report.authority_name}")
    # The default layout is sized for 4:3: the title and subtitle take the 16:9 width, one above the other.
    title.left, title.top, title.width, title.height = MARGIN, Inches(1.6), BODY_WIDTH, Inches(2.2)
    subtitle = slide.placeholders[1]
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = MARGIN, Inches(4.1), BODY_WIDTH, Inches(2.2)
    subtitle.text = _t(
        "\n".join([report.scores.questionnaire.title, report.respondents, long_date(report.generated_on)])
    )


def _indices_slide(deck: Deck, report: ReportInput) -> None:
    slide = _blank(deck, "Où en est la collectivité")
    s = report.scores
    _text(slide, [
        (f"Indice global : {_index(s.overall)}", 28, True),
        (f"Motivations : {_index(s.motivation)}", 22, False),
        (f"Ressources : {_index(s.resource)}", 22, False),
        ("Les scores décrivent une démarche, ils ne jugent pas un territoire : ils servent à choisir où agir "
         "en premier.", 16, False),
    ])  # fmt: skip


def _radar_slides(deck: Deck, report: ReportInput) -> None:
    """Both radars side by side as pictures, or one table of dimension scores without a browser."""
    spread = report.workshop.dimension_range if report.workshop else None
    try:
        images = [
            figure_png(
                radar_figure(
                    report.scores,
                    half,
                    previous=report.previous,
                    group_range=spread or None,
                    bands=report.catalogue.bands,
                    title=title,
                    label="Réponses retenues" if spread else "Ce diagnostic",
                ),
                640,
                520,
                2,
            )
            for half, title in HALVES
        ]
    except ExportUnavailable:
        images = []
    slide = _blank(deck, "Le profil de la collectivité")
    if images:
        width = Emu((BODY_WIDTH - Inches(0.3)) // 2)
        for i, png in enumerate(images):
            slide.shapes.add_picture(io.BytesIO(png), Emu(MARGIN + i * (width + Inches(0.3))), BELOW_TITLE, width=width)
        return
    rows = [[ds.dimension.short_title, score_text(ds.score), ds.band.label if ds.band else "non évalué"]
            for ds in report.scores.dimensions]  # fmt: skip
    _table(slide, ["Dimension", "Score /100", "Niveau"], rows, [6.5, 2.2, 3.3])


def _priorities_slide(deck: Deck, report: ReportInput) -> None:
    advice = prioritise(report.catalogue, report.responses, report.scores)
    slide = _blank(deck, "Vos priorités")
    lines: list[tuple[str, int, bool]] = []
    for p in advice.priorities[:5]:
        lines.append((f"{p.score.dimension.short_title} · {score_text(p.score.score)}/100 · {p.label}", 20, True))
        step = p.weak_answers[0].next_step if p.weak_answers else p.reason
        fiches = [f"fiche {f.fiche.number} « {f.fiche.title} »" if f.fiche.number else f"« {f.fiche.title} »"
                  for f in p.fiches if f.verified][:2]  # fmt: skip
        lines.append(("Prochaine étape : " + step + (f" ({', '.join(fiches)})" if fiches else ""), 15, False))
    if not lines:
        lines.append(("Aucune priorité : répondez à plus de questions pour en dégager.", 20, False))
    _text(slide, lines)


def _chunks(rows: list[list[str]]) -> list[list[list[str]]]:
    return [rows[i : i + ROWS_PER_SLIDE] for i in range(0, len(rows), ROWS_PER_SLIDE)] or [[]]


def _workshop_slides(deck: Deck, report: ReportInput) -> None:
    """Divergent questions with their group figures, then the answers agreed on (aggregates only)."""
    group = report.workshop
    if group is None:
        return
    questionnaire = report.scores.questionnaire
    numbers = question_numbers(questionnaire, report.catalogue.territories, report.responses.profile.authority_type)
    questions = {q.id: q for _, q in questionnaire.questions()}

    def agreed(qid: str) -> str:
        value = group.consolidated.answers.get(qid)
        if value is None:
            return "–"
        if isinstance(value, str):
            return answer_label(value)
        level = next((lv.label for lv in questions[qid].levels if lv.value == value), "")
        return f"{number(value, 1 if value % 1 else 0)} · {level}"

    divergent = sorted((s for s in group.stats.values() if s.divergent and s.question_id in numbers),
                       key=lambda s: (-(s.spread or 0), numbers[s.question_id]))  # fmt: skip
    rows = [[f"Q{numbers[s.question_id]}", questions[s.question_id].text, number(s.mean, 1), str(s.spread),
             agreed(s.question_id)] for s in divergent]  # fmt: skip
    for i, chunk in enumerate(_chunks(rows)):
        slide = _blank(deck, "Où le groupe a divergé" + (f" ({i + 1})" if i else ""))
        if chunk:
            _table(slide, ["Q.", "Question", "Moyenne", "Écart", "Réponse retenue"], chunk, [0.8, 6.4, 1.3, 1.0, 2.6])
        else:
            _text(slide, [("Aucune question divergente : le groupe a convergé.", 22, False)])
    agreed_rows = [[f"Q{n}", questions[qid].text, agreed(qid)] for qid, n in numbers.items()
                   if qid in group.consolidated.answers]  # fmt: skip
    for i, chunk in enumerate(_chunks(agreed_rows)):
        slide = _blank(deck, "Les réponses retenues par le groupe" + (f" ({i + 1})" if i else ""))
        if chunk:
            _table(slide, ["Q.", "Question", "Réponse retenue"], chunk, [0.8, 8.2, 3.1])
        else:
            _text(slide, [("Aucune réponse n’a encore été consolidée.", 22, False)])


def _next_steps_slide(deck: Deck, report: ReportInput) -> None:
    actions = report.action_plan.actions
    slide = _blank(deck, "Prochaines étapes")
    if actions:
        titles = {d.id: d.short_title for d in report.scores.questionnaire.dimensions}
        rows = [[titles.get(a.dimension_id, a.dimension_id), a.what, a.lead or "–",
                 short_date(a.deadline) if a.deadline else "–"] for a in actions[:ROWS_PER_SLIDE]]  # fmt: skip
        _table(slide, ["Dimension", "Action", "Pilote", "Échéance"], rows, [2.6, 5.8, 2.0, 1.7])
        return
    _text(slide, [
        ("Choisir une ou deux priorités et nommer un pilote pour chacune.", 22, False),
        ("Construire le plan d’action (onglet « Plan d’action » de l’outil) avec des échéances datées.", 22, False),
        ("Présenter le plan aux élus, puis refaire le diagnostic dans un an pour mesurer le chemin parcouru.", 22, False),
    ])  # fmt: skip


def build_pptx(report: ReportInput) -> bytes:
    """The restitution deck of a diagnostic (with the workshop slides for a collegial one)."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    deck.core_properties.title = _t(f"Autodiagnostic ESS – {report.authority_name}")
    deck.core_properties.language = "fr-FR"
    _title_slide(deck, report)
    _indices_slide(deck, report)
    _radar_slides(deck, report)
    _priorities_slide(deck, report)
    _workshop_slides(deck, report)
    _next_steps_slide(deck, report)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()
