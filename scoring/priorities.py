"""« Vos priorités », « Autres pistes » and « Points forts »: the one structure the results page, the PDF and the XLSX read.

Priorities are the dimensions with the highest computed priority (importance / 3 × max(0, target − score)),
each explained by its weakest answers and their next steps, then its fiches and actors. Every fiche
appears once per result, with the priorities it serves. Counts, thresholds and wording are in rules.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scoring.engine import DimensionScore, Scores, applies, shown_score
from scoring.loader import Catalogue
from scoring.models import Fiche, Level, Question, ResponseSet
from scoring.numbers import exact, rung
from scoring.recommend import importance_text, priority_label
from scoring.resources import (
    Audience,
    NamedActor,
    actors_for,
    audience_of,
    dimension_actor_ids,
    dimension_fiches,
    fiche_url,
    step_fiches,
)


@dataclass
class FicheUse:
    """A fiche recommended in a result, once, with the dimensions whose priorities it serves."""

    fiche: Fiche
    kit_title: str
    url: str | None
    serves: list[str] = field(default_factory=list)

    @property
    def verified(self) -> bool:
        """Whether its number and title are confirmed (unconfirmed fiches never go in élu-facing exports)."""
        return self.fiche.verified

    @property
    def edition(self) -> int | None:
        """The kit edition the fiche belongs to (MunicipalESS 2020 or 2026), None for single-edition kits."""
        return self.fiche.edition


@dataclass(frozen=True)
class WeakAnswer:
    """An answer that holds a dimension back: the question, the level chosen and how to reach the next one."""

    question: Question
    level: Level
    next_step: str
    actors: list[NamedActor]
    fiches: list[FicheUse]


@dataclass(frozen=True)
class Priority:
    """A dimension to improve, explained by its weakest answers, with its fiches and actors."""

    score: DimensionScore
    label: str
    reason: str
    weak_answers: list[WeakAnswer]
    fiches: list[FicheUse]
    see_also: list[FicheUse]
    actors: list[NamedActor]


@dataclass(frozen=True)
class Recommendations:
    """What a diagnostic recommends, in the order the page, the PDF and the XLSX show it."""

    audience: Audience
    priorities: list[Priority]
    others: list[Priority]
    strengths: list[DimensionScore]
    no_strength_message: str | None
    fiches: list[FicheUse]

    def elu_fiches(self) -> list[FicheUse]:
        """The fiches fit for élu-facing exports: confirmed ones only."""
        return [f for f in self.fiches if f.verified]


class _Fiches:
    """The result's fiche register: one FicheUse per fiche, in order of first mention."""

    def __init__(self, audience: Audience) -> None:
        self.uses: dict[str, FicheUse] = {}
        self.kit = audience.kit

    def use(self, fiche: Fiche, dimension_id: str) -> FicheUse:
        """The fiche's entry, marked as serving this dimension (the first dimension is where it is shown)."""
        entry = self.uses.get(fiche.id)
        if entry is None:
            entry = self.uses[fiche.id] = FicheUse(fiche, self.kit.title, fiche_url(fiche, self.kit))
        if dimension_id not in entry.serves:
            entry.serves.append(dimension_id)
        return entry


def _gap(question: Question, value: float) -> float:
    return value / question.max_level


def weakest_answers(
    catalogue: Catalogue, responses: ResponseSet, ds: DimensionScore, audience: Audience, register: _Fiches
) -> list[WeakAnswer]:
    """The dimension's answers furthest from the top, weakest first, each with its level's next step."""
    territories, limit = catalogue.territories, catalogue.rules.priorities.weak_answers
    answered: list[tuple[Question, int]] = []
    for question in ds.dimension.questions:
        value = responses.answers.get(question.id)
        asked = applies(question, responses.profile.authority_type, territories)
        if asked and isinstance(value, int) and value < question.max_level:
            answered.append((question, value))
    answered.sort(key=lambda qv: (_gap(qv[0], qv[1]), -qv[0].weight))
    out = []
    for question, value in answered[:limit]:
        level = next(lv for lv in question.levels if lv.value == value)
        fiches = [register.use(f, ds.dimension.id) for f in step_fiches(catalogue, audience.kit, level.fiches)]
        actors = actors_for(catalogue, level.actors, audience)
        out.append(WeakAnswer(question, level, level.next_step or "", actors, fiches))
    return out


def _reason(catalogue: Catalogue, scores: Scores, ds: DimensionScore) -> str:
    rule = catalogue.rules.priorities
    target = rule.default_target if ds.target is None else rule.target.format(target=shown_score(ds.target))
    return rule.reason.format(
        title=ds.dimension.title,
        score=shown_score(ds.score or 0.0),
        band=ds.band.label if ds.band else "",
        target=target,
        importance=importance_text(scores.questionnaire, ds),
        priority=priority_label(catalogue, ds.priority or 0.0),
    )


def _priority(
    catalogue: Catalogue,
    responses: ResponseSet,
    scores: Scores,
    ds: DimensionScore,
    audience: Audience,
    register: _Fiches,
) -> Priority:
    weak = weakest_answers(catalogue, responses, ds, audience, register)
    dim_id = ds.dimension.id
    candidates: list[Fiche] = [w.fiche for answer in weak for w in answer.fiches]
    candidates += dimension_fiches(catalogue, audience.kit, dim_id, catalogue.rules.priorities.max_fiches)
    unique = list({f.id: f for f in candidates}.values())
    entries = [register.use(fiche, dim_id) for fiche in unique]
    actor_ids = dimension_actor_ids(catalogue, ds.dimension.actors, dim_id)
    return Priority(
        score=ds,
        label=priority_label(catalogue, ds.priority or 0.0),
        reason=_reason(catalogue, scores, ds),
        weak_answers=weak,
        fiches=[e for e in entries if e.serves[0] == dim_id],
        see_also=[e for e in entries if e.serves[0] != dim_id],
        actors=actors_for(catalogue, actor_ids, audience),
    )


def _choose(catalogue: Catalogue, scores: Scores) -> tuple[list[DimensionScore], list[DimensionScore]]:
    """Dimensions to improve by decreasing priority, split into priorities and other leads."""
    rule = catalogue.rules.priorities
    to_improve = [ds for ds in scores.dimensions if ds.priority is not None and exact(ds.priority) > 0]
    to_improve.sort(key=lambda ds: (-(ds.priority or 0.0), ds.score))
    chosen = [
        ds
        for i, ds in enumerate(to_improve[: rule.max_count])
        if i < rule.min_count or rung(ds.priority or 0.0, [0, rule.min_priority]) == 1
    ]
    return chosen, [ds for ds in to_improve if ds not in chosen]


def _strengths(catalogue: Catalogue, scores: Scores, excluded: list[DimensionScore]) -> list[DimensionScore]:
    rule = catalogue.rules.strengths
    rank = {b.id: i for i, b in enumerate(catalogue.bands.bands)}
    strong = [
        ds
        for ds in scores.dimensions
        if ds.band is not None and rank[ds.band.id] >= rank[rule.min_band] and ds not in excluded
    ]
    strong.sort(key=lambda ds: -(ds.score or 0.0))
    return strong[: rule.max_count]


def prioritise(catalogue: Catalogue, responses: ResponseSet, scores: Scores) -> Recommendations:
    """The recommendations of one diagnostic (a pure function of the catalogue, the answers and their scores)."""
    profile = responses.profile
    audience = audience_of(catalogue, profile.authority_type, profile.region)
    register = _Fiches(audience)
    chosen, others = _choose(catalogue, scores)
    priorities = [_priority(catalogue, responses, scores, ds, audience, register) for ds in chosen]
    other_items = [_priority(catalogue, responses, scores, ds, audience, register) for ds in others]
    strengths = _strengths(catalogue, scores, chosen)
    message = None if strengths else catalogue.rules.strengths.none_message
    return Recommendations(audience, priorities, other_items, strengths, message, list(register.uses.values()))
