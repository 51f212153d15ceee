"""PDF: « Vos priorités », « Autres pistes » and « Points forts », the structure the results page shows
(`scoring.priorities.prioritise`), without any fiche whose title or number is unconfirmed."""

from __future__ import annotations

from reports.document import MUTED, Para, ReportDocument
from reports.model import ReportInput
from reports.narrative import answer_label, status_text
from scoring.french import NBSP
from scoring.priorities import FicheUse, Priority, Recommendations, WeakAnswer
from scoring.resources import NamedActor


def elu_fiches(uses: list[FicheUse]) -> list[FicheUse]:
    """The fiches fit for an élu-facing report: confirmed ones only."""
    return [use for use in uses if use.verified]


def fiche_text(use: FicheUse, titles: dict[str, str], shown_for: str) -> str:
    """« MunicipalESS (édition 2026), fiche n° 10 : Titre — sert aussi : Dimension »."""
    edition = f" (édition {use.edition})" if use.edition else ""
    number = f", fiche n°{NBSP}{use.fiche.number}" if use.fiche.number else ""
    others = [titles[d] for d in use.serves if d != shown_for and d in titles]
    serves = f" — sert aussi{NBSP}: {', '.join(others)}" if others else ""
    return f"{use.kit_title}{edition}{number}{NBSP}: {use.fiche.title}{serves}"


def _names(actors: list[NamedActor]) -> str:
    return ", ".join(named.name for named in actors)


def _step_paras(weak: WeakAnswer) -> list[Para]:
    paras = [
        Para(weak.question.text, 9.5, "B", after=0.4, indent=4),
        Para(f"Votre réponse{NBSP}: {answer_label(weak.question, weak.level.value)}", 9, indent=8, after=0.4),
    ]
    if weak.next_step:
        paras.append(Para(f"Étape suivante{NBSP}: {weak.next_step}", 9, indent=8, after=0.4))
    if weak.actors:
        paras.append(Para(f"Avec{NBSP}: {_names(weak.actors)}", 8.5, colour=MUTED, indent=8, after=0.4))
    return paras


def _priority(pdf: ReportDocument, item: Priority, titles: dict[str, str], number: int | None) -> None:
    dim_id = item.score.dimension.id
    title = item.score.dimension.title
    pdf.heading(f"{number}. {title}" if number else title, 3, keep_with=28)
    pdf.paragraph(item.reason, size=9.5, after=1)
    for weak in item.weak_answers:
        pdf.block(_step_paras(weak), after=1)
    fiches = elu_fiches(item.fiches)
    if fiches:
        pdf.paragraph(f"Fiches à lire{NBSP}:", size=9.5, style="B", after=0.5)
        for use in fiches:
            pdf.bullet(fiche_text(use, titles, dim_id), size=9)
            if use.fiche.url:  # the kit's page is given once, at the top of the chapter
                pdf.paragraph(use.fiche.url, size=8, colour=MUTED, indent=8, after=0.5)
    see_also = elu_fiches(item.see_also)
    if see_also:
        names = ", ".join(f"{u.fiche.title} (voir {titles.get(u.serves[0], '')})" for u in see_also)
        pdf.paragraph(f"Voir aussi{NBSP}: {names}.", size=9, after=0.5)
    if item.actors:
        pdf.paragraph(f"À contacter{NBSP}: {_names(item.actors)}.", size=9.5, after=0.5)
    pdf.ln(1.5)


def _other(pdf: ReportDocument, item: Priority) -> None:
    """A dimension of « Autres pistes », compact: its reason and the next steps of its weakest answers."""
    paras = [
        Para(item.score.dimension.title, 10, "B", after=0.4),
        Para(item.reason, 9, colour=MUTED, after=0.6),
        *(Para(f"{w.question.text} → {w.next_step}", 9, indent=4, after=0.6) for w in item.weak_answers),
    ]
    fiches = elu_fiches(item.fiches)
    if fiches:
        names = " ; ".join(fiche_text(use, {}, item.score.dimension.id) for use in fiches)
        paras.append(Para(f"Fiches{NBSP}: {names}", 8.5, colour=MUTED, indent=4, after=0.6))
    pdf.block(paras, after=1.5)


def empty_text(report: ReportInput) -> str:
    """Why there is no priority: nothing evaluated yet, or every dimension at its target."""
    if not any(ds.score is not None for ds in report.scores.dimensions):
        return "Aucune dimension n’est encore évaluée : les priorités apparaîtront avec les réponses."
    return "Aucune dimension à améliorer : toutes ont atteint leur cible."


def synthesis_lists(pdf: ReportDocument, report: ReportInput) -> None:
    """The synthesis' « Points forts » and « Vos priorités », as on the results page."""
    result = report.priorities
    pdf.heading("Points forts", 2, keep_with=25)
    for ds in result.strengths:
        pdf.bullet(f"{ds.dimension.title} — {status_text(ds)}")
    if result.no_strength_message:
        pdf.paragraph(result.no_strength_message, style="I")
    pdf.heading("Vos priorités", 2, keep_with=25)
    for n, item in enumerate(result.priorities, 1):
        pdf.bullet(f"{n}. {item.score.dimension.title} — {item.reason}")
    if not result.priorities:
        pdf.paragraph(empty_text(report), style="I")


def recommendations(pdf: ReportDocument, report: ReportInput) -> None:
    """Each priority with its weak answers, next steps, confirmed fiches and actors; then the other leads."""
    pdf.add_page()
    result = report.priorities
    pdf.heading("Vos priorités")
    kit = result.audience.kit
    intro = f"Les fiches proposées viennent du kit {kit.title} du RTES ({kit.audience})."
    if result.audience.level_assumed:
        intro += " Le type de collectivité n’étant pas renseigné, le kit du bloc communal est proposé par défaut."
    pdf.paragraph(intro, size=9.5)
    if kit.url:
        pdf.paragraph(f"Kit complet{NBSP}: {kit.url}", size=9, colour=MUTED)
    titles = {p.score.dimension.id: p.score.dimension.title for p in result.priorities + result.others}
    if not result.priorities:
        pdf.paragraph(empty_text(report), style="I")
    for n, item in enumerate(result.priorities, 1):
        _priority(pdf, item, titles, n)
    if result.others:
        pdf.heading("Autres pistes", 2, keep_with=30)
        pdf.paragraph(
            "Les autres dimensions qui ont encore une marge de progrès, avec l’étape suivante de leurs réponses "
            "les plus faibles.",
            size=9,
            colour=MUTED,
        )
        for item in result.others:
            _other(pdf, item)
    _actors_table(pdf, result)


def _actors_table(pdf: ReportDocument, result: Recommendations) -> None:
    cited: dict[str, NamedActor] = {}
    for item in result.priorities + result.others:
        for named in item.actors + [a for weak in item.weak_answers for a in weak.actors]:
            cited.setdefault(named.actor.id, named)
    if not cited:
        return
    pdf.heading("Ce que proposent ces acteurs", 2, keep_with=30)
    rows = []
    for named in cited.values():
        full = named.actor.full_name
        label = named.name if full == named.actor.name else f"{named.name} ({full})"
        rows.append([label, named.actor.offers + (f" {named.actor.url}" if named.actor.url else "")])
    pdf.data_table(["Acteur", "Ce qu’il propose"], rows, [45, 129], size=8.5)
