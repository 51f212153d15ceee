"""Plain-data views of scores and recommendations (JSON for the CLI, rows for exports)."""

from __future__ import annotations

from typing import Any

from scoring.engine import STATUS_LABELS, DimensionScore, Index, Scores, shown_score
from scoring.priorities import FicheUse, Priority, Recommendations
from scoring.recommend import Advice


def _round(value: float | None, digits: int = 1) -> float | None:
    return None if value is None else round(value, digits)


def _shown(value: float | None) -> int | None:
    return None if value is None else shown_score(value)


def index_dict(index: Index) -> dict[str, Any]:
    """An index as {"value", "band"}, the value as people see it (a whole number rounded down)."""
    return {"value": _shown(index.value), "band": index.band.label if index.band else None}


def dimension_dict(ds: DimensionScore) -> dict[str, Any]:
    """One dimension's numbers: the score as shown on screen, the others to one decimal."""
    return {
        "id": ds.dimension.id,
        "half": ds.dimension.half,
        "title": ds.dimension.title,
        "status": ds.status,
        "status_label": STATUS_LABELS[ds.status],
        "score": _shown(ds.score),
        "band": ds.band.label if ds.band else None,
        "coverage": _round(ds.coverage),
        "dk_share": _round(ds.dk_share),
        "importance": ds.importance,
        "target": _round(ds.target),
        "priority": _round(ds.priority),
        "answered": ds.answered,
        "dk": ds.dk,
        "na": ds.na,
        "missing": ds.missing,
    }


def advice_dict(advice: Advice) -> dict[str, Any]:
    """Recommendations with their fiches and actors."""
    return {
        "kit": advice.kit_title,
        "kit_assumed": advice.kit_assumed,
        "items": [
            {
                "kind": item.kind,
                "dimension": item.dimension_id,
                "reason": item.reason,
                "priority": _round(item.priority),
                "fiches": [
                    {
                        "id": f.id,
                        "kit": f.kit,
                        "number": f.number,
                        "title": f.title,
                        "url": f.url,
                        "verified": f.verified,
                    }
                    for f in item.fiches
                ],
                "actors": [{"id": a.id, "name": a.name, "offers": a.offers} for a in item.actors],
            }
            for item in advice.items
        ],
    }


def _fiche_dict(use: FicheUse) -> dict[str, Any]:
    fiche = use.fiche
    return {
        "id": fiche.id,
        "kit": use.kit_title,
        "edition": fiche.edition,
        "number": fiche.number,
        "title": fiche.title,
        "url": use.url,
        "verified": fiche.verified,
        "serves": use.serves,
    }


def _priority_dict(item: Priority) -> dict[str, Any]:
    return {
        "dimension": item.score.dimension.id,
        "title": item.score.dimension.title,
        "score": _shown(item.score.score),
        "target": _round(item.score.target),
        "priority": _round(item.score.priority),
        "label": item.label,
        "reason": item.reason,
        "weak_answers": [
            {
                "question": w.question.id,
                "text": w.question.text,
                "level": w.level.value,
                "level_label": w.level.label,
                "next_step": w.next_step,
                "actors": [a.name for a in w.actors],
                "fiches": [f.fiche.id for f in w.fiches],
            }
            for w in item.weak_answers
        ],
        "fiches": [f.fiche.id for f in item.fiches],
        "see_also": [f.fiche.id for f in item.see_also],
        "actors": [a.name for a in item.actors],
    }


def plan_dict(plan: Recommendations) -> dict[str, Any]:
    """« Vos priorités », « Autres pistes », « Points forts » and the fiches, each once."""
    return {
        "kit": plan.audience.kit.title,
        "kit_assumed": plan.audience.level_assumed,
        "region": plan.audience.region.label if plan.audience.region else None,
        "priorities": [_priority_dict(p) for p in plan.priorities],
        "others": [_priority_dict(p) for p in plan.others],
        "strengths": [ds.dimension.id for ds in plan.strengths],
        "no_strength_message": plan.no_strength_message,
        "fiches": [_fiche_dict(f) for f in plan.fiches],
    }


def scores_dict(scores: Scores, advice: Advice, plan: Recommendations | None = None) -> dict[str, Any]:
    """The whole result of a diagnostic as JSON-ready data."""
    return {
        "questionnaire": scores.questionnaire.id,
        "questionnaire_version": scores.questionnaire.version,
        "authority_type": scores.authority_type,
        "indices": {
            "global": index_dict(scores.overall),
            "motivation": index_dict(scores.motivation),
            "resource": index_dict(scores.resource),
        },
        "dimensions": [dimension_dict(ds) for ds in scores.dimensions],
        "recommendations": advice_dict(advice),
        **({"plan": plan_dict(plan)} if plan is not None else {}),
    }
