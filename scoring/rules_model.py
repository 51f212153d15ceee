"""Pydantic model of rules.yaml: recommendation parameters, counts, thresholds and French wording."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from scoring.models import Identifier, Strict, Text


class PriorityLabel(Strict):
    """A label for priority scores from `min` (included)."""

    min: float = Field(ge=0, le=100)
    label: Text


class WeakDimensionRule(Strict):
    """Recommend fiches and actors for each dimension below a band and of some importance."""

    below_band: Identifier
    min_importance: int = Field(ge=0, le=3)
    max_fiches: int = Field(ge=0, le=10)
    reason: Text


class IntroductionRule(Strict):
    """Recommend the kit's introductory fiches when the global index is low."""

    global_index_below: float = Field(gt=0, le=100)
    fiche_tag: Identifier
    reason: Text


class UnknownAnswersRule(Strict):
    """Point at observation resources when too many answers are 'je ne sais pas'."""

    coverage_below: float = Field(gt=0, le=100)
    min_dk_share: float = Field(ge=0, le=100)
    resources_dimension: Identifier
    max_fiches: int = Field(ge=0, le=10)
    reason: Text


class PrioritiesRule(Strict):
    """« Vos priorités »: how many dimensions, from which priority, explained by how many answers."""

    title: Text
    others_title: Text
    min_count: int = Field(ge=1, le=13)
    max_count: int = Field(ge=1, le=13)
    min_priority: float = Field(ge=0, le=100, description="Priority from which a dimension is chosen beyond min_count.")
    weak_answers: int = Field(ge=1, le=10)
    max_fiches: int = Field(ge=0, le=10)
    reason: Text
    target: Text
    default_target: Text
    regional_actor_without_region: Text


class StrengthsRule(Strict):
    """« Points forts »: dimensions at or above a band that are not priorities."""

    title: Text
    min_band: Identifier
    max_count: int = Field(ge=0, le=13)
    none_message: Text


class WorkshopAnonymityRule(Strict):
    """How many people a workshop figure must cover before anyone sees it."""

    min_people: int = Field(ge=2, le=20)


class Rules(Strict):
    """Recommendation rules: parameters and French reason templates."""

    kind: Literal["rules"]
    default_importance: int = Field(ge=0, le=3)
    priority_labels: list[PriorityLabel] = Field(min_length=1)
    weak_dimension: WeakDimensionRule
    introduction: IntroductionRule
    unknown_answers: UnknownAnswersRule
    priorities: PrioritiesRule
    strengths: StrengthsRule
    workshop_anonymity: WorkshopAnonymityRule
