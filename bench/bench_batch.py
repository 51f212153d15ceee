"""Score 35,000 response sets (one per French commune) with the batch API and one by one.

Usage: .venv/bin/python bench/bench_batch.py [--rows 35000] [--repeat 5]
Prints the median times and their ratio; BENCHMARKS.md records the figures.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scoring.batch import score_frame
from scoring.engine import score
from scoring.loader import default_catalogue
from scoring.models import ResponseSet

QUESTIONNAIRE = "ess-territoires"


def make_frame(rows: int, seed: int = 2026) -> pd.DataFrame:
    """Random but plausible answers: 80 % levels, 8 % dk, 4 % na, 8 % missing."""
    catalogue = default_catalogue()
    q = catalogue.questionnaire(QUESTIONNAIRE)
    rng = np.random.default_rng(seed)
    data: dict[str, object] = {
        "authority_type": rng.choice(["commune", "communaute_communes", "departement", "region"], rows)
    }
    for _, question in q.questions():
        draw = rng.random(rows)
        levels = rng.integers(0, question.max_level + 1, rows).astype(object)
        levels[draw < 0.08] = "dk"
        levels[(draw >= 0.08) & (draw < 0.12)] = "na"
        levels[(draw >= 0.12) & (draw < 0.20)] = None
        data[question.id] = levels
    for dim in q.dimensions:
        data[f"importance.{dim.id}"] = rng.integers(0, 4, rows)
    return pd.DataFrame(data)


def to_response_sets(frame: pd.DataFrame) -> list[ResponseSet]:
    """The same rows as ResponseSet objects, for the one-by-one path."""
    out = []
    answer_cols = [c for c in frame.columns if c != "authority_type" and not c.startswith("importance.")]
    for record in frame.to_dict("records"):
        out.append(
            ResponseSet.model_validate(
                {
                    "questionnaire": QUESTIONNAIRE,
                    "profile": {"authority_type": record["authority_type"]},
                    "answers": {
                        c: (int(record[c]) if not isinstance(record[c], str) else record[c])
                        for c in answer_cols
                        if record[c] is not None
                    },
                    "importance": {
                        c.split(".", 1)[1]: int(record[c]) for c in frame.columns if c.startswith("importance.")
                    },
                }
            )
        )
    return out


def main() -> None:
    """Run the benchmark and print a table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=35_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    catalogue = default_catalogue()
    frame = make_frame(args.rows)
    response_sets = to_response_sets(frame)
    batch_times, single_times = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        score_frame(catalogue, QUESTIONNAIRE, frame)
        batch_times.append(time.perf_counter() - start)
    for _ in range(max(1, args.repeat // 2)):
        start = time.perf_counter()
        for rs in response_sets:
            score(catalogue, rs)
        single_times.append(time.perf_counter() - start)
    batch, single = statistics.median(batch_times), statistics.median(single_times)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"rows: {args.rows}, questions: {len(catalogue.questionnaire(QUESTIONNAIRE).questions())}")
    print(f"batch (score_frame) median of {len(batch_times)}: {batch:.3f} s")
    print(f"one by one (engine.score) median of {len(single_times)}: {single:.3f} s")
    print(f"ratio one-by-one / batch: {single / batch:.1f}x")


if __name__ == "__main__":
    main()
