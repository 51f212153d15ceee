"""PDF and XLSX report generation: cold (first in the process) and warm median of 5, and file sizes.

Run: .venv/bin/python bench/bench_reports.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reports import pdf
from reports.images import ExportUnavailable, clear_cache, shutdown_browser
from reports.model import ReportInput, build_report_input, build_workshop
from reports.pdf import build_pdf
from reports.xlsx import build_xlsx
from scoring.loader import default_catalogue
from tests.samples import sample_action_plan, sample_participants, sample_responses


def measure(label: str, build: Callable[[], bytes], runs: int = 5, cached: bool = False) -> None:
    """Print the first call, the median of `runs` more (charts re-rendered unless `cached`), and the size."""
    start = time.perf_counter()
    data = build()
    cold = time.perf_counter() - start
    warm = []
    for _ in range(runs):
        if not cached:
            clear_cache()
        start = time.perf_counter()
        data = build()
        warm.append(time.perf_counter() - start)
    print(
        f"{label} : premier appel {cold * 1000:.0f} ms, à chaud médiane de {runs} "
        f"{statistics.median(warm) * 1000:.0f} ms, {len(data) / 1024:.0f} Ko"
    )


def reports() -> tuple[ReportInput, ReportInput, ReportInput]:
    """A diagnostic of the full questionnaire, one of the express one, and a 20-person workshop."""
    catalogue = default_catalogue()
    full = sample_responses(catalogue, "ess-territoires")
    express = sample_responses(catalogue, "ess-territoires-express")
    people, roles = sample_participants(catalogue, "ess-territoires", count=20)
    workshop = build_workshop(catalogue, "ess-territoires", people, roles, consolidated=full)
    return (
        build_report_input(catalogue, full, sample_action_plan(catalogue, full)),
        build_report_input(catalogue, express, sample_action_plan(catalogue, express)),
        build_report_input(catalogue, full, sample_action_plan(catalogue, full), workshop=workshop),
    )


def main() -> None:
    start = time.perf_counter()
    full, express, workshop = reports()
    print(f"préparation (catalogue, scores, recommandations, atelier) : {(time.perf_counter() - start) * 1000:.0f} ms")
    measure("PDF complet (59 questions, 3 graphiques)", lambda: build_pdf(full))
    measure("PDF complet, graphiques en cache (même rapport redemandé)", lambda: build_pdf(full), cached=True)
    measure("PDF express", lambda: build_pdf(express))
    measure("PDF d’atelier (20 participants)", lambda: build_pdf(workshop))
    measure("XLSX complet", lambda: build_xlsx(full))
    measure("XLSX d’atelier (20 participants)", lambda: build_xlsx(workshop))

    def no_browser(*_: object, **__: object) -> bytes:
        raise ExportUnavailable("banc d’essai")

    real = pdf.figure_png
    pdf.figure_png = no_browser  # type: ignore[assignment]
    measure("PDF complet sans graphiques (mise en page seule)", lambda: build_pdf(full))
    pdf.figure_png = real  # type: ignore[assignment]
    shutdown_browser()


if __name__ == "__main__":
    main()
