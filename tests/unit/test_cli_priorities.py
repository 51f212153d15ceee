"""The command line's table reads like the results page: « Vos priorités » with their next steps."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scoring.__main__ import main
from scoring.engine import score
from scoring.loader import default_catalogue
from scoring.models import ResponseSet
from scoring.priorities import prioritise

EXAMPLE = Path(__file__).resolve().parents[2] / "questionnaires" / "examples" / "cc-exemple.json"


def test_the_cli_table_lists_the_priorities_with_their_weak_answers_next_steps_and_the_regions_cress(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["score", "--format", "table", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    cat = default_catalogue()
    answers = ResponseSet.model_validate(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    result = prioritise(cat, answers, score(cat, answers))
    positions = [out.index(f"{n}. {p.score.dimension.title} : ") for n, p in enumerate(result.priorities, 1)]
    assert positions == sorted(positions)
    for item in result.priorities:
        for weak in item.weak_answers:
            assert f"Étape suivante : {weak.next_step}" in out
    assert "CRESS Normandie" in out and "Autres pistes : " in out and "Points forts : " in out
