"""Comparable authorities: the median score of other diagnostics of the same type, never named."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from scoring.compare import dimension_scores, peer_median
from scoring.engine import score
from scoring.loader import Catalogue
from storage import DiagnosticRecord, Store

log = logging.getLogger("autodiag")

PeerScores = dict[str, tuple[str | None, dict[str, float | None]]]
"""Per diagnostic id: the diagnostic it was redone from, and its dimension scores."""


@dataclass(frozen=True)
class Peers:
    """The peers' median per dimension and how many peers it covers."""

    median: dict[str, float]
    count: int


def peer_scores(store: Store, catalogue: Catalogue, authority_type: str) -> PeerScores:
    """Every diagnostic of this authority type (workshop participants excluded), scored."""
    out: PeerScores = {}
    for rec, responses in store.diagnostics_with_responses(authority_type):
        try:
            scores = score(catalogue, responses)
        except (ValueError, KeyError):  # an old or foreign questionnaire: not comparable
            log.info("peer %s skipped: not scorable", rec.id)
            continue
        out[rec.id] = (rec.previous_id, dimension_scores(scores))
    return out


def own_chain(rec: DiagnosticRecord, others: Mapping[str, tuple[str | None, object]]) -> set[str]:
    """This diagnostic, the ones it was redone from and the ones redone from it: the same authority."""
    chain = {rec.id}
    previous = rec.previous_id
    while previous and previous not in chain:
        chain.add(previous)
        previous = others[previous][0] if previous in others else None
    grew = True
    while grew:
        grew = False
        for diag_id, (prev, _) in others.items():
            if prev in chain and diag_id not in chain:
                chain.add(diag_id)
                grew = True
    return chain


def peers_of(rec: DiagnosticRecord, others: PeerScores) -> Peers | None:
    """The median of the other authorities' diagnostics (never this authority's own), if there are enough."""
    mine = own_chain(rec, others)
    chosen = [dims for diag_id, (_, dims) in others.items() if diag_id not in mine]
    median = peer_median(chosen)
    if not median:
        return None
    return Peers(median, sum(any(v is not None for v in dims.values()) for dims in chosen))
