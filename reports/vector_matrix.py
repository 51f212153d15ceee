"""The PDF's priority matrix (maturity against importance), drawn as vectors with fpdf2's primitives.

The same chart as `reports.charts.priority_matrix_figure`: one point per evaluated dimension
(circles for motivations, diamonds for resources), the « À prioriser » corner shaded, labels
each point at its true importance, coincident dimensions labelled once, labels placed where they
overlap nothing (`reports.matrix.groups` and `place_labels`, shared with the app's chart).
"""

from __future__ import annotations

from fpdf import FPDF

from reports.charts import DEFAULT_TICKS, GREY, VERMILLION
from reports.document import FAMILY, INK
from reports.matrix import (
    CORNERS,
    DIVIDERS,
    HALF_MARKERS,
    PRIORITY_ZONE,
    QUADRANTS,
    X_RANGE,
    Y_RANGE,
    groups,
    place_labels,
)
from reports.vector_charts import LABEL_PT, PT_MM, RGB, TICK_PT, legend_marker, marker, rgb, text_lines
from scoring.engine import Scores
from scoring.wording import half_title

GRID: RGB = (229, 229, 229)
HALVES = tuple((half, colour, symbol == "diamond") for half, colour, symbol in HALF_MARKERS)
"""Each half's colour and whether its marker is a diamond (else a circle)."""
ALIGN = {"left": "L", "right": "R"}


class Plot:
    """Data (maturity, importance) to millimetres inside the plotting area."""

    def __init__(self, left: float, top: float, width: float, height: float) -> None:
        self.left, self.top, self.width, self.height = left, top, width, height

    def x(self, value: float) -> float:
        return self.left + (value - X_RANGE[0]) / (X_RANGE[1] - X_RANGE[0]) * self.width

    def y(self, value: float) -> float:
        return self.top + (Y_RANGE[1] - value) / (Y_RANGE[1] - Y_RANGE[0]) * self.height


def _axes(pdf: FPDF, plot: Plot, scale: dict[int, str]) -> None:
    """Grid, tick labels and axis titles."""
    pdf.set_line_width(0.15)
    pdf.set_draw_color(*GRID)
    pdf.set_font(FAMILY, "", TICK_PT + 0.6)
    pdf.set_text_color(*INK)
    for tick in DEFAULT_TICKS:
        pdf.line(plot.x(tick), plot.top, plot.x(tick), plot.top + plot.height)
        text_lines(pdf, [f"{tick:.0f}"], plot.x(tick), plot.top + plot.height + 1.2, "C", "T", TICK_PT + 0.6)
    for level in range(4):
        pdf.line(plot.left, plot.y(level), plot.left + plot.width, plot.y(level))
        text_lines(pdf, [f"{level} – {scale.get(level, '')}"], plot.left - 1.5, plot.y(level), "R", "M", TICK_PT + 0.6)
    pdf.set_font(FAMILY, "", LABEL_PT)
    text_lines(pdf, ["Score de maturité (0 à 100)"], plot.x(50), plot.top + plot.height + 5.5, "C", "T", LABEL_PT)
    label_x = plot.left - 4 - max(pdf.get_string_width(f"{v} – {scale.get(v, '')}") for v in range(4))
    with pdf.rotation(90, label_x, plot.y(1.5)):
        text_lines(pdf, ["Importance pour la collectivité"], label_x, plot.y(1.5), "C", "B", LABEL_PT)


def _quadrants(pdf: FPDF, plot: Plot) -> None:
    """The shaded « À prioriser » corner, the dashed separators and the four corner names."""
    x0, x1, y0, y1 = PRIORITY_ZONE
    pdf.set_fill_color(*rgb(VERMILLION))
    with pdf.local_context(fill_opacity=0.10):
        pdf.rect(plot.x(x0), plot.y(y1), plot.x(x1) - plot.x(x0), plot.y(y0) - plot.y(y1), style="F")
    pdf.set_draw_color(*rgb(GREY))
    pdf.set_line_width(0.3)
    with pdf.local_context(dash_pattern={"dash": 1.2, "gap": 0.9}):
        for ax, ay, bx, by in DIVIDERS:
            pdf.line(plot.x(ax), plot.y(ay), plot.x(bx), plot.y(by))
    for (text, _), (x, y, anchor) in zip(QUADRANTS, CORNERS, strict=True):
        strong = text == QUADRANTS[0][0]
        pdf.set_font(FAMILY, "B" if strong else "", LABEL_PT)
        pdf.set_text_color(*rgb(VERMILLION if strong else GREY))
        text_lines(pdf, [text], plot.x(x), plot.y(y), ALIGN[anchor], "M", LABEL_PT)


LABEL_PX = 12.0
"""The font size, in pixels, `reports.matrix.place_labels` measures labels for."""


def _points(pdf: FPDF, plot: Plot, scores: Scores) -> None:
    """One marker per evaluated dimension at its true place; one label per point, where it overlaps nothing."""
    found = groups(scores)
    unit = LABEL_PT * PT_MM / LABEL_PX  # millimetres per pixel at the PDF's label size
    placements = place_labels(
        [(g.x, g.y) for g in found], [g.label for g in found], width=plot.width, height=plot.height, unit=unit
    )
    pdf.set_font(FAMILY, "", LABEL_PT)
    for group, where in zip(found, placements, strict=True):
        x, y = plot.x(group.x), plot.y(group.y)
        for ds in group.members:
            colour, diamond = next((rgb(c), d) for half, c, d in HALVES if half == ds.dimension.half)
            pdf.set_fill_color(*colour)
            pdf.set_draw_color(255, 255, 255)
            pdf.set_line_width(0.15)
            marker(pdf, x, y, 1.25 if diamond else 1.3, diamond)
        label_x, label_y = x + where.dx, y - where.dy  # dy is upwards, the page's y downwards
        if where.dy:
            pdf.set_draw_color(*rgb(GREY))
            pdf.set_line_width(0.15)
            pdf.line(x, y, label_x - (where.box[2] - where.box[0]) / 2 * (1 if where.dx > 0 else -1), label_y)
        pdf.set_text_color(*INK)
        text_lines(pdf, group.label.split("<br>"), label_x, label_y, "C", "M", LABEL_PT)


def draw_matrix(pdf: FPDF, box: tuple[float, float, float, float], scores: Scores) -> None:
    """The priority matrix in the box (x, y, w, h) in mm, its legend below."""
    with pdf.local_context():  # colours, line width and font are restored afterwards
        _matrix(pdf, box, scores)


def _matrix(pdf: FPDF, box: tuple[float, float, float, float], scores: Scores) -> None:
    x, y, w, h = box
    scale = {lvl.value: lvl.label for lvl in scores.questionnaire.importance_scale}
    pdf.set_font(FAMILY, "", TICK_PT + 0.6)
    ticks_width = max(pdf.get_string_width(f"{v} – {scale.get(v, '')}") for v in range(4))
    left = x + ticks_width + 7
    plot = Plot(left, y + 2, x + w - left - 2, h - 2 - 17)
    _axes(pdf, plot, scale)
    _quadrants(pdf, plot)
    _points(pdf, plot, scores)
    pdf.set_font(FAMILY, "", LABEL_PT)
    pdf.set_text_color(*INK)
    items = [(half_title(half), rgb(colour), diamond) for half, colour, diamond in HALVES]
    widths = [5 + pdf.get_string_width(label) for label, _, _ in items]
    cursor = plot.x(50) - (sum(widths) + 5) / 2
    legend_y = y + h - 2 - LABEL_PT * PT_MM
    for (label, colour, diamond), width in zip(items, widths, strict=True):
        legend_marker(pdf, cursor + 1.3, legend_y, colour, diamond)
        text_lines(pdf, [label], cursor + 3.5, legend_y, "L", "M", LABEL_PT)
        cursor += width + 5
