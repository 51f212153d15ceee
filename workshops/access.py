"""Who may open a workshop, and how wrong join codes are slowed down.

Join codes are 6 characters out of 31 (31⁶ = 887,503,681 codes, `storage.workshops`). Wrong
codes are counted in the database (so across instances and browser sessions) per client
address and for the whole server: at most `LIMITS.per_client` per address per
`LIMITS.window_s` seconds, and once `LIMITS.server_wide` wrong codes were typed in all, an
address that has typed a wrong code waits too. With 100 workshops open at once, a guesser needs
about 8.9 million tries on average: some 300 days at the server-wide rate, fewer with many
addresses, each of which gets one try per window (README, « Join codes »). A code only lets
one join as a participant.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

CODE_SPACE = 31**6


@dataclass(frozen=True)
class JoinLimits:
    """How many wrong join codes are allowed per window, per client address and in all."""

    per_client: int = 10
    server_wide: int = 200
    window_s: float = 600.0


LIMITS = JoinLimits()


class JoinFailureLog(Protocol):
    """Where wrong codes are counted (the `Store`)."""

    def record_join_failure(self, client: str, at: datetime, forget_before: datetime) -> None:
        """Count one wrong code from `client`, forget those before `forget_before`."""

    def recent_join_failures(self, client: str, since: datetime, limit: int) -> tuple[list[datetime], list[datetime]]:
        """The latest failures since `since`: the client's, everyone's."""


def password_matches(given: str, expected: str) -> bool:
    """Constant-time comparison of the facilitator password."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def _wait(failures: Sequence[datetime], now: datetime, allowed: int, window_s: float) -> float:
    """Seconds until fewer than `allowed` failures are left in the window (0 when allowed now)."""
    recent = sorted((t for t in failures if (now - t).total_seconds() < window_s), reverse=True)
    if len(recent) < allowed:
        return 0.0
    return max(0.0, window_s - (now - recent[allowed - 1]).total_seconds())


def wait_before_retry(
    mine: Sequence[datetime], everyone: Sequence[datetime], now: datetime, limits: JoinLimits = LIMITS
) -> float:
    """Seconds to wait before this client may try another code (0 when allowed): its own limit,
    and once it has typed a wrong code in the window, the server-wide one too, so that people
    who type the right code first time are never held back by someone else's guessing."""
    own = _wait(mine, now, limits.per_client, limits.window_s)
    if not any((now - t).total_seconds() < limits.window_s for t in mine):
        return own
    return max(own, _wait(everyone, now, limits.server_wide, limits.window_s))


def join_wait(log: JoinFailureLog, client: str, now: datetime, limits: JoinLimits = LIMITS) -> float:
    """Seconds before `client` may try a code, from the failures every instance recorded."""
    since = now - timedelta(seconds=limits.window_s)
    mine, everyone = log.recent_join_failures(client, since, max(limits.per_client, limits.server_wide))
    return wait_before_retry(mine, everyone, now, limits)


def record_failure(log: JoinFailureLog, client: str, now: datetime, limits: JoinLimits = LIMITS) -> None:
    """Count a wrong code from `client`; failures older than the window are forgotten."""
    log.record_join_failure(client, now, now - timedelta(seconds=limits.window_s))


def client_address(remote_ip: str | None, forwarded_for: str | None, trusted_proxies: int) -> str | None:
    """The client's address: the connection's, or with `trusted_proxies` proxies in front, the one
    the outermost trusted proxy saw (the `trusted_proxies`-th from the right in X-Forwarded-For)."""
    if trusted_proxies <= 0 or not forwarded_for:
        return remote_ip
    hops = [h.strip() for h in forwarded_for.split(",") if h.strip()]
    return hops[-trusted_proxies] if len(hops) >= trusted_proxies else (hops[0] if hops else remote_ip)


def client_key(address: str | None) -> str:
    """What failures are counted under: a hash of the IPv4 address or of the IPv6 /64 network
    (one subscriber's block), never the address itself; « local » without an address."""
    if not address:
        label = "local"
    else:
        try:
            ip = ipaddress.ip_address(address.strip())
        except ValueError:
            label = "invalid"
        else:
            label = str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)
    return hashlib.sha256(label.encode("utf-8")).hexdigest()[:32]


def expected_days_to_guess(open_workshops: int, limits: JoinLimits = LIMITS) -> float:
    """Mean days for a guesser at the server-wide rate to hit one of `open_workshops` codes."""
    tries = CODE_SPACE / max(open_workshops, 1)
    per_day = limits.server_wide * 86_400 / limits.window_s
    return tries / per_day
