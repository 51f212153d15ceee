"""Vectorised scoring of many response sets at once (regional benchmarks, 35,000 communes).

Input: one row per response set; one column per question id holding a level, "dk",
"na" or nothing (NaN/None); optional `authority_type`, `importance.<dimension>` and
`target.<dimension>` (a score or a band id) columns. Output: one row per input row with, per dimension, `<id>.score`,
`<id>.coverage`, `<id>.dk_share`, `<id>.priority`, `<id>.status`, `<id>.band`, and the
`motivation_index`, `resource_index`, `global_index` with their bands. Same rules as
`engine.score`, which the tests compare it with.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.engine import applies
from scoring.loader import Catalogue
from scoring.models import Questionnaire
from scoring.numbers import DECIMALS
from scoring.targets import DEFAULT_TARGET, target_score

NA_CODE, DK_CODE = -1.0, -2.0


def _codes(column: pd.Series) -> np.ndarray:
    """Levels as floats, na → -1, dk → -2, missing → NaN."""
    if pd.api.types.is_numeric_dtype(column.dtype):
        return np.asarray(column.to_numpy(dtype=float, na_value=np.nan), dtype=float)
    text = column.astype(object)
    numeric = np.array(pd.to_numeric(text.where(~text.isin(["dk", "na"])), errors="coerce"), dtype=float)
    numeric[(text == "na").to_numpy()] = NA_CODE
    numeric[(text == "dk").to_numpy()] = DK_CODE
    return numeric


def _bands(values: np.ndarray, catalogue: Catalogue) -> np.ndarray:
    """Band labels for scores (None where NaN); boundaries go to the higher band."""
    mins = np.array([b.min for b in catalogue.bands.bands])
    labels = np.array([b.label for b in catalogue.bands.bands] + [None], dtype=object)
    idx = np.searchsorted(mins, np.round(np.nan_to_num(values, nan=0.0), DECIMALS), side="right") - 1
    idx = np.where(np.isnan(values), len(mins), idx)
    return labels[idx]


def _targets(frame: pd.DataFrame, column: str, catalogue: Catalogue) -> np.ndarray:
    """Target scores of a `target.<dimension>` column (band ids as their lower bound), 100 where unset."""
    if column not in frame:
        return np.full(len(frame), DEFAULT_TARGET)
    values = [DEFAULT_TARGET if pd.isna(v) else target_score(v, catalogue.bands) for v in frame[column]]
    return np.array(values, dtype=float)


def _applicability(questionnaire: Questionnaire, catalogue: Catalogue, types: np.ndarray) -> dict[str, np.ndarray]:
    """Per question, a boolean per row: is it asked of that row's authority type."""
    out = {}
    unique = pd.unique(types)
    for _, q in questionnaire.questions():
        if q.audience is None:
            continue
        allowed = {t for t in unique if applies(q, None if pd.isna(t) else str(t), catalogue.territories)}
        out[q.id] = np.isin(types, list(allowed)) if allowed else np.zeros(len(types), dtype=bool)
    return out


def score_frame(catalogue: Catalogue, questionnaire_id: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Score every row of `frame` (see the module docstring for the columns)."""
    questionnaire = catalogue.questionnaire(questionnaire_id)
    n = len(frame)
    types = (
        frame["authority_type"].to_numpy(dtype=object) if "authority_type" in frame else np.full(n, None, dtype=object)
    )
    applicable = _applicability(questionnaire, catalogue, types)
    out: dict[str, np.ndarray] = {}
    halves: dict[str, list[tuple[np.ndarray, float]]] = {"motivation": [], "resource": []}
    default_importance = float(catalogue.rules.default_importance)
    for dim in questionnaire.dimensions:
        num = np.zeros(n)
        den = np.zeros(n)
        not_na = np.zeros(n)
        dk = np.zeros(n)
        for q in dim.questions:
            values = _codes(frame[q.id]) if q.id in frame else np.full(n, np.nan)
            asked = applicable.get(q.id, np.ones(n, dtype=bool))
            level = asked & (values >= 0)
            num += np.where(level, values / q.max_level * q.weight, 0.0)
            den += np.where(level, q.weight, 0.0)
            not_na += np.where(asked & (values != NA_CODE), q.weight, 0.0)
            dk += np.where(asked & (values == DK_CODE), q.weight, 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            score = np.where(den > 0, 100.0 * num / den, np.nan)
            coverage = np.where(not_na > 0, 100.0 * den / not_na, np.nan)
            dk_share = np.where(not_na > 0, 100.0 * dk / not_na, np.nan)
        col = f"importance.{dim.id}"
        importance = frame[col].to_numpy(dtype=float, na_value=np.nan) if col in frame else np.full(n, np.nan)
        importance = np.where(np.isnan(importance), default_importance, importance)
        out[f"{dim.id}.score"] = score
        out[f"{dim.id}.coverage"] = coverage
        out[f"{dim.id}.dk_share"] = dk_share
        target = _targets(frame, f"target.{dim.id}", catalogue)
        out[f"{dim.id}.priority"] = importance / 3.0 * np.maximum(0.0, target - score)
        out[f"{dim.id}.status"] = np.where(den > 0, "evaluated", np.where(not_na > 0, "not_evaluated", "not_concerned"))
        out[f"{dim.id}.band"] = _bands(score, catalogue)
        halves[dim.half].append((score, dim.weight))
    for name, pairs in (
        ("motivation_index", halves["motivation"]),
        ("resource_index", halves["resource"]),
        ("global_index", halves["motivation"] + halves["resource"]),
    ):
        values = np.array([s for s, _ in pairs])
        weights = np.array([w for _, w in pairs])[:, None] * ~np.isnan(values)
        with np.errstate(invalid="ignore", divide="ignore"):
            index = np.where(weights.sum(0) > 0, (np.nan_to_num(values) * weights).sum(0) / weights.sum(0), np.nan)
        out[name] = index
        out[name.replace("_index", "_band")] = _bands(index, catalogue)
    return pd.DataFrame(out, index=frame.index)
