"""Rendering user-typed text safely: never as HTML, never as live Markdown."""

from __future__ import annotations

import re

from scoring.engine import shown_score

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$:])")


def escape_markdown(text: str) -> str:
    """Escape Markdown and HTML so that typed text is shown exactly as typed."""
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return escaped.replace("\n", "  \n")


def score_text(value: float | None) -> str:
    """A score as people see it everywhere: a whole number rounded down, or a dash."""
    return "–" if value is None else str(shown_score(value))


def french_number(value: float | None, digits: int = 0, unit: str = "") -> str:
    """A number the French way ("25", "33,3"), a dash when missing, with a non-breaking unit."""
    if value is None:
        return "–"
    text = f"{value:.{digits}f}".replace(".", ",")
    return f"{text}\u00a0{unit}" if unit else text
