"""Comparisons of a diagnostic with its previous edition and with peer authorities."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scoring.engine import Scores
from scoring.models import Dimension

MIN_PEERS = 5
"""Fewest peer diagnostics behind a median: fewer could let one authority be recognised."""


@dataclass(frozen=True)
class DimensionChange:
    """A dimension's score before (previous diagnostic) and now."""

    dimension: Dimension
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        """After − before, None if either is not evaluated."""
        return None if self.before is None or self.after is None else self.after - self.before


def dimension_changes(current: Scores, previous: Scores) -> list[DimensionChange]:
    """One change per dimension of the current questionnaire, in its order."""
    before = {ds.dimension.id: ds.score for ds in previous.dimensions}
    return [DimensionChange(ds.dimension, before.get(ds.dimension.id), ds.score) for ds in current.dimensions]


def dimension_scores(scores: Scores) -> dict[str, float | None]:
    """Each dimension's score (None when not evaluated): what a peer contributes."""
    return {ds.dimension.id: ds.score for ds in scores.dimensions}


def peer_median(peers: Sequence[Mapping[str, float | None]], min_count: int = MIN_PEERS) -> dict[str, float] | None:
    """Per dimension, the median score of the peers; None unless `min_count` peers have a score.

    Each peer is given as its dimension scores (`dimension_scores`). A dimension gets a
    median only when at least `min_count` peers scored it.
    """
    scored = [p for p in peers if any(v is not None for v in p.values())]
    if len(scored) < min_count:
        return None
    values: dict[str, list[float]] = {}
    for peer in scored:
        for dim_id, value in peer.items():
            if value is not None:
                values.setdefault(dim_id, []).append(value)
    return {dim_id: statistics.median(v) for dim_id, v in values.items() if len(v) >= min_count}
