"""`python -m reports`: files written from an answers file, French messages and status 1 on bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reports.exports import answers_json
from scoring.loader import default_catalogue
from tests.samples import sample_action_plan, sample_responses

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a fresh interpreter, as a user would."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "reports", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def answers_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An answers file as the app exports it, and an action plan next to it."""
    folder = tmp_path_factory.mktemp("cli")
    catalogue = default_catalogue()
    responses = sample_responses(catalogue, "ess-territoires", name="CC du Pays de Caux")
    (folder / "reponses.json").write_bytes(answers_json(responses))
    (folder / "plan.json").write_text(
        json.dumps(sample_action_plan(catalogue, responses).model_dump(mode="json")["actions"], ensure_ascii=False),
        encoding="utf-8",
    )
    return folder / "reponses.json"


def test_cli_writes_pdf_xlsx_csv_and_pngs(answers_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "sorties"
    done = run_cli(
        answers_file,
        "--pdf",
        out / "rapport.pdf",
        "--xlsx",
        out / "rapport.xlsx",
        "--csv",
        out / "scores.csv",
        "--png-dir",
        out / "images",
        "--plan",
        answers_file.parent / "plan.json",
    )
    assert done.returncode == 0, done.stderr
    assert (out / "rapport.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "rapport.xlsx").read_bytes().startswith(b"PK")
    assert (out / "scores.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    pngs = sorted(p.name for p in (out / "images").glob("*.png"))
    assert len(pngs) == 3
    assert all(name.startswith("diagnostic-ess_cc-du-pays-de-caux_") for name in pngs)
    assert "indice global" in done.stdout and "✓" in done.stdout
    text = subprocess.run(
        ["pdftotext", str(out / "rapport.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Organiser une rencontre" in text  # the action plan made it into the report


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"{ pas du json", "pas un fichier JSON valide"),
        (b"", "vide"),
        (b'{"questionnaire": "inconnu", "answers": {}}', "Questionnaire inconnu"),
        (b'{"questionnaire": "ess-territoires", "answers": {"question_qui_n_existe_pas": 2}}', "Question inconnue"),
        (b'{"questionnaire": "ess-territoires", "answers": {}, "cle": 1}', "clé inconnue"),
        (b"\xff\xfe\x00", "UTF-8"),
    ],
)
def test_cli_explains_a_bad_answers_file_in_french_without_traceback(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "mauvais.json"
    path.write_bytes(content)
    done = run_cli(path, "--csv", tmp_path / "x.csv")
    assert done.returncode == 1
    assert expected in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert not (tmp_path / "x.csv").exists()


def test_cli_reports_a_missing_file_and_a_bad_plan(answers_file: Path, tmp_path: Path) -> None:
    done = run_cli(tmp_path / "absent.json")
    assert done.returncode == 1 and "lecture du fichier de réponses impossible" in done.stderr
    plan = tmp_path / "plan.json"
    plan.write_text('{"pas": "une liste"}', encoding="utf-8")
    done = run_cli(answers_file, "--plan", plan)
    assert done.returncode == 1 and "liste d’objets" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_usage_errors_exit_with_status_1(tmp_path: Path) -> None:
    done = run_cli()
    assert done.returncode == 2 and "Arguments invalides" in done.stderr
