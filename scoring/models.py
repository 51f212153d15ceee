"""Pydantic models of the content files in `questionnaires/` and of a response set.

Every content file is a YAML mapping whose `kind` key says which model reads it.
All models forbid unknown keys so that a typo in a file is an error, not a silent no-op.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StringConstraints

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
Half = Literal["motivation", "resource"]
LevelId = Literal["bloc_communal", "departement", "region"]


class Strict(BaseModel):
    """Base model: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- territories.yaml -------------------------------------------------------------


class GovernmentLevel(Strict):
    """A level of local government, which decides the RTES kit recommended."""

    id: LevelId
    label: Text
    kit: Identifier


class AuthorityType(Strict):
    """A kind of local authority (commune, communauté de communes, région…)."""

    id: Identifier
    label: Text
    level: LevelId


class Choice(Strict):
    """An option of a closed profile field."""

    id: Identifier
    label: Text


class Region(Strict):
    """A région, with the name of its own CRESS (« CRESS Normandie »)."""

    id: Identifier
    label: Text
    cress_name: Text


class Territories(Strict):
    """Reference lists for the authority profile."""

    kind: Literal["territories"]
    levels: list[GovernmentLevel] = Field(min_length=1)
    authority_types: list[AuthorityType] = Field(min_length=1)
    population_bands: list[Choice] = Field(min_length=1)
    regions: list[Region] = Field(min_length=1)

    def region(self, region_id: str | None) -> Region | None:
        """The région with this id, or None."""
        return next((r for r in self.regions if r.id == region_id), None)


# --- bands.yaml ---------------------------------------------------------------------


class Band(Strict):
    """A maturity band: scores from `min` (included) up to the next band's `min`."""

    id: Identifier
    label: Text
    min: float = Field(ge=0, lt=100)
    description: Text


class Bands(Strict):
    """The maturity bands, in increasing order, the first starting at 0."""

    kind: Literal["bands"]
    bands: list[Band] = Field(min_length=2)


# --- questionnaires -----------------------------------------------------------------


class Level(Strict):
    """One anchored level of a maturity question: what the authority does at that level.

    Every level below the top says what to do next to reach the following level
    (`next_step`), and may name the actors and fiches that help with that step.
    """

    value: int = Field(ge=0, le=10)
    label: Text
    description: Text
    next_step: Annotated[str, StringConstraints(min_length=20, max_length=600)] | None = Field(
        default=None, description="What the authority concretely does to reach the next level (French, 1–2 sentences)."
    )
    actors: list[Identifier] = Field(
        default_factory=list, description="Actors (actors.yaml ids) that help with the next step."
    )
    fiches: list[Identifier] = Field(
        default_factory=list, description="Fiches (fiches.yaml ids) that help with the next step."
    )


class Question(Strict):
    """A maturity question answered on an anchored scale, or `dk` / `na`."""

    id: Identifier
    text: Text
    help: Text
    weight: float = Field(default=1.0, gt=0, le=100)
    levels: list[Level] = Field(min_length=2)
    audience: list[Identifier] | None = None

    @property
    def max_level(self) -> int:
        """Highest level value of the scale."""
        return max(level.value for level in self.levels)


class ImportanceLevel(Strict):
    """A rung of the importance scale (0 to 3)."""

    value: int = Field(ge=0, le=3)
    label: Text


class Dimension(Strict):
    """A motivation criterion or a resource category, with its questions."""

    id: Identifier
    half: Half
    title: Text
    short_title: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    description: Text
    weight: float = Field(default=1.0, gt=0, le=100)
    actors: list[Identifier] = Field(default_factory=list)
    importance_question: Text
    questions: list[Question] = Field(min_length=1)


class ExtractDimension(Strict):
    """A dimension of a derived questionnaire: the base dimension's id and the questions it keeps."""

    id: Identifier
    questions: list[Identifier] = Field(min_length=1)


class QuestionnaireExtract(Strict):
    """A questionnaire made of questions of another one (`based_on`), referenced by id, never copied.

    The loader resolves it into a full `Questionnaire`: dimensions (titles, weights, actors)
    and questions (text, levels, next steps) come from the base questionnaire.
    """

    kind: Literal["questionnaire"]
    id: Identifier
    version: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    title: Text
    description: Text
    variant: Literal["full", "express"]
    estimated_minutes: int = Field(gt=0, le=600)
    based_on: Identifier
    dimensions: list[ExtractDimension] = Field(min_length=1)


class Questionnaire(Strict):
    """A whole diagnostic: dimensions, questions and the importance scale."""

    kind: Literal["questionnaire"]
    id: Identifier
    version: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    title: Text
    description: Text
    variant: Literal["full", "express"]
    estimated_minutes: int = Field(gt=0, le=600)
    importance_scale: list[ImportanceLevel] = Field(min_length=4, max_length=4)
    dimensions: list[Dimension] = Field(min_length=1)

    def dimension(self, dimension_id: str) -> Dimension:
        """The dimension with this id (KeyError if absent)."""
        for dim in self.dimensions:
            if dim.id == dimension_id:
                return dim
        raise KeyError(dimension_id)

    def questions(self) -> list[tuple[Dimension, Question]]:
        """Every question with its dimension, in questionnaire order."""
        return [(dim, q) for dim in self.dimensions for q in dim.questions]

    def importance_label(self, value: int) -> str:
        """The words of the importance scale for a value (« Enjeu important »…)."""
        return next((rung.label for rung in self.importance_scale if rung.value == value), str(value))


# --- fiches.yaml and actors.yaml ----------------------------------------------------


class Kit(Strict):
    """An RTES kit of fact sheets for one level of government.

    A kit published in several editions lists them, oldest first; the last is the current one.
    Each fiche of such a kit belongs to one edition, whose numbering it uses.
    """

    id: Identifier
    title: Text
    year: int = Field(ge=2000, le=2100)
    editions: list[int] = Field(default_factory=list)
    audience: Text
    url: Annotated[str, StringConstraints(pattern=r"^https://")] | None = None


class Fiche(Strict):
    """A fact sheet of an RTES kit, tagged with the dimensions it helps with."""

    id: Identifier
    kit: Identifier
    edition: int | None = Field(default=None, ge=2000, le=2100)
    number: int | None = Field(default=None, ge=1, le=99)
    title: Text
    dimensions: list[Identifier] = Field(default_factory=list)
    tags: list[Identifier] = Field(default_factory=list)
    url: Annotated[str, StringConstraints(pattern=r"^https://")] | None = None
    verified: bool


class FicheCatalogue(Strict):
    """The three RTES kits and their fact sheets."""

    kind: Literal["fiches"]
    kits: list[Kit] = Field(min_length=1)
    fiches: list[Fiche] = Field(min_length=1)


class Actor(Strict):
    """An organisation a territory can turn to, and for which dimensions."""

    id: Identifier
    name: Text
    full_name: Text
    offers: Text
    dimensions: list[Identifier] = Field(min_length=1)
    levels: list[LevelId] | None = None
    regional: bool = Field(
        default=False, description="One per région: named after the authority's région (territories.yaml cress_name)."
    )
    url: Annotated[str, StringConstraints(pattern=r"^https://")] | None = None


class ActorCatalogue(Strict):
    """Every actor the recommendations may name."""

    kind: Literal["actors"]
    actors: list[Actor] = Field(min_length=1)


# --- answers (the JSON an authority exports and imports) ---------------------------

AnswerValue = StrictInt | StrictFloat | Literal["dk", "na"]
TargetValue = Annotated[StrictInt | StrictFloat, Field(ge=0, le=100)] | Identifier


class Profile(Strict):
    """Who the diagnostic is about."""

    name: Annotated[str, StringConstraints(max_length=200)] = ""
    authority_type: Identifier | None = None
    population_band: Identifier | None = None
    region: Identifier | None = None


class ResponseSet(Strict):
    """One set of answers to a questionnaire: levels, `dk`, `na`, importances, targets, comments.

    Levels are usually whole numbers; group scoring passes mean levels as floats.
    """

    questionnaire: Identifier
    questionnaire_version: str | None = None
    profile: Profile = Field(default_factory=Profile)
    importance: dict[Identifier, StrictInt] = Field(default_factory=dict)
    targets: dict[Identifier, TargetValue] = Field(
        default_factory=dict,
        description="Per dimension, the score (0 to 100) or the band id (its lower bound) to reach; none by default.",
    )
    answers: dict[Identifier, AnswerValue] = Field(default_factory=dict)
    comments: dict[Identifier, Annotated[str, StringConstraints(max_length=5000)]] = Field(default_factory=dict)


class AnswersFile(ResponseSet):
    """The answers file format (JSON Schema `answers`): levels are whole numbers, never fractions."""

    # narrower than the parent on purpose: a file holds whole levels; only group scoring uses means
    answers: dict[Identifier, StrictInt | Literal["dk", "na"]] = Field(default_factory=dict)  # type: ignore[assignment]
