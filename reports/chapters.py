"""PDF chapters: detail per dimension, recommendations, action plan."""

from __future__ import annotations

from reports.document import MUTED, Para, ReportDocument
from reports.french import NBSP, decimal, percent, plain, typeset
from reports.model import ReportInput
from reports.narrative import (
    answer_description,
    answer_label,
    dimension_codes,
    fiche_label,
    importance_text,
    question_codes,
    status_text,
)
from scoring.engine import applies
from scoring.group import QuestionStats
from scoring.models import Question
from scoring.recommend import priority_label

PLAN_HEADER = ("Dimension", "Action", "Pilote et partenaires", "Échéance", "Fiches", "Indicateur")
PLAN_WIDTHS = (24, 42, 34, 20, 24, 30)


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
        facts = [f"Score{NBSP}: {status_text(ds)}", f"couverture{NBSP}: {percent(ds.coverage)}",
                 f"je ne sais pas{NBSP}: {percent(ds.dk_share)}", f"importance{NBSP}: {importance_text(ds)}"]
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
        paras.append(Para(f"Groupe{NBSP}: moyenne {decimal(st.mean)}, écart {st.spread} niveau(x){note} "
                          f"({st.answered} niveau(x) donné(s), {st.dk} «{NBSP}je ne sais pas{NBSP}», "
                          f"{st.na} «{NBSP}non concerné{NBSP}»)", 8.5, colour=MUTED, indent=4, after=0.4))
    comment = report.responses.comments.get(question.id)
    if comment:
        paras.append(Para(f"Commentaire{NBSP}:", 8.5, "I", indent=4, after=0))
        paras.append(Para(comment, 8.5, "I", user_text=True, indent=8, after=0.4))
    return paras


def recommendations(pdf: ReportDocument, report: ReportInput) -> None:
    """Why each recommendation is made, the fiches to read and the actors to contact."""
    pdf.add_page()
    pdf.heading("Recommandations")
    advice, catalogue = report.advice, report.catalogue
    kit = next((k for k in catalogue.fiches.kits if k.id == advice.kit_id), None)
    intro = f"Les fiches proposées viennent du kit {advice.kit_title}"
    intro += f" ({kit.year}, {kit.audience})." if kit else "."
    if advice.kit_assumed:
        intro += (" Le type de collectivité n’étant pas renseigné, le kit du bloc communal est proposé par "
                  "défaut.")
    pdf.paragraph(intro, size=9.5)
    if kit and kit.url:
        pdf.paragraph(f"Kit complet{NBSP}: {kit.url}", size=9, colour=MUTED)
    if not advice.items:
        pdf.paragraph("Aucune recommandation ne ressort des réponses : aucune dimension importante n’est sous le "
                      "seuil retenu.", style="I")
        return
    for number, item in enumerate(advice.items, 1):
        pdf.heading(f"{number}. {item.reason}", 3, keep_with=20)
        if item.fiches:
            pdf.paragraph(f"Fiches à lire{NBSP}:", size=9.5, style="B", after=0.5)
            for fiche in item.fiches:
                pdf.bullet(fiche_label(catalogue, fiche), size=9.5)
                if fiche.url:
                    pdf.paragraph(fiche.url, size=8, colour=MUTED, indent=8, after=0.5)
        if item.actors:
            names = ", ".join(actor.name for actor in item.actors)
            pdf.paragraph(f"Acteurs à solliciter{NBSP}: {names}.", size=9.5, after=0.5)
        pdf.ln(1.5)
    cited = {actor.id: actor for item in advice.items for actor in item.actors}
    if cited:
        pdf.heading("Ce que proposent ces acteurs", 2, keep_with=30)
        rows = [[actor.name if actor.name == actor.full_name else f"{actor.name} ({actor.full_name})",
                 actor.offers + (f" {actor.url}" if actor.url else "")] for actor in cited.values()]
        pdf.data_table(["Acteur", "Ce qu’il propose"], rows, [45, 129], size=8.5)


def action_plan(pdf: ReportDocument, report: ReportInput) -> None:
    """The action plan as a table; actor and fiche ids are shown by name."""
    pdf.add_page()
    pdf.heading("Plan d’action")
    if not report.action_plan:
        pdf.paragraph("Aucune action n’a encore été inscrite au plan d’action.", style="I")
        return
    catalogue = report.catalogue
    actors = {a.id: a.name for a in catalogue.actors.actors}
    fiches = {f.id: f for f in catalogue.fiches.fiches}
    kits = {k.id: k.title for k in catalogue.fiches.kits}
    dims = {d.id: d.short_title for d in report.scores.questionnaire.dimensions}
    rows = []
    for item in report.action_plan:
        fiche_names = []
        for fid in item["fiches"]:
            fiche = fiches.get(fid)
            if fiche is None:
                fiche_names.append(plain(fid))
            else:
                number = f" n°{NBSP}{fiche.number}" if fiche.number else ""
                fiche_names.append(f"{kits.get(fiche.kit, fiche.kit)}{number}")
        people = plain(item["lead"]) or "pilote à désigner"
        if item["partners"]:
            people += "\n" + typeset("avec " + ", ".join(actors.get(a, plain(a)) for a in item["partners"]))
        rows.append([
            dims.get(item["dimension_id"], plain(item["dimension_id"])), item["what"], people,
            item["deadline"], ", ".join(fiche_names), item["indicator"],
        ])
    pdf.data_table(PLAN_HEADER, rows, PLAN_WIDTHS, size=8, user_columns=(1, 2, 3, 5))
    pdf.paragraph(typeset("Pilote, échéance et indicateur sont ceux saisis par la collectivité."), size=8,
                  colour=MUTED)
