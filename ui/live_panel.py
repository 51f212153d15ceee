"""The facilitator's live view: who answers, the group radar, distributions, agenda, roles, comments.

Everything here is read-only and re-run every few seconds inside an `st.fragment`; what may be
shown is decided by `workshops.anonymity` (tested without Streamlit). Tables are `st.table`,
not `st.dataframe`, so that no built-in CSV download hands out cells unneutralised. The figures
are computed once per change of the workshop's data and shared by every screen of the process
(`services.workshops.live_figures`): the projector and the laptop cost one computation per change.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from reports.charts import group_distribution_figure
from scoring.completion import question_numbers
from scoring.french import number
from scoring.models import Questionnaire
from services import WorkshopRecord, presenter, workshops
from ui import keys, workshop_charts, workshop_discussion
from ui.a11y import CHART_CONFIG
from ui.resources import catalogue, store
from ui.text import escape_markdown
from workshops import anonymity
from workshops.analysis import AgendaItem, agenda, role_rows
from workshops.anonymity import GroupFigures
from workshops.participants import Participant

PARIS = ZoneInfo("Europe/Paris")
TABS = ("Participation", "Radar du groupe", "Répartition des réponses", "Ordre du jour", "Par rôle", "Commentaires")
DIVERGENT = "__divergent__"


def _threshold() -> int:
    return anonymity.min_people(catalogue())


def _too_few(people: int) -> None:
    st.info(
        f"Cette vue s’affiche dès que {_threshold()} participants ont commencé à répondre "
        f"(pour l’instant : {people}), afin que personne ne soit reconnaissable.",
        icon=":material/visibility_off:",
    )


def participation(people: Sequence[Participant]) -> None:
    """Counts of who joined, started and finished, per role when the role is large enough; no names."""
    if not people:
        st.info("Aucun participant pour l’instant. Projetez le code ou le QR code pour qu’ils rejoignent l’atelier.")
        return
    rows = [
        {"Rôle": c.label, "Ont rejoint": c.joined, "Ont commencé": c.started, "Ont terminé": c.finished}
        for c in anonymity.participation(people, _threshold())
    ]
    st.table(pd.DataFrame(rows), hide_index=True)
    st.caption(f"Un rôle n’a sa ligne que s’il réunit au moins {_threshold()} personnes, et le reste du groupe aussi.")
    st.caption("Aucun prénom n’est affiché : un nom à côté d’un avancement dirait à qui est la dernière réponse.")


def radar(figures: GroupFigures | None, started: int) -> None:
    """Group mean radars with the min–max band, and their numbers."""
    if figures is None:
        _too_few(started)
        return
    st.caption(
        f"Moyenne des {figures.size} participants ayant répondu ; la zone verte va du score individuel le plus bas "
        f"au plus haut (sur une dimension où au moins {_threshold()} personnes ont un score)."
    )
    cols = st.columns(2)
    for col, half in zip(cols, workshop_charts.HALVES, strict=True):
        with col:
            st.plotly_chart(
                workshop_charts.group_radar(figures, half),
                key=f"dash_radar:{half}",
                config=CHART_CONFIG,
                theme=None,
            )
            with st.expander("Données du radar"):
                st.table(workshop_charts.group_table(figures, half), hide_index=True)


def distribution(
    figures: GroupFigures | None, started: int, questionnaire: Questionnaire, numbers: dict[str, int]
) -> None:
    """Stacked bars of answers per question: the divergent ones, or one dimension's."""
    if figures is None:
        _too_few(started)
        return
    stats = figures.stats
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
        ids = [q.id for q in questionnaire.dimension(chosen).questions if q.id in numbers and q.id in stats]
    if not ids:
        st.success(
            "Rien à afficher pour l’instant : aucune question divergente, ou pas encore "
            f"{_threshold()} réponses aux questions choisies."
        )
        return
    st.plotly_chart(
        group_distribution_figure(stats, questionnaire, ids, numbers),
        key="dash_distribution",
        config=CHART_CONFIG,
        theme=None,
    )
    st.caption("Chaque segment porte le numéro du niveau choisi ; le tableau ci-dessous donne les effectifs.")
    with st.expander("Données du graphique (nombre de participants par niveau)"):
        st.table(workshop_charts.distribution_table(stats, questionnaire, ids), hide_index=True)


def agenda_table(items: Sequence[AgendaItem]) -> pd.DataFrame:
    """The discussion agenda as a table: divergent questions first."""
    return pd.DataFrame(
        [
            {
                "Q.": f"Q{item.number}",
                "Question": textwrap.shorten(item.question.text, 70, placeholder="…"),
                "Écart": item.stats.spread,
                "Moy.": number(item.stats.mean, 1),
                "Niveaux": item.stats.answered,
                "NSP": item.stats.dk,
                "NC": item.stats.na,
                "À discuter": "oui" if item.stats.divergent else "",
            }
            for item in items
        ]
    )


def discussion(figures: GroupFigures | None, started: int, items: Sequence[AgendaItem]) -> None:
    """Questions ranked by spread: the discussion agenda."""
    if figures is None:
        _too_few(started)
        return
    divergent = sum(item.stats.divergent for item in items)
    st.write(
        f"**{divergent} question{'s' if divergent > 1 else ''} divergente{'s' if divergent > 1 else ''}** "
        "(niveaux donnés écartés d’au moins 2 crans) : à discuter en premier, dans cet ordre."
    )
    if items:
        st.table(agenda_table(items), hide_index=True)
        st.caption("Moy.\u00a0: niveau moyen ; NSP : « je ne sais pas » ; NC : « non concerné ».")


def roles(people: Sequence[Participant], questionnaire: Questionnaire) -> None:
    """Scores by role, for the roles that and whose complement cover enough people."""
    threshold = _threshold()
    figures = anonymity.role_figures(catalogue(), people, threshold)
    if figures:
        st.write("Score moyen de chaque dimension (sur 100) selon le rôle des participants.")
        rows = role_rows(figures, questionnaire)
        table = pd.DataFrame([{k: v if isinstance(v, str) else number(v) for k, v in row.items()} for row in rows])
        st.table(table, hide_index=True)
        st.caption(
            f"« – » : dimension non évaluée pour ce rôle. Une question ne compte pour un rôle que si au moins "
            f"{threshold} personnes de ce rôle et {threshold} des autres y ont répondu."
        )
    else:
        st.info(
            f"La comparaison par rôle s’affiche quand un rôle réunit au moins {threshold} personnes, le reste du "
            f"groupe aussi, et que les rôles non montrés réunissent aucune ou au moins {threshold} personnes."
        )


def comments(people: Sequence[Participant], questionnaire: Questionnaire, numbers: dict[str, int], key: str) -> None:
    """Comments per question, shown once enough people commented on it, never with their author."""
    threshold = _threshold()
    shown = 0
    for _, question in questionnaire.questions():
        if question.id not in numbers:
            continue
        texts = anonymity.visible_comments(question.id, people, threshold, key)
        if not texts:
            continue
        shown += 1
        with st.expander(f"Q{numbers[question.id]}. {escape_markdown(question.text)} ({len(texts)})"):
            for text in texts:
                st.text(text)
    if not shown:
        st.info("Aucun commentaire à afficher pour l’instant.")
    st.caption(f"Les commentaires d’une question s’affichent quand au moins {threshold} personnes l’ont commentée.")


def _n(count: int, singular: str, plural: str) -> str:
    return f"**{count}** {singular if count < 2 else plural}"


def counts_line(people: int, started: int, finished: int, items: Sequence[AgendaItem] | None) -> str:
    """« 8 participants · 8 ont commencé · 2 ont terminé · 5 questions divergentes · mis à jour à … »."""
    divergent = (
        "**–** questions divergentes"
        if items is None
        else _n(sum(i.stats.divergent for i in items), "question divergente", "questions divergentes")
    )
    return (
        f"{_n(people, 'participant', 'participants')} · {_n(started, 'a commencé', 'ont commencé')} · "
        f"{_n(finished, 'a terminé', 'ont terminé')} · {divergent} · mis à jour à "
        f"{datetime.now(PARIS).strftime('%H:%M:%S')} (toutes les 5 secondes)"
    )


def live_panel(workshop: WorkshopRecord) -> None:
    """Everything that refreshes on its own: counts, the question under discussion, the tabs."""
    questionnaire = catalogue().questionnaire(workshop.questionnaire_id)
    live = workshops.live_figures(store(), catalogue(), workshop)
    people, figures = live.people, live.figures
    state = presenter.state(store(), workshop)
    stats = figures.stats if figures else {}
    numbers = question_numbers(questionnaire, catalogue().territories, workshop.profile.get("authority_type"))
    items = agenda(questionnaire, numbers, stats)
    started = len(anonymity.contributors(people))
    st.caption(counts_line(len(people), started, sum(p.finished for p in people), items if figures else None))
    workshop_discussion.current_question(workshop, state, people)
    # on_change="rerun": tabs keep their selection across refreshes and only the open one is computed.
    tabs = st.tabs(list(TABS), key=keys.DASHBOARD_TABS, on_change="rerun")
    views: tuple[Callable[[], None], ...] = (
        lambda: participation(people),
        lambda: radar(figures, started),
        lambda: distribution(figures, started, questionnaire, numbers),
        lambda: discussion(figures, started, items),
        lambda: roles(people, questionnaire),
        lambda: comments(people, questionnaire, numbers, workshop.id),
    )
    for tab, view in zip(tabs, views, strict=True):
        if tab.open is not False:
            with tab:
                view()
