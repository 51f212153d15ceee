"""Targets: the score (or band) an authority sets itself per dimension, and the priority it implies."""

from __future__ import annotations

from scoring.models import Bands, Questionnaire, ResponseSet

DEFAULT_TARGET = 100.0


def target_score(value: float | str, bands: Bands) -> float:
    """A target as a score: a number as it is, a band id as the band's lower bound (KeyError if unknown)."""
    if not isinstance(value, str):
        return float(value)
    for band in bands.bands:
        if band.id == value:
            return band.min
    raise KeyError(value)


def _known(band_id: str, bands: Bands) -> bool:
    return any(band.id == band_id for band in bands.bands)


def priority_of(importance: int, score: float, target: float = DEFAULT_TARGET) -> float:
    """Priority = importance / 3 × max(0, target − score), the target defaulting to 100."""
    return importance / 3.0 * max(0.0, target - score)


def check_targets(questionnaire: Questionnaire, bands: Bands, responses: ResponseSet) -> list[str]:
    """French problems with the targets: unknown dimension or unknown band."""
    problems: list[str] = []
    dims = {d.id for d in questionnaire.dimensions}
    known = ", ".join(band.id for band in bands.bands)
    for dim_id, value in responses.targets.items():
        if dim_id not in dims:
            problems.append(f"Cible donnée pour une dimension inconnue : « {dim_id} ».")
        elif isinstance(value, str) and not _known(value, bands):
            problems.append(f"Cible de « {dim_id} » : palier « {value} » inconnu ; paliers possibles : {known}.")
    return problems
