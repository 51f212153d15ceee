"""Sentences and labels derived from the numbers, shared by the PDF and the XLSX reports."""

from __future__ import annotations

from scoring.engine import DimensionScore, Index, Scores
from scoring.french import NBSP, NNBSP, decimal, plural, score_text
from scoring.loader import Catalogue
from scoring.models import AnswerValue, Fiche, Question, Questionnaire

CLOSE_GAP = 5.0  # points: below this, motivation and resources count as level
NOT_EVALUATED = "non évalué"


def index_text(index: Index) -> str:
    """« 47/100 (Structuration) », or « non calculé »."""
    if index.value is None:
        return "non calculé"
    band = f" ({index.band.label})" if index.band else ""
    return f"{score_text(index.value)}/100{band}"


def _short(index: Index) -> str:
    return f"{score_text(index.value)}/100" if index.value is not None else "non calculé"


def reading(scores: Scores) -> list[str]:
    """Two sentences that read the indices and the spread of scores."""
    m, r = scores.motivation, scores.resource
    first = f"Indice global{NBSP}: {index_text(scores.overall)}."
    if m.value is not None and r.value is not None:
        both = f"motivation {_short(m)}, ressources {_short(r)}"
        if abs(m.value - r.value) < CLOSE_GAP:
            first += f" Les deux moitiés sont à un niveau comparable ({both})."
        elif m.value > r.value:
            first += (
                f" Les motivations sont plus avancées que les ressources mobilisées ({both}){NBSP}: "
                "l’enjeu est de passer de l’intention aux moyens."
            )
        else:
            first += (
                f" Les ressources mobilisées sont plus avancées que les motivations ({both}){NBSP}: "
                "l’enjeu est de donner un cap partagé à ces moyens."
            )
    evaluated = [ds for ds in scores.dimensions if ds.score is not None]
    if not evaluated:
        return [first, "Aucune dimension n’est évaluée pour l’instant : complétez le questionnaire."]
    low = min(evaluated, key=lambda ds: ds.score or 0.0)
    high = max(evaluated, key=lambda ds: ds.score or 0.0)
    second = (
        f"Les scores vont de {score_text(low.score)}/100 ({low.dimension.short_title}) "
        f"à {score_text(high.score)}/100 ({high.dimension.short_title})"
    )
    missing = len(scores.dimensions) - len(evaluated)
    if missing:
        second += f"{NNBSP}; {plural(missing, 'dimension')} sur {len(scores.dimensions)} sans score"
    return [first, second + "."]


def dimension_codes(questionnaire: Questionnaire) -> dict[str, str]:
    """Short codes by dimension id: M1…M7 for motivation, R1…R6 for resources."""
    codes: dict[str, str] = {}
    counters = {"motivation": 0, "resource": 0}
    for dim in questionnaire.dimensions:
        counters[dim.half] += 1
        codes[dim.id] = f"{'M' if dim.half == 'motivation' else 'R'}{counters[dim.half]}"
    return codes


def question_codes(questionnaire: Questionnaire) -> dict[str, str]:
    """Codes by question id: M1.1, M1.2…"""
    dims = dimension_codes(questionnaire)
    return {q.id: f"{dims[d.id]}.{i}" for d in questionnaire.dimensions for i, q in enumerate(d.questions, 1)}


def answer_label(question: Question, value: AnswerValue | None) -> str:
    """« Niveau 2/4 – Chiffres ponctuels », « Moyenne 2,4/4 », « Je ne sais pas »…"""
    if value is None:
        return "Sans réponse"
    if value == "dk":
        return "Je ne sais pas"
    if value == "na":
        return "Non concerné"
    top = question.max_level
    if isinstance(value, float) and not value.is_integer():
        return f"Moyenne {decimal(value)}/{top}"
    level = next((lv for lv in question.levels if lv.value == int(value)), None)
    return f"Niveau {int(value)}/{top}" + (f" – {level.label}" if level else "")


def answer_description(question: Question, value: AnswerValue | None) -> str:
    """The description of the level chosen, or an empty string (dk, na, no answer, mean)."""
    if value is None or isinstance(value, str) or (isinstance(value, float) and not value.is_integer()):
        return ""
    return next((lv.description for lv in question.levels if lv.value == int(value)), "")


def fiche_label(catalogue: Catalogue, fiche: Fiche) -> str:
    """« MunicipalESS, fiche n° 7 : Commande publique responsable (titre non confirmé) »."""
    kit = next((k.title for k in catalogue.fiches.kits if k.id == fiche.kit), fiche.kit)
    number = f", fiche n°{NBSP}{fiche.number}" if fiche.number else ""
    note = "" if fiche.verified else " (titre non confirmé)"
    return f"{kit}{number}{NBSP}: {fiche.title}{note}"


def status_text(ds: DimensionScore) -> str:
    """« 45/100 – Structuration », or « non évalué » / « non concerné »."""
    if ds.score is None:
        return NOT_EVALUATED if ds.status == "not_evaluated" else "non concerné"
    return f"{score_text(ds.score)}/100 – {ds.band.label if ds.band else ''}".rstrip(" –")


def importance_text(ds: DimensionScore) -> str:
    """« 2/3 », or « 2/3 (par défaut) » when the authority did not say."""
    return f"{ds.effective_importance}/3" + ("" if ds.importance is not None else " (par défaut)")


def target_text(ds: DimensionScore) -> str:
    """« 60/100 », or « aucune (100/100 visé) » when the authority set none."""
    return "aucune (100/100 visé)" if ds.target is None else f"{score_text(ds.target)}/100"
