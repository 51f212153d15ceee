"""The printable blank questionnaire, read back with pdftotext and rendered with pdftoppm."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from reports.blank import build_blank_questionnaire
from scoring.completion import question_numbers
from scoring.loader import default_catalogue
from workshops.roles import roles

CAT = default_catalogue()
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.mark.parametrize(("questionnaire_id", "authority"), [("ess-territoires-express", "communaute_communes"),
                                                            ("ess-territoires", "region")])  # fmt: skip
def test_the_blank_questionnaire_has_every_applicable_question_its_levels_and_the_roles(
    questionnaire_id: str, authority: str, tmp_path: Path
) -> None:
    questionnaire = CAT.questionnaire(questionnaire_id)
    numbers = question_numbers(questionnaire, CAT.territories, authority)
    data = build_blank_questionnaire(questionnaire, numbers, "Atelier « ESS » du 12 mars", "Région Test")
    path = tmp_path / "blank.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    flat = re.sub(r"\s+", " ", text.decode("utf-8"))
    assert "Atelier « ESS » du 12 mars" in flat and "Votre rôle" in flat
    assert all((r.short[:1].upper() + r.short[1:]) in flat for r in roles())
    questions = {q.id: q for _, q in questionnaire.questions()}
    for qid, number in numbers.items():
        assert f"Q{number}. " in flat
        for level in questions[qid].levels:
            assert f"{level.value} · {level.label}" in flat
    assert flat.count("Je ne sais pas") >= len(numbers) and flat.count("Non concerné") >= len(numbers)
    assert flat.count("Commentaire :") == len(numbers)
    not_applicable = [q for q in questions if q not in numbers]
    assert f"Q{len(numbers) + 1}. " not in flat or not_applicable == []
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob(f"blank-{questionnaire_id}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", str(path), str(ARTIFACTS / f"blank-{questionnaire_id}")],
        check=True,
    )
    pages = sorted(ARTIFACTS.glob(f"blank-{questionnaire_id}-*.png"))
    assert pages and all(p.stat().st_size > 10_000 for p in pages)
