"""PDF chapters: detail per dimension, recommendations, action plan."""

from __future__ import annotations

from reports import advice
from reports.document import MUTED, Para, ReportDocument
from reports.model import ReportInput
from reports.narrative import (
    answer_description,
    answer_label,
    dimension_codes,
    importance_text,
    question_codes,
    status_text,
    target_text,
)
from scoring.engine import applies
from scoring.french import NBSP, decimal, long_date, percent, plain, typeset
from scoring.group import QuestionStats
from scoring.models import Question
from scoring.recommend import priority_label
from scoring.wording import status_label

PLAN_HEADER = ("Dimension", "Action", "Pilote et partenaires", "Échéance et statut", "Fiches", "Indicateur et suivi")
PLAN_WIDTHS = (24, 42, 34, 22, 24, 28)


def detail(pdf: ReportDocument, report: ReportInput) -> None:
    """Each dimension: its numbers, then every question with the answer, the level's description and the comment."""
    pdf.add_page()
    pdf.heading("Détail par dimension")
    q = report.scores.questionnaire
    dim_codes, q_codes = dimension_codes(q), question_codes(q)
    stats = report.workshop.stats if report.workshop else {}
    for ds in report.scores.dimensions:
        dim = ds.dimension
        pdf.heading(f"{dim_codes[dim.id]} · {dim.title}", 2, keep_with=40)
        facts = [
            f"Score{NBSP}: {status_text(ds)}",
            f"couverture{NBSP}: {percent(ds.coverage)}",
            f"je ne sais pas{NBSP}: {percent(ds.dk_share)}",
            f"importance{NBSP}: {importance_text(ds)}",
        ]
        facts.append(f"cible{NBSP}: {target_text(ds)}")
        if ds.priority is not None:
            facts.append(f"priorité{NBSP}: {round(ds.priority)}/100 ({priority_label(report.catalogue, ds.priority)})")
        pdf.paragraph(" · ".join(facts), size=9.5, style="B", after=1)
        pdf.paragraph(dim.description, size=9, colour=MUTED, after=2)
        if report.responses.comments.get(dim.id):
            pdf.paragraph(f"Commentaire sur la dimension{NBSP}:", size=9, style="I", after=0)
            pdf.paragraph(report.responses.comments[dim.id], size=9, style="I", user_text=True, indent=4)
        for question in dim.questions:
            pdf.block(_question_block(report, question, q_codes[question.id], stats.get(question.id)), after=1.6)


def _question_block(report: ReportInput, question: Question, code: str, st: QuestionStats | None) -> list[Para]:
    """A question, the answer given, the level's description, the group's spread and the comment."""
    paras = [Para(f"{code}  {question.text}", 9.5, "B", after=0.6)]
    if not applies(question, report.scores.authority_type, report.catalogue.territories):
        return [*paras, Para("Question non posée à ce type de collectivité.", 9, "I", MUTED, indent=4)]
    value = report.responses.answers.get(question.id)
    paras.append(Para(f"Réponse{NBSP}: {answer_label(question, value)}", 9, indent=4, after=0.4))
    description = answer_description(question, value)
    if description:
        paras.append(Para(description, 8.5, colour=MUTED, indent=4, after=0.4))
    if st is not None and st.mean is not None:
        note = " – avis divergents" if st.divergent else ""
        paras.append(
            Para(
                f"Groupe{NBSP}: moyenne {decimal(st.mean)}, écart {st.spread} niveau(x){note} "
                f"({st.answered} niveau(x) donné(s), {st.dk} «{NBSP}je ne sais pas{NBSP}», "
                f"{st.na} «{NBSP}non concerné{NBSP}»)",
                8.5,
                colour=MUTED,
                indent=4,
                after=0.4,
            )
        )
    comment = report.responses.comments.get(question.id)
    if comment:
        paras.append(Para(f"Commentaire{NBSP}:", 8.5, "I", indent=4, after=0))
        paras.append(Para(comment, 8.5, "I", user_text=True, indent=8, after=0.4))
    return paras


def recommendations(pdf: ReportDocument, report: ReportInput) -> None:
    """« Vos priorités » and « Autres pistes », as on the results page (see `reports.advice`)."""
    advice.recommendations(pdf, report)


def action_plan(pdf: ReportDocument, report: ReportInput) -> None:
    """The action plan as a table; actor and fiche ids are shown by name."""
    pdf.add_page()
    pdf.heading("Plan d’action")
    if not report.action_plan.actions:
        pdf.paragraph("Aucune action n’a encore été inscrite au plan d’action.", style="I")
        return
    catalogue = report.catalogue
    actors = {a.id: a.name for a in catalogue.actors.actors}
    fiches = {f.id: f for f in catalogue.fiches.fiches}
    kits = {k.id: k.title for k in catalogue.fiches.kits}
    dims = {d.id: d.short_title for d in report.scores.questionnaire.dimensions}
    rows = []
    for item in report.action_plan.actions:
        fiche_names = []
        for fid in item.fiches:
            fiche = fiches.get(fid)
            if fiche is None:
                fiche_names.append(plain(fid))
            elif fiche.verified:  # an unconfirmed title or number never goes in an élu-facing report
                number = f" n°{NBSP}{fiche.number}" if fiche.number else ""
                fiche_names.append(f"{kits.get(fiche.kit, fiche.kit)}{number}")
        people = plain(item.lead) or "pilote à désigner"
        partners = [actors.get(a, plain(a)) for a in item.partners] + (
            [plain(item.other_partners)] if item.other_partners else []
        )
        if partners:
            people += "\n" + typeset("avec " + ", ".join(partners))
        when = long_date(item.deadline) if item.deadline else "à fixer"
        follow_up = plain(item.indicator) + (f"\n{plain(item.progress_note)}" if item.progress_note else "")
        rows.append(
            [
                dims.get(item.dimension_id, plain(item.dimension_id)),
                plain(item.what),
                people,
                f"{when}\n{status_label(item.status)}",
                ", ".join(fiche_names),
                follow_up,
            ]
        )
    pdf.data_table(PLAN_HEADER, rows, PLAN_WIDTHS, size=8, user_columns=(1, 2, 3, 5))
    pdf.paragraph(typeset("Pilote, échéance et indicateur sont ceux saisis par la collectivité."), size=8, colour=MUTED)
