"""The PDF's radar and priority matrix, drawn as vectors with fpdf2's primitives (no browser, no image).

Same content, colours and conventions as the plotly figures of `reports.charts` (the app's screen
and its PNG/SVG downloads): scores 0–100 on band-boundary rings, gaps where a dimension is not
evaluated, the group's min–max band, the previous diagnostic dashed; maturity against importance
with the « À prioriser » corner. Sharp at any zoom, a few milliseconds per chart, and the labels
are real text (searchable, read by `pdftotext` and screen readers).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from fpdf import FPDF

from reports.charts import BLUE, GREEN, GREY, ORANGE, Half, axis_lines, radial_ticks, tick_angle
from reports.document import FAMILY, INK
from scoring.engine import DimensionScore, Scores
from scoring.models import Bands

Point = tuple[float, float]
RGB = tuple[int, int, int]
GRID: RGB = (208, 208, 208)
OUTLINE: RGB = (144, 144, 144)
LABEL_PT = 6.6
TICK_PT = 5.4
PT_MM = 0.3528  # one typographic point in millimetres


def rgb(colour: str) -> RGB:
    """'#0072B2' -> (0, 114, 178)."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def marker(pdf: FPDF, x: float, y: float, size: float, diamond: bool) -> None:
    """A filled circle or diamond centred on (x, y), outlined in the current draw colour."""
    if diamond:
        pdf.polygon([(x, y - size), (x + size, y), (x, y + size), (x - size, y)], style="DF")
    else:
        pdf.circle(x, y, size * 0.85, style="DF")


def legend_marker(pdf: FPDF, x: float, y: float, colour: RGB, diamond: bool) -> None:
    """A legend's marker: the series' colour, white outline."""
    pdf.set_fill_color(*colour)
    pdf.set_draw_color(255, 255, 255)
    pdf.set_line_width(0.15)
    marker(pdf, x, y, 1.1, diamond)


def text_lines(pdf: FPDF, lines: Sequence[str], x: float, y: float, align: str, valign: str, size: float) -> None:
    """Text lines anchored at (x, y): align L/C/R horizontally, valign T/M/B vertically."""
    step = size * PT_MM * 1.2
    top = {"T": y + size * PT_MM * 0.8, "M": y - step * (len(lines) - 1) / 2 + size * PT_MM * 0.35}.get(
        valign, y - step * (len(lines) - 1) - size * PT_MM * 0.15
    )
    for n, line in enumerate(lines):
        width = pdf.get_string_width(line)
        left = {"L": x, "C": x - width / 2}.get(align, x - width)
        pdf.text(left, top + n * step, line)


class RadarFrame:
    """Polar coordinates of one radar: centre, radius, axis angles (clockwise from the top)."""

    def __init__(self, cx: float, cy: float, radius: float, axes: int) -> None:
        self.cx, self.cy, self.radius, self.axes = cx, cy, radius, axes

    def angle(self, i: int) -> float:
        return math.pi / 2 - 2 * math.pi * i / self.axes

    def point(self, i: int, value: float) -> Point:
        r = self.radius * max(0.0, min(value, 100.0)) / 100
        return self.cx + r * math.cos(self.angle(i)), self.cy - r * math.sin(self.angle(i))


def _series(pdf: FPDF, frame: RadarFrame, values: Sequence[float | None], colour: RGB, *, width: float,
            dash: bool = False, diamond: bool = False, fill: bool = False) -> None:  # fmt: skip
    """A radar line with gaps at missing values, its markers, and its light fill when complete."""
    points = [None if v is None else frame.point(i, v) for i, v in enumerate(values)]
    pdf.set_draw_color(*colour)
    pdf.set_fill_color(*colour)
    if fill and all(p is not None for p in points):
        with pdf.local_context(fill_opacity=0.15):
            pdf.polygon([p for p in points if p is not None], style="F")
    pdf.set_line_width(width)
    with pdf.local_context(dash_pattern={"dash": 1.2, "gap": 0.8} if dash else {"dash": 0, "gap": 0}):
        for a, b in zip(points, points[1:] + points[:1], strict=True):
            if a is not None and b is not None and len(points) > 1:
                pdf.line(*a, *b)
    pdf.set_draw_color(255, 255, 255)
    pdf.set_line_width(0.15)
    for p in points:
        if p is not None:
            marker(pdf, *p, 0.95 if not diamond else 0.8, diamond)


def _band(pdf: FPDF, frame: RadarFrame, ids: list[str], spread: dict[str, tuple[float, float]]) -> None:
    """The group's min–max band: the outer ring of highs minus the inner ring of lows."""
    axes = [i for i, d in enumerate(ids) if d in spread]
    if len(axes) < 2:
        return
    highs = [frame.point(i, spread[ids[i]][1]) for i in axes]
    lows = [frame.point(i, spread[ids[i]][0]) for i in axes]
    ring = [*highs, highs[0], lows[0], *reversed(lows[1:]), lows[0]]  # outer clockwise, inner counter-clockwise
    pdf.set_fill_color(*rgb(GREEN))
    with pdf.local_context(fill_opacity=0.22):  # opposite windings: the inner ring stays empty
        pdf.polygon(ring, style="F")


def _grid(pdf: FPDF, frame: RadarFrame, ticks: Sequence[float]) -> None:
    pdf.set_line_width(0.15)
    pdf.set_draw_color(*GRID)
    for tick in ticks:
        if 0 < tick < 100:
            pdf.circle(frame.cx, frame.cy, frame.radius * tick / 100)
    for i in range(frame.axes):
        pdf.line(frame.cx, frame.cy, *frame.point(i, 100))
    pdf.set_draw_color(*OUTLINE)
    pdf.set_line_width(0.25)
    pdf.circle(frame.cx, frame.cy, frame.radius)
    pdf.set_font(FAMILY, "", TICK_PT)
    pdf.set_text_color(*rgb(GREY))
    angle = math.radians(tick_angle(frame.axes))
    for tick in ticks:
        r = frame.radius * tick / 100
        x, y = frame.cx + r * math.cos(angle), frame.cy - r * math.sin(angle)
        text_lines(pdf, [f"{tick:.0f}"], x + 0.6, y, "L", "M", TICK_PT)


def _axis_labels(pdf: FPDF, frame: RadarFrame, dims: Sequence[DimensionScore]) -> None:
    for i, ds in enumerate(dims):
        a = frame.angle(i)
        x, y = frame.cx + (frame.radius + 2.2) * math.cos(a), frame.cy - (frame.radius + 2.2) * math.sin(a)
        align = "L" if math.cos(a) > 0.25 else "R" if math.cos(a) < -0.25 else "C"
        valign = "B" if math.sin(a) > 0.5 else "T" if math.sin(a) < -0.5 else "M"
        pdf.set_text_color(*(INK if ds.status == "evaluated" else rgb(GREY)))
        pdf.set_font(FAMILY, "", LABEL_PT)
        text_lines(pdf, axis_lines(ds), x, y, align, valign, LABEL_PT)


def _legend(pdf: FPDF, items: Sequence[tuple[str, RGB, str]], cx: float, y: float) -> None:
    """One row of legend items centred on cx: a line (« line »/« dash ») or a patch (« band »)."""
    pdf.set_font(FAMILY, "", LABEL_PT)
    pdf.set_text_color(*INK)
    widths = [7 + pdf.get_string_width(label) for label, _, _ in items]
    x = cx - (sum(widths) + 3 * (len(items) - 1)) / 2
    for (label, colour, kind), width in zip(items, widths, strict=True):
        pdf.set_draw_color(*colour)
        pdf.set_fill_color(*colour)
        if kind == "band":
            with pdf.local_context(fill_opacity=0.3):
                pdf.rect(x, y - 1.2, 5, 2.4, style="F")
        else:
            pdf.set_line_width(0.7)
            with pdf.local_context(dash_pattern={"dash": 1.0, "gap": 0.6} if kind == "dash" else {"dash": 0, "gap": 0}):
                pdf.line(x, y, x + 5, y)
        text_lines(pdf, [label], x + 6.5, y, "L", "M", LABEL_PT)
        x += width + 3


def draw_radar(pdf: FPDF, box: tuple[float, float, float, float], scores: Scores, half: Half, *,
               previous: Scores | None = None, group_range: dict[str, tuple[float, float]] | None = None,
               bands: Bands | None = None, label: str = "Ce diagnostic") -> None:  # fmt: skip
    """The radar of one half in the box (x, y, w, h) in mm; a legend below when it shows several series."""
    with pdf.local_context():  # colours, line width and font are restored afterwards
        _radar(pdf, box, scores, half, previous, group_range, bands, label)


def _radar(pdf: FPDF, box: tuple[float, float, float, float], scores: Scores, half: Half, previous: Scores | None,
           group_range: dict[str, tuple[float, float]] | None, bands: Bands | None, label: str) -> None:  # fmt: skip
    x, y, w, h = box
    dims = scores.half(half)
    ids = [ds.dimension.id for ds in dims]
    legend: list[tuple[str, RGB, str]] = [(label, rgb(BLUE), "line")]
    if group_range:
        legend.append(("Étendue du groupe (min–max)", rgb(GREEN), "band"))
    if previous is not None:
        legend.append(("Diagnostic précédent", rgb(ORANGE), "dash"))
    targets = [ds.target for ds in dims]
    if any(t is not None for t in targets):
        legend.append(("Cible", rgb(GREEN), "dash"))
    bottom = 7.0 if len(legend) > 1 else 0.0
    radius = min(w / 2 - 22, (h - bottom) / 2 - 7)
    frame = RadarFrame(x + w / 2, y + (h - bottom) / 2, radius, len(dims))
    ticks = radial_ticks(bands)
    _grid(pdf, frame, ticks)
    if group_range:
        _band(pdf, frame, ids, group_range)
    if previous is not None:
        before = {ds.dimension.id: ds.score for ds in previous.dimensions}
        _series(pdf, frame, [before.get(i) for i in ids], rgb(ORANGE), width=0.6, dash=True, diamond=True)
    if any(t is not None for t in targets):
        _series(pdf, frame, targets, rgb(GREEN), width=0.6, dash=True)
    values = [ds.score for ds in dims]
    _series(pdf, frame, values, rgb(BLUE), width=0.75, fill=True)
    _axis_labels(pdf, frame, dims)
    if len(legend) > 1:
        _legend(pdf, legend, x + w / 2, y + h - 3)
