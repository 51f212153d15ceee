"""Recommendations: which RTES fiches and which actors fit the weak points, and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from scoring.engine import DimensionScore, Scores, shown_score
from scoring.loader import Catalogue
from scoring.models import Actor, Fiche, LevelId, Questionnaire
from scoring.numbers import exact, rung
from scoring.resources import current_edition_first, dimension_fiches

Kind = Literal["introduction", "dimension", "unknown_answers"]


@dataclass(frozen=True)
class Recommendation:
    """One recommendation: its reason in French, fiches to read and actors to contact."""

    kind: Kind
    dimension_id: str | None
    reason: str
    priority: float | None
    fiches: list[Fiche]
    actors: list[Actor]


@dataclass(frozen=True)
class Advice:
    """The recommendations for one diagnostic and the kit they draw on."""

    kit_id: str
    kit_title: str
    kit_assumed: bool
    items: list[Recommendation]


def level_of(catalogue: Catalogue, authority_type: str | None) -> tuple[LevelId, bool]:
    """Government level of an authority type; unknown types count as bloc communal (assumed)."""
    for a in catalogue.territories.authority_types:
        if a.id == authority_type:
            return a.level, False
    return "bloc_communal", True


def priority_label(catalogue: Catalogue, priority: float) -> str:
    """The label ("priorité forte"…) of a priority score."""
    labels = catalogue.rules.priority_labels
    return labels[rung(priority, [p.min for p in labels])].label


def fiches_for(catalogue: Catalogue, kit: str, dimension_id: str, limit: int) -> list[Fiche]:
    """Up to `limit` fiches of a kit tagged with a dimension, current edition first, confirmed ones first."""
    kit_model = next(k for k in catalogue.fiches.kits if k.id == kit)
    return dimension_fiches(catalogue, kit_model, dimension_id, limit)


def actors_for(catalogue: Catalogue, scores: Scores, dimension_id: str, level: LevelId) -> list[Actor]:
    """Actors for a dimension at this level: the questionnaire's own list first, then the catalogue's."""
    by_id = {a.id: a for a in catalogue.actors.actors}
    own = next((d.actors for d in scores.questionnaire.dimensions if d.id == dimension_id), [])
    ordered = [by_id[a] for a in own if a in by_id]
    ordered += [a for a in catalogue.actors.actors if dimension_id in a.dimensions and a not in ordered]
    return [a for a in ordered if a.levels is None or level in a.levels]


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def importance_text(questionnaire: Questionnaire, ds: DimensionScore) -> str:
    """The user's own importance answer in its words, or the default it counts as."""
    if ds.importance is None:
        return f"non renseignée, comptée comme «\u00a0{questionnaire.importance_label(ds.effective_importance)}\u00a0»"
    return f"«\u00a0{questionnaire.importance_label(ds.importance)}\u00a0»"


def _fields(catalogue: Catalogue, scores: Scores, ds: DimensionScore) -> dict[str, str]:
    """Values the reason templates of rules.yaml may use."""
    return {
        "title": ds.dimension.title,
        "score": "–" if ds.score is None else str(shown_score(ds.score)),
        "band": ds.band.label if ds.band else "non évalué",
        "priority": priority_label(catalogue, ds.priority) if ds.priority is not None else "priorité non calculée",
        "importance": importance_text(scores.questionnaire, ds),
        "coverage": _pct(ds.coverage),
        "dk_share": _pct(ds.dk_share),
        "global_index": "–" if scores.overall.value is None else str(shown_score(scores.overall.value)),
    }


def _weak(catalogue: Catalogue, scores: Scores, kit: str, level: LevelId) -> list[Recommendation]:
    rule = catalogue.rules.weak_dimension
    band_rank = {b.id: i for i, b in enumerate(catalogue.bands.bands)}
    ceiling = band_rank[rule.below_band]
    chosen = [
        ds
        for ds in scores.dimensions
        if ds.score is not None
        and ds.band is not None
        and ds.priority is not None
        and band_rank[ds.band.id] < ceiling
        and ds.effective_importance >= rule.min_importance
    ]
    chosen.sort(key=lambda ds: (-(ds.priority or 0.0), ds.score))
    out = []
    for ds in chosen:
        reason = rule.reason.format(**_fields(catalogue, scores, ds))
        out.append(
            Recommendation(
                "dimension",
                ds.dimension.id,
                reason,
                ds.priority,
                fiches_for(catalogue, kit, ds.dimension.id, rule.max_fiches),
                actors_for(catalogue, scores, ds.dimension.id, level),
            )
        )
    return out


def _unknown(catalogue: Catalogue, scores: Scores, kit: str, level: LevelId) -> list[Recommendation]:
    rule = catalogue.rules.unknown_answers
    out = []
    for ds in scores.dimensions:
        if ds.coverage is None or ds.dk_share is None:
            continue
        if ds.coverage < rule.coverage_below and ds.dk_share >= rule.min_dk_share:
            reason = rule.reason.format(**_fields(catalogue, scores, ds))
            target = rule.resources_dimension
            out.append(
                Recommendation(
                    "unknown_answers",
                    ds.dimension.id,
                    reason,
                    None,
                    fiches_for(catalogue, kit, target, rule.max_fiches),
                    actors_for(catalogue, scores, target, level),
                )
            )
    return out


def recommend(catalogue: Catalogue, scores: Scores) -> Advice:
    """Recommendations in order: introduction if needed, weak dimensions by priority, unknowns."""
    level, assumed = level_of(catalogue, scores.authority_type)
    kit = next(lv.kit for lv in catalogue.territories.levels if lv.id == level)
    kit_title = next(k.title for k in catalogue.fiches.kits if k.id == kit)
    items: list[Recommendation] = []
    intro = catalogue.rules.introduction
    if scores.overall.value is not None and exact(scores.overall.value) < intro.global_index_below:
        kit_model = next(k for k in catalogue.fiches.kits if k.id == kit)
        tagged = [f for f in catalogue.fiches.fiches if intro.fiche_tag in f.tags]
        fiches = current_edition_first(tagged, kit_model)
        fiches.sort(key=lambda f: f.number or 99)
        reason = intro.reason.format(global_index=str(shown_score(scores.overall.value)))
        items.append(Recommendation("introduction", None, reason, None, fiches, []))
    items += _weak(catalogue, scores, kit, level)
    items += _unknown(catalogue, scores, kit, level)
    return Advice(kit, kit_title, assumed, items)
