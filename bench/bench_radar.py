"""Radar PNG export through the warm kaleido browser: cold (browser start) and warm times, browser memory.

Run: .venv/bin/python bench/bench_radar.py [--images 200]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reports import images
from reports.charts import radar_figure
from reports.images import browser_pid, figure_png, figure_svg
from scoring.engine import score
from scoring.loader import default_catalogue
from tests.samples import sample_responses


def pss_mib(pid: int | None) -> float:
    """Proportional memory (shared pages split between processes) of a process tree, in MiB."""
    if pid is None:
        return 0.0
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        found = subprocess.run(["pgrep", "-P", str(current)], capture_output=True, text=True).stdout.split()
        todo += [int(p) for p in found]
    total = 0
    for p in pids:
        try:
            status = Path(f"/proc/{p}/smaps_rollup").read_text()
        except OSError:
            continue
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("Pss:")), 0)
    return total / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--images", type=int, default=200, help="images for the memory measurement")
    args = parser.parse_args()
    catalogue = default_catalogue()
    scores = score(catalogue, sample_responses(catalogue, "ess-territoires"))
    fig = radar_figure(scores, "resource", bands=catalogue.bands)

    start = time.perf_counter()
    first = figure_png(fig)
    cold = time.perf_counter() - start
    warm = []
    for _ in range(10):
        images.clear_cache()  # measure rendering, not the cache of recent images
        start = time.perf_counter()
        figure_png(fig)
        warm.append(time.perf_counter() - start)
    svg = []
    for _ in range(5):
        images.clear_cache()
        start = time.perf_counter()
        svg_bytes = figure_svg(fig)
        svg.append(time.perf_counter() - start)
    print(
        f"radar PNG 900×700 ×2 : premier appel (démarrage du navigateur) {cold * 1000:.0f} ms, "
        f"à chaud médiane de 10 {statistics.median(warm) * 1000:.0f} ms "
        f"(min {min(warm) * 1000:.0f}, max {max(warm) * 1000:.0f}), {len(first) / 1024:.0f} Ko"
    )
    figure_png(fig)
    start = time.perf_counter()
    figure_png(fig)
    print(f"radar PNG déjà rendu (cache des images récentes) : {(time.perf_counter() - start) * 1000:.1f} ms")
    print(f"radar SVG : à chaud médiane de 5 {statistics.median(svg) * 1000:.0f} ms, {len(svg_bytes) / 1024:.0f} Ko")

    small = []
    for _ in range(10):
        images.clear_cache()
        start = time.perf_counter()
        figure_png(fig, width=640, height=520, scale=1)
        small.append(time.perf_counter() - start)
    print(f"radar PNG 640×520 ×1 : à chaud médiane de 10 {statistics.median(small) * 1000:.0f} ms")

    images.RESTART_AFTER = 10**9  # measure growth without the periodic restart
    before = pss_mib(browser_pid())
    start = time.perf_counter()
    for _ in range(args.images):
        images.clear_cache()
        figure_png(fig, scale=1)
    elapsed = time.perf_counter() - start
    after = pss_mib(browser_pid())
    print(
        f"mémoire du navigateur : {before:.0f} Mio avant, {after:.0f} Mio après {args.images} images "
        f"({elapsed / args.images * 1000:.0f} ms par image)"
    )
    images.shutdown_browser()


if __name__ == "__main__":
    main()
