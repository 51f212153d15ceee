"""Answers, importances and comments: validation, upserts, bulk loads and copies.

Functions here work on a connection inside the caller's transaction. A response set is
the JSON shape of `scoring.models.ResponseSet`: answers map a question id to a level
(int) or "dk" / "na", importance maps a dimension id to 0..3, comments map an item id
to a text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Table,
    delete,
    insert,
    literal,
    select,
    true,
)
from sqlalchemy.dialects import postgresql, sqlite

from scoring.models import ResponseSet
from storage.records import DiagnosticRecord
from storage.tables import answers, comments, importances, targets

SPECIAL_ANSWERS = ("dk", "na")
MAX_LEVEL = 10
MAX_IMPORTANCE = 3
CHILD_TABLES = (answers, importances, comments, targets)

Parts = dict[str, dict[str, Any]]
"""The "answers", "importance", "targets" and "comments" maps of one diagnostic."""
DiagFilter = Callable[[Column[str]], ColumnElement[bool]]
"""A condition on a `diagnostic_id` column."""


def split_answer(value: object) -> tuple[int | None, str | None]:
    """(level, special) columns for an answer value; ValueError if it is not one."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_LEVEL:
        return value, None
    if isinstance(value, str) and value in SPECIAL_ANSWERS:
        return None, value
    raise ValueError(f"an answer is a level 0..{MAX_LEVEL}, 'dk' or 'na', not {value!r}")


def check_importance(value: object) -> int:
    """The importance as an int 0..3; ValueError otherwise."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_IMPORTANCE:
        return value
    raise ValueError(f"an importance is an integer 0..{MAX_IMPORTANCE}, not {value!r}")


def is_blank(text: str | None) -> bool:
    """Whether a comment text means "no comment"."""
    return text is None or not text.strip()


def upsert(conn: Connection, table: Table, values: dict[str, Any]) -> None:
    """Insert a row or update it in place if its primary key exists (one statement)."""
    keys = [c.name for c in table.primary_key.columns]
    changes = {name: value for name, value in values.items() if name not in keys}
    dialect = {"postgresql": postgresql, "sqlite": sqlite}.get(conn.dialect.name)
    if dialect is None:  # other databases: same effect, two statements
        conn.execute(delete(table).where(*(table.c[k] == values[k] for k in keys)))
        conn.execute(insert(table).values(**values))
        return
    stmt = dialect.insert(table).values(**values)
    conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=changes))


def remove(conn: Connection, table: Table, diag_id: str, key: str) -> None:
    """Delete one row of a child table."""
    key_column = next(c for c in table.primary_key.columns if c.name != "diagnostic_id")
    conn.execute(delete(table).where(table.c.diagnostic_id == diag_id, key_column == key))


def load_parts(conn: Connection, diag_filter: DiagFilter) -> dict[str, Parts]:
    """The parts of every diagnostic whose id matches `diag_filter`, in three queries.

    `diag_filter` is applied to each table's `diagnostic_id` column, e.g.
    `lambda col: col == diag_id` or `lambda col: col.in_(subquery)`.
    """
    result: dict[str, Parts] = {}

    def parts(diag_id: str) -> Parts:
        return result.setdefault(diag_id, {"importance": {}, "targets": {}, "answers": {}, "comments": {}})

    a, i, c = answers.c, importances.c, comments.c
    query = select(a.diagnostic_id, a.question_id, a.level, a.special)
    for diag_id, question_id, level, special in conn.execute(query.where(diag_filter(a.diagnostic_id))):
        parts(diag_id)["answers"][question_id] = special if level is None else level
    by_dimension = select(i.diagnostic_id, i.dimension_id, i.value)
    for diag_id, dimension_id, value in conn.execute(by_dimension.where(diag_filter(i.diagnostic_id))):
        parts(diag_id)["importance"][dimension_id] = value
    t = targets.c
    by_target = select(t.diagnostic_id, t.dimension_id, t.score, t.band)
    for diag_id, dimension_id, target_score, band in conn.execute(by_target.where(diag_filter(t.diagnostic_id))):
        parts(diag_id)["targets"][dimension_id] = band if target_score is None else _number(target_score)
    by_item = select(c.diagnostic_id, c.item_id, c.text)
    for diag_id, item_id, text in conn.execute(by_item.where(diag_filter(c.diagnostic_id))):
        parts(diag_id)["comments"][item_id] = text
    return result


def response_set(record: DiagnosticRecord, parts: Parts | None) -> ResponseSet:
    """The response set of a diagnostic from its record and parts."""
    parts = parts or {"importance": {}, "targets": {}, "answers": {}, "comments": {}}
    return ResponseSet.model_validate(
        {"questionnaire": record.questionnaire_id, "profile": dict(record.profile), **parts}
    )


def rows_of(diag_id: str, data: Mapping[str, Any]) -> dict[Table, list[dict[str, Any]]]:
    """Validated rows for every table from a response set; ValueError on a bad value."""
    rows: dict[Table, list[dict[str, Any]]] = {table: [] for table in CHILD_TABLES}
    for question_id, value in _mapping(data, "answers").items():
        level, special = split_answer(value)
        row = {"diagnostic_id": diag_id, "question_id": check_key(question_id), "level": level, "special": special}
        rows[answers].append({**row, "carried_over": False})
    for dimension_id, value in _mapping(data, "importance").items():
        importance = check_importance(value)
        rows[importances].append(
            {"diagnostic_id": diag_id, "dimension_id": check_key(dimension_id), "value": importance}
        )
    for dimension_id, value in _mapping(data, "targets").items():
        rows[targets].append(target_row(diag_id, dimension_id, value))
    for item_id, text in _mapping(data, "comments").items():
        if not isinstance(text, str):
            raise ValueError(f"a comment is a text, not {text!r}")
        if not is_blank(text):
            rows[comments].append({"diagnostic_id": diag_id, "item_id": check_key(item_id), "text": text})
    return rows


def replace_all(conn: Connection, diag_id: str, rows: dict[Table, list[dict[str, Any]]]) -> None:
    """Delete a diagnostic's answers, importances and comments, then insert `rows`."""
    for table in CHILD_TABLES:
        conn.execute(delete(table).where(table.c.diagnostic_id == diag_id))
        if rows.get(table):
            conn.execute(insert(table), rows[table])


def copy_all(conn: Connection, new_id: str, previous_id: str) -> None:
    """Replace `new_id`'s parts with a copy of `previous_id`'s, answers marked carried over."""
    for table in CHILD_TABLES:
        conn.execute(delete(table).where(table.c.diagnostic_id == new_id))
        names = [c.name for c in table.c if c.name != "diagnostic_id"]
        sources: list[ColumnElement[Any]] = [true() if name == "carried_over" else table.c[name] for name in names]
        query = select(literal(new_id), *sources).where(table.c.diagnostic_id == previous_id)
        conn.execute(insert(table).from_select(["diagnostic_id", *names], query))


def _mapping(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    """`data[name]` if it is a mapping, {} if absent."""
    value = data.get(name) or {}
    if not isinstance(value, Mapping):
        raise ValueError(f"{name!r} must be a mapping, not {type(value).__name__}")
    return value


def target_row(diag_id: str, dimension_id: str, value: object) -> dict[str, Any]:
    """The `targets` row of a target: a score 0–100 or a band id; ValueError otherwise."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 100:
        score, band = float(value), None
    elif isinstance(value, str) and 0 < len(value) <= 64:
        score, band = None, value
    else:
        raise ValueError(f"a target is a score 0..100 or a band id, not {value!r}")
    return {"diagnostic_id": diag_id, "dimension_id": check_key(dimension_id), "score": score, "band": band}


def _number(value: float) -> int | float:
    """A stored score as the user gave it: 70 rather than 70.0."""
    return int(value) if float(value).is_integer() else value


def check_key(value: object) -> str:
    """A question, dimension or item id: a non-empty string of at most 64 characters."""
    if not isinstance(value, str) or not 0 < len(value) <= 64:
        raise ValueError(f"an id is a string of 1 to 64 characters, not {value!r}")
    return value
