"""Rendering user-typed text safely: never as HTML, never as live Markdown."""

from __future__ import annotations

import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$:])")


def escape_markdown(text: str) -> str:
    """Escape Markdown and HTML so that typed text is shown exactly as typed."""
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return escaped.replace("\n", "  \n")
