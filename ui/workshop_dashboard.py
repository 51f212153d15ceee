"""The facilitator's live view: who answers, the group radar, distributions, agenda, roles, comments.

Everything here is read-only and re-run every few seconds inside an `st.fragment`; the
computations live in `workshops/` (tested without Streamlit). Their results are shared by
every screen of the process until the workshop's data change (`workshops.live_cache`): the
projector and the laptop refreshing every 5 seconds cost one computation per change, not one
per screen and per refresh. Group views need at least 3 participants who have answered
(`MIN_GROUP`): before that, only participation shows.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from reports.charts import group_distribution_figure
from scoring.group import QuestionStats
from scoring.models import Questionnaire
from storage import WorkshopRecord
from ui import keys, workshop_charts
from ui.resources import catalogue, store
from ui.text import escape_markdown, french_number
from ui.workshop_data import participants
from workshops.analysis import (
    MIN_GROUP,
    AgendaItem,
    agenda,
    contributors,
    group_stats,
    group_view,
    question_comments,
    question_numbers,
    role_comparison,
    role_rows,
)
from workshops.live_cache import LIVE
from workshops.participants import Participant, completion, participation_by_role
from workshops.roles import role

PARIS = ZoneInfo("Europe/Paris")
TABS = ("Participation", "Radar du groupe", "Répartition des réponses", "Ordre du jour", "Par rôle", "Commentaires")
DIVERGENT = "__divergent__"
T = TypeVar("T")


@dataclass(frozen=True)
class Shared:
    """This workshop's computations at one revision of its data, shared with the other screens."""

    workshop_id: str
    revision: Hashable

    def get(self, name: str, compute: Callable[[], T]) -> T:
        """The result of `compute` for this workshop and revision, computed once in the process."""
        return LIVE.get((self.workshop_id, name), self.revision, compute)


def _time(moment: datetime | None) -> str:
    return moment.astimezone(PARIS).strftime("%H:%M") if moment else "–"


def _too_few(people: int) -> None:
    st.info(
        f"Cette vue s’affiche dès que {MIN_GROUP} participants ont commencé à répondre "
        f"(pour l’instant : {people}), afin que personne ne soit reconnaissable.",
        icon=":material/visibility_off:",
    )


def participation(people: Sequence[Participant], questionnaire: Questionnaire, shared: Shared) -> None:
    """Counts by role, then one row per participant with their progress."""
    if not people:
        st.info("Aucun participant pour l’instant. Projetez le code ou le QR code pour qu’ils rejoignent l’atelier.")
        return
    by_role = pd.DataFrame(
        [
            {"Rôle": r.label, "Ont rejoint": r.joined, "Ont commencé": r.started, "Ont terminé": r.finished}
            for r in participation_by_role(people)
        ]
    )
    st.dataframe(by_role, hide_index=True, use_container_width=False)
    territories = catalogue().territories
    progress = shared.get("completion", lambda: [completion(questionnaire, territories, p.responses) for p in people])
    rows = []
    for p, done in zip(people, progress, strict=True):
        rows.append(
            {
                "N°": p.number,
                "Participant": p.label,
                "Avancement": round(100 * done.share),
                "Questions": f"{done.answered}/{done.applicable}",
                "Terminé": "oui" if p.finished else "non",
                "Dernière activité": _time(p.updated_at),
            }
        )
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        use_container_width=True,
        column_config={
            "Avancement": st.column_config.ProgressColumn("Avancement", min_value=0, max_value=100, format="%d %%"),
        },
    )
    st.caption(
        "Le prénom n’apparaît que si le participant l’a donné. Ce tableau montre l’avancement, jamais les réponses."
    )


def radar(people: Sequence[Participant], shared: Shared) -> None:
    """Group mean radars with the min–max band, and their numbers."""
    view = shared.get("group_view", lambda: group_view(catalogue(), people))
    if view is None:
        _too_few(len(contributors(people)))
        return
    st.caption(
        f"Moyenne des {view.size} participants ayant répondu ; la zone verte va du score individuel le plus bas au plus haut."
    )
    cols = st.columns(2)
    for col, half in zip(cols, workshop_charts.HALVES, strict=True):
        with col:
            st.plotly_chart(
                workshop_charts.group_radar(view, half),
                key=f"dash_radar:{half}",
                config={"displaylogo": False, "locale": "fr"},
            )
            with st.expander("Données du radar"):
                st.table(workshop_charts.group_table(view, half), hide_index=True)


def distribution(
    people: Sequence[Participant],
    questionnaire: Questionnaire,
    stats: dict[str, QuestionStats],
    numbers: dict[str, int],
) -> None:
    """Stacked bars of answers per question: the divergent ones, or one dimension's."""
    if len(contributors(people)) < MIN_GROUP:
        _too_few(len(contributors(people)))
        return
    options = {DIVERGENT: "Questions divergentes (écart d’au moins 2 niveaux)"}
    options |= {
        d.id: f"{d.short_title} ({'motivation' if d.half == 'motivation' else 'ressource'})"
        for d in questionnaire.dimensions
    }
    chosen = st.selectbox(
        "Questions affichées", list(options), format_func=options.__getitem__, key=keys.DISTRIBUTION_DIMENSION
    )
    if chosen == DIVERGENT:
        ids = [s.question_id for s in stats.values() if s.divergent and s.question_id in numbers]
    else:
        ids = [q.id for q in questionnaire.dimension(chosen).questions if q.id in numbers]
    if not ids:
        st.success("Aucune question divergente pour l’instant : le groupe est d’accord à un niveau près partout.")
        return
    st.plotly_chart(
        group_distribution_figure(stats, questionnaire, ids),
        key="dash_distribution",
        config={"displaylogo": False, "locale": "fr"},
    )


def agenda_table(items: Sequence[AgendaItem]) -> pd.DataFrame:
    """The discussion agenda as a table: divergent questions first."""
    return pd.DataFrame(
        [
            {
                "Q.": item.number,
                "Question": item.question.text,
                "Dimension": item.dimension.short_title,
                "Écart": item.stats.spread,
                "Moyenne": french_number(item.stats.mean, 1),
                "Niveaux donnés": item.stats.answered,
                "Je ne sais pas": item.stats.dk,
                "Non concerné": item.stats.na,
                "À discuter": "oui" if item.stats.divergent else "",
            }
            for item in items
        ]
    )


def discussion(people: Sequence[Participant], items: Sequence[AgendaItem]) -> None:
    """Questions ranked by spread: the discussion agenda."""
    if len(contributors(people)) < MIN_GROUP:
        _too_few(len(contributors(people)))
        return
    divergent = sum(item.stats.divergent for item in items)
    st.write(
        f"**{divergent} question{'s' if divergent > 1 else ''} divergente{'s' if divergent > 1 else ''}** "
        "(niveaux donnés écartés d’au moins 2 crans) : à discuter en premier, dans cet ordre."
    )
    if items:
        st.dataframe(agenda_table(items), hide_index=True, use_container_width=True)


def roles(people: Sequence[Participant], questionnaire: Questionnaire, shared: Shared) -> None:
    """Scores by role, for the roles with at least 3 participants who answered."""
    comparison = shared.get("role_comparison", lambda: role_comparison(catalogue(), people))
    if comparison.shown:
        st.write("Score moyen de chaque dimension (sur 100) selon le rôle des participants.")
        rows = role_rows(comparison, questionnaire)
        table = pd.DataFrame(
            [{k: v if isinstance(v, str) else french_number(v) for k, v in row.items()} for row in rows]
        )
        st.table(table, hide_index=True)
        st.caption("« – » : dimension non évaluée par ce groupe (aucun niveau donné).")
    if comparison.hidden:
        hidden = ", ".join(f"{role(r).plural} ({n})" for r, n in comparison.hidden.items())
        st.caption(f"Non affichés, moins de {MIN_GROUP} participants ayant répondu : {hidden}.")
    if not comparison.shown and not comparison.hidden:
        st.info("Aucune réponse pour l’instant.")


def comments(people: Sequence[Participant], questionnaire: Questionnaire, numbers: dict[str, int]) -> None:
    """Comments per question, shown once at least 3 people answered it; never with their author."""
    shown = hidden = 0
    for _, question in questionnaire.questions():
        if question.id not in numbers:
            continue
        texts = question_comments(question.id, people)
        if texts is None:
            hidden += any(p.responses.comments.get(question.id) for p in people)
            continue
        if not texts:
            continue
        shown += 1
        with st.expander(f"Q{numbers[question.id]}. {escape_markdown(question.text)} ({len(texts)})"):
            for text in texts:
                st.text(text)
    if not shown:
        st.info("Aucun commentaire à afficher pour l’instant.")
    if hidden:
        st.caption(
            f"{hidden} question(s) ont des commentaires qui s’afficheront quand {MIN_GROUP} personnes y auront répondu."
        )


def live_panel(workshop: WorkshopRecord) -> None:
    """Everything that refreshes on its own."""
    questionnaire = catalogue().questionnaire(workshop.questionnaire_id)
    shared = Shared(workshop.id, store().workshop_revision(workshop.id))
    people = shared.get("participants", lambda: participants(workshop.id))
    stats = shared.get("group_stats", lambda: group_stats(questionnaire, people))
    numbers = question_numbers(questionnaire, catalogue(), workshop.profile.get("authority_type"))
    items = shared.get("agenda", lambda: agenda(questionnaire, numbers, stats))
    started = contributors(people)
    cols = st.columns(4)
    cols[0].metric("Participants", len(people))
    cols[1].metric("Ont commencé", len(started))
    cols[2].metric("Ont terminé", sum(p.finished for p in people))
    cols[3].metric("Questions divergentes", sum(i.stats.divergent for i in items) if len(started) >= MIN_GROUP else "–")
    st.caption(
        f"Mis à jour à {datetime.now(PARIS).strftime('%H:%M:%S')}, actualisation automatique toutes les 5 secondes."
    )
    # on_change="rerun": tabs keep their selection across refreshes and only the open one is computed.
    tabs = st.tabs(list(TABS), key=keys.DASHBOARD_TABS, on_change="rerun")
    views: tuple[Callable[[], None], ...] = (
        lambda: participation(people, questionnaire, shared),
        lambda: radar(people, shared),
        lambda: distribution(people, questionnaire, stats, numbers),
        lambda: discussion(people, items),
        lambda: roles(people, questionnaire, shared),
        lambda: comments(people, questionnaire, numbers),
    )
    for tab, view in zip(tabs, views, strict=True):
        if tab.open is not False:
            with tab:
                view()
