"""French typography and number formats shared by every export (PDF, XLSX, CSV, charts)."""

from __future__ import annotations

import re
from datetime import date

from scoring.engine import shown_score

NBSP = "\u00a0"  # before : and % and inside « »
NNBSP = "\u202f"  # narrow no-break space, before ; ! ?

MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
HALF_LABELS = {"motivation": "Motivation", "resource": "Ressources"}
HALF_TITLES = {"motivation": "Critères de motivation", "resource": "Catégories de ressources"}
VARIANT_LABELS = {"full": "version complète", "express": "version express"}

_BEFORE_NARROW = re.compile(r"[ \u00a0\u202f]+([;!?])")
_BEFORE_WIDE = re.compile(r"[ \u00a0\u202f]+(:)|(?<=\d)[ \u00a0\u202f]*(%)|[ \u00a0\u202f]*(»)")
_AFTER_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def typeset(text: str) -> str:
    """French typography: no-break spaces before ; : ! ? % », after «, and ’ apostrophes.

    Only spaces already there are made unbreakable (and % after a digit, » always), so that
    URLs and glued punctuation such as « a:b » are left alone.
    """
    text = _APOSTROPHE.sub("’", text)
    text = _BEFORE_NARROW.sub(lambda m: NNBSP + m.group(1), text)
    text = _BEFORE_WIDE.sub(lambda m: NBSP + (m.group(1) or m.group(2) or m.group(3)), text)
    return _AFTER_OPEN.sub("«" + NBSP, text)


def plain(text: str) -> str:
    """User-typed text made safe to print: control characters removed, line ends normalised."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))


def long_date(day: date) -> str:
    """A date in French, e.g. « 1er décembre 2026 », « 22 novembre 2026 »."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


def decimal(value: float, digits: int = 1) -> str:
    """A number with a decimal comma, e.g. 12,5."""
    return f"{value:.{digits}f}".replace(".", ",").replace("-", "−")


def score_text(value: float | None) -> str:
    """A score as a whole number, rounded down as everywhere else (`scoring.engine.shown_score`)."""
    return "–" if value is None else str(shown_score(value))


def percent(value: float | None) -> str:
    """A share 0–100 as « 42 % » (no-break space), or « – »."""
    return "–" if value is None else f"{round(value)}{NBSP}%"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """« 1 participant », « 3 participants »."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"
