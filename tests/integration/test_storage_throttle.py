"""Wrong join codes in the database: shared by every instance, forgotten after the window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage import Store
from workshops.access import JoinLimits, join_wait, record_failure

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
LIMITS = JoinLimits(per_client=3, server_wide=4, window_s=600)


def test_failures_recorded_by_one_instance_hold_back_the_client_on_another(database_url: str) -> None:
    first, second = Store(database_url), Store(database_url)
    try:
        for i in range(3):
            record_failure(first, "client-a", NOW - timedelta(seconds=60 - i), LIMITS)
        assert join_wait(second, "client-a", NOW, LIMITS) > 0
        assert join_wait(second, "client-b", NOW, LIMITS) == 0
        record_failure(second, "client-c", NOW, LIMITS)  # the fourth failure on the server
        assert join_wait(first, "client-b", NOW, LIMITS) == 0  # no wrong code of its own yet
        record_failure(second, "client-b", NOW, LIMITS)
        assert join_wait(first, "client-b", NOW, LIMITS) > 0  # now held back by the server-wide limit
    finally:
        first.dispose()
        second.dispose()


def test_recent_failures_come_newest_first_and_old_ones_are_deleted(database_url: str) -> None:
    store = Store(database_url)
    try:
        store.record_join_failure("a", NOW - timedelta(hours=2), NOW - timedelta(hours=3))
        store.record_join_failure("a", NOW - timedelta(seconds=5), NOW - timedelta(hours=1))
        store.record_join_failure("b", NOW, NOW - timedelta(hours=1))
        mine, everyone = store.recent_join_failures("a", NOW - timedelta(days=1), 10)
        assert mine == [NOW - timedelta(seconds=5)]  # the two-hour-old failure was forgotten
        assert everyone == [NOW, NOW - timedelta(seconds=5)]
    finally:
        store.dispose()
