"""Plotly figures of a diagnostic: radar per half, priority matrix, workshop answer distribution."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Literal

import plotly.graph_objects as go

from reports.narrative import question_codes
from scoring.engine import STATUS_LABELS, DimensionScore, Scores
from scoring.french import NBSP, long_date, score_text
from scoring.group import QuestionStats
from scoring.models import Bands, Questionnaire
from scoring.wording import half_title

Half = Literal["motivation", "resource"]

# Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
BLUE, ORANGE, SKY, GREEN, VERMILLION, PURPLE, GREY = (
    "#0072B2",
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#7F7F7F",
)
# Sequential blues for answer levels 0 (light) to 4 (dark); grey for « je ne sais pas ».
# Text on white at least 4.5:1 (RGAA 3.2): GREY and VERMILLION (about 4:1) are for lines and fills only.
TEXT_GREY, TEXT_VERMILLION = "#595959", "#B34700"
LEVEL_COLOURS = ("#C6DBEF", "#9ECAE1", "#6BAED6", "#3182BD", "#08519C", "#08306B")
LEVEL_DARK_FROM = 4  # from this level on the segment is dark: its number is written in white (≥ 4.5:1)
FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
DEFAULT_TICKS = (0.0, 20.0, 40.0, 60.0, 80.0, 100.0)
SECONDARY_TRACES = (
    "Minimum du groupe",
    "Étendue du groupe (min–max)",
    "Médiane des pairs",
    "Diagnostic précédent",
    "Cible",
)


def two_lines(text: str, width: int = 14) -> list[str]:
    """A label on one line, or two broken at the space nearest its middle."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if len(text) <= width or not spaces:
        return [text]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return [text[:cut], text[cut + 1 :]]


def axis_lines(ds: DimensionScore) -> list[str]:
    """A radar axis label's lines: the short title, then « (non évalué) » when there is no score."""
    lines = two_lines(ds.dimension.short_title)
    return lines if ds.status == "evaluated" else [*lines, f"({STATUS_LABELS[ds.status]})"]


def axis_label(ds: DimensionScore) -> str:
    """Radar axis label: the short title, with « (non évalué) » when there is no score."""
    *title, status = axis_lines(ds)
    if ds.status == "evaluated":
        return "<br>".join([*title, status])
    return f"<span style='color:{TEXT_GREY}'>{'<br>'.join(title)}<br><i>{status}</i></span>"


def radial_ticks(bands: Bands | None) -> list[float]:
    """A radar's rings: the band boundaries of bands.yaml and 100, or 0/20/…/100."""
    return [b.min for b in bands.bands] + [100.0] if bands else list(DEFAULT_TICKS)


def tick_angle(axes: int) -> float:
    """Where a radar's ring values are written, in degrees: halfway between the first two axes,
    away from the first axis label."""
    return 90 - 180 / axes if axes > 1 else 90


def hover_text(ds: DimensionScore) -> str:
    """« Commande publique : 25/100 (Émergence) »."""
    if ds.score is None:
        return f"{ds.dimension.short_title}{NBSP}: {STATUS_LABELS[ds.status]}"
    band = f" ({ds.band.label})" if ds.band else ""
    return f"{ds.dimension.short_title}{NBSP}: {score_text(ds.score)}/100{band}"


def _polar_trace(
    values: list[float | None], labels: list[str], text: list[str] | None = None, **style: object
) -> go.Scatterpolar:
    """A radar line; the first point is repeated at the end to close it, only when it has a value."""
    closes = bool(values) and values[0] is not None
    r = [*values, values[0]] if closes else values
    theta = [*labels, labels[0]] if closes else labels
    if text is not None:
        style["text"] = [*text, text[0]] if closes else text
        style["hovertemplate"] = "%{text}<extra></extra>"
    return go.Scatterpolar(r=r, theta=theta, connectgaps=False, **style)


def radar_figure(
    scores: Scores,
    half: Half,
    *,
    previous: Scores | None = None,
    group_range: dict[str, tuple[float, float]] | None = None,
    peer: dict[str, float] | None = None,
    title: str | None = None,
    bands: Bands | None = None,
    label: str = "Ce diagnostic",
) -> go.Figure:
    """Radar of one half: scores 0–100, gaps (never 0) where a dimension is not evaluated.

    `bands` puts the radial ticks on the band boundaries of bands.yaml (default 0/20/…/100);
    `label` names the main trace in the legend (« Réponses retenues » for a workshop).
    """
    dims = scores.half(half)
    labels = [axis_label(ds) for ds in dims]
    ids = [ds.dimension.id for ds in dims]
    fig = go.Figure()
    if group_range:
        lows = [group_range[i][0] if i in group_range else None for i in ids]
        highs = [group_range[i][1] if i in group_range else None for i in ids]
        fig.add_trace(
            _polar_trace(
                lows,
                labels,
                mode="lines",
                line={"width": 0},
                showlegend=False,
                hoverinfo="skip",
                name="Minimum du groupe",
            )
        )
        fig.add_trace(
            _polar_trace(
                highs,
                labels,
                mode="lines",
                line={"width": 0},
                fill="tonext",
                fillcolor="rgba(0,158,115,0.22)",
                hoverinfo="skip",
                name="Étendue du groupe (min–max)",
            )
        )
    if peer:
        fig.add_trace(
            _polar_trace(
                [peer.get(i) for i in ids],
                labels,
                mode="lines",
                name="Médiane des pairs",
                line={"color": PURPLE, "dash": "dot", "width": 2.5},
                hoverinfo="skip",
            )
        )
    if previous is not None:
        before = {ds.dimension.id: ds for ds in previous.dimensions}
        prev_values = [before[i].score if i in before else None for i in ids]
        prev_text = [f"{hover_text(before[i])} – précédent" if i in before else "" for i in ids]
        fig.add_trace(
            _polar_trace(
                prev_values,
                labels,
                mode="lines+markers",
                name="Diagnostic précédent",
                line={"color": ORANGE, "dash": "dash", "width": 2.5},
                marker={"size": 7, "symbol": "diamond"},
                text=prev_text,
            )
        )
    if any(ds.target is not None for ds in dims):
        fig.add_trace(
            _polar_trace(
                [ds.target for ds in dims],
                labels,
                [f"{ds.dimension.short_title} – cible{NBSP}: {score_text(ds.target)}/100" for ds in dims],
                mode="lines+markers",
                name="Cible",
                line={"color": GREEN, "dash": "dot", "width": 2.5},
                marker={"size": 8, "symbol": "star"},
            )
        )
    values = [ds.score for ds in dims]
    text = [hover_text(ds) for ds in dims]
    complete = all(v is not None for v in values)
    fig.add_trace(
        _polar_trace(
            values,
            labels,
            text,
            mode="lines+markers",
            name=label,
            line={"color": BLUE, "width": 3},
            marker={"size": 9},
            fill="toself" if complete else "none",
            fillcolor="rgba(0,114,178,0.15)",
        )
    )
    ticks = radial_ticks(bands)
    heading = title if title is not None else half_title(half)
    angle = tick_angle(len(dims))
    fig.update_layout(
        title={"text": heading, "x": 0.5, "xanchor": "center"},
        font={"family": FONT, "size": 14, "color": "#222222"},
        polar={
            "radialaxis": {
                "range": [0, 100],
                "tickvals": ticks,
                "tickfont": {"size": 11, "color": TEXT_GREY},
                "angle": angle,
                "tickangle": angle,
                "gridcolor": "#D0D0D0",
                "linecolor": "#B0B0B0",
            },
            "angularaxis": {
                "direction": "clockwise",
                "rotation": 90,
                "tickfont": {"size": 13},
                "gridcolor": "#D0D0D0",
                "showline": True,
                "linecolor": "#909090",
                "categoryorder": "array",
                "categoryarray": labels,
            },
            "bgcolor": "white",
        },
        legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": -0.08, "yanchor": "top"},
        showlegend=len(fig.data) > 1,
        margin={"l": 95, "r": 95, "t": 95 if heading else 30, "b": 40},  # the top label may take 3 lines
        paper_bgcolor="white",
    )
    return fig


def radar_for_export(fig: go.Figure, scores: Scores, authority: str, day: date) -> go.Figure:
    """A copy of a radar that stands on its own when forwarded: authority, questionnaire, date, each value."""
    out = go.Figure(fig)
    variant = "questionnaire complet" if scores.questionnaire.variant == "full" else "questionnaire express"
    heading = out.layout.title.text or ""
    byline = f"{html.escape(authority)} · {variant} · {long_date(day)}"
    out.update_layout(
        title={"text": f"{heading}<br><sup>{byline}</sup>", "x": 0.5, "xanchor": "center"},
        margin={"t": 100},
        showlegend=True,
    )
    main = next(t for t in out.data if t.name not in SECONDARY_TRACES)
    values = [f"<b>{score_text(r)}</b>" if r is not None else "" for r in main.r]
    main.update(mode="lines+markers+text", text=values, textposition="top center", textfont={"size": 13, "color": BLUE})
    return out


def priority_matrix_figure(scores: Scores) -> go.Figure:
    """Maturity (x) against importance (y) for each evaluated dimension (see `reports.matrix`)."""
    from reports.matrix import priority_matrix_figure as figure  # reports.matrix builds on this module

    return figure(scores)


def _wrap(text: str, width: int = 48, lines: int = 2) -> str:
    parts = textwrap.wrap(text, width)
    if len(parts) > lines:
        parts = [*parts[: lines - 1], textwrap.shorten(" ".join(parts[lines - 1 :]), width, placeholder="…")]
    return "<br>".join(parts)


def group_distribution_figure(
    stats: dict[str, QuestionStats],
    questionnaire: Questionnaire,
    question_ids: Sequence[str],
    numbers: Mapping[str, int] | None = None,
) -> go.Figure:
    """One horizontal stacked bar per question: how many participants chose each level, dk or na.

    With `numbers` (a workshop's « Q7 » numbering), questions are labelled by them, not by code."""
    questions = {q.id: q for _, q in questionnaire.questions()}
    shown = [qid for qid in question_ids if qid in questions and qid in stats]
    codes = {qid: f"Q{n}" for qid, n in numbers.items()} if numbers else question_codes(questionnaire)
    names = [_wrap(f"{codes[qid]}  {questions[qid].text}") for qid in shown]
    top = max((questions[qid].max_level for qid in shown), default=4)
    fig = go.Figure()
    for value in range(top + 1):
        labels = [next((lv.label for lv in questions[qid].levels if lv.value == value), "") for qid in shown]
        fig.add_trace(
            go.Bar(
                y=names,
                x=[stats[qid].levels.get(value, 0) for qid in shown],
                orientation="h",
                name=f"Niveau {value}",
                marker={"color": LEVEL_COLOURS[min(value, len(LEVEL_COLOURS) - 1)]},
                # The level's number in each segment: levels are never told apart by shade alone.
                text=[str(value) if stats[qid].levels.get(value, 0) else "" for qid in shown],
                textposition="inside",
                insidetextanchor="middle",
                textfont={"color": "#000000" if value < LEVEL_DARK_FROM else "#FFFFFF", "size": 13},
                customdata=labels,
                hovertemplate=f"Niveau {value} – %{{customdata}}{NBSP}: %{{x}}<extra></extra>",
            )
        )
    extra = [
        ("Je ne sais pas", "dk", GREY, ""),
        ("Non concerné", "na", "#D9D9D9", "/"),
        ("Sans réponse", "missing", "#FFFFFF", ""),
    ]
    for label, attr, colour, pattern in extra:
        counts = [int(getattr(stats[qid], attr)) for qid in shown]
        if attr == "missing" and not any(counts):
            continue
        fig.add_trace(
            go.Bar(
                y=names,
                x=counts,
                orientation="h",
                name=label,
                marker={"color": colour, "pattern": {"shape": pattern}, "line": {"color": "#999999", "width": 0.5}},
                hovertemplate=f"{label}{NBSP}: %{{x}}<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        uniformtext={"minsize": 10, "mode": "hide"},
        font={"family": FONT, "size": 12, "color": "#222222"},
        xaxis={
            "title": {"text": "Nombre de participants"},
            "dtick": 1 if _most(stats, shown) <= 12 else None,
            "gridcolor": "#E5E5E5",
        },
        yaxis={"autorange": "reversed", "automargin": True},
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom", "traceorder": "normal"},
        height=140 + 56 * max(len(shown), 1),
        margin={"l": 20, "r": 20, "t": 60, "b": 50},
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    return fig


def _most(stats: dict[str, QuestionStats], shown: list[str]) -> int:
    return max((s.answered + s.dk + s.na + s.missing for q, s in stats.items() if q in shown), default=0)
