"""Results computed once per change of a workshop's data, shared by every facilitator screen of the process.

    revision = store.workshop_revision(workshop.id)        # cheap: one indexed aggregate
    people = LIVE.get((workshop.id, "participants"), revision, lambda: participants(workshop.id))

A result is kept with the revision it was computed for and reused while the revision is the
same (the projector and the facilitator's laptop refresh every 5 seconds: one computation per
change of the data, not per screen and per refresh). When two screens ask at once, one computes
and the other waits for its result. Entries also expire after `MAX_AGE_S`, so a revision that
missed a change (two writes stamped with the same instant by two machines' clocks) heals itself.
Results are shared between sessions: callers must not mutate them. No Streamlit here.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")
MAX_AGE_S = 30.0
MAX_ENTRIES = 256


@dataclass
class _Entry:
    revision: Hashable
    value: Any
    computed_at: float


class RevisionCache:
    """A bounded, thread-safe map key -> (revision, value), one computation per key at a time."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_age_s: float = MAX_AGE_S) -> None:
        self.max_entries = max_entries
        self.max_age_s = max_age_s
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._lock = threading.Lock()
        self._key_locks: dict[Hashable, threading.Lock] = {}
        self.computations = 0

    def _fresh(self, key: Hashable, revision: Hashable) -> _Entry | None:
        entry = self._entries.get(key)
        if entry is None or entry.revision != revision or time.monotonic() - entry.computed_at > self.max_age_s:
            return None
        self._entries.move_to_end(key)
        return entry

    def get(self, key: Hashable, revision: Hashable, compute: Callable[[], T]) -> T:
        """The value for `key` at `revision`: cached, or computed now (once, whoever else asks)."""
        with self._lock:
            entry = self._fresh(key, revision)
            if entry is not None:
                return entry.value  # type: ignore[no-any-return]
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:  # a second screen asking meanwhile waits here, then finds the result
            with self._lock:
                entry = self._fresh(key, revision)
                if entry is not None:
                    return entry.value  # type: ignore[no-any-return]
            value = compute()
            with self._lock:
                self.computations += 1
                self._entries[key] = _Entry(revision, value, time.monotonic())
                self._entries.move_to_end(key)
                while len(self._entries) > self.max_entries:
                    evicted, _ = self._entries.popitem(last=False)
                    self._key_locks.pop(evicted, None)
            return value

    def clear(self) -> None:
        """Forget everything (tests, or to free memory)."""
        with self._lock:
            self._entries.clear()
            self._key_locks.clear()


LIVE = RevisionCache()
"""The process-wide cache of the live dashboard's figures."""
