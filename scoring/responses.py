"""Reading and checking answer files (the JSON the app exports and the CLI scores).

Every check runs in time linear in the file's size (at most 1 MB): nesting deeper than the
format needs, numbers too long to be a level and non-finite numbers are refused before the
JSON is built, and at most `MAX_PROBLEMS` problems are listed, then « et N autres ».
"""

from __future__ import annotations

import json
import math
import re
from itertools import accumulate
from typing import Any

from pydantic import ValidationError

from scoring.errors import format_path, translate_pydantic
from scoring.models import Questionnaire, ResponseSet

MAX_ANSWER_BYTES = 1_000_000
IDENTIFIER = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
MAX_PROBLEMS = 20
MAX_DEPTH = 3
"""The format nests two levels (the file's object, then `answers`, `profile`…); one more is
tolerated for a future field, anything deeper is refused before parsing."""
MAX_NUMBER_DIGITS = 20
"""A level or an importance is a small number: longer numbers are refused before conversion."""
MAPS = ("answers", "importance", "targets", "comments")
MAX_ENTRIES = 500
"""Entries in one of `MAPS` (a questionnaire has under 100 questions and dimensions)."""
SHOWN_VALUE_CHARS = 40
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_LONG_NUMBER = re.compile(rf"[0-9.eE+-]{{{MAX_NUMBER_DIGITS + 1},}}")


class ResponseError(ValueError):
    """An answers file or response set that cannot be used; `problems` are French sentences
    (at most `MAX_PROBLEMS`, then one line counting the others)."""

    def __init__(self, problems: list[str], unlisted: int = 0) -> None:
        self.problems = bounded(problems, unlisted)
        super().__init__("\n".join(self.problems))


def bounded(problems: list[str], unlisted: int = 0, limit: int = MAX_PROBLEMS) -> list[str]:
    """The first `limit` problems, then « … et N autres problèmes » for the rest and the `unlisted`."""
    others = max(0, len(problems) - limit) + unlisted
    if not others:
        return problems
    return [*problems[:limit], f"… et {others} autre{'s' if others > 1 else ''} problème{'s' if others > 1 else ''}."]


def shown(value: object) -> str:
    """A value as quoted in a message, cut to `SHOWN_VALUE_CHARS` characters."""
    text = str(value)
    return text if len(text) <= SHOWN_VALUE_CHARS else text[: SHOWN_VALUE_CHARS - 1] + "…"


def _skeleton(text: str) -> str:
    """The JSON text without its strings: only structure, numbers and literals remain."""
    return _STRINGS.sub('""', text)


def _depth(skeleton: str) -> int:
    brackets = _NOT_BRACKETS.sub("", skeleton)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def nesting_depth(text: str) -> int:
    """How deep arrays and objects nest in a JSON text (strings skipped), in linear time."""
    return _depth(_skeleton(text))


def _check_structure(text: str) -> None:
    """Refuse, before parsing, nesting deeper than the format and numbers too long to be a level."""
    skeleton = _skeleton(text)
    if _depth(skeleton) > MAX_DEPTH:
        raise ResponseError(
            [
                f"Le fichier imbrique des listes ou des objets sur plus de {MAX_DEPTH} niveaux : ce n’est pas un "
                "export de réponses."
            ]
        )
    longest = max((len(m) for m in _LONG_NUMBER.findall(skeleton)), default=0)
    if longest:
        raise ResponseError([f"Nombre trop long ({longest} chiffres) : un niveau ou une importance est attendu."])


def _finite(text: str) -> float:
    """A JSON decimal number, refused when it overflows to infinity."""
    value = float(text)
    if not math.isfinite(value):
        raise ResponseError([f"Nombre hors limites « {shown(text)} » : un niveau ou une importance est attendu."])
    return value


def _constant(name: str) -> Any:
    raise ResponseError([f"Valeur « {name} » refusée : ce n’est pas un nombre utilisable."])


def load_answers_json(text: str) -> Any:
    """The JSON value of an answers file, refusing deep nesting and unusable numbers in French."""
    _check_structure(text)
    return json.loads(text, parse_float=_finite, parse_constant=_constant)


def _unknown_and_oversized(data: dict[str, Any]) -> tuple[dict[str, Any], list[str], int]:
    """The file's object without unknown keys and oversized maps, the problems they make, and
    how many unknown keys were not worded (done before pydantic: one pass, not 100,000 errors)."""
    fields = ResponseSet.model_fields
    unknown = [key for key in data if key not in fields]
    problems = [f"{shown(key)} : clé inconnue." for key in unknown[:MAX_PROBLEMS]]
    kept = {key: value for key, value in data.items() if key in fields}
    for key in MAPS:
        if isinstance(kept.get(key), dict) and len(kept[key]) > MAX_ENTRIES:
            problems.append(f"{key} : {len(kept.pop(key))} entrées, {MAX_ENTRIES} au plus.")
    return kept, problems, len(unknown) - len(unknown[:MAX_PROBLEMS])


def parse_response_json(raw: bytes) -> ResponseSet:
    """Parse an answers file: JSON, UTF-8, at most 1 MB, in the ResponseSet shape."""
    if len(raw) > MAX_ANSWER_BYTES:
        size = f"{len(raw) / 1_000_000:.1f}".replace(".", ",")
        raise ResponseError([f"Fichier trop volumineux ({size} Mo ; 1 Mo au plus)."])
    if not raw.strip():
        raise ResponseError(["Le fichier est vide."])
    try:
        data: Any = load_answers_json(raw.decode("utf-8-sig"))
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
    data, problems, unlisted = _unknown_and_oversized(data)
    early = value_problems(data)
    if early:
        raise ResponseError(problems + early, unlisted)
    try:
        responses = ResponseSet.model_validate(data)
    except ValidationError as exc:
        raise ResponseError(problems + validation_problems(exc), unlisted) from None
    if problems:
        raise ResponseError(problems, unlisted)
    return responses


def validation_problems(exc: ValidationError) -> list[str]:
    """The pydantic errors of an answers file in French, without repeats, in linear time."""
    problems: dict[str, None] = {}  # an ordered set: membership in O(1)
    for err in exc.errors(include_url=False, include_input=True):
        loc = tuple(err["loc"])
        if loc[:1] in (("answers",), ("importance",)) and len(loc) >= 2:
            expected = (
                "un niveau (nombre entier), « dk » ou « na »" if loc[0] == "answers" else "un nombre entier de 0 à 3"
            )
            message = f"{shown(format_path(loc[:2]))} : valeur « {shown(err['input'])} » invalide, {expected} attendu."
        else:
            text = (
                "clé inconnue"
                if err["type"] == "extra_forbidden"
                else translate_pydantic(err["type"], err.get("ctx"), err["msg"])
            )
            message = f"{shown(format_path(loc)) or 'racine'} : {text}."
        problems[message] = None
    return list(problems)


TARGET_EXPECTED = "un score de 0 à 100 ou un identifiant de palier (par exemple « consolidation ») attendu"


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def value_problems(data: dict[str, Any]) -> list[str]:
    """French problems the model would word poorly: fractional levels (2.5) and malformed targets."""
    problems: list[str] = []
    answers, targets = data.get("answers"), data.get("targets")
    if isinstance(answers, dict):
        for qid, value in answers.items():
            if isinstance(value, float) and len(problems) < MAX_PROBLEMS:
                shown = str(value).replace(".", ",")
                problems.append(f"Question « {qid} » : niveau {shown} refusé, un niveau est un nombre entier.")
    if isinstance(targets, dict):
        for dim_id, value in targets.items():
            number = _is_number(value) and 0 <= value <= 100
            band = isinstance(value, str) and IDENTIFIER.fullmatch(value) is not None
            if not (number or band) and len(problems) < MAX_PROBLEMS:
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
            problems.append(f"Question inconnue dans ce questionnaire : « {shown(qid)} ».")
        elif not isinstance(value, str) and not 0 <= value <= question.max_level:
            problems.append(f"Question « {qid} » : niveau {shown(value)} hors de l’échelle 0 à {question.max_level}.")
    for dim_id, value in responses.importance.items():
        if dim_id not in dims:
            problems.append(f"Importance donnée pour une dimension inconnue : « {shown(dim_id)} ».")
        elif not 0 <= value <= 3:
            problems.append(f"Importance de « {dim_id} » : {shown(value)} hors de l’échelle 0 à 3.")
    for item_id in responses.comments:
        if item_id not in questions and item_id not in dims:
            problems.append(f"Commentaire rattaché à un élément inconnu : « {shown(item_id)} ».")
    if problems and raise_on_error:
        raise ResponseError(problems)
    return problems
