"""Static chart export through Debian chromium: real PNG/SVG files, one warm browser, clear failures."""

from __future__ import annotations

import os
import signal
import struct
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reports import images
from reports.charts import priority_matrix_figure, radar_figure
from reports.images import ExportUnavailable, browser_pid, browser_starts, figure_png, figure_svg
from scoring.engine import Scores, score
from scoring.loader import default_catalogue
from tests.samples import sample_responses

REPO = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def scores() -> Scores:
    """Scores of the real questionnaire, with one dimension left unanswered."""
    catalogue = default_catalogue()
    return score(catalogue, sample_responses(catalogue, "ess-territoires"))


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG header (signature, then the IHDR chunk)."""
    assert data[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_radar_png_has_the_requested_size_times_the_scale(scores: Scores) -> None:
    data = figure_png(radar_figure(scores, "resource"), width=900, height=700, scale=2)
    assert png_size(data) == (1800, 1400)
    assert len(data) > 20_000


def test_png_opens_with_pillow_and_is_not_blank(scores: Scores) -> None:
    pil = pytest.importorskip("PIL.Image")
    import io

    image = pil.open(io.BytesIO(figure_png(priority_matrix_figure(scores), width=600, height=400, scale=1)))
    assert image.size == (600, 400)
    colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50


def test_svg_export_is_xml_with_the_french_labels(scores: Scores) -> None:
    data = figure_svg(radar_figure(scores, "motivation"))
    root = ET.fromstring(data)
    assert root.tag.endswith("svg")
    text = data.decode("utf-8")
    assert "Critères de motivation" in text
    assert "(non évalué)" in text


def test_the_browser_stays_warm_between_exports(scores: Scores) -> None:
    figure_png(radar_figure(scores, "motivation"), scale=1)
    before = browser_starts()
    for half in ("motivation", "resource", "motivation"):
        images.clear_cache()
        figure_png(radar_figure(scores, half), scale=1)
    assert browser_starts() == before


def test_the_same_figure_is_rendered_once_then_served_from_the_cache(
    scores: Scores, monkeypatch: pytest.MonkeyPatch
) -> None:
    images.clear_cache()
    calls: list[dict[str, object]] = []
    real = images._BROWSER.render

    def counting(spec: dict[str, object], opts: dict[str, object]) -> bytes:
        calls.append(opts)
        return real(spec, opts)

    monkeypatch.setattr(images._BROWSER, "render", counting)
    first = figure_png(radar_figure(scores, "motivation"), scale=1)
    again = figure_png(radar_figure(scores, "motivation"), scale=1)
    other = figure_png(radar_figure(scores, "motivation"), scale=2)
    assert first == again and other != first
    assert len(calls) == 2


def test_the_browser_is_restarted_after_a_number_of_images(scores: Scores, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(images, "RESTART_AFTER", 2)
    figure_png(radar_figure(scores, "motivation"), scale=1)
    before = browser_starts()
    for _ in range(4):
        images.clear_cache()
        figure_png(radar_figure(scores, "resource"), scale=1)
    assert browser_starts() >= before + 1


def test_export_recovers_when_the_browser_died(scores: Scores) -> None:
    figure_png(radar_figure(scores, "motivation"), scale=1)
    pid = browser_pid()
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    images.clear_cache()
    data = figure_png(radar_figure(scores, "resource"), scale=1)
    assert png_size(data) == (900, 700)
    assert browser_pid() != pid


def test_concurrent_exports_from_several_threads_all_succeed(scores: Scores) -> None:
    results: list[bytes] = []
    errors: list[BaseException] = []

    def work(half: str) -> None:
        try:
            results.append(figure_png(radar_figure(scores, half), width=400, height=300, scale=1))  # type: ignore[arg-type]
        except BaseException as exc:
            errors.append(exc)

    images.clear_cache()
    threads = [threading.Thread(target=work, args=(h,)) for h in ("motivation", "resource") * 3]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    assert [png_size(r) for r in results] == [(400, 300)] * 6


def test_without_chrome_export_fails_fast_in_french_and_the_pdf_still_has_its_charts(tmp_path: Path) -> None:
    script = """
import sys
from reports.images import ExportUnavailable, figure_png
from reports.charts import radar_figure
from reports.model import build_report_input
from reports.pdf import build_pdf
from tests.samples import sample_responses
from scoring.engine import score
from scoring.loader import default_catalogue
catalogue = default_catalogue()
answers = sample_responses(catalogue, "ess-territoires")
try:
    figure_png(radar_figure(score(catalogue, answers), "resource"))
except ExportUnavailable as exc:
    print("UNAVAILABLE", exc)
open(sys.argv[1], "wb").write(build_pdf(build_report_input(catalogue, answers)))
"""
    out = tmp_path / "sans-chrome.pdf"
    env = {**os.environ, "BROWSER_PATH": "/nonexistent/chromium", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", script, str(out)], env=env, cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "UNAVAILABLE" in done.stdout
    assert "chromium" in done.stdout and "BROWSER_PATH" in done.stdout and "Installez" in done.stdout
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Graphiques non disponibles" not in text
    assert "Commande publique" in text and "À prioriser" in text  # the PDF draws its charts without a browser


def test_export_unavailable_is_a_runtime_error() -> None:
    assert issubclass(ExportUnavailable, RuntimeError)


def test_the_export_browser_can_be_started_ahead_of_the_first_download() -> None:
    from reports.images import browser_pid, warm_up_in_background

    warm_up_in_background().join(60)
    assert browser_pid() is not None
