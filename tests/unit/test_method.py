"""The method is explained from the catalogue, once, for the method page, the PDF annex and the README."""

from __future__ import annotations

import re
from pathlib import Path

from scoring.loader import default_catalogue
from scoring.method import method_markdown, method_sections

ROOT = Path(__file__).resolve().parents[2]
CAT = default_catalogue()


def test_the_readme_method_block_is_the_one_generated_from_the_yaml() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- method:start -->\n(.*)<!-- method:end -->", readme, re.S)
    assert block is not None
    assert block.group(1) == method_markdown(CAT), "run: python -m scoring method, and paste it into the README"


def test_the_method_follows_the_rules_file_for_targets_priorities_and_strengths() -> None:
    rules = CAT.rules.model_copy(
        update={"priorities": CAT.rules.priorities.model_copy(update={"min_count": 2, "max_count": 4})}
    )
    changed = CAT.__class__(**{**CAT.__dict__, "rules": rules})
    text = " ".join(line for s in method_sections(changed) for line in s.paragraphs + s.bullets)
    assert "de 2 à 4 dimensions" in text and "de 3 à 5 dimensions" not in text
    assert "importance ÷ 3 × (cible − score), et 0 quand la cible est atteinte" in text
    assert "Sans cible, la cible est 100." in text


def test_the_pdf_annex_explains_only_the_reports_own_questionnaire() -> None:
    (questions, *_) = method_sections(CAT, "ess-territoires-express")
    assert len(questions.bullets) == 1 and "express" in questions.bullets[0]
