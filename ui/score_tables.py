"""Data tables shown beside the charts (accessibility) and in the results page."""

from __future__ import annotations

import pandas as pd

from scoring.engine import STATUS_LABELS, DimensionScore, Scores
from scoring.french import number, score_text


def _band(ds: DimensionScore) -> str:
    return ds.band.label if ds.band else STATUS_LABELS[ds.status]


def target_text(ds: DimensionScore) -> str:
    """« 60/100 », or « – » when no target is set (100 is then aimed at)."""
    return "–" if ds.target is None else f"{score_text(ds.target)}/100"


def radar_table(scores: Scores, half: str) -> pd.DataFrame:
    """The numbers a radar draws: one row per dimension of a half."""
    rows = [
        {
            "Dimension": ds.dimension.short_title,
            "Score sur 100": score_text(ds.score),
            "Palier": _band(ds),
            "Cible": target_text(ds),
        }
        for ds in scores.half(half)
    ]
    return pd.DataFrame(rows)


def dimensions_table(scores: Scores) -> pd.DataFrame:
    """Every dimension: score, band, priority, target, importance, coverage, share of 'je ne sais pas'.

    The columns a reader needs first come first: on a phone the table scrolls sideways.
    """
    rows = []
    for ds in scores.dimensions:
        rows.append(
            {
                "Dimension": ds.dimension.title,
                "Score": score_text(ds.score),
                "Palier": _band(ds),
                "Priorité": number(ds.priority),
                "Cible": target_text(ds),
                "Importance": "–" if ds.importance is None else f"{ds.importance}/3",
                "Couverture": number(ds.coverage, unit="%"),
                "Je ne sais pas": number(ds.dk_share, unit="%"),
                "Moitié": "Motivation" if ds.dimension.half == "motivation" else "Ressource",
            }
        )
    return pd.DataFrame(rows)
