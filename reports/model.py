"""What a report needs, gathered once: answers, scores, advice, action plan, workshop data."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from scoring.engine import Scores, score
from scoring.group import QuestionStats
from scoring.loader import Catalogue
from scoring.models import Profile, ResponseSet
from scoring.plan import ActionPlan
from scoring.priorities import Recommendations, prioritise
from scoring.recommend import Advice, recommend
from workshops import anonymity
from workshops.participants import Participant

SOLO_RESPONDENTS = "Diagnostic rempli par la collectivité"
UNNAMED_AUTHORITY = "Collectivité (nom non renseigné)"


@dataclass(frozen=True)
class Workshop:
    """A workshop's group data, aggregates only (`workshops.anonymity` decides what is in it):
    participation, per-question statistics of the questions enough people answered, group scores."""

    participants_by_role: dict[str, int]
    stats: dict[str, QuestionStats]
    group_scores: Scores
    consolidated: ResponseSet
    dimension_range: dict[str, tuple[float, float]] = field(default_factory=dict)
    min_people: int = 3

    @property
    def participant_count(self) -> int:
        """Number of participants, all roles together."""
        return sum(self.participants_by_role.values())


@dataclass(frozen=True)
class ReportInput:
    """Everything a PDF or XLSX report shows, computed by `scoring` and never recomputed here."""

    catalogue: Catalogue
    responses: ResponseSet
    scores: Scores
    advice: Advice
    action_plan: ActionPlan
    generated_on: date
    respondents: str
    workshop: Workshop | None = None
    previous: Scores | None = None
    recommendations: Recommendations | None = None

    @property
    def priorities(self) -> Recommendations:
        """« Vos priorités », « Autres pistes », « Points forts »: the same structure as the results page."""
        return self.recommendations or prioritise(self.catalogue, self.responses, self.scores)

    @property
    def authority_name(self) -> str:
        """The authority's name as typed, or a neutral placeholder."""
        return self.responses.profile.name.strip() or UNNAMED_AUTHORITY

    @property
    def authority_type_label(self) -> str:
        """« Communauté de communes »…, or an empty string when unknown."""
        wanted = self.responses.profile.authority_type
        return next((a.label for a in self.catalogue.territories.authority_types if a.id == wanted), "")


def respondents_text(participants_by_role: Mapping[str, int]) -> str:
    """« Atelier : 14 participants (5 élus, 6 techniciens, 3 acteurs ESS) »."""
    total = sum(participants_by_role.values())
    roles = ", ".join(f"{n} {role}" for role, n in participants_by_role.items() if n)
    noun = "participant" if total == 1 else "participants"
    return f"Atelier\u00a0: {total} {noun}" + (f" ({roles})" if roles else "")


def build_workshop(
    catalogue: Catalogue,
    questionnaire_id: str,
    participants: Sequence[ResponseSet],
    roles: Iterable[str | None],
    consolidated: ResponseSet | None = None,
    profile: Profile | None = None,
) -> Workshop:
    """Group statistics and scores of a workshop, as `workshops.anonymity` lets them out (the same
    figures as the dashboard); without agreed answers, the group's mean answers stand in."""
    questionnaire = catalogue.questionnaire(questionnaire_id)
    by_role: dict[str, int] = {}
    for role in roles:
        key = (role or "").strip() or "sans rôle indiqué"
        by_role[key] = by_role.get(key, 0) + 1
    chosen_profile = profile or (consolidated.profile if consolidated else Profile())
    threshold = anonymity.min_people(catalogue)
    people = [Participant(None, False, answers) for answers in participants]
    figures = anonymity.group_figures(catalogue, people, threshold, chosen_profile)
    empty = ResponseSet(
        questionnaire=questionnaire.id, questionnaire_version=questionnaire.version, profile=chosen_profile
    )
    mean = figures.responses if figures else empty
    return Workshop(
        participants_by_role=by_role,
        stats=figures.stats if figures else {},
        group_scores=figures.scores if figures else score(catalogue, empty),
        consolidated=consolidated or mean,
        dimension_range=figures.ranges if figures else {},
        min_people=threshold,
    )


def build_report_input(
    catalogue: Catalogue,
    responses: ResponseSet,
    action_plan: ActionPlan | None = None,
    *,
    generated_on: date | None = None,
    respondents: str | None = None,
    workshop: Workshop | None = None,
    previous: ResponseSet | Scores | None = None,
) -> ReportInput:
    """Score the answers, draw the recommendations and gather what a report shows."""
    scores = score(catalogue, responses)
    if isinstance(previous, ResponseSet):
        previous = score(catalogue, previous)
    if respondents is None:
        respondents = respondents_text(workshop.participants_by_role) if workshop else SOLO_RESPONDENTS
    return ReportInput(
        catalogue=catalogue,
        responses=responses,
        scores=scores,
        advice=recommend(catalogue, scores),
        recommendations=prioritise(catalogue, responses, scores),
        action_plan=action_plan or ActionPlan(),
        generated_on=generated_on or date.today(),
        respondents=respondents,
        workshop=workshop,
        previous=previous,
    )
