"""Plain data exports: scores as CSV for spreadsheets, answers as JSON, and export file names."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from datetime import date

from scoring.engine import STATUS_LABELS, Index, Scores
from scoring.models import ResponseSet
from scoring.wording import half_step

CSV_HEADER = (
    "Moitié",
    "Dimension",
    "Score",
    "Palier",
    "Couverture (%)",
    "Je ne sais pas (%)",
    "Importance",
    "Priorité",
    "Statut",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SLUG_MAX = 60
SLUG_FALLBACK = "collectivite"
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "’": "-", "‘": "-"})


def neutralise(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would run as a formula (= + - @ tab CR)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _number(value: float | None, digits: int = 1) -> str:
    return "" if value is None else f"{value:.{digits}f}".replace(".", ",")


def _index_row(label: str, index: Index) -> list[str]:
    status = "calculé" if index.value is not None else "non calculé"
    band = index.band.label if index.band else ""
    return ["Indice", label, _number(index.value), band, "", "", "", "", status]


def scores_csv(scores: Scores) -> bytes:
    """Scores as CSV for French spreadsheets: UTF-8 with BOM, « ; », decimal comma."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(CSV_HEADER)
    for ds in scores.dimensions:
        writer.writerow(
            [
                neutralise(cell)
                for cell in (
                    half_step(ds.dimension.half),
                    ds.dimension.title,
                    _number(ds.score),
                    ds.band.label if ds.band else "",
                    _number(ds.coverage, 0),
                    _number(ds.dk_share, 0),
                    str(ds.effective_importance),
                    _number(ds.priority),
                    STATUS_LABELS[ds.status],
                )
            ]
        )
    for label, index in (
        ("Indice global", scores.overall),
        ("Indice motivation", scores.motivation),
        ("Indice ressources", scores.resource),
    ):
        writer.writerow([neutralise(cell) for cell in _index_row(label, index)])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def answers_json(responses: ResponseSet) -> bytes:
    """The answers file the app exports and `parse_response_json` reads back (pretty UTF-8 JSON)."""
    data = responses.model_dump(mode="json", exclude_none=True)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def slug(text: str, max_length: int = SLUG_MAX, fallback: str = SLUG_FALLBACK) -> str:
    """ASCII file-name part: accents stripped, lower case, words joined by « - »."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_LIGATURES)).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:max_length].rstrip("-") or fallback


def export_filename(authority_name: str, what: str, ext: str, day: date) -> str:
    """« diagnostic-ess_cc-du-pays-de-caux_radar-ressources_2026-11-22.png »."""
    return f"diagnostic-ess_{slug(authority_name)}_{slug(what, fallback='export')}_{day.isoformat()}.{slug(ext, 10, 'bin')}"
