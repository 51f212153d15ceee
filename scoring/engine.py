"""The scoring rules: question, dimension and index scores, coverage, bands and priority.

This is the one implementation of these rules: the app, the CLI, the reports, the workshop and
the peer comparison all call it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from scoring.loader import Catalogue
from scoring.models import Band, Bands, Dimension, Question, Questionnaire, ResponseSet, Territories
from scoring.numbers import rung
from scoring.numbers import shown_score as shown_score  # re-exported: callers import it from here
from scoring.responses import ResponseError, check_responses
from scoring.targets import DEFAULT_TARGET, check_targets, priority_of, target_score

Status = Literal["evaluated", "not_evaluated", "not_concerned"]
STATUS_LABELS: dict[Status, str] = {
    "evaluated": "évalué",
    "not_evaluated": "non évalué",
    "not_concerned": "non concerné",
}


@dataclass(frozen=True)
class DimensionScore:
    """Scores of one dimension; `score` is None unless the dimension is evaluated."""

    dimension: Dimension
    status: Status
    score: float | None
    band: Band | None
    coverage: float | None
    dk_share: float | None
    importance: int | None
    effective_importance: int
    target: float | None
    effective_target: float
    priority: float | None
    answered: int
    dk: int
    na: int
    missing: int

    @property
    def target_reached(self) -> bool:
        """Whether the dimension is evaluated and at or above its target."""
        return self.score is not None and self.score >= self.effective_target

    @property
    def applicable(self) -> int:
        """Number of questions that apply to this authority."""
        return self.answered + self.dk + self.na + self.missing


@dataclass(frozen=True)
class Index:
    """A weighted mean of dimension scores with its band (None when nothing is evaluated)."""

    value: float | None
    band: Band | None


@dataclass(frozen=True)
class Scores:
    """Everything computed from one response set."""

    questionnaire: Questionnaire
    authority_type: str | None
    dimensions: list[DimensionScore]
    motivation: Index
    resource: Index
    overall: Index

    def dimension(self, dimension_id: str) -> DimensionScore:
        """The score of one dimension (KeyError if absent)."""
        for ds in self.dimensions:
            if ds.dimension.id == dimension_id:
                return ds
        raise KeyError(dimension_id)

    def half(self, half: str) -> list[DimensionScore]:
        """Scores of the motivation or of the resource dimensions, in order."""
        return [ds for ds in self.dimensions if ds.dimension.half == half]

    @property
    def answered_share(self) -> float:
        """Share (0–100) of applicable questions given any answer, dk and na included."""
        total = sum(ds.applicable for ds in self.dimensions)
        done = sum(ds.applicable - ds.missing for ds in self.dimensions)
        return 100.0 * done / total if total else 0.0


def band_for(score: float, bands: Bands) -> Band:
    """The band of a score; a boundary belongs to the higher band (see `scoring.numbers`)."""
    return bands.bands[rung(score, [band.min for band in bands.bands])]


def applies(question: Question, authority_type: str | None, territories: Territories) -> bool:
    """Whether a question is asked of this kind of authority (unknown type: unfiltered only)."""
    if question.audience is None:
        return True
    if authority_type is None:
        return False
    level = next((a.level for a in territories.authority_types if a.id == authority_type), None)
    return authority_type in question.audience or (level is not None and level in question.audience)


def weighted_mean(pairs: list[tuple[float, float]]) -> float | None:
    """Σ w·x / Σ w over (x, w) pairs; None when there are none."""
    total = sum(w for _, w in pairs)
    return sum(x * w for x, w in pairs) / total if total else None


def score_dimension(
    dim: Dimension, responses: ResponseSet, catalogue: Catalogue, authority_type: str | None
) -> DimensionScore:
    """Score one dimension: levels weighted, `dk`/`na`/missing left out."""
    num = den = not_na = dk_weight = 0.0
    counts = {"answered": 0, "dk": 0, "na": 0, "missing": 0}
    for question in dim.questions:
        if not applies(question, authority_type, catalogue.territories):
            continue
        value = responses.answers.get(question.id)
        w = question.weight
        if value == "na":
            counts["na"] += 1
            continue
        not_na += w
        if value == "dk":
            counts["dk"] += 1
            dk_weight += w
        elif value is None:
            counts["missing"] += 1
        else:
            counts["answered"] += 1
            num += w * float(value) / question.max_level
            den += w
    importance = responses.importance.get(dim.id)
    effective = catalogue.rules.default_importance if importance is None else importance
    given = responses.targets.get(dim.id)
    target = None if given is None else target_score(given, catalogue.bands)
    effective_target = DEFAULT_TARGET if target is None else target
    if den > 0:
        score = 100.0 * num / den
        status: Status = "evaluated"
        band: Band | None = band_for(score, catalogue.bands)
        priority: float | None = priority_of(effective, score, effective_target)
    else:
        score, band, priority = None, None, None
        status = "not_concerned" if not_na == 0 else "not_evaluated"
    return DimensionScore(
        dimension=dim,
        status=status,
        score=score,
        band=band,
        coverage=100.0 * den / not_na if not_na else None,
        dk_share=100.0 * dk_weight / not_na if not_na else None,
        importance=importance,
        effective_importance=effective,
        target=target,
        effective_target=effective_target,
        priority=priority,
        **counts,
    )


def _index(scores: list[DimensionScore], bands: Bands) -> Index:
    value = weighted_mean([(ds.score, ds.dimension.weight) for ds in scores if ds.score is not None])
    return Index(value, band_for(value, bands) if value is not None else None)


def score(catalogue: Catalogue, responses: ResponseSet) -> Scores:
    """Score a response set against its questionnaire (see the README for the rules)."""
    questionnaire = catalogue.questionnaire(responses.questionnaire)
    check_responses(questionnaire, responses, raise_on_error=True)
    problems = check_targets(questionnaire, catalogue.bands, responses)
    if problems:
        raise ResponseError(problems)
    authority_type = responses.profile.authority_type
    dims = [score_dimension(d, responses, catalogue, authority_type) for d in questionnaire.dimensions]
    return Scores(
        questionnaire=questionnaire,
        authority_type=authority_type,
        dimensions=dims,
        motivation=_index([d for d in dims if d.dimension.half == "motivation"], catalogue.bands),
        resource=_index([d for d in dims if d.dimension.half == "resource"], catalogue.bands),
        overall=_index(dims, catalogue.bands),
    )
