"""The URL's query parameters: their names, and how each is read defensively.

A query string is typed by anyone: every reader here returns a safe value (or None) for any
input, however long or strange (`?etape=²`, 4,000 digits, a list), never an exception.
"""

from __future__ import annotations

import re

DIAGNOSTIC = "d"
STEP = "etape"
WORKSHOP = "atelier"
FACILITATOR = "animation"
JOIN_CODE = "code"
PRESENTER = "ecran"

MAX_LENGTH = 128
"""Longer values are ignored: no id, token or code of ours is that long."""

_STEP = re.compile(r"[0-9]{1,4}", re.ASCII)
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}", re.ASCII)
_CODE_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.]")


def text(raw: object) -> str:
    """A parameter as a short stripped string ('' if absent, not a string or too long)."""
    if not isinstance(raw, str) or len(raw) > MAX_LENGTH:
        return ""
    return raw.strip()


def token(raw: object) -> str | None:
    """A record id or facilitator token (URL-safe, 20–64 characters), else None."""
    value = text(raw)
    return value if _TOKEN.fullmatch(value) else None


def step(raw: object, n_steps: int) -> int:
    """A 1-based step number within 1..n_steps (1 for anything that is not a plain number)."""
    value = text(raw)
    number = int(value) if _STEP.fullmatch(value) else 1
    return min(max(number, 1), max(n_steps, 1))


def normalize_join_code(code: object) -> str:
    """A join code as stored: uppercase, without spaces, dashes, dots or underscores ('' if unusable)."""
    return _CODE_SEPARATORS.sub("", text(code)).upper()[:12]
