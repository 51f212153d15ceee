"""A tiny catalogue written for the tests, so that expected values can be computed by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scoring.loader import Catalogue, load_folder
from scoring.models import ResponseSet

MINI = Path(__file__).parent / "mini"


@pytest.fixture(scope="session")
def mini() -> Catalogue:
    """The mini catalogue: dimensions motiv (m_a w1, m_b w2, m_region w1 régions only),
    observation (o_a, o_b) and achats (weight 2: a_a, a_b); every scale 0–4."""
    return load_folder(MINI)


def responses(
    answers: dict[str, Any],
    importance: dict[str, int] | None = None,
    authority_type: str | None = "communaute_communes",
) -> ResponseSet:
    """A response set to the mini questionnaire."""
    return ResponseSet.model_validate(
        {
            "questionnaire": "mini",
            "profile": {"authority_type": authority_type},
            "answers": answers,
            "importance": importance or {},
        }
    )
