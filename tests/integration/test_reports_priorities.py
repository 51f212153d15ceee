"""The PDF and the XLSX carry the results page's priorities, the targets set and French deadlines."""

from __future__ import annotations

import io
import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reports.model import ReportInput, build_report_input
from reports.pdf import build_pdf
from reports.xlsx import build_xlsx
from scoring.loader import default_catalogue
from scoring.models import ResponseSet
from scoring.plan import Action, ActionPlan
from scoring.priorities import prioritise

EXAMPLE = Path(__file__).resolve().parents[2] / "questionnaires" / "examples" / "cc-exemple.json"
CAT = default_catalogue()


@pytest.fixture(scope="module")
def report() -> ReportInput:
    example = ResponseSet.model_validate(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    answers = example.model_copy(update={"targets": {"procurement": "consolidation", "facilitation": 50}})
    plan = ActionPlan(
        actions=(
            Action(id="a1", dimension_id="procurement", what="Clauses sociales", deadline=date(2027, 3, 1)),
            Action(id="a2", dimension_id="awareness", what="Former les élus", fiches=("municipaless-2026-10",)),
        )
    )
    return build_report_input(CAT, answers, plan, generated_on=date(2026, 11, 22))


def _pdf_text(report: ReportInput, tmp_path: Path) -> str:
    path = tmp_path / "r.pdf"
    path.write_bytes(build_pdf(report))
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return _flat(done.stdout.decode("utf-8"))


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_pdf_synthesis_lists_the_same_priorities_and_strengths_as_the_page_and_the_targets(
    report: ReportInput, tmp_path: Path
) -> None:
    text = _pdf_text(report, tmp_path)
    result = prioritise(CAT, report.responses, report.scores)
    synthesis = text[text.index("Points forts") : text.index("Détail par dimension")]
    for ds in result.strengths:
        assert _flat(ds.dimension.title) in synthesis
    for n, item in enumerate(result.priorities, 1):
        assert _flat(f"{n}. {item.score.dimension.title}") in synthesis
    assert "cible : 60/100" in text  # procurement's target « consolidation »
    assert "1er mars 2027" in text and "2027-03-01" not in text


def test_the_workbook_lists_the_priorities_then_the_other_leads_and_each_target(report: ReportInput) -> None:
    wb = load_workbook(io.BytesIO(build_xlsx(report)))
    result = prioritise(CAT, report.responses, report.scores)
    ws = wb["Recommandations"]
    header = [c.value for c in ws[1]]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    parts = [r[header.index("Rubrique")] for r in rows]
    assert parts == ["Vos priorités"] * len(result.priorities) + ["Autres pistes"] * len(result.others)
    reasons = [r[header.index("Motif")] for r in rows]
    assert reasons == [p.reason for p in result.priorities + result.others]
    steps = rows[0][header.index("Réponses à améliorer et étapes suivantes")]
    assert all(w.next_step in steps for w in result.priorities[0].weak_answers)
    scores = wb["Scores"]
    head = [c.value for c in scores[1]]
    targets = {r[head.index("Dimension")].value: r[head.index("Cible")].value for r in scores.iter_rows(min_row=2)}
    assert (
        targets["Commande publique responsable"] == 60
        and targets["Développer les compétences sur le territoire"] is None
    )
    assert sum(v is not None for v in targets.values()) == 2
    plan = wb["Plan d'action"]
    deadline = plan.cell(2, [c.value for c in plan[1]].index("Échéance") + 1).value
    assert deadline.date() == date(2027, 3, 1)


def test_the_pdf_radars_draw_the_targets_set_with_their_legend(report: ReportInput, tmp_path: Path) -> None:
    path = tmp_path / "cibles.pdf"
    path.write_bytes(build_pdf(report))
    first_pages = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "3", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Cible" in first_pages  # the radar's legend names the dotted target line
