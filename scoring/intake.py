"""Accepting an answers file: every check against the catalogue, shared by the CLI and the app's import."""

from __future__ import annotations

from scoring.loader import Catalogue
from scoring.models import ResponseSet
from scoring.responses import check_responses
from scoring.targets import check_targets


def profile_problems(catalogue: Catalogue, responses: ResponseSet) -> list[str]:
    """French problems with the profile: an authority type, population band or région the catalogue lacks."""
    profile, territories = responses.profile, catalogue.territories
    fields = (
        ("Type de collectivité", profile.authority_type, territories.authority_types),
        ("Tranche de population", profile.population_band, territories.population_bands),
        ("Région", profile.region, territories.regions),
    )
    problems = []
    for what, value, choices in fields:
        if value is not None and value not in {c.id for c in choices}:
            problems.append(f"{what} inconnu(e) : « {value} ».")
    return problems


def catalogue_problems(catalogue: Catalogue, responses: ResponseSet) -> list[str]:
    """Every reason to refuse a parsed answers file: questionnaire, answers, profile, targets."""
    if responses.questionnaire not in catalogue.questionnaires:
        known = ", ".join(f"« {q.title} » ({q.id})" for q in catalogue.questionnaires.values())
        return [f"Questionnaire inconnu « {responses.questionnaire} ». Questionnaires disponibles : {known}."]
    questionnaire = catalogue.questionnaire(responses.questionnaire)
    return (
        check_responses(questionnaire, responses)
        + profile_problems(catalogue, responses)
        + check_targets(questionnaire, catalogue.bands, responses)
    )
