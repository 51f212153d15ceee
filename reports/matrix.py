"""The priority matrix: each dimension at its true maturity and importance, coincident points grouped
under one label, labels placed so that none overlaps another label or a point."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from reports.charts import BLUE, DEFAULT_TICKS, FONT, GREY, ORANGE, VERMILLION, hover_text
from scoring.engine import DimensionScore, Scores
from scoring.french import NBSP
from scoring.numbers import shown_score
from scoring.wording import half_title

HEIGHT = 560
MARGIN = {"l": 20, "r": 30, "t": 30, "b": 90}
MIN_PLOT_WIDTH = 560  # px: labels are placed for the narrowest plot they are drawn in (wider is roomier)
X_RANGE, Y_RANGE = (-3.0, 103.0), (-0.5, 3.5)
CHAR_PX, LABEL_H, GAP, ONE_LINE = 7.2, 16.0, 8.0, 28
DY = (0.0, -20.0, 20.0, -40.0, 40.0, -60.0, 60.0, -80.0, 80.0, -100.0, 100.0)
QUADRANTS = (
    ("À prioriser", "score sous 50, importance 2 ou 3"),
    ("Points d’appui", "score de 50 ou plus, importance 2 ou 3"),
    ("À surveiller", "score sous 50, importance 0 ou 1"),
    ("À entretenir", "score de 50 ou plus, importance 0 ou 1"),
)
CORNERS = ((1, 3.4, "left"), (99, 3.4, "right"), (1, -0.4, "left"), (99, -0.4, "right"))
"""Where each name of QUADRANTS is written: x, y and the side its text is anchored by."""
PRIORITY_ZONE = (0, 50, 1.5, 3.45)
"""The shaded « À prioriser » corner: x from, x to, y from, y to."""
DIVIDERS = ((50, -0.45, 50, 3.45), (-3, 1.5, 103, 1.5))
"""The dashed lines between the quadrants: x0, y0, x1, y1."""
HALF_MARKERS = (("motivation", BLUE, "circle"), ("resource", ORANGE, "diamond"))
"""Each half's colour and marker symbol."""


def quadrant(ds: DimensionScore) -> str:
    """The matrix zone of an evaluated dimension: « À prioriser », « Points d’appui »…"""
    high = ds.effective_importance >= 2
    low_score = (ds.score or 0.0) < 50
    return QUADRANTS[(0 if low_score else 1) + (0 if high else 2)][0]


@dataclass(frozen=True)
class Group:
    """Dimensions drawn at the same point, labelled once."""

    x: float
    y: float
    members: list[DimensionScore]

    @property
    def label(self) -> str:
        """The short titles of the dimensions at this point, one per line when they would be long."""
        titles = [ds.dimension.short_title for ds in self.members]
        one_line = " · ".join(titles)
        return one_line if len(one_line) <= ONE_LINE else "<br>".join(titles)


@dataclass(frozen=True)
class Placement:
    """Where a label goes, in pixels from its point: centre offset (dx right, dy up) and its box."""

    dx: float
    dy: float
    box: tuple[float, float, float, float]


def groups(scores: Scores) -> list[Group]:
    """Evaluated dimensions grouped by the point they are drawn at (score as shown, importance)."""
    by_point: dict[tuple[int, int], list[DimensionScore]] = {}
    for ds in scores.dimensions:
        if ds.score is not None:
            by_point.setdefault((shown_score(ds.score), ds.effective_importance), []).append(ds)
    return [Group(float(x), float(y), members) for (x, y), members in by_point.items()]


def _to_px(x: float, y: float, width: float, height: float) -> tuple[float, float]:
    px = (x - X_RANGE[0]) / (X_RANGE[1] - X_RANGE[0]) * width
    py = (y - Y_RANGE[0]) / (Y_RANGE[1] - Y_RANGE[0]) * height
    return px, py


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    points: Sequence[tuple[float, float]],
    labels: Sequence[str],
    width: float = MIN_PLOT_WIDTH,
    height: float = HEIGHT - MARGIN["t"] - MARGIN["b"],
    unit: float = 1.0,
) -> list[Placement]:
    """Label offsets so that no label box overlaps another label, a point, or leaves the plot.

    Each label tries the side with more room (right of a point under 70), then the other side, at
    vertical offsets 0, ∓20, … ∓100 px; the first free place inside the plot wins (a leader line
    joins it to its point). Sizes are in pixels (a 12 px font); `unit` scales them for another
    unit, e.g. millimetres for a vector PDF (`unit` = mm per px at the PDF's font size). Offsets
    and boxes are in that unit, `dy` upwards.
    """
    centres = [_to_px(x, y, width, height) for x, y in points]
    r = 8 * unit
    taken = [(cx - r, cy - r, cx + r, cy + r) for cx, cy in centres]
    out: dict[int, Placement] = {}
    for i in sorted(range(len(points)), key=lambda i: (-points[i][1], points[i][0])):
        lines = labels[i].split("<br>")
        w, h = (CHAR_PX * max(len(line) for line in lines) + 6) * unit, LABEL_H * len(lines) * unit
        cx, cy = centres[i]
        sides = (1, -1) if points[i][0] < 70 else (-1, 1)
        candidates = []
        for dy in (step * unit for step in DY):
            for side in sides:
                left = cx + GAP * unit if side > 0 else cx - GAP * unit - w
                box = (left, cy + dy - h / 2, left + w, cy + dy + h / 2)
                if box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height:
                    candidates.append(Placement(side * (GAP * unit + w / 2), dy, box))
        free = [c for c in candidates if not any(_overlaps(c.box, other) for other in taken)]
        # nowhere free (not seen with 13 dimensions): the place that overlaps least
        chosen = free[0] if free else min(candidates, key=lambda c: sum(_overlap(c.box, o) for o in taken))
        taken.append(chosen.box)
        out[i] = chosen
    return [out[i] for i in range(len(points))]


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def _hover(ds: DimensionScore) -> str:
    given = "" if ds.importance is not None else " (par défaut)"
    return f"{hover_text(ds)}, importance {ds.effective_importance}/3{given}"


def _quadrant_frame(fig: go.Figure) -> None:
    line = {"color": GREY, "width": 1.5, "dash": "dash"}
    x0, x1, y0, y1 = PRIORITY_ZONE
    fig.add_shape(
        type="rect", x0=x0, x1=x1, y0=y0, y1=y1, fillcolor="rgba(213,94,0,0.10)", line={"width": 0}, layer="below"
    )
    for ax, ay, bx, by in DIVIDERS:
        fig.add_shape(type="line", x0=ax, x1=bx, y0=ay, y1=by, line=line)
    for (text, _), (x, y, anchor) in zip(QUADRANTS, CORNERS, strict=True):
        fig.add_annotation(
            x=x,
            y=y,
            text=f"<b>{text}</b>" if text == QUADRANTS[0][0] else text,
            showarrow=False,
            xanchor=anchor,
            font={"size": 13, "color": VERMILLION if text == QUADRANTS[0][0] else GREY},
        )


def priority_matrix_figure(scores: Scores) -> go.Figure:
    """Maturity (x) against importance (y) for each evaluated dimension, top-left « À prioriser »."""
    fig = go.Figure()
    evaluated = [ds for ds in scores.dimensions if ds.score is not None]
    for half, colour, symbol in HALF_MARKERS:
        mine = [ds for ds in evaluated if ds.dimension.half == half]
        fig.add_trace(
            go.Scatter(
                x=[shown_score(ds.score or 0.0) for ds in mine],
                y=[ds.effective_importance for ds in mine],
                mode="markers",
                name=half_title(half),
                marker={"color": colour, "size": 13, "symbol": symbol, "line": {"color": "white", "width": 1}},
                customdata=[ds.dimension.short_title for ds in mine],
                hovertext=[_hover(ds) for ds in mine],
                hoverinfo="text",
            )
        )
    found = groups(scores)
    placements = place_labels([(g.x, g.y) for g in found], [g.label for g in found])
    for group, where in zip(found, placements, strict=True):
        fig.add_annotation(
            x=group.x,
            y=group.y,
            text=group.label,
            showarrow=True,
            arrowhead=0,
            arrowwidth=1,
            arrowcolor=GREY if where.dy else "rgba(0,0,0,0)",
            ax=GAP if where.dx > 0 else -GAP,  # the text starts (or ends) GAP px from its point
            ay=-where.dy,
            xanchor="left" if where.dx > 0 else "right",
            font={"size": 12},
            bgcolor="rgba(255,255,255,0.85)",
        )
    _quadrant_frame(fig)
    scale = {lvl.value: lvl.label for lvl in scores.questionnaire.importance_scale}
    fig.update_layout(
        font={"family": FONT, "size": 14, "color": "#222222"},
        xaxis={
            "title": {"text": "Score de maturité (0 à 100)"},
            "range": list(X_RANGE),
            "tickvals": list(DEFAULT_TICKS),
            "zeroline": False,
            "gridcolor": "#E5E5E5",
        },
        yaxis={
            "title": {"text": "Importance pour la collectivité", "standoff": 14},
            "automargin": True,
            "range": list(Y_RANGE),
            "tickvals": [0, 1, 2, 3],
            "ticktext": [f"{v}{NBSP}–{NBSP}{scale.get(v, '')}".replace(" ", "<br>", 1) for v in range(4)],
            "zeroline": False,
            "gridcolor": "#E5E5E5",
        },
        legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": -0.15, "yanchor": "top"},
        height=HEIGHT,
        margin=MARGIN,
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    return fig
