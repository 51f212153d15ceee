"""Time the refusal of hostile answers files (issue 10): 100,000 unknown keys in 0.9 MB, and friends.

Usage: .venv/bin/python bench/bench_answers_file.py [--repeat 7]
Prints, per file, its size, the median time to read and refuse it through the import path
(`services.imports.read_answers_file`: parse, check against the catalogue) and the length of the
message shown; BENCHMARKS.md records the figures.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scoring.loader import default_catalogue
from scoring.responses import ResponseError
from services.imports import read_answers_file

HEAD = {"questionnaire": "ess-territoires", "questionnaire_version": "1.0"}


def files() -> dict[str, bytes]:
    """The hostile files, each under the 1 MB limit."""
    compact = {"separators": (",", ":")}
    return {
        "100,000 unknown keys": json.dumps({**HEAD, **{f"{i:x}": 1 for i in range(100_000)}}, **compact).encode(),
        "100,000 unknown question ids": json.dumps(
            {**HEAD, "answers": {f"{i:x}": 1 for i in range(100_000)}}, **compact
        ).encode(),
        "450,000 nested arrays": b"[" * 450_000 + b"]" * 450_000,
        "one 900,000-character answer": json.dumps({**HEAD, "answers": {"awareness_elected": "x" * 900_000}}).encode(),
    }


def main() -> None:
    """Run each file `--repeat` times and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    catalogue = default_catalogue()
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
    for name, raw in files().items():
        times, message = [], ""
        for _ in range(args.repeat):
            start = time.perf_counter()
            try:
                read_answers_file(raw, catalogue)
            except ResponseError as exc:
                message = str(exc)
            times.append(time.perf_counter() - start)
        print(
            f"{name}: {len(raw) / 1000:.0f} KB, median {statistics.median(times) * 1000:.0f} ms "
            f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}, {args.repeat} runs), "
            f"message {len(message)} characters, {message.count(chr(10)) + 1} lines"
        )


if __name__ == "__main__":
    main()
