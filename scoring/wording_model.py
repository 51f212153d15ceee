"""The model of `wording.yaml`: the app's shared labels (answers, halves, roles, statuses), as content."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from scoring.models import Identifier, Strict, Text
from scoring.plan import ActionStatus


class SpecialAnswers(Strict):
    """How « je ne sais pas » and « non concerné » read everywhere."""

    dk: Text
    na: Text


class HalfWording(Strict):
    """The names of one half of the diagnostic (motivation criteria or resource categories)."""

    step: Text
    """Before a dimension's title on the questionnaire, e.g. « Ressources »."""
    title: Text
    """As a section title, e.g. « Catégories de ressources »."""
    index: Text
    """The half's index, e.g. « Indice ressources »."""


class Role(Strict):
    """A workshop participant's role: its id is stored, its labels are shown."""

    id: Identifier
    label: Text
    """When joining, e.g. « Élu ou élue de la collectivité »."""
    short: Text
    """In a sentence, e.g. « vous répondez en tant que élu »."""
    plural: Text
    """As a column heading, e.g. « Élus »."""


class Wording(Strict):
    """Labels the screens, the reports and the CLI share."""

    kind: Literal["wording"]
    answers: SpecialAnswers
    halves: dict[Literal["motivation", "resource"], HalfWording]
    variants: dict[Literal["full", "express"], Text]
    roles: list[Role] = Field(min_length=1)
    unknown_role: Role
    action_statuses: dict[ActionStatus, Text]
