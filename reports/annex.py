"""PDF workshop section and method annex, written from the catalogue data (never from copied numbers)."""

from __future__ import annotations

from reports.document import MUTED, ReportDocument
from reports.model import ReportInput
from reports.narrative import answer_label, dimension_codes, question_codes
from scoring.french import NBSP, decimal, plural
from scoring.group import DIVERGENCE_SPREAD, divergence_agenda
from scoring.method import method_sections

MAX_DIVERGENT = 12


def _num(value: float) -> str:
    return decimal(value, 0) if float(value).is_integer() else decimal(value, 1)


def workshop(pdf: ReportDocument, report: ReportInput) -> None:
    """Participation, the most divergent questions, and the agreed answers against the group mean."""
    assert report.workshop is not None
    ws = report.workshop
    q = report.scores.questionnaire
    questions = {qq.id: qq for _, qq in q.questions()}
    codes = question_codes(q)
    pdf.add_page()
    pdf.heading("Atelier")
    pdf.paragraph(
        f"{plural(ws.participant_count, 'participant')} ont répondu chacun de leur côté, puis le groupe "
        "a discuté des écarts et retenu une réponse commune. Les scores de ce rapport sont ceux des "
        "réponses retenues.",
        size=9.5,
    )
    pdf.heading("Participation", 2, keep_with=25)
    rows = [[role, str(n)] for role, n in ws.participants_by_role.items()]
    rows.append(["Total", str(ws.participant_count)])
    pdf.data_table(["Rôle", "Participants"], rows, [70, 30], ["L", "R"], width=100)
    pdf.heading("Questions les plus discutées", 2, keep_with=30)
    divergent = [s for s in divergence_agenda(ws.stats) if s.divergent][:MAX_DIVERGENT]
    pdf.paragraph(
        f"Questions où les niveaux donnés s’écartent d’au moins {DIVERGENCE_SPREAD} crans, de la plus "
        "divergente à la moins divergente.",
        size=9,
        colour=MUTED,
    )
    if divergent:
        rows = []
        for st in divergent:
            given = " · ".join(f"niv.{NBSP}{lv}{NBSP}: {n}" for lv, n in st.levels.items())
            others = f" · JSP{NBSP}: {st.dk}" if st.dk else ""
            rows.append(
                [
                    codes[st.question_id],
                    questions[st.question_id].text,
                    given + others,
                    str(st.spread),
                    decimal(st.mean) if st.mean is not None else "–",
                ]
            )
        pdf.data_table(
            ["Code", "Question", "Réponses données", "Écart", "Moyenne"],
            rows,
            [14, 78, 50, 14, 18],
            ["L", "L", "L", "R", "R"],
            size=8,
        )
    else:
        pdf.paragraph("Aucune question n’a divisé le groupe.", style="I")
    pdf.heading("Réponse retenue et moyenne du groupe", 2, keep_with=40)
    dim_codes = dimension_codes(q)
    rows = []
    for ds in report.scores.dimensions:
        mean = ws.group_scores.dimension(ds.dimension.id).score
        rows.append(
            [
                f"{dim_codes[ds.dimension.id]} {ds.dimension.short_title}",
                "–" if mean is None else decimal(mean),
                "–" if ds.score is None else decimal(ds.score),
            ]
        )
    pdf.data_table(
        ["Dimension", "Score moyen du groupe", "Score retenu"], rows, [80, 45, 45], ["L", "R", "R"], size=8.5, width=170
    )
    pdf.heading("Par question", 3, keep_with=30)
    rows = []
    for _, question in q.questions():
        stats = ws.stats.get(question.id)
        retained = ws.consolidated.answers.get(question.id)
        rows.append(
            [
                codes[question.id],
                question.text,
                "–" if stats is None or stats.mean is None else decimal(stats.mean),
                answer_label(question, retained).split(" – ")[0],
            ]
        )
    pdf.data_table(["Code", "Question", "Moyenne", "Retenue"], rows, [14, 110, 20, 30], ["L", "L", "R", "L"], size=7.5)


def method(pdf: ReportDocument, report: ReportInput) -> None:
    """How the numbers are computed: the method page's sections (`scoring.method`), for this questionnaire."""
    pdf.add_page()
    pdf.heading("Annexe : méthode")
    for section in method_sections(report.catalogue, report.scores.questionnaire.id):
        pdf.heading(section.title, 2, keep_with=35)
        for paragraph in section.paragraphs:
            pdf.paragraph(paragraph, size=9)
        for line in section.bullets:
            pdf.bullet(line, size=9)
        if section.rows:
            pdf.data_table(section.header, section.rows, [30, 34, 110], size=8.5)
    pdf.paragraph(
        "Les kits complets sont publiés par le RTES (https://www.rtes.fr). Les commentaires et le plan d’action "
        "sont reproduits tels que saisis.",
        size=8.5,
        colour=MUTED,
    )
