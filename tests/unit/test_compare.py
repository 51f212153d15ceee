"""Progress over time and peer comparison."""

from __future__ import annotations

import pytest

from scoring.compare import MIN_PEERS, dimension_changes, dimension_scores, peer_median
from scoring.engine import score
from scoring.loader import Catalogue
from tests.unit.conftest import responses


def test_the_change_per_dimension_is_now_minus_before(mini: Catalogue) -> None:
    before = score(mini, responses({"a_a": 1, "a_b": 1, "o_a": 2}))
    after = score(mini, responses({"a_a": 3, "a_b": 3, "m_a": 4}))
    changes = {c.dimension.id: c for c in dimension_changes(after, before)}
    assert changes["achats"].delta == pytest.approx(50.0)
    assert changes["observation"].after is None and changes["observation"].delta is None
    assert changes["motiv"].before is None and changes["motiv"].after == pytest.approx(100.0)


def test_the_peer_median_needs_five_peers_and_five_scores_per_dimension(mini: Catalogue) -> None:
    peers = [dimension_scores(score(mini, responses({"a_a": level, "a_b": level}))) for level in (0, 1, 2, 3)]
    assert peer_median(peers) is None
    peers.append(dimension_scores(score(mini, responses({"a_a": 4, "a_b": 4, "o_a": 4}))))
    median = peer_median(peers)
    assert median == {"achats": pytest.approx(50.0)}  # observation has 1 score only: no median
    assert MIN_PEERS == 5


def test_peers_without_any_score_do_not_count(mini: Catalogue) -> None:
    empty = [dimension_scores(score(mini, responses({}))) for _ in range(10)]
    assert peer_median(empty) is None
