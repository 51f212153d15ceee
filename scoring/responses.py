"""Reading and checking answer files (the JSON the app exports and the CLI scores)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from scoring.errors import format_path, translate_pydantic
from scoring.models import Questionnaire, ResponseSet

MAX_ANSWER_BYTES = 1_000_000


class ResponseError(ValueError):
    """An answers file or response set that cannot be used; `problems` are French sentences."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def parse_response_json(raw: bytes) -> ResponseSet:
    """Parse an answers file: JSON, UTF-8, at most 1 MB, in the ResponseSet shape."""
    if len(raw) > MAX_ANSWER_BYTES:
        size = f"{len(raw) / 1_000_000:.1f}".replace(".", ",")
        raise ResponseError([f"Fichier trop volumineux ({size} Mo ; 1 Mo au plus)."])
    if not raw.strip():
        raise ResponseError(["Le fichier est vide."])
    try:
        data: Any = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ResponseError(["Le fichier n’est pas un texte UTF-8 : ce n’est pas un export de réponses."]) from None
    except json.JSONDecodeError as exc:
        raise ResponseError(
            [f"Ce n’est pas un fichier JSON valide (ligne {exc.lineno}, colonne {exc.colno})."]
        ) from None
    if not isinstance(data, dict):
        raise ResponseError(
            ["Le fichier JSON doit contenir un objet { … } avec les clés « questionnaire » et « answers »."]
        )
    try:
        responses = ResponseSet.model_validate(data)
    except ValidationError as exc:
        problems: list[str] = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            if loc[:1] in (("answers",), ("importance",), ("targets",)) and len(loc) >= 2:
                expected = EXPECTED_VALUES[str(loc[0])]
                message = f"{format_path(loc[:2])} : valeur « {err['input']} » invalide, {expected} attendu."
            else:
                text = (
                    "clé inconnue"
                    if err["type"] == "extra_forbidden"
                    else translate_pydantic(err["type"], err.get("ctx"), err["msg"])
                )
                message = f"{format_path(loc) or 'racine'} : {text}."
            if message not in problems:
                problems.append(message)
        raise ResponseError(problems[:20]) from None
    fractional = fractional_levels(responses)
    if fractional:
        raise ResponseError(fractional)
    return responses


EXPECTED_VALUES = {
    "answers": "un niveau (nombre entier), « dk » ou « na »",
    "importance": "un nombre entier de 0 à 3",
    "targets": "un score de 0 à 100 ou un identifiant de palier (par exemple « consolidation »)",
}


def fractional_levels(responses: ResponseSet) -> list[str]:
    """French problems for levels that are not whole numbers (a file must hold 0, 1, 2…, never 2.5)."""
    return [
        f"Question « {qid} » : niveau {str(value).replace('.', ',')} refusé, un niveau est un nombre entier."
        for qid, value in responses.answers.items()
        if isinstance(value, float)
    ][:20]


def check_responses(questionnaire: Questionnaire, responses: ResponseSet, raise_on_error: bool = False) -> list[str]:
    """French problems with a response set: wrong questionnaire, unknown ids, out-of-range values."""
    problems: list[str] = []
    if responses.questionnaire != questionnaire.id:
        problems.append(
            f"Ces réponses concernent le questionnaire « {responses.questionnaire} », pas « {questionnaire.id} »."
        )
    questions = {q.id: q for _, q in questionnaire.questions()}
    dims = {d.id for d in questionnaire.dimensions}
    for qid, value in responses.answers.items():
        question = questions.get(qid)
        if question is None:
            problems.append(f"Question inconnue dans ce questionnaire : « {qid} ».")
        elif not isinstance(value, str) and not 0 <= value <= question.max_level:
            problems.append(f"Question « {qid} » : niveau {value} hors de l’échelle 0 à {question.max_level}.")
    for dim_id, value in responses.importance.items():
        if dim_id not in dims:
            problems.append(f"Importance donnée pour une dimension inconnue : « {dim_id} ».")
        elif not 0 <= value <= 3:
            problems.append(f"Importance de « {dim_id} » : {value} hors de l’échelle 0 à 3.")
    for item_id in responses.comments:
        if item_id not in questions and item_id not in dims:
            problems.append(f"Commentaire rattaché à un élément inconnu : « {item_id} ».")
    if problems and raise_on_error:
        raise ResponseError(problems)
    return problems
