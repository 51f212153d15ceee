"""PDF and XLSX report generation: cold (first in the process) and warm median of 5, and file sizes.

The PDF's charts are vectors drawn by fpdf2 (no browser). « Premier rapport après démarrage » runs
in a fresh Python process: importing the report modules, parsing the fonts and building the full
PDF, the catalogue being already loaded (as in the app, where every page needs it).

Run: .venv/bin/python bench/bench_reports.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reports.model import ReportInput, build_report_input, build_workshop
from reports.pdf import build_pdf
from reports.xlsx import build_xlsx
from scoring.loader import default_catalogue
from tests.samples import sample_action_plan, sample_participants, sample_responses

FIRST_REPORT = """
import sys, time
sys.path.insert(0, ".")
from tests.samples import sample_action_plan, sample_responses
from scoring.loader import default_catalogue
catalogue = default_catalogue()
full = sample_responses(catalogue, "ess-territoires")
start, cpu = time.perf_counter(), time.process_time()
from reports.model import build_report_input
from reports.pdf import build_pdf
build_pdf(build_report_input(catalogue, full, sample_action_plan(catalogue, full)))
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def first_report(runs: int = 3) -> None:
    """The first full PDF of a fresh process (imports, fonts, scores and recommendations included), median of `runs`."""
    times, cpus = [], []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", FIRST_REPORT], capture_output=True, text=True, check=True,
                              cwd=Path(__file__).resolve().parents[1])  # fmt: skip
        wall, cpu = done.stdout.strip().splitlines()[-1].split()
        times.append(float(wall))
        cpus.append(float(cpu))
    print(f"Premier rapport après démarrage (processus neuf) : médiane de {runs} {statistics.median(times) * 1000:.0f} ms "
          f"({', '.join(f'{t * 1000:.0f}' for t in times)}), temps CPU {statistics.median(cpus) * 1000:.0f} ms")  # fmt: skip


def measure(label: str, build: Callable[[], bytes], runs: int = 5) -> None:
    """Print the first call, the median of `runs` more, and the size."""
    start = time.perf_counter()
    data = build()
    cold = time.perf_counter() - start
    warm, cpu = [], []
    for _ in range(runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        data = build()
        warm.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    print(
        f"{label} : premier appel {cold * 1000:.0f} ms, à chaud médiane de {runs} "
        f"{statistics.median(warm) * 1000:.0f} ms (temps CPU {statistics.median(cpu) * 1000:.0f} ms), "
        f"{len(data) / 1024:.0f} Ko"
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
    print(f"charge de la machine (load average 1 min) : {os.getloadavg()[0]:.1f} sur {os.cpu_count()} cœurs")
    start = time.perf_counter()
    full, express, workshop = reports()
    print(f"préparation (catalogue, scores, recommandations, atelier) : {(time.perf_counter() - start) * 1000:.0f} ms")
    measure("PDF complet (59 questions, 3 graphiques)", lambda: build_pdf(full), runs=9)
    measure("PDF express", lambda: build_pdf(express))
    measure("PDF d’atelier (20 participants)", lambda: build_pdf(workshop))
    measure("XLSX complet", lambda: build_xlsx(full))
    measure("XLSX d’atelier (20 participants)", lambda: build_xlsx(workshop))
    first_report()


if __name__ == "__main__":
    main()
