"""Import of an answers file: read, check against the catalogue, explain refusals in French."""

from __future__ import annotations

from scoring.intake import catalogue_problems
from scoring.loader import Catalogue
from scoring.models import ResponseSet
from scoring.responses import ResponseError, parse_response_json


def read_answers_file(raw: bytes, catalogue: Catalogue, expected_questionnaire: str | None = None) -> ResponseSet:
    """A checked response set from uploaded bytes; ResponseError lists every reason to refuse it."""
    responses = parse_response_json(raw)
    if responses.questionnaire not in catalogue.questionnaires:
        raise ResponseError(catalogue_problems(catalogue, responses))
    if expected_questionnaire and responses.questionnaire != expected_questionnaire:
        expected = catalogue.questionnaire(expected_questionnaire).title
        raise ResponseError(
            [
                f"Ce fichier répond au questionnaire « {responses.questionnaire} », alors que ce diagnostic utilise "
                f"« {expected} » ({expected_questionnaire}). Importez-le depuis l’accueil pour créer un nouveau diagnostic."
            ]
        )
    problems = catalogue_problems(catalogue, responses)
    if problems:
        raise ResponseError(problems)
    return responses
