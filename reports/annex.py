"""PDF workshop section and method annex, written from the catalogue data (never from copied numbers)."""

from __future__ import annotations

from reports.document import MUTED, ReportDocument
from reports.french import NBSP, decimal, plural
from reports.model import ReportInput
from reports.narrative import answer_label, dimension_codes, question_codes
from scoring.engine import shown_score
from scoring.group import DIVERGENCE_SPREAD, divergence_agenda

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
    pdf.paragraph(f"{plural(ws.participant_count, 'participant')} ont répondu chacun de leur côté, puis le groupe "
                  "a discuté des écarts et retenu une réponse commune. Les scores de ce rapport sont ceux des "
                  "réponses retenues.", size=9.5)
    pdf.heading("Participation", 2, keep_with=25)
    rows = [[role, str(n)] for role, n in ws.participants_by_role.items()]
    rows.append(["Total", str(ws.participant_count)])
    pdf.data_table(["Rôle", "Participants"], rows, [70, 30], ["L", "R"], width=100)
    pdf.heading("Questions les plus discutées", 2, keep_with=30)
    divergent = [s for s in divergence_agenda(ws.stats) if s.divergent][:MAX_DIVERGENT]
    pdf.paragraph(f"Questions où les niveaux donnés s’écartent d’au moins {DIVERGENCE_SPREAD} crans, de la plus "
                  "divergente à la moins divergente.", size=9, colour=MUTED)
    if divergent:
        rows = []
        for st in divergent:
            given = " · ".join(f"niv.{NBSP}{lv}{NBSP}: {n}" for lv, n in st.levels.items())
            others = f" · JSP{NBSP}: {st.dk}" if st.dk else ""
            rows.append([codes[st.question_id], questions[st.question_id].text, given + others, str(st.spread),
                         decimal(st.mean) if st.mean is not None else "–"])
        pdf.data_table(["Code", "Question", "Réponses données", "Écart", "Moyenne"], rows, [14, 78, 50, 14, 18],
                       ["L", "L", "L", "R", "R"], size=8)
    else:
        pdf.paragraph("Aucune question n’a divisé le groupe.", style="I")
    pdf.heading("Réponse retenue et moyenne du groupe", 2, keep_with=40)
    dim_codes = dimension_codes(q)
    rows = []
    for ds in report.scores.dimensions:
        mean = ws.group_scores.dimension(ds.dimension.id).score
        rows.append([f"{dim_codes[ds.dimension.id]} {ds.dimension.short_title}",
                     "–" if mean is None else decimal(mean),
                     "–" if ds.score is None else decimal(ds.score)])
    pdf.data_table(["Dimension", "Score moyen du groupe", "Score retenu"], rows, [80, 45, 45], ["L", "R", "R"],
                   size=8.5, width=170)
    pdf.heading("Par question", 3, keep_with=30)
    rows = []
    for _, question in q.questions():
        stats = ws.stats.get(question.id)
        retained = ws.consolidated.answers.get(question.id)
        rows.append([codes[question.id], question.text,
                     "–" if stats is None or stats.mean is None else decimal(stats.mean),
                     answer_label(question, retained).split(" – ")[0]])
    pdf.data_table(["Code", "Question", "Moyenne", "Retenue"], rows, [14, 110, 20, 30], ["L", "L", "R", "L"], size=7.5)


def method(pdf: ReportDocument, report: ReportInput) -> None:
    """How the numbers are computed, with the bands, weights and thresholds of the catalogue files."""
    catalogue, q = report.catalogue, report.scores.questionnaire
    rules = catalogue.rules
    pdf.add_page()
    pdf.heading("Annexe : méthode")
    levels = sorted({qq.max_level for _, qq in q.questions()})
    top = "/".join(str(v) for v in levels)
    pdf.paragraph(f"Questionnaire{NBSP}: {q.title}, version {q.version} ({len(q.dimensions)} dimensions, "
                  f"{len(q.questions())} questions, environ {q.estimated_minutes}{NBSP}minutes).", size=9.5)
    pdf.heading("Calcul des scores", 2, keep_with=40)
    lines = [
        f"Chaque question se répond sur une échelle de 0 à {top} dont chaque niveau est décrit. Une réponse vaut "
        "niveau choisi ÷ niveau maximal de l’échelle.",
        "Score d’une dimension = 100 × Σ (poids × niveau ÷ niveau maximal) ÷ Σ poids, sur les questions qui ont "
        "reçu un niveau. «\u00a0Je ne sais pas\u00a0», «\u00a0non concerné\u00a0» et l’absence de réponse sont "
        "laissés de côté\u00a0: ils ne comptent jamais comme zéro.",
        "Une dimension sans aucun niveau donné est «\u00a0non évaluée\u00a0» (ou «\u00a0non concernée\u00a0» si "
        "toutes ses questions le sont)\u00a0; elle apparaît comme un vide sur le radar.",
        "Couverture = part (pondérée) des questions applicables, hors «\u00a0non concerné\u00a0», qui ont reçu un "
        "niveau. Part de «\u00a0je ne sais pas\u00a0» = part (pondérée) de ces mêmes questions répondues ainsi.",
        "Indices (global, motivation, ressources) = moyenne des scores des dimensions évaluées, pondérée par le "
        f"poids des dimensions{_weights(report)}.",
        f"Priorité = importance ÷ 3 × (100 − score). Quand l’importance n’est pas renseignée, elle vaut "
        f"{rules.default_importance}/3. Libellés{NBSP}: {_priority_labels(report)}.",
    ]
    for line in lines:
        pdf.bullet(line, size=9)
    pdf.heading("Paliers de maturité", 2, keep_with=45)
    bands = catalogue.bands.bands
    rows = []
    for i, band in enumerate(bands):
        upper = f"moins de {_num(bands[i + 1].min)}" if i + 1 < len(bands) else "100"
        rows.append([band.label, f"de {_num(band.min)} à {upper}", band.description])
    pdf.data_table(["Palier", "Scores", "Ce que cela signifie"], rows, [30, 34, 110], size=8.5)
    example = bands[1].min - 0.4
    pdf.paragraph(f"Un score à la limite de deux paliers appartient au palier supérieur. Le palier se lit sur le "
                  f"score exact, et les scores sont affichés arrondis à l’unité inférieure pour ne jamais montrer une "
                  f"borne non atteinte{NBSP}: un score de {decimal(example)} s’affiche {shown_score(example)} et reste "
                  f"au palier «{NBSP}{bands[0].label}{NBSP}».",
                  size=8.5, colour=MUTED)
    pdf.heading("Règles de recommandation", 2, keep_with=35)
    weak, intro, unknown = rules.weak_dimension, rules.introduction, rules.unknown_answers
    band_label = next((b.label for b in bands if b.id == weak.below_band), weak.below_band)
    unknown_dim = next((d.title for d in q.dimensions if d.id == unknown.resources_dimension),
                       unknown.resources_dimension)
    for line in (
        f"Fiches d’introduction du kit quand l’indice global est inférieur à {_num(intro.global_index_below)}.",
        f"Pour chaque dimension sous le palier «\u00a0{band_label}\u00a0» et d’importance au moins "
        f"{weak.min_importance}/3{NBSP}: jusqu’à {weak.max_fiches} fiches et les acteurs de la dimension, "
        "par priorité décroissante.",
        f"Quand la couverture d’une dimension est inférieure à {_num(unknown.coverage_below)}{NBSP}% avec au moins "
        f"{_num(unknown.min_dk_share)}{NBSP}% de «\u00a0je ne sais pas\u00a0»{NBSP}: jusqu’à {unknown.max_fiches} "
        f"fiches et les acteurs de la dimension «\u00a0{unknown_dim}\u00a0».",
        "Une fiche dont le numéro ou le titre n’a pas pu être vérifié est signalée «\u00a0titre non confirmé\u00a0». "
        "Les kits complets sont publiés par le RTES (https://www.rtes.fr).",
    ):
        pdf.bullet(line, size=9)
    pdf.heading("Échelle d’importance", 2, keep_with=20)
    pdf.paragraph(" · ".join(f"{lv.value}{NBSP}: {lv.label}" for lv in q.importance_scale), size=9)
    pdf.paragraph("Les commentaires et le plan d’action sont reproduits tels que saisis.", size=8.5, colour=MUTED)


def _weights(report: ReportInput) -> str:
    dims = report.scores.questionnaire.dimensions
    if len({d.weight for d in dims}) == 1:
        return f" (toutes de poids {_num(dims[0].weight)})"
    return " (" + ", ".join(f"{d.short_title}{NBSP}: {_num(d.weight)}" for d in dims) + ")"


def _priority_labels(report: ReportInput) -> str:
    labels = report.catalogue.rules.priority_labels
    parts = []
    for i, rung in enumerate(labels):
        upper = f" à moins de {_num(labels[i + 1].min)}" if i + 1 < len(labels) else " et plus"
        parts.append(f"{rung.label} de {_num(rung.min)}{upper}")
    return ", ".join(parts)
