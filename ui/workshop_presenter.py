"""The projected screen of a workshop: join code and QR code, then one question at a time.

Read-only: it shows what the facilitator's dashboard chose (`services.presenter`) and only the
figures `workshops.anonymity` allows. Sized for a 1280×720 projector, without sidebar.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import streamlit as st

from reports.charts import group_distribution_figure
from scoring.completion import question_numbers
from scoring.french import number
from scoring.models import Questionnaire
from scoring.wording import answer_label
from services import PresenterState, WorkshopRecord, presenter, workshops
from ui.resources import catalogue, store
from ui.workshop_data import participants
from workshops import anonymity, links
from workshops.participants import Participant
from workshops.presenting import order, role_means

MAX_COMMENTS = 4
CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] {display: none;}
[data-testid="stMainBlockContainer"] {padding: 1rem 2rem 0 2rem; max-width: 100%;}
.presenter-kicker {font-size: 1.4rem; color: #444; margin: 0;}
.presenter-question {font-size: 2.1rem; font-weight: 700; line-height: 1.2; margin: 0.2rem 0 0.6rem 0;}
.presenter-code {font-size: 6rem; font-weight: 700; letter-spacing: 0.12em; margin: 0;
  font-family: DejaVu Sans Mono, monospace;}
.presenter-big {font-size: 1.6rem; margin: 0.2rem 0;}
.presenter-comment {font-size: 1.25rem; margin: 0.2rem 0; padding-left: 0.6rem; border-left: 4px solid #7B5EA7;}
</style>
"""


def _p(text: str, css: str) -> None:
    """A paragraph of escaped text in one of the presenter's large styles."""
    st.html(f'<p class="{css}">{html.escape(text)}</p>')


def hide_chrome() -> None:
    """No sidebar, no header, large type (a constant style sheet)."""
    st.html(CSS)


def join_screen(workshop: WorkshopRecord, base: str, people: int) -> None:
    """Before the start: the code, the QR code and how many joined."""
    link = links.join_link(base, workshop.join_code)
    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        _p(workshop.title, "presenter-question")
        _p("Rejoignez l’atelier avec ce code\u00a0:", "presenter-big")
        _p(links.display_code(workshop.join_code), "presenter-code")
        _p(f"sur {base}/{links.JOIN_PATH}", "presenter-kicker")
        _p(f"{people} participant{'s' if people > 1 else ''} connecté{'s' if people > 1 else ''}", "presenter-big")
    with right:
        st.image(links.qr_png(link), width=380, caption="Scannez pour rejoindre l’atelier")


def _timer(state: PresenterState) -> str:
    left = presenter.seconds_left(state)
    if left is None:
        return ""
    return " · temps écoulé" if left == 0 else f" · temps restant {left // 60:02d}:{left % 60:02d}"


def _comments(texts: Sequence[str]) -> None:
    st.markdown("**Commentaires**")
    for text in texts[:MAX_COMMENTS]:
        _p(text if len(text) <= 220 else text[:219] + "…", "presenter-comment")
    if len(texts) > MAX_COMMENTS:
        st.caption(f"… et {len(texts) - MAX_COMMENTS} autre(s) commentaire(s), sur le tableau de bord.")


def question_screen(
    workshop: WorkshopRecord, state: PresenterState, questionnaire: Questionnaire, people: Sequence[Participant]
) -> None:
    """One question: its text, the response counter and, once revealed, its results."""
    cat = catalogue()
    threshold = anonymity.room_min_people(cat)  # the room: each participant knows their own answer
    numbers = question_numbers(questionnaire, cat.territories, workshop.profile.get("authority_type"))
    figures = anonymity.group_figures(cat, people, threshold)
    stats = figures.stats if figures else {}
    ids = order(questionnaire, numbers, stats)
    qid = state.question_id if state.question_id in numbers else (ids[0] if ids else None)
    if qid is None:
        _p("Aucune question à afficher.", "presenter-big")
        return
    dimension, question = next((d, q) for d, q in questionnaire.questions() if q.id == qid)
    given = sum(p.responses.answers.get(qid) is not None for p in people)
    _p(
        f"Q{numbers[qid]} · {dimension.short_title} · {ids.index(qid) + 1} / {len(ids)} à l’ordre du jour"
        f" · {given} réponse{'s' if given > 1 else ''} sur {len(people)}{_timer(state)}",
        "presenter-kicker",
    )
    _p(f"Q{numbers[qid]}. {question.text}", "presenter-question")
    if not state.revealed:
        _p("Les résultats s’afficheront quand l’animateur les révélera.", "presenter-big")
        return
    if qid not in stats:
        _p(f"Moins de {threshold} réponses à cette question\u00a0: résultats non affichés.", "presenter-big")
        return
    means = role_means(questionnaire, people, qid, threshold)
    texts = anonymity.visible_comments(qid, people, threshold, workshop.id)
    # The chart takes the whole width unless there are role figures or comments to show beside it.
    left, right = st.columns([3, 2]) if means or texts else (st.container(), None)
    with left:
        fig = group_distribution_figure(stats, questionnaire, [qid], numbers)
        fig.update_yaxes(showticklabels=False)
        fig.update_layout(
            height=330, font={"size": 18}, legend={"font": {"size": 17}}, margin={"l": 10, "r": 10, "t": 90, "b": 50}
        )
        st.plotly_chart(fig, key="presenter_chart", theme=None, config={"displayModeBar": False, "staticPlot": True})
        s = stats[qid]
        agreed = workshops.collegial_responses(store(), workshop).answers.get(qid)
        if agreed is not None:
            level = next((lv.label for lv in question.levels if lv.value == agreed), "")
            said = answer_label(agreed) if isinstance(agreed, str) else f"{agreed} · {level}"
            _p(f"Réponse retenue par le groupe\u00a0: {said}", "presenter-big")
        elif s.mean is not None:
            _p(
                f"Moyenne {number(s.mean, 1)} · écart {s.spread}{' · à discuter' if s.divergent else ''}",
                "presenter-big",
            )
    if right is None:
        return
    with right:
        if means:
            st.markdown("**Par rôle** (niveau moyen)")
            for m in means:
                _p(f"{m.label}\u00a0: {number(m.mean, 1)} ({m.size} réponses)", "presenter-big")
        if texts:
            _comments(texts)


def screen(workshop: WorkshopRecord, state: PresenterState, base: str) -> None:
    """Whatever the presenter view shows right now."""
    people = participants(workshop.id)
    if not state.started:
        join_screen(workshop, base, len(people))
        return
    question_screen(workshop, state, catalogue().questionnaire(workshop.questionnaire_id), people)
