"""The live dashboard's shared cache: one computation per change of a workshop's data."""

from __future__ import annotations

import threading
import time

import pytest

from workshops.live_cache import RevisionCache


def test_a_result_is_computed_once_per_revision_and_again_when_the_revision_changes() -> None:
    cache = RevisionCache()
    calls: list[int] = []

    def compute(value: int) -> int:
        calls.append(value)
        return value * 10

    assert cache.get(("w1", "stats"), (3, "t1"), lambda: compute(1)) == 10
    assert cache.get(("w1", "stats"), (3, "t1"), lambda: compute(2)) == 10  # a second screen, same data
    assert cache.get(("w1", "stats"), (4, "t2"), lambda: compute(3)) == 30  # someone answered
    assert cache.get(("w2", "stats"), (4, "t2"), lambda: compute(4)) == 40  # another workshop, its own entry
    assert calls == [1, 3, 4]


def test_two_screens_refreshing_at_the_same_moment_share_one_computation() -> None:
    cache = RevisionCache()
    started = threading.Event()
    calls: list[str] = []
    results: list[str] = []

    def slow() -> str:
        calls.append("computed")
        started.set()
        time.sleep(0.2)
        return "view"

    def screen() -> None:
        results.append(cache.get(("w", "view"), 1, slow))

    first = threading.Thread(target=screen)
    first.start()
    started.wait(5)
    second = threading.Thread(target=screen)
    second.start()
    first.join(5)
    second.join(5)
    assert results == ["view", "view"] and calls == ["computed"]


def test_an_entry_expires_after_its_maximum_age_even_at_the_same_revision() -> None:
    cache = RevisionCache(max_age_s=0.05)
    values = iter([1, 2])
    assert cache.get("k", 1, lambda: next(values)) == 1
    time.sleep(0.1)
    assert cache.get("k", 1, lambda: next(values)) == 2


def test_the_cache_keeps_a_bounded_number_of_entries_dropping_the_least_recently_used() -> None:
    cache = RevisionCache(max_entries=2)
    for key in ("a", "b"):
        cache.get(key, 1, lambda key=key: key)
    cache.get("a", 1, lambda: "recomputed a")  # a used again: b is now the oldest
    cache.get("c", 1, lambda: "c")
    assert cache.get("a", 1, lambda: "recomputed a") == "a"
    assert cache.get("b", 1, lambda: "recomputed b") == "recomputed b"


def test_a_failed_computation_is_not_cached() -> None:
    cache = RevisionCache()

    def broken() -> int:
        raise RuntimeError("database down")

    with pytest.raises(RuntimeError):
        cache.get("k", 1, broken)
    assert cache.get("k", 1, lambda: 7) == 7
