"""Progress over time and peers, on the results page: redo a diagnostic a year later, the change
per dimension since the previous one, and the median of comparable authorities (never named)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from scoring.compare import MIN_PEERS, dimension_changes, dimension_scores, peer_median
from scoring.engine import Scores, score
from scoring.models import ResponseSet
from storage import DiagnosticRecord
from ui import current, keys, page
from ui.resources import catalogue, database_url, store
from ui.text import french_number

log = logging.getLogger("autodiag")
PEER_CACHE_S = 300


@dataclass(frozen=True)
class Peers:
    """The peers' median per dimension and how many peers it covers."""

    median: dict[str, float]
    count: int


@st.cache_data(ttl=PEER_CACHE_S, show_spinner=False)
def _peer_scores(database: str, authority_type: str) -> dict[str, tuple[str | None, dict[str, float | None]]]:
    """Per diagnostic of this authority type (workshop participants excluded): its previous
    diagnostic and its dimension scores. Cached a few minutes: peers change slowly."""
    del database  # part of the cache key only: one cache per database
    s, cat = store(), catalogue()
    out: dict[str, tuple[str | None, dict[str, float | None]]] = {}
    for rec, data in s.diagnostics_with_responses(authority_type):
        try:
            scores = score(cat, ResponseSet.model_validate(data))
        except (ValueError, KeyError):  # an old or foreign questionnaire: not comparable
            log.info("peer %s skipped: not scorable", rec.id)
            continue
        out[rec.id] = (rec.previous_id, dimension_scores(scores))
    return out


def _own_chain(rec: DiagnosticRecord, others: dict[str, tuple[str | None, dict[str, float | None]]]) -> set[str]:
    """This diagnostic, the ones it was redone from and the ones redone from it: the same authority."""
    chain = {rec.id}
    previous = rec.previous_id
    while previous and previous not in chain:
        chain.add(previous)
        previous = others[previous][0] if previous in others else None
    grew = True
    while grew:
        grew = False
        for diag_id, (prev, _) in others.items():
            if prev in chain and diag_id not in chain:
                chain.add(diag_id)
                grew = True
    return chain


def peers(rec: DiagnosticRecord) -> Peers | None:
    """The median of other diagnostics of the same authority type, if there are at least 5."""
    authority_type = rec.profile.get("authority_type")
    if not authority_type:
        return None
    others = _peer_scores(database_url() or "", authority_type)
    mine = _own_chain(rec, others)
    chosen = [dims for diag_id, (_, dims) in others.items() if diag_id not in mine]
    median = peer_median(chosen)
    if not median:
        return None
    return Peers(median, sum(any(v is not None for v in dims.values()) for dims in chosen))


def _delta(value: float | None) -> str:
    if value is None:
        return "–"
    rounded = round(value)
    return "=" if rounded == 0 else f"{rounded:+d}".replace("-", "−")


def changes_table(scores: Scores, previous: Scores) -> pd.DataFrame:
    """One row per dimension: previous score, current score, change."""
    return pd.DataFrame(
        [
            {
                "Dimension": c.dimension.title,
                "Précédent": french_number(c.before),
                "Actuel": french_number(c.after),
                "Évolution": _delta(c.delta),
            }
            for c in dimension_changes(scores, previous)
        ]
    )


def _redo(rec: DiagnosticRecord) -> None:
    s = store()
    new_id = s.create_diagnostic(rec.questionnaire_id, rec.profile, previous_id=rec.id)
    s.copy_from_previous(new_id, rec.id)
    current.open_diagnostic(new_id)
    page.flash(
        "Nouveau diagnostic créé à partir du précédent : chaque réponse reprise est signalée. Confirmez-la ou "
        "modifiez-la ; le diagnostic précédent reste inchangé et sert de comparaison."
    )
    st.switch_page("app_pages/diagnostic.py", query_params={keys.PARAM_DIAGNOSTIC: new_id})


def section(rec: DiagnosticRecord, scores: Scores, previous: Scores | None, peer: Peers | None) -> None:
    """Change since the previous diagnostic, the peers' note, and « Refaire ce diagnostic »."""
    if previous is not None:
        st.header("Évolution depuis le diagnostic précédent", anchor=False)
        st.write("Sur les radars, le diagnostic précédent est tracé en pointillés orange.")
        st.table(changes_table(scores, previous), hide_index=True)
    if peer is not None:
        st.caption(
            f"Sur les radars, la ligne pointillée violette est la médiane de {peer.count} autres diagnostics de "
            f"collectivités du même type (au moins {MIN_PEERS}, jamais nommées)."
        )
    if rec.workshop_id:
        return
    st.header("Suivre vos progrès", anchor=False)
    st.write(
        "Dans un an, refaites ce diagnostic à partir de celui-ci : les réponses sont reprises et signalées, "
        "vous les confirmez ou les modifiez, et les résultats montrent l’évolution dimension par dimension."
    )
    if st.button("Refaire ce diagnostic (un an après)", icon=":material/history:", key=keys.REDO_DIAGNOSTIC):
        _redo(rec)
