"""Progress over time and peers, on the results page: redo a diagnostic a year later, the change
per dimension since the previous one, and the median of comparable authorities (never named)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from scoring.compare import MIN_PEERS, dimension_changes
from scoring.engine import Scores
from scoring.french import score_text
from scoring.numbers import shown_score
from services import DiagnosticRecord, diagnostics, params, plans
from services.peers import Peers, PeerScores, peer_scores, peers_of
from ui import current, keys, page
from ui.resources import catalogue, database_url, store
from ui.text import escape_markdown

PEER_CACHE_S = 300


@st.cache_data(ttl=PEER_CACHE_S, show_spinner=False)
def _peer_scores(database: str, authority_type: str) -> PeerScores:
    """Every diagnostic of this authority type, scored; cached a few minutes (peers change slowly)."""
    del database  # part of the cache key only: one cache per database
    return peer_scores(store(), catalogue(), authority_type)


def peers(rec: DiagnosticRecord) -> Peers | None:
    """The median of other diagnostics of the same authority type, if there are enough."""
    authority_type = rec.profile.get("authority_type")
    if not authority_type:
        return None
    return peers_of(rec, _peer_scores(database_url() or "", authority_type))


def _delta(before: float | None, after: float | None) -> str:
    """The change between the scores as shown (so that 70 → 75 reads +5, never +4)."""
    if before is None or after is None:
        return "–"
    rounded = shown_score(after) - shown_score(before)
    return "=" if rounded == 0 else f"{rounded:+d}".replace("-", "−")


def changes_table(scores: Scores, previous: Scores) -> pd.DataFrame:
    """One row per dimension: previous score, current score, change."""
    return pd.DataFrame(
        [
            {
                "Dimension": c.dimension.title,
                "Précédent": score_text(c.before),
                "Actuel": score_text(c.after),
                "Évolution": _delta(c.before, c.after),
            }
            for c in dimension_changes(scores, previous)
        ]
    )


def _redo(rec: DiagnosticRecord) -> None:
    new_id = diagnostics.redo(store(), rec)
    current.open_diagnostic(new_id)
    page.flash(
        "Nouveau diagnostic créé à partir du précédent : chaque réponse reprise est signalée. Confirmez-la ou "
        "modifiez-la ; le diagnostic précédent reste inchangé et sert de comparaison."
    )
    st.switch_page("app_pages/diagnostic.py", query_params={params.DIAGNOSTIC: new_id})


def _done(rec: DiagnosticRecord, scores: Scores) -> None:
    """The actions realised since the previous diagnostic, by dimension, beside the change of score."""
    done = plans.done_since_previous(store(), rec)
    st.markdown(f"**Actions réalisées depuis le diagnostic précédent ({len(done)})**")
    if not done:
        st.caption("Aucune action du plan précédent n’est marquée « Réalisée ».")
        return
    titles = {ds.dimension.id: ds.dimension.short_title for ds in scores.dimensions}
    lines = [
        f"- {escape_markdown(titles.get(a.dimension_id, a.dimension_id))}\u00a0: {escape_markdown(a.what)}"
        for a in done
    ]
    st.markdown("\n".join(lines))


def section(rec: DiagnosticRecord, scores: Scores, previous: Scores | None, peer: Peers | None) -> None:
    """Change since the previous diagnostic, the peers' note, and « Refaire ce diagnostic »."""
    if previous is not None:
        st.header("Évolution depuis le diagnostic précédent", anchor=False)
        st.write("Sur les radars, le diagnostic précédent est tracé en pointillés orange.")
        left, right = st.columns([3, 2])
        left.table(changes_table(scores, previous), hide_index=True)
        with right:
            _done(rec, scores)
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
