"""The XLSX workbook: synthesis, scores, answers (with the group's aggregates in a workshop), advice, action plan."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reports.advice import elu_fiches, fiche_text
from reports.exports import FORMULA_STARTS
from reports.model import ReportInput
from reports.narrative import (
    answer_label,
    dimension_codes,
    fiche_label,
    question_codes,
    reading,
    status_text,
)
from scoring.engine import STATUS_LABELS, applies
from scoring.french import long_date
from scoring.priorities import Priority
from scoring.recommend import priority_label
from scoring.wording import half_step, questionnaire_name, status_label

Cell = str | int | float | date | None
BOLD = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="E1ECF5")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
SCORE, PERCENT, MEAN = "0.0", "0%", "0.0"
ADVICE_HEADER = ["N°", "Rubrique", "Dimension", "Motif", "Priorité", "Réponses à améliorer et étapes suivantes"]
ADVICE_HEADER += ["Fiches", "Liens", "Acteurs"]
NOT_ASKED = "Non posée à ce type de collectivité"


class Table:
    """A sheet filled row by row: bold frozen header, typed cells, widths from content."""

    def __init__(
        self, ws: Worksheet, header: Sequence[str], formats: dict[int, str] | None = None, wrap: Sequence[int] = ()
    ) -> None:
        self.ws, self.formats, self.wrap = ws, formats or {}, set(wrap)
        self.widths = [len(h) for h in header]
        self.texts: dict[int, dict[int, str]] = {}  # wrapped texts by row and column, for row heights
        self.row = 0
        self.add([*header], header=True)
        ws.freeze_panes = "A2"

    def add(self, values: Sequence[Cell], header: bool = False) -> None:
        """Append a row; every text is written as a string cell (see `write_text`)."""
        self.row += 1
        for col, value in enumerate(values):
            cell = self.ws.cell(self.row, col + 1)
            if isinstance(value, str):
                write_text(cell, value)
            else:
                cell.value = value
            if header:
                cell.font, cell.fill, cell.alignment = BOLD, HEAD_FILL, WRAP
                continue
            if col in self.formats and isinstance(value, int | float):
                cell.number_format = self.formats[col]
            if isinstance(value, date):
                cell.number_format = "DD/MM/YYYY"
            cell.alignment = WRAP if col in self.wrap else TOP
            if col in self.wrap and isinstance(value, str):
                self.texts.setdefault(self.row, {})[col] = value
            longest = max((len(line) for line in str(value or "").split("\n")), default=0)
            if col < len(self.widths):
                self.widths[col] = max(self.widths[col], longest)
            else:
                self.widths.append(longest)

    def finish(self, caps: dict[int, int] | None = None) -> None:
        """Column widths from content (8 to 60, or the given cap), row heights for wrapped text, print setup."""
        widths = []
        for col, width in enumerate(self.widths):
            cap = (caps or {}).get(col, 60)
            widths.append(max(8, min(cap, width + 2)))
            self.ws.column_dimensions[get_column_letter(col + 1)].width = widths[-1]
        for row, texts in self.texts.items():
            lines = max(
                sum(math.ceil(max(len(part), 1) / (widths[col] * 1.05)) for part in text.split("\n"))
                for col, text in texts.items()
            )
            if lines > 1:
                self.ws.row_dimensions[row].height = 15 * min(lines, 25)
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.print_title_rows = "1:1"


def write_text(cell: Any, text: str) -> None:
    """Write text as a string cell, never a formula, even when it starts with = + - @."""
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def build_xlsx(report: ReportInput) -> bytes:
    """The report as an Excel workbook (five sheets, French headers)."""
    wb = Workbook()
    _synthesis(wb.active, report)
    _scores(wb.create_sheet("Scores"), report)
    _answers(wb.create_sheet("Réponses"), report)
    _advice(wb.create_sheet("Recommandations"), report)
    _plan(wb.create_sheet("Plan d'action"), report)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _synthesis(ws: Worksheet, report: ReportInput) -> None:
    ws.title = "Synthèse"
    q, profile, lists = report.scores.questionnaire, report.responses.profile, report.catalogue.territories
    table = Table(ws, ["Rubrique", "Valeur", "Palier"], formats={1: SCORE}, wrap=(1,))
    for label, value in (
        ("Collectivité", report.authority_name),
        ("Type de collectivité", report.authority_type_label),
        ("Population", next((p.label for p in lists.population_bands if p.id == profile.population_band), "")),
        ("Région", next((r.label for r in lists.regions if r.id == profile.region), "")),
        ("Date du rapport", long_date(report.generated_on)),
        ("Questionnaire", questionnaire_name(q.title, q.variant, q.version)),
        ("Répondants", report.respondents),
        ("Kit de fiches RTES", report.advice.kit_title),
    ):
        table.add([label, value])
    for label, index in (
        ("Indice global", report.scores.overall),
        ("Indice motivation", report.scores.motivation),
        ("Indice ressources", report.scores.resource),
    ):
        table.add(
            [
                label,
                None if index.value is None else round(index.value, 1),
                index.band.label if index.band else "non calculé",
            ]
        )
        ws.cell(table.row, 2).alignment = Alignment(horizontal="left")
    for i, line in enumerate(reading(report.scores), 1):
        table.add([f"Lecture {i}", line])
    result = report.priorities
    for i, ds in enumerate(result.strengths, 1):
        table.add([f"Point fort {i}", f"{ds.dimension.title} — {status_text(ds)}"])
    if result.no_strength_message:
        table.add(["Points forts", result.no_strength_message])
    for i, item in enumerate(result.priorities, 1):
        table.add([f"Priorité {i}", f"{item.score.dimension.title} — {item.reason}"])
    table.finish({1: 90})


def _scores(ws: Worksheet, report: ReportInput) -> None:
    ws_group = report.workshop
    header = [
        "Code",
        "Moitié",
        "Dimension",
        "Score",
        "Palier",
        "Statut",
        "Couverture",
        "Je ne sais pas",
        "Importance",
        "Importance renseignée",
        "Cible",
        "Priorité",
        "Niveau de priorité",
        "Niveaux donnés",
        "Je ne sais pas (nombre)",
        "Non concerné (nombre)",
        "Sans réponse",
    ]
    if ws_group:
        header += ["Score moyen du groupe", "Minimum des participants", "Maximum des participants"]
    formats = {3: SCORE, 6: PERCENT, 7: PERCENT, 10: SCORE, 11: SCORE, 17: MEAN, 18: SCORE, 19: SCORE}
    table = Table(ws, header, formats=formats)
    codes = dimension_codes(report.scores.questionnaire)
    for ds in report.scores.dimensions:
        row: list[Cell] = [
            codes[ds.dimension.id],
            half_step(ds.dimension.half),
            ds.dimension.title,
            None if ds.score is None else round(ds.score, 1),
            ds.band.label if ds.band else "",
            STATUS_LABELS[ds.status],
            None if ds.coverage is None else ds.coverage / 100,
            None if ds.dk_share is None else ds.dk_share / 100,
            ds.effective_importance,
            "oui" if ds.importance is not None else "non (valeur par défaut)",
            None if ds.target is None else round(ds.target, 1),
            None if ds.priority is None else round(ds.priority, 1),
            priority_label(report.catalogue, ds.priority) if ds.priority is not None else "",
            ds.answered,
            ds.dk,
            ds.na,
            ds.missing,
        ]
        if ws_group:
            mean = ws_group.group_scores.dimension(ds.dimension.id).score
            low, high = ws_group.dimension_range.get(ds.dimension.id, (None, None))
            row += [None if mean is None else round(mean, 1), low, high]
        table.add(row)
    table.finish({2: 50})


def _group_cells(report: ReportInput, question_id: str, top: int) -> list[Cell]:
    """How many gave each level, dk and na, the mean and spread; empty below the anonymity threshold."""
    assert report.workshop is not None
    st = report.workshop.stats.get(question_id)
    if st is None:
        blank: list[Cell] = [None] * (top + 5)
        return [*blank, f"moins de {report.workshop.min_people} réponses"]
    counts: list[Cell] = [st.levels.get(level, 0) for level in range(top + 1)]
    return [
        *counts,
        st.dk,
        st.na,
        None if st.mean is None else round(st.mean, 2),
        st.spread,
        "oui" if st.divergent else "non",
    ]


def _answers(ws: Worksheet, report: ReportInput) -> None:
    q = report.scores.questionnaire
    workshop = report.workshop
    top = max((question.max_level for _, question in q.questions()), default=0)
    header = [
        "Code",
        "Dimension",
        "Question",
        "Réponse retenue" if workshop else "Réponse",
        "Niveau",
        "Libellé du niveau",
        "Commentaire",
    ]
    if workshop:  # aggregates only: never one column per participant
        header += [f"Niveau {level} (nombre)" for level in range(top + 1)]
        header += [
            "Je ne sais pas (nombre)",
            "Non concerné (nombre)",
            "Moyenne du groupe",
            "Écart (niveaux)",
            "Avis divergents",
        ]
    table = Table(ws, header, formats={7 + top + 3: MEAN}, wrap=(2, 5, 6))
    codes = question_codes(q)
    for dim, question in q.questions():
        value = report.responses.answers.get(question.id)
        label = answer_label(question, value)
        if not applies(question, report.scores.authority_type, report.catalogue.territories):
            label = NOT_ASKED
        level = value if isinstance(value, int | float) else None
        row: list[Cell] = [
            codes[question.id],
            dim.short_title,
            question.text,
            label.split(" – ")[0],
            level,
            label.split(" – ", 1)[1] if " – " in label else "",
            report.responses.comments.get(question.id, ""),
        ]
        if workshop:
            row += _group_cells(report, question.id, top)
        table.add(row)
    table.finish({2: 60, 5: 30, 6: 50})


def _steps(item: Priority) -> str:
    return "\n".join(
        f"{w.question.text} — {answer_label(w.question, w.level.value)} → étape suivante : {w.next_step}"
        for w in item.weak_answers
    )


def _advice(ws: Worksheet, report: ReportInput) -> None:
    """One row per dimension to improve: « Vos priorités » first, then « Autres pistes » (as on the page)."""
    table = Table(
        ws,
        ADVICE_HEADER,
        formats={4: SCORE},
        wrap=(3, 5, 6, 7, 8),
    )
    result = report.priorities
    titles = {p.score.dimension.id: p.score.dimension.short_title for p in result.priorities + result.others}
    rows = [("Vos priorités", p) for p in result.priorities] + [("Autres pistes", p) for p in result.others]
    for n, (part, item) in enumerate(rows, 1):
        fiches = elu_fiches([*item.fiches, *item.see_also])  # as in the PDF: no unconfirmed title or number
        table.add(
            [
                n,
                part,
                titles[item.score.dimension.id],
                item.reason,
                None if item.score.priority is None else round(item.score.priority, 1),
                _steps(item),
                "\n".join(fiche_text(f, titles, item.score.dimension.id) for f in fiches),
                "\n".join(f.url or "" for f in fiches).strip(),
                "\n".join(f"{a.name} : {a.actor.offers}" for a in item.actors),
            ]
        )
    table.finish({3: 60, 5: 70, 6: 60, 7: 40, 8: 60})


def _plan(ws: Worksheet, report: ReportInput) -> None:
    table = Table(
        ws,
        [
            "Dimension",
            "Action",
            "Pilote",
            "Partenaires",
            "Échéance",
            "Statut",
            "Fiches",
            "Indicateur",
            "Suivi",
            "Mise à jour",
        ],
        wrap=(1, 2, 3, 6, 7, 8),
    )
    actors = {a.id: a.name for a in report.catalogue.actors.actors}
    fiches = {f.id: f for f in report.catalogue.fiches.fiches}
    titles = {d.id: d.short_title for d in report.scores.questionnaire.dimensions}
    for item in report.action_plan.actions:
        partners = [actors.get(a, a) for a in item.partners] + ([item.other_partners] if item.other_partners else [])
        table.add(
            [
                titles.get(item.dimension_id, item.dimension_id),
                item.what,
                item.lead,
                ", ".join(partners),
                item.deadline,
                status_label(item.status),
                "\n".join(fiche_label(report.catalogue, fiches[f]) if f in fiches else f for f in item.fiches),
                item.indicator,
                item.progress_note,
                item.updated_on,
            ]
        )
    table.finish({1: 50, 6: 50, 7: 40, 8: 40})
