"""Workshops: a facilitator opens one, 10 to 40 participants join it with a short code.

Each participant answers in their own diagnostic (`diagnostics.workshop_id` set); the
group's agreed answers go to the workshop's consolidated diagnostic, an ordinary
diagnostic created with the workshop.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict
from typing import Any

from sqlalchemy import Connection, Row, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from scoring.models import ResponseSet
from storage.answer_rows import load_parts, response_set
from storage.database import Database, diagnostic_records, insert_diagnostic
from storage.errors import StorageError, WorkshopClosed, WorkshopNotFound
from storage.records import DiagnosticRecord, WorkshopRecord, new_id, utc_now
from storage.tables import diagnostics, workshops

JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
JOIN_CODE_LENGTH = 6
CREATE_ATTEMPTS = 5
TITLE_LENGTH = 200


def new_join_code() -> str:
    """A random join code: 6 characters out of 31 (no 0/O, 1/I/L), uppercase.

    The code space holds 31**6 = 887,503,681 codes (about 29.7 bits): collisions are
    rare and retried, and guessing the code of one of a few hundred open workshops takes
    millions of tries. A code only lets someone join as a participant; the facilitator's
    rights come with the 192-bit facilitator token.
    """
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def check_open(conn: Connection, workshop_id: str) -> Row[Any]:
    """The workshop's row; WorkshopNotFound or WorkshopClosed if one cannot join it.

    The row is read FOR SHARE on PostgreSQL: a concurrent close waits for the join.
    """
    query = select(workshops).where(workshops.c.id == workshop_id)
    row = conn.execute(query.with_for_update(read=True)).first()
    if row is None:
        raise WorkshopNotFound(workshop_id)
    if row.closed:
        raise WorkshopClosed(workshop_id)
    return row


class WorkshopMixin(Database):
    """Workshop operations of the `Store`."""

    def create_workshop(self, title: str, questionnaire_id: str, profile: dict[str, Any]) -> WorkshopRecord:
        """Open a workshop: unique join code, facilitator token, consolidated diagnostic."""
        for attempt in range(CREATE_ATTEMPTS):
            try:
                with self._write() as conn:
                    record = WorkshopRecord(
                        id=new_id(),
                        title=_title(title),
                        questionnaire_id=questionnaire_id,
                        profile=dict(profile),
                        join_code=self._unused_join_code(conn),
                        facilitator_token=new_id(),
                        consolidated_id=insert_diagnostic(conn, questionnaire_id, profile),
                        closed=False,
                        created_at=utc_now(),
                    )
                    conn.execute(insert(workshops).values(**asdict(record)))
                return record
            except StorageError as exc:  # a concurrent workshop took the same code
                if not isinstance(exc.__cause__, IntegrityError) or attempt == CREATE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def get_workshop(self, workshop_id: str) -> WorkshopRecord | None:
        """The workshop with this id, or None."""
        return self._find_workshop(workshops.c.id == workshop_id)

    def find_workshop_by_code(self, code: str) -> WorkshopRecord | None:
        """The workshop with this join code, as stored (see `services.params.normalize_join_code`), or None."""
        return self._find_workshop(workshops.c.join_code == code)

    def find_workshop_by_facilitator_token(self, token: str) -> WorkshopRecord | None:
        """The workshop this facilitator token opens, or None."""
        return self._find_workshop(workshops.c.facilitator_token == token)

    def find_workshop_by_consolidated(self, diag_id: str) -> WorkshopRecord | None:
        """The workshop whose collegial (consolidated) diagnostic this is, or None."""
        return self._find_workshop(workshops.c.consolidated_id == diag_id)

    def join_workshop(self, workshop_id: str, role: str, first_name: str | None) -> str:
        """Create a participant's diagnostic in an open workshop and return its id."""
        with self._write() as conn:
            row = check_open(conn, workshop_id)
            return insert_diagnostic(
                conn,
                row.questionnaire_id,
                row.profile,
                workshop_id=workshop_id,
                role=role,
                first_name=first_name or None,
            )

    def participant_responses(self, workshop_id: str) -> list[tuple[DiagnosticRecord, ResponseSet]]:
        """Every participant with their response set, loaded in four queries."""
        ids = select(diagnostics.c.id).where(diagnostics.c.workshop_id == workshop_id)
        with self._read() as conn:
            records = diagnostic_records(conn, diagnostics.c.workshop_id == workshop_id)
            parts = load_parts(conn, lambda column: column.in_(ids.scalar_subquery()))
        return [(record, response_set(record, parts.get(record.id))) for record in records]

    def workshop_revision(self, workshop_id: str) -> tuple[int, str]:
        """A value that changes whenever a participant joins or writes anything (answer, comment, importance…).

        (participants, latest `updated_at`): every write stamps its diagnostic's `updated_at`. One
        indexed aggregate, for caches of what is computed from the participants' answers.
        """
        query = select(func.count(diagnostics.c.id), func.max(diagnostics.c.updated_at))
        with self._read() as conn:
            count, latest = conn.execute(query.where(diagnostics.c.workshop_id == workshop_id)).one()
        return int(count), latest.isoformat() if latest is not None else ""

    def close_workshop(self, workshop_id: str) -> None:
        """Stop accepting participants and their answers (what they gave is kept)."""
        self._set_closed(workshop_id, True)

    def reopen_workshop(self, workshop_id: str) -> None:
        """Accept participants again."""
        self._set_closed(workshop_id, False)

    def _set_closed(self, workshop_id: str, closed: bool) -> None:
        with self._write() as conn:
            result = conn.execute(update(workshops).where(workshops.c.id == workshop_id).values(closed=closed))
            if result.rowcount == 0:
                raise WorkshopNotFound(workshop_id)

    def _find_workshop(self, condition: Any) -> WorkshopRecord | None:
        with self._read() as conn:
            row = conn.execute(select(workshops).where(condition)).first()
        return None if row is None else WorkshopRecord.from_row(row)

    @staticmethod
    def _unused_join_code(conn: Connection) -> str:
        for _ in range(100):
            code = new_join_code()
            if conn.execute(select(workshops.c.id).where(workshops.c.join_code == code)).first() is None:
                return code
        raise AssertionError("no free join code in 100 draws")  # 887 M codes: never happens


def _title(title: str) -> str:
    """The workshop title, stripped; ValueError if empty or longer than 200 characters."""
    title = title.strip()
    if not 0 < len(title) <= TITLE_LENGTH:
        raise ValueError(f"a workshop title has 1 to {TITLE_LENGTH} characters")
    return title
