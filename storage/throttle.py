"""Wrong join codes, stored so that every instance counts the same failures (see `workshops.access`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, select

from storage.database import Database
from storage.tables import join_failures

CLIENT_LENGTH = 64


class ThrottleMixin(Database):
    """Join-code failures of the `Store`."""

    def record_join_failure(self, client: str, at: datetime, forget_before: datetime) -> None:
        """Count one wrong code from `client` (a hashed address) and forget failures older than `forget_before`."""
        with self._write() as conn:
            conn.execute(delete(join_failures).where(join_failures.c.at < forget_before))
            conn.execute(insert(join_failures).values(client=client[:CLIENT_LENGTH], at=at))

    def recent_join_failures(self, client: str, since: datetime, limit: int) -> tuple[list[datetime], list[datetime]]:
        """The latest failures since `since`, at most `limit` of each: from `client`, and from everyone."""
        recent = select(join_failures.c.at).where(join_failures.c.at >= since)
        newest_first = join_failures.c.at.desc()
        with self._read() as conn:
            mine = conn.execute(
                recent.where(join_failures.c.client == client[:CLIENT_LENGTH]).order_by(newest_first).limit(limit)
            )
            mine_at = [row.at for row in mine]
            everyone_at = [row.at for row in conn.execute(recent.order_by(newest_first).limit(limit))]
        return mine_at, everyone_at
