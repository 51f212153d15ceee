"""Import of an answers file: read, check against the catalogue, explain refusals in French."""

from __future__ import annotations

from scoring.loader import Catalogue
from scoring.models import ResponseSet
from scoring.responses import ResponseError, check_responses, parse_response_json


def read_answers_file(raw: bytes, catalogue: Catalogue, expected_questionnaire: str | None = None) -> ResponseSet:
    """A checked response set from uploaded bytes; ResponseError lists every reason to refuse it."""
    responses = parse_response_json(raw)
    if responses.questionnaire not in catalogue.questionnaires:
        known = ", ".join(f"« {q.title} » ({q.id})" for q in catalogue.questionnaires.values())
        raise ResponseError(
            [f"Questionnaire inconnu « {responses.questionnaire} ». Questionnaires disponibles : {known}."]
        )
    if expected_questionnaire and responses.questionnaire != expected_questionnaire:
        expected = catalogue.questionnaire(expected_questionnaire).title
        raise ResponseError(
            [
                f"Ce fichier répond au questionnaire « {responses.questionnaire} », alors que ce diagnostic utilise "
                f"« {expected} » ({expected_questionnaire}). Importez-le depuis l’accueil pour créer un nouveau diagnostic."
            ]
        )
    problems = check_responses(catalogue.questionnaire(responses.questionnaire), responses)
    profile = responses.profile
    if profile.authority_type and profile.authority_type not in {a.id for a in catalogue.territories.authority_types}:
        problems.append(f"Type de collectivité inconnu : « {profile.authority_type} ».")
    if problems:
        raise ResponseError(problems)
    return responses
