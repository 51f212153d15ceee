"""The `Store`: every read and write the app makes, one transaction per call.

    store = Store()                      # DATABASE_URL or data/autodiag.sqlite3, migrated
    diag_id = store.create_diagnostic("complet", {"authority_type": "commune"})
    store.save_answer(diag_id, "q1", 2)
    store.load_responses(diag_id)        # {"questionnaire": …, "answers": {"q1": 2}, …}

Ids are 192-bit random tokens: knowing one is what gives access to a diagnostic.
Timestamps are timezone-aware UTC. Errors are `storage.errors` exceptions.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from storage.database import diagnostic_records, exists, insert_diagnostic, touch
from storage.errors import DiagnosticNotFound
from storage.records import DiagnosticRecord
from storage.responses import check_importance as _importance
from storage.responses import (
    check_key,
    copy_all,
    is_blank,
    load_parts,
    remove,
    replace_all,
    response_set,
    rows_of,
    upsert,
)
from storage.responses import split_answer as _answer
from storage.tables import answers, comments, diagnostics, importances
from storage.throttle import ThrottleMixin
from storage.workshops import WorkshopMixin, check_open


class Store(WorkshopMixin, ThrottleMixin):
    """Diagnostics, their answers and action plans, and workshops, in one database."""

    def create_diagnostic(
        self,
        questionnaire_id: str,
        profile: dict[str, Any],
        previous_id: str | None = None,
        workshop_id: str | None = None,
        participant: dict[str, Any] | None = None,
    ) -> str:
        """Create an empty diagnostic and return its id (participants: see `join_workshop`)."""
        participant = participant or {}
        if set(participant) - {"role", "first_name"}:
            raise ValueError(f"unknown participant keys: {sorted(participant)}")
        with self._write() as conn:
            if previous_id is not None and not exists(conn, previous_id):
                raise DiagnosticNotFound(previous_id)
            if workshop_id is not None:
                check_open(conn, workshop_id)
            return insert_diagnostic(
                conn,
                questionnaire_id,
                profile,
                previous_id=previous_id,
                workshop_id=workshop_id,
                role=participant.get("role"),
                first_name=participant.get("first_name") or None,
            )

    def get_diagnostic(self, diag_id: str) -> DiagnosticRecord | None:
        """The diagnostic with this id, or None."""
        with self._read() as conn:
            found = diagnostic_records(conn, diagnostics.c.id == diag_id)
        return found[0] if found else None

    def update_profile(self, diag_id: str, profile: dict[str, Any]) -> None:
        """Replace the profile of a diagnostic."""
        with self._write() as conn:
            touch(conn, diag_id, profile=dict(profile))

    def set_finished(self, diag_id: str, finished: bool) -> None:
        """Mark a diagnostic finished or not."""
        with self._write() as conn:
            touch(conn, diag_id, finished=bool(finished))

    def save_answer(self, diag_id: str, question_id: str, value: int | str | None, carried_over: bool = False) -> None:
        """Set (or with None remove) one answer: a level, "dk" or "na"."""
        with self._write() as conn:
            touch(conn, diag_id)
            if value is None:
                remove(conn, answers, diag_id, question_id)
                return
            level, special = _answer(value)
            row = {"diagnostic_id": diag_id, "question_id": check_key(question_id), "level": level, "special": special}
            upsert(conn, answers, {**row, "carried_over": bool(carried_over)})

    def save_comment(self, diag_id: str, item_id: str, text: str | None) -> None:
        """Set (or with None or blank text remove) the comment on a question or dimension."""
        with self._write() as conn:
            touch(conn, diag_id)
            if text is None or is_blank(text):
                remove(conn, comments, diag_id, item_id)
                return
            upsert(conn, comments, {"diagnostic_id": diag_id, "item_id": check_key(item_id), "text": text})

    def save_importance(self, diag_id: str, dimension_id: str, value: int | None) -> None:
        """Set (or with None remove) the importance 0..3 of a dimension."""
        with self._write() as conn:
            touch(conn, diag_id)
            if value is None:
                remove(conn, importances, diag_id, dimension_id)
                return
            row = {"diagnostic_id": diag_id, "dimension_id": check_key(dimension_id), "value": _importance(value)}
            upsert(conn, importances, row)

    def load_responses(self, diag_id: str) -> dict[str, Any]:
        """The diagnostic's answers in the ResponseSet JSON shape."""
        with self._read() as conn:
            found = diagnostic_records(conn, diagnostics.c.id == diag_id)
            if not found:
                raise DiagnosticNotFound(diag_id)
            parts = load_parts(conn, lambda column: column == diag_id)
        return response_set(found[0], parts.get(diag_id))

    def carried_over(self, diag_id: str) -> set[str]:
        """Ids of the questions whose answer was copied from a previous diagnostic, unchanged."""
        query = select(answers.c.question_id).where(
            answers.c.diagnostic_id == diag_id, answers.c.carried_over.is_(True)
        )
        with self._read() as conn:
            return set(conn.execute(query).scalars())

    def replace_responses(self, diag_id: str, data: dict[str, Any]) -> None:
        """Replace all answers, importances and comments at once (profile left as is)."""
        rows = rows_of(diag_id, data)  # ValueError before anything is written
        with self._write() as conn:
            found = diagnostic_records(conn, diagnostics.c.id == diag_id)
            if not found:
                raise DiagnosticNotFound(diag_id)
            questionnaire = data.get("questionnaire")
            if questionnaire is not None and questionnaire != found[0].questionnaire_id:
                raise ValueError(
                    f"responses to {questionnaire!r} cannot go into a diagnostic of {found[0].questionnaire_id!r}"
                )
            touch(conn, diag_id)
            replace_all(conn, diag_id, rows)

    def copy_from_previous(self, new_id: str, previous_id: str) -> None:
        """Replace a diagnostic's answers with a copy of a previous one's, marked carried over."""
        with self._write() as conn:
            if not exists(conn, previous_id):
                raise DiagnosticNotFound(previous_id)
            touch(conn, new_id)
            copy_all(conn, new_id, previous_id)

    def list_diagnostics(
        self,
        authority_type: str | None = None,
        questionnaire_id: str | None = None,
        exclude_workshop_participants: bool = True,
    ) -> list[DiagnosticRecord]:
        """Diagnostics matching the filters, oldest first (for peer comparison)."""
        where = []
        if authority_type is not None:
            where.append(diagnostics.c.profile["authority_type"].as_string() == authority_type)
        if questionnaire_id is not None:
            where.append(diagnostics.c.questionnaire_id == questionnaire_id)
        if exclude_workshop_participants:
            where.append(diagnostics.c.workshop_id.is_(None))
        with self._read() as conn:
            return diagnostic_records(conn, *where)

    def diagnostics_with_responses(self, authority_type: str) -> list[tuple[DiagnosticRecord, dict[str, Any]]]:
        """Diagnostics of one authority type (workshop participants excluded) with their responses,
        in four queries whatever their number (for peer comparison)."""
        where = [
            diagnostics.c.profile["authority_type"].as_string() == authority_type,
            diagnostics.c.workshop_id.is_(None),
        ]
        ids = select(diagnostics.c.id).where(*where)
        with self._read() as conn:
            records = diagnostic_records(conn, *where)
            parts = load_parts(conn, lambda column: column.in_(ids.scalar_subquery()))
        return [(record, response_set(record, parts.get(record.id))) for record in records]

    def save_action_plan(self, diag_id: str, plan: list[dict[str, Any]]) -> None:
        """Replace the diagnostic's action plan (a list of JSON-serialisable actions)."""
        if not isinstance(plan, list) or not all(isinstance(a, dict) for a in plan):
            raise ValueError("an action plan is a list of dicts")
        text = json.dumps(plan, ensure_ascii=False)  # TypeError if not serialisable
        with self._write() as conn:
            touch(conn, diag_id, action_plan=text)

    def load_action_plan(self, diag_id: str) -> list[dict[str, Any]]:
        """The diagnostic's action plan, [] if none was saved."""
        query = select(diagnostics.c.action_plan).where(diagnostics.c.id == diag_id)
        with self._read() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise DiagnosticNotFound(diag_id)
        plan: list[dict[str, Any]] = json.loads(row.action_plan) if row.action_plan else []
        return plan
