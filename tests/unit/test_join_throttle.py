"""Wrong join codes: limited per client address and for the whole server, whatever the session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from workshops.access import (
    CODE_SPACE,
    JoinLimits,
    client_address,
    client_key,
    expected_days_to_guess,
    join_wait,
    record_failure,
    wait_before_retry,
)

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
LIMITS = JoinLimits(per_client=3, server_wide=5, window_s=600)


def ago(*seconds: float) -> list[datetime]:
    return [NOW - timedelta(seconds=s) for s in seconds]


def test_a_client_may_try_again_until_it_reaches_its_limit_in_the_window() -> None:
    assert wait_before_retry(ago(10, 20), ago(10, 20), NOW, LIMITS) == 0
    assert wait_before_retry(ago(10, 20, 100), ago(10, 20, 100), NOW, LIMITS) == pytest.approx(500)


def test_failures_older_than_the_window_no_longer_count() -> None:
    assert wait_before_retry(ago(10, 20, 600), ago(10, 20, 600), NOW, LIMITS) == 0


def test_the_server_wide_limit_holds_back_a_client_once_it_has_typed_a_wrong_code() -> None:
    assert wait_before_retry(ago(2), ago(1, 2, 3, 4, 50), NOW, LIMITS) == pytest.approx(550)
    assert wait_before_retry(ago(2), ago(1, 2, 3, 4), NOW, LIMITS) == 0


def test_someone_who_types_the_right_code_first_is_never_held_back_by_others_guessing() -> None:
    assert wait_before_retry([], ago(*range(1, 50)), NOW, LIMITS) == 0
    assert wait_before_retry(ago(700), ago(*range(1, 50)), NOW, LIMITS) == 0  # their failure has expired


class MemoryLog:
    """The failure log as the store keeps it, in memory."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, datetime]] = []

    def record_join_failure(self, client: str, at: datetime, forget_before: datetime) -> None:
        self.rows = [(c, t) for c, t in self.rows if t >= forget_before] + [(client, at)]

    def recent_join_failures(self, client: str, since: datetime, limit: int) -> tuple[list[datetime], list[datetime]]:
        recent = sorted(((c, t) for c, t in self.rows if t >= since), key=lambda r: r[1], reverse=True)
        return [t for c, t in recent if c == client][:limit], [t for _, t in recent][:limit]


def test_a_new_browser_session_from_the_same_address_is_still_held_back() -> None:
    log, address = MemoryLog(), client_key("203.0.113.7")
    for i in range(3):
        record_failure(log, address, NOW - timedelta(seconds=30 - i), LIMITS)
    assert join_wait(log, client_key("203.0.113.7"), NOW, LIMITS) > 0  # nothing about the session in the key
    assert join_wait(log, client_key("198.51.100.1"), NOW, LIMITS) == 0


def test_the_log_forgets_failures_once_they_leave_the_window() -> None:
    log = MemoryLog()
    record_failure(log, "a", NOW - timedelta(seconds=700), LIMITS)
    record_failure(log, "a", NOW, LIMITS)
    assert len(log.rows) == 1


@pytest.mark.parametrize(
    ("remote", "forwarded", "proxies", "expected"),
    [
        ("203.0.113.7", None, 0, "203.0.113.7"),
        ("203.0.113.7", "1.2.3.4", 0, "203.0.113.7"),  # a header nobody vouches for is ignored
        (None, "1.2.3.4, 198.51.100.9", 1, "198.51.100.9"),  # the client nginx saw, not what the client wrote
        (None, "198.51.100.9, 10.0.0.2", 2, "198.51.100.9"),
        ("10.0.0.1", "198.51.100.9", 2, "198.51.100.9"),
        ("10.0.0.1", "", 1, "10.0.0.1"),
    ],
)
def test_the_client_address_comes_from_x_forwarded_for_only_behind_configured_proxies(
    remote: str | None, forwarded: str | None, proxies: int, expected: str
) -> None:
    assert client_address(remote, forwarded, proxies) == expected


def test_addresses_are_counted_hashed_and_ipv6_by_64_bit_network() -> None:
    key = client_key("203.0.113.7")
    assert len(key) == 32 and "203" not in key
    assert client_key("2001:db8:1:2::1") == client_key("2001:db8:1:2:ffff::9")
    assert client_key("2001:db8:1:2::1") != client_key("2001:db8:1:3::1")
    assert client_key(None) == client_key("")
    assert client_key("not an address") != client_key(None)


def test_guessing_a_code_at_the_server_wide_rate_takes_months_with_a_hundred_workshops_open() -> None:
    assert CODE_SPACE == 887_503_681
    assert expected_days_to_guess(100) == pytest.approx(CODE_SPACE / 100 / (200 * 144))
    assert expected_days_to_guess(100) > 300
