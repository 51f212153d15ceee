"""French formats, the one place for them: typography, numbers, scores, percentages, dates, sizes.

The app, the CLI and every export (PDF, XLSX, CSV, charts) format through these functions.
"""

from __future__ import annotations

import re
from datetime import date
from zoneinfo import ZoneInfo

from scoring.engine import shown_score

PARIS = ZoneInfo("Europe/Paris")
"""The time zone times are shown in."""
NBSP = "\u00a0"  # before : and % and inside « »
NNBSP = "\u202f"  # narrow no-break space, before ; ! ?

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

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
    """A number with a decimal comma and thin spaces between thousands, e.g. 12,5 and 5 006."""
    return f"{value:,.{digits}f}".replace(",", NNBSP).replace(".", ",").replace("-", "−")


def score_text(value: float | None) -> str:
    """A score as a whole number, rounded down as everywhere else (`scoring.engine.shown_score`)."""
    return "–" if value is None else str(shown_score(value))


def percent(value: float | None) -> str:
    """A share 0–100 as « 42 % » (no-break space), or « – »."""
    return "–" if value is None else f"{round(value)}{NBSP}%"


def number(value: float | None, digits: int = 0, unit: str = "") -> str:
    """A number the French way (« 25 », « 33,3 »), a dash when missing, with a no-break space before its unit."""
    if value is None:
        return "–"
    text = decimal(value, digits)
    return f"{text}{NBSP}{unit}" if unit else text


def exact(value: float) -> str:
    """A number with only the decimals it has, the French way (« 50 », « 0,5 »), for thresholds."""
    return f"{value:g}".replace(".", ",")


def short_date(day: date) -> str:
    """A date as « 05/03/2027 »."""
    return day.strftime("%d/%m/%Y")


def size(n_bytes: int) -> str:
    """A file size as « 850 octets », « 1,2 Mo »."""
    if n_bytes < 1000:
        return plural(n_bytes, "octet")
    if n_bytes < 1_000_000:
        return f"{decimal(n_bytes / 1000, 0)}{NBSP}ko"
    return f"{decimal(n_bytes / 1_000_000, 1)}{NBSP}Mo"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """« 1 participant », « 3 participants »."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"
