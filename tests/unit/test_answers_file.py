"""Hostile answers files: refused quickly, in French, with a short list of problems."""

from __future__ import annotations

import json

import pytest

from scoring.loader import default_catalogue
from scoring.responses import (
    MAX_DEPTH,
    MAX_ENTRIES,
    MAX_PROBLEMS,
    ResponseError,
    check_responses,
    nesting_depth,
    parse_response_json,
)

HEAD = {"questionnaire": "ess-territoires-express", "questionnaire_version": "1.0"}


def _refusal(data: object | bytes) -> list[str]:
    raw = data if isinstance(data, bytes) else json.dumps(data, separators=(",", ":")).encode()
    with pytest.raises(ResponseError) as caught:
        parse_response_json(raw)
    return caught.value.problems


def test_a_file_with_a_hundred_thousand_unknown_keys_lists_twenty_problems_then_counts_the_others() -> None:
    data = {**HEAD, **{f"{i:x}": 1 for i in range(100_000)}}  # 0.9 MB, as in the issue
    problems = _refusal(data)
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[0] == "0 : clé inconnue."
    assert problems[-1] == "… et 99980 autres problèmes."


def test_a_map_of_a_hundred_thousand_answers_is_refused_without_checking_each() -> None:
    raw = json.dumps({**HEAD, "answers": {f"{i:x}": 1 for i in range(100_000)}}, separators=(",", ":")).encode()
    assert _refusal(raw) == [f"answers : 100000 entrées, {MAX_ENTRIES} au plus."]


def test_hundreds_of_unknown_question_ids_list_twenty_then_count_the_others() -> None:
    responses = parse_response_json(json.dumps({**HEAD, "answers": {f"q{i}": 1 for i in range(MAX_ENTRIES)}}).encode())
    problems = check_responses(default_catalogue().questionnaire("ess-territoires-express"), responses)
    with pytest.raises(ResponseError) as caught:
        raise ResponseError(problems)
    assert len(caught.value.problems) == MAX_PROBLEMS + 1
    assert len(str(caught.value)) < 2_000
    assert str(caught.value).endswith(f"… et {MAX_ENTRIES - MAX_PROBLEMS} autres problèmes.")


def test_unknown_keys_and_shape_problems_are_listed_together_once_each() -> None:
    problems = _refusal({**HEAD, "answers": {"a": [1], "b": "x"}, "importance": "x", "extra": 1})
    assert problems[0] == "extra : clé inconnue."
    assert len(problems) == len(set(problems)) == 4


@pytest.mark.parametrize(
    ("opening", "closing", "depth"), [(b'{"a":', b"}", MAX_DEPTH + 1), (b'{"a":', b"}", 1_000), (b"[", b"]", 450_000)]
)
def test_nesting_deeper_than_the_format_is_refused_in_french_without_recursion_error(
    opening: bytes, closing: bytes, depth: int
) -> None:
    raw = opening * depth + b"1" + closing * depth
    (problem,) = _refusal(raw)
    assert f"plus de {MAX_DEPTH} niveaux" in problem


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    text = json.dumps({**HEAD, "comments": {"awareness_elected": '[[[[{{{{ « cité » " ]]'}})
    assert nesting_depth(text) == 2
    assert parse_response_json(text.encode()).comments["awareness_elected"].startswith("[[[[")


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("9" * 5_000, "Nombre trop long (5000 chiffres)"),
        ("1e999", "Nombre hors limites « 1e999 »"),
        ("NaN", "Valeur « NaN » refusée"),
        ("-Infinity", "Valeur « -Infinity » refusée"),
    ],
)
def test_huge_or_non_finite_numbers_are_refused_in_french(number: str, expected: str) -> None:
    raw = ('{"questionnaire": "ess-territoires-express", "answers": {"ess_weight_knowledge": ' + number + "}}").encode()
    (problem,) = _refusal(raw)
    assert problem.startswith(expected)


def test_a_huge_string_is_quoted_cut_short_in_the_message() -> None:
    problems = _refusal({**HEAD, "answers": {"ess_weight_knowledge": "x" * 900_000}})
    assert len(problems) == 1 and len(problems[0]) < 200
    assert "xxxxx…" in problems[0]


def test_an_ordinary_file_still_reads() -> None:
    responses = parse_response_json(
        json.dumps({**HEAD, "answers": {"ess_weight_knowledge": 3, "jobs_creation_support": "dk"}}).encode()
    )
    assert responses.answers == {"ess_weight_knowledge": 3, "jobs_creation_support": "dk"}
