"""What a facilitator does to a workshop's participants: add a paper one, remove one, merge two.

Each operation is one transaction; the group figures are computed from the participants
stored, so they change with the next read. Removing or merging never takes answers out of the
group figures: the facilitator could otherwise read someone's answers from the figures before
and after. Only a participation without answers (an empty duplicate) can be removed, and a merge
needs one of the two participations to be empty.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select

from storage.answer_rows import CHILD_TABLES
from storage.database import DIAGNOSTIC_COLUMNS, Database, diagnostic_records, insert_diagnostic, touch
from storage.errors import DiagnosticNotFound, ParticipantHasAnswers
from storage.records import DiagnosticRecord
from storage.tables import diagnostics
from storage.workshops import check_open


class ParticipantMixin(Database):
    """Participant management of the `Store`."""

    def add_paper_participant(self, workshop_id: str, role: str) -> str:
        """A participant whose paper questionnaire the facilitator types in; returns its diagnostic id."""
        with self._write() as conn:
            row = check_open(conn, workshop_id)
            return insert_diagnostic(
                conn, row.questionnaire_id, row.profile, workshop_id=workshop_id, role=role, paper=True
            )

    def participant_records(self, workshop_id: str) -> list[DiagnosticRecord]:
        """The workshop's participants (records only, no answers), oldest first."""
        with self._read() as conn:
            return diagnostic_records(conn, diagnostics.c.workshop_id == workshop_id)

    def remove_participant(self, workshop_id: str, diag_id: str) -> None:
        """Delete a participation without answers (`ParticipantHasAnswers` otherwise)."""
        with self._write() as conn:
            _participant(conn, workshop_id, diag_id)
            if _has_answers(conn, diag_id):
                raise ParticipantHasAnswers(diag_id)
            conn.execute(delete(diagnostics).where(diagnostics.c.id == diag_id))

    def merge_participants(self, workshop_id: str, keep_id: str, other_id: str) -> None:
        """Fold `other_id` into `keep_id` (its answers, comments, importances and targets fill
        what `keep_id` left empty; finished if either was), then delete `other_id`."""
        if keep_id == other_id:
            raise ValueError("a participant cannot be merged with themselves")
        with self._write() as conn:
            keep = _participant(conn, workshop_id, keep_id)
            other = _participant(conn, workshop_id, other_id)
            if _has_answers(conn, keep_id) and _has_answers(conn, other_id):
                raise ParticipantHasAnswers(other_id)
            for table in CHILD_TABLES:
                key = next(c for c in table.primary_key.columns if c.name != "diagnostic_id")
                held = set(conn.execute(select(key).where(table.c.diagnostic_id == keep_id)).scalars())
                missing = [
                    {**row._asdict(), "diagnostic_id": keep_id}
                    for row in conn.execute(select(table).where(table.c.diagnostic_id == other_id))
                    if row._mapping[key.name] not in held
                ]
                if missing:
                    conn.execute(insert(table), missing)
            touch(conn, keep_id, finished=keep.finished or other.finished)
            conn.execute(delete(diagnostics).where(diagnostics.c.id == other_id))


def _has_answers(conn: Connection, diag_id: str) -> bool:
    """Whether a participation holds any answer, importance, target or comment."""
    return any(
        conn.execute(select(table.c.diagnostic_id).where(table.c.diagnostic_id == diag_id).limit(1)).first()
        for table in CHILD_TABLES
    )


def _participant(conn: Connection, workshop_id: str, diag_id: str) -> DiagnosticRecord:
    """The participant's record, locked on PostgreSQL; DiagnosticNotFound if not of this workshop."""
    where = [diagnostics.c.id == diag_id, diagnostics.c.workshop_id == workshop_id]
    row = conn.execute(select(*DIAGNOSTIC_COLUMNS).where(*where).with_for_update()).first()
    if row is None:
        raise DiagnosticNotFound(diag_id)
    return DiagnosticRecord.from_row(row)
