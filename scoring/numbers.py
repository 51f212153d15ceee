"""Exact comparisons: one normalisation for banding, thresholds and the numbers people see.

Scores are means of fractions computed in floating point, so a score that is exactly 40 in
arithmetic may come out as 39.99999999999999. Every comparison with a threshold and every
displayed number goes through `exact`, which rounds away that noise (far below any difference
a questionnaire can produce), so that an index exactly on a boundary gets the higher band and
the number shown is the number the band was chosen from.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

DECIMALS = 6


def exact(value: float) -> float:
    """The value with floating-point noise removed (rounded to `DECIMALS` decimals)."""
    return round(value, DECIMALS) + 0.0


def rung(value: float, thresholds: Sequence[float]) -> int:
    """Index of the last threshold reached by `value` (thresholds increasing, a boundary goes up)."""
    normalised = exact(value)
    chosen = 0
    for i, threshold in enumerate(thresholds):
        if normalised >= exact(threshold):
            chosen = i
    return chosen


def shown_score(value: float) -> int:
    """The whole number shown to people: rounded down, so it never shows a boundary not reached."""
    return math.floor(exact(value))
