"""Who may open a workshop, and how wrong join codes are slowed down.

Join codes are 6 characters out of 31 (887 million codes, `storage.workshops`): with a few
hundred workshops open, a random guess succeeds about once in millions of tries. On top
of that, one browser session may try at most `MAX_FAILURES` wrong codes per `WINDOW_S`
seconds, so that nobody tries codes by hand in a loop; a script opening new sessions is
still held back by the code space, and a code only lets one join as a participant.
"""

from __future__ import annotations

import hmac
from collections.abc import Sequence

MAX_FAILURES = 10
WINDOW_S = 600.0


def password_matches(given: str, expected: str) -> bool:
    """Constant-time comparison of the facilitator password."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def recent_failures(failures: Sequence[float], now: float, window_s: float = WINDOW_S) -> list[float]:
    """The failure times still inside the window."""
    return [t for t in failures if now - t < window_s]


def wait_before_retry(
    failures: Sequence[float], now: float, max_failures: int = MAX_FAILURES, window_s: float = WINDOW_S
) -> float:
    """Seconds to wait before another code may be tried (0 when allowed)."""
    recent = sorted(recent_failures(failures, now, window_s))
    if len(recent) < max_failures:
        return 0.0
    return max(0.0, recent[-max_failures] + window_s - now)
