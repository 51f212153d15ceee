"""The `Store`: every read and write the app makes, one transaction per call.

    store = Store()                      # DATABASE_URL or data/autodiag.sqlite3, migrated
    diag_id = store.create_diagnostic("complet", {"authority_type": "commune"})
    store.save_answer(diag_id, "q1", 2)
    store.load_responses(diag_id)        # ResponseSet(questionnaire=…, answers={"q1": 2}, …)

Ids are 192-bit random tokens: knowing one is what gives access to a diagnostic.
Timestamps are timezone-aware UTC. Errors are `storage.errors` exceptions. Rules that must hold
whatever the caller are enforced here: a participant of a closed workshop cannot change an answer,
and a participant cannot change the workshop's profile.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from scoring.models import ResponseSet
from scoring.plan import UNFINISHED, ActionPlan
from storage.answer_rows import check_importance as _importance
from storage.answer_rows import (
    check_key,
    copy_all,
    is_blank,
    load_parts,
    remove,
    replace_all,
    response_set,
    rows_of,
    target_row,
    upsert,
)
from storage.answer_rows import split_answer as _answer
from storage.database import Stamp, diagnostic_records, exists, insert_diagnostic, locking, restamp, touch
from storage.errors import AnswersClosed, DiagnosticNotFound, ProfileLocked
from storage.participants import ParticipantMixin
from storage.presenter import PresenterMixin
from storage.records import DiagnosticRecord
from storage.tables import answers, comments, diagnostics, importances, targets, workshops
from storage.throttle import ThrottleMixin
from storage.workshops import WorkshopMixin, check_open


class Store(WorkshopMixin, ThrottleMixin, PresenterMixin, ParticipantMixin):
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
        """Replace the profile of a diagnostic; ProfileLocked for a workshop participant's."""
        with self._write() as conn:
            row = conn.execute(select(diagnostics.c.workshop_id).where(diagnostics.c.id == diag_id)).first()
            if row is not None and row.workshop_id is not None:
                raise ProfileLocked(diag_id)
            touch(conn, diag_id, profile=dict(profile))

    def set_finished(self, diag_id: str, finished: bool) -> None:
        """Mark a diagnostic finished or not (not once its workshop is closed)."""
        with self._write() as conn:
            restamp(conn, diag_id, _answerable_stamp(conn, diag_id), finished=bool(finished))

    def save_answer(self, diag_id: str, question_id: str, value: int | str | None, carried_over: bool = False) -> Stamp:
        """Set (or with None remove) one answer: a level, "dk" or "na"; returns its new `updated_at`."""
        with self._write() as conn:
            stamp = restamp(conn, diag_id, _answerable_stamp(conn, diag_id))
            _put_answer(conn, diag_id, question_id, value, carried_over)
            return stamp

    def save_comment(self, diag_id: str, item_id: str, text: str | None) -> Stamp:
        """Set (or with None or blank text remove) the comment on a question or dimension."""
        return self.save_many(diag_id, comment_texts={item_id: text})

    def save_importance(self, diag_id: str, dimension_id: str, value: int | None) -> Stamp:
        """Set (or with None remove) the importance 0..3 of a dimension."""
        return self.save_many(diag_id, importance_values={dimension_id: value})

    def save_target(self, diag_id: str, dimension_id: str, value: float | str | None) -> Stamp:
        """Set (or with None remove) a dimension's target: a score 0..100 or a band id."""
        return self.save_many(diag_id, target_values={dimension_id: value})

    def save_many(
        self,
        diag_id: str,
        answer_values: dict[str, int | str | None] | None = None,
        comment_texts: dict[str, str | None] | None = None,
        importance_values: dict[str, int | None] | None = None,
        target_values: dict[str, float | str | None] | None = None,
    ) -> Stamp:
        """Set several answers, comments, importances and targets in one transaction (None or blank removes one);
        returns the diagnostic's new `updated_at`."""
        with self._write() as conn:
            stamp = restamp(conn, diag_id, _answerable_stamp(conn, diag_id))
            for question_id, value in (answer_values or {}).items():
                _put_answer(conn, diag_id, question_id, value)
            for item_id, text in (comment_texts or {}).items():
                if text is None or is_blank(text):
                    remove(conn, comments, diag_id, item_id)
                else:
                    upsert(conn, comments, {"diagnostic_id": diag_id, "item_id": check_key(item_id), "text": text})
            for dimension_id, level in (importance_values or {}).items():
                if level is None:
                    remove(conn, importances, diag_id, dimension_id)
                else:
                    row = {
                        "diagnostic_id": diag_id,
                        "dimension_id": check_key(dimension_id),
                        "value": _importance(level),
                    }
                    upsert(conn, importances, row)
            for dimension_id, target in (target_values or {}).items():
                if target is None:
                    remove(conn, targets, diag_id, dimension_id)
                else:
                    upsert(conn, targets, target_row(diag_id, dimension_id, target))
            return stamp

    def load_responses(self, diag_id: str) -> ResponseSet:
        """The diagnostic's answers, importances, comments and profile."""
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

    def replace_responses(self, diag_id: str, responses: ResponseSet, *, with_profile: bool = False) -> None:
        """Replace all answers, importances and comments at once, and the profile if asked."""
        rows = rows_of(diag_id, responses.model_dump())  # ValueError before anything is written
        with self._write() as conn:
            found = diagnostic_records(conn, diagnostics.c.id == diag_id)
            if not found:
                raise DiagnosticNotFound(diag_id)
            if responses.questionnaire != found[0].questionnaire_id:
                raise ValueError(
                    f"responses to {responses.questionnaire!r} cannot go into a diagnostic of {found[0].questionnaire_id!r}"
                )
            before = _answerable_stamp(conn, diag_id)
            if with_profile and found[0].workshop_id is not None:
                raise ProfileLocked(diag_id)
            profile = {"profile": responses.profile.model_dump(exclude_defaults=True)} if with_profile else {}
            restamp(conn, diag_id, before, **profile)
            replace_all(conn, diag_id, rows)

    def import_diagnostic(self, responses: ResponseSet) -> str:
        """A new diagnostic holding a whole response set, profile included (one transaction)."""
        rows_of("-", responses.model_dump())  # ValueError before anything is written
        with self._write() as conn:
            profile = responses.profile.model_dump(exclude_defaults=True)
            diag_id = insert_diagnostic(conn, responses.questionnaire, profile)
            replace_all(conn, diag_id, rows_of(diag_id, responses.model_dump()))
            return diag_id

    def redo_diagnostic(self, previous_id: str) -> str:
        """A new diagnostic of the same authority, answers copied and marked carried over, unfinished
        actions carried over with their status (one transaction)."""
        with self._write() as conn:
            found = diagnostic_records(conn, diagnostics.c.id == previous_id)
            if not found:
                raise DiagnosticNotFound(previous_id)
            previous = found[0]
            new_id = insert_diagnostic(conn, previous.questionnaire_id, previous.profile, previous_id=previous.id)
            copy_all(conn, new_id, previous.id)
            text = conn.execute(select(diagnostics.c.action_plan).where(diagnostics.c.id == previous.id)).scalar()
            unfinished = ActionPlan(actions=tuple(a for a in _plan(text).actions if a.status in UNFINISHED))
            if unfinished.actions:
                touch(conn, new_id, action_plan=_plan_text(unfinished))
            return new_id

    def diagnostics_by_ids(self, ids: list[str]) -> list[tuple[DiagnosticRecord, ResponseSet]]:
        """The diagnostics of these ids that exist, with their responses, in four queries."""
        if not ids:
            return []
        with self._read() as conn:
            records = diagnostic_records(conn, diagnostics.c.id.in_(ids))
            parts = load_parts(conn, lambda column: column.in_(ids))
        return [(record, response_set(record, parts.get(record.id))) for record in records]

    def diagnostics_with_responses(self, authority_type: str) -> list[tuple[DiagnosticRecord, ResponseSet]]:
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

    def save_action_plan(self, diag_id: str, plan: ActionPlan) -> None:
        """Replace the diagnostic's action plan."""
        with self._write() as conn:
            touch(conn, diag_id, action_plan=_plan_text(plan))

    def change_action_plan(self, diag_id: str, change: Callable[[ActionPlan], ActionPlan]) -> ActionPlan:
        """Apply `change` to the saved plan and save the result, in one transaction (row locked first)."""
        with self._write() as conn:
            touch(conn, diag_id)  # locks the row on PostgreSQL: concurrent changes apply one after the other
            text = conn.execute(select(diagnostics.c.action_plan).where(diagnostics.c.id == diag_id)).scalar()
            plan = change(_plan(text))
            conn.execute(update(diagnostics).where(diagnostics.c.id == diag_id).values(action_plan=_plan_text(plan)))
        return plan

    def load_action_plan(self, diag_id: str) -> ActionPlan:
        """The diagnostic's action plan, empty if none was saved."""
        query = select(diagnostics.c.action_plan).where(diagnostics.c.id == diag_id)
        with self._read() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise DiagnosticNotFound(diag_id)
        return _plan(row.action_plan)


def _plan(text: str | None) -> ActionPlan:
    """The plan stored as a JSON list of actions (None: no plan yet)."""
    return ActionPlan.model_validate({"actions": json.loads(text) if text else []})


def _plan_text(plan: ActionPlan) -> str:
    """The JSON list of actions stored for a plan."""
    return json.dumps(plan.model_dump(mode="json")["actions"], ensure_ascii=False)


def _put_answer(conn: Connection, diag_id: str, question_id: str, value: object, carried_over: bool = False) -> None:
    """Upsert (or with None delete) one answer row inside the caller's transaction."""
    if value is None:
        remove(conn, answers, diag_id, question_id)
        return
    level, special = _answer(value)
    row = {"diagnostic_id": diag_id, "question_id": check_key(question_id), "level": level, "special": special}
    upsert(conn, answers, {**row, "carried_over": bool(carried_over)})


def _answerable_stamp(conn: Connection, diag_id: str) -> datetime | None:
    """The diagnostic's `updated_at` (None: absent), read with its row locked for `restamp`;
    AnswersClosed if it is a participant's in a closed workshop."""
    query = (
        select(diagnostics.c.updated_at, workshops.c.closed)
        .select_from(diagnostics.outerjoin(workshops, diagnostics.c.workshop_id == workshops.c.id))
        .where(diagnostics.c.id == diag_id)
    )
    row = conn.execute(locking(query)).first()
    if row is not None and row.closed:
        raise AnswersClosed(diag_id)
    return None if row is None else row.updated_at
