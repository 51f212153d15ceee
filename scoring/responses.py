"""Reading and checking answer files (the JSON the app exports and the CLI scores)."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from scoring.errors import format_path, translate_pydantic
from scoring.models import Questionnaire, ResponseSet

MAX_ANSWER_BYTES = 1_000_000
MAX_VALUE_PROBLEMS = 20
IDENTIFIER = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


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
    early = value_problems(data)
    if early:
        raise ResponseError(early)
    try:
        return ResponseSet.model_validate(data)
    except ValidationError as exc:
        problems: list[str] = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            if loc[:1] in (("answers",), ("importance",)) and len(loc) >= 2:
                expected = (
                    "un niveau (nombre entier), « dk » ou « na »"
                    if loc[0] == "answers"
                    else "un nombre entier de 0 à 3"
                )
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


TARGET_EXPECTED = "un score de 0 à 100 ou un identifiant de palier (par exemple « consolidation ») attendu"


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def value_problems(data: dict[str, Any]) -> list[str]:
    """French problems the model would word poorly: fractional levels (2.5) and malformed targets."""
    problems: list[str] = []
    answers, targets = data.get("answers"), data.get("targets")
    if isinstance(answers, dict):
        for qid, value in answers.items():
            if isinstance(value, float) and len(problems) < MAX_VALUE_PROBLEMS:
                shown = str(value).replace(".", ",")
                problems.append(f"Question « {qid} » : niveau {shown} refusé, un niveau est un nombre entier.")
    if isinstance(targets, dict):
        for dim_id, value in targets.items():
            number = _is_number(value) and 0 <= value <= 100
            band = isinstance(value, str) and IDENTIFIER.fullmatch(value) is not None
            if not (number or band) and len(problems) < MAX_VALUE_PROBLEMS:
                problems.append(f"targets.{dim_id} : valeur « {value} » invalide, {TARGET_EXPECTED}.")
    return problems


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
