"""The shared labels of `questionnaires/wording.yaml`, for code that has no catalogue at hand.

half_title("resource")    # « Catégories de ressources »
answer_label("dk")        # « Je ne sais pas »
"""

from __future__ import annotations

from scoring.loader import default_catalogue
from scoring.wording_model import Wording


def wording() -> Wording:
    """The shipped wording (loaded once, with the catalogue)."""
    return default_catalogue().wording


def half_step(half: str) -> str:
    """« Motivations » / « Ressources »: before a dimension's title, and as a table column's value."""
    return wording().halves[half].step  # type: ignore[index]  # half is "motivation" or "resource"


def half_title(half: str) -> str:
    """« Critères de motivation » / « Catégories de ressources »: as a section or chart title."""
    return wording().halves[half].title  # type: ignore[index]


def variant_label(variant: str) -> str:
    """« version complète » / « version express »."""
    return wording().variants[variant]  # type: ignore[index]


def questionnaire_name(title: str, variant: str, version: str) -> str:
    """« Autodiagnostic ESS des territoires — version express (version 1.0) », the variant said once."""
    label = variant_label(variant)
    named = title if label.casefold() in title.casefold() else f"{title} — {label}"
    return f"{named} (version {version})"


def answer_label(special: str) -> str:
    """« Je ne sais pas » / « Non concerné »."""
    return str(getattr(wording().answers, special))


def status_label(status: str) -> str:
    """An action's status in words, e.g. « En cours »."""
    return wording().action_statuses[status]  # type: ignore[index]
