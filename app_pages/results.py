"""Résultats: indices, radars with their data, the dimension table, priorities and recommendations."""

from __future__ import annotations

import functools
from datetime import date

import streamlit as st

from reports.charts import radar_figure, radar_for_export
from reports.exports import answers_json, export_filename, scores_csv
from reports.images import figure_png, figure_svg, unavailable_reason
from scoring.engine import Scores, score
from scoring.french import number, score_text
from scoring.priorities import prioritise
from services import DiagnosticRecord, params
from services.peers import Peers
from ui import current, matrix, page, priorities, progress, targets, transfer_widgets, workshop_participant
from ui.a11y import CHART_CONFIG
from ui.resources import catalogue, chart_export_warm_up
from ui.score_tables import dimensions_table, radar_table
from ui.text import escape_markdown

HALVES = (("resource", "Ressources mobilisées"), ("motivation", "Motivations du territoire"))


def _indices(scores: Scores) -> None:
    cols = st.columns(3)
    for col, (label, index) in zip(
        cols,
        (
            ("Indice global", scores.overall),
            ("Indice motivations", scores.motivation),
            ("Indice ressources", scores.resource),
        ),
        strict=True,
    ):
        value = "non évalué" if index.value is None else f"{score_text(index.value)}/100"
        col.metric(label, value, help="Moyenne pondérée des dimensions évaluées.")
        col.caption(f"Palier : **{index.band.label}**" if index.band else "Aucune dimension évaluée")


def _radar(
    scores: Scores, half: str, title: str, name: str, previous: Scores | None, peers: Peers | None = None
) -> None:
    st.header(title, anchor=False)
    fig = radar_figure(scores, half, previous=previous, peer=peers.median if peers else None)  # type: ignore[arg-type]
    st.plotly_chart(fig, key=f"radar:{half}", config=CHART_CONFIG, theme=None)
    missing = [ds.dimension.short_title for ds in scores.half(half) if ds.score is None]
    if missing:
        st.caption("Non représentées (non évaluées ou non concernées) : " + ", ".join(missing) + ".")
    st.table(radar_table(scores, half), hide_index=True)
    day = date.today()
    what = "radar-ressources" if half == "resource" else "radar-motivations"
    reason = unavailable_reason()
    if reason:
        st.warning(reason)
        return
    exported = radar_for_export(fig, scores, name, day)
    formats = (("png", figure_png, "image/png"), ("svg", figure_svg, "image/svg+xml"))
    for column, (ext, render, mime) in zip(st.columns(2), formats, strict=True):
        column.download_button(
            f"Télécharger en {ext.upper()}",
            data=functools.partial(render, exported),  # built on click, outside this run
            file_name=export_filename(name, what, ext, day),
            mime=mime,
            key=f"{ext}:{half}",
            on_click="ignore",
            icon=":material/image:",
        )


def _exports(rec: DiagnosticRecord, scores: Scores, name: str) -> None:
    st.header("Exporter", anchor=False)
    day = date.today()
    cols = st.columns(2)
    cols[0].download_button(
        "Scores (CSV pour Excel)",
        data=scores_csv(scores),
        file_name=export_filename(name, "scores", "csv", day),
        mime="text/csv",
        on_click="ignore",
        icon=":material/table:",
    )
    cols[1].download_button(
        "Mes réponses (JSON)",
        data=answers_json(current.responses(rec)),
        file_name=export_filename(name, "reponses", "json", day),
        mime="application/json",
        on_click="ignore",
        icon=":material/download:",
    )
    transfer_widgets.report_buttons(rec, name)
    transfer_widgets.import_into(rec)


def render() -> None:
    """The results screen."""
    st.title("Résultats", anchor=False)
    page.show_flashes()
    rec = current.record()
    if rec is None:
        return
    chart_export_warm_up()
    cat = catalogue()
    responses = current.responses(rec)
    scores = score(cat, responses)
    result = prioritise(cat, responses, scores)
    name = rec.profile.get("name") or "Collectivité"
    st.caption(
        escape_markdown(
            f"{name} · {scores.questionnaire.title} · {number(scores.answered_share)} % des questions renseignées"
        )
    )
    if scores.answered_share < 100:
        st.page_link(
            "app_pages/diagnostic.py",
            label="Compléter le questionnaire",
            icon=":material/edit:",
            query_params={params.DIAGNOSTIC: rec.id},
        )
    priorities.section(rec, result, scores)
    if not rec.workshop_id:
        targets.form(rec.id, responses, scores)
    previous = current.previous_scores(rec)
    peers = progress.peers(rec)
    st.header("Scores et radars", anchor=False)
    _indices(scores)
    cols = st.columns(2)
    for col, (half, title) in zip(cols, HALVES, strict=True):
        with col:
            _radar(scores, half, title, name, previous, peers)
    progress.section(rec, scores, previous, peers)
    workshop_participant.results_section(rec, scores)
    st.header("Toutes les dimensions", anchor=False)
    st.html(  # shown on narrow screens only (assets/style.css), where the table is wider than the page
        '<p class="autodiag-narrow-only">Le tableau est plus large que l’écran\u00a0: faites-le glisser vers la '
        "gauche pour voir toutes ses colonnes.</p>"
    )
    st.table(dimensions_table(scores), hide_index=True)
    matrix.section(scores)
    _exports(rec, scores, name)


page.guard(render)
