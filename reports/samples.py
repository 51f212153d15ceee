"""Plausible example answers and action plans, for demos, benchmarks and tests (never shown as real data)."""

from __future__ import annotations

import random

from reports.model import ActionItem
from scoring.engine import applies
from scoring.loader import Catalogue
from scoring.models import AnswerValue, Profile, ResponseSet
from scoring.recommend import level_of

SAMPLE_NAME = "Communauté de communes du Pays de Caux"
WORKSHOP_ROLES = ("élus", "techniciens", "acteurs ESS")


def sample_responses(
    catalogue: Catalogue,
    questionnaire_id: str,
    *,
    seed: int = 1,
    name: str = SAMPLE_NAME,
    authority_type: str | None = None,
    unanswered_dimension: int | None = 1,
    comments: bool = True,
) -> ResponseSet:
    """A complete-looking answer set; the dimension at `unanswered_dimension` gets only « je ne sais pas »."""
    q = catalogue.questionnaire(questionnaire_id)
    rng = random.Random(seed)
    kinds = [a.id for a in catalogue.territories.authority_types]
    chosen_type = authority_type or ("communaute_communes" if "communaute_communes" in kinds else kinds[0])
    answers: dict[str, AnswerValue] = {}
    notes: dict[str, str] = {}
    for index, dim in enumerate(q.dimensions):
        for question in dim.questions:
            if not applies(question, chosen_type, catalogue.territories):
                continue
            if index == unanswered_dimension:
                answers[question.id] = "dk"
                continue
            draw = rng.random()
            if draw < 0.08:
                answers[question.id] = "dk"
            elif draw < 0.12:
                answers[question.id] = "na"
            else:
                answers[question.id] = rng.randint(0, question.max_level)
            if comments and rng.random() < 0.3:
                notes[question.id] = rng.choice((
                    "Échange prévu avec la CRESS l’an prochain ; à confirmer en conseil.",
                    "Les élus « ESS » portent ce sujet, mais l’équipe manque de temps.",
                    "Budget : 15 000 € en 2026, œuvre commune avec le Pays voisin.",
                    "Rien d’engagé à ce jour.",
                ))
    importance = {dim.id: rng.randint(0, 3) for dim in q.dimensions if rng.random() < 0.8}
    return ResponseSet(
        questionnaire=q.id,
        questionnaire_version=q.version,
        profile=Profile(name=name, authority_type=chosen_type,
                        population_band=catalogue.territories.population_bands[0].id,
                        region=catalogue.territories.regions[0].id),
        importance=importance,
        answers=answers,
        comments=notes,
    )


def sample_participants(catalogue: Catalogue, questionnaire_id: str, count: int = 12,
                        seed: int = 7) -> tuple[list[ResponseSet], list[str]]:
    """Workshop participants' answers (no names) and their roles."""
    people = [sample_responses(catalogue, questionnaire_id, seed=seed + i, name="", comments=False,
                               unanswered_dimension=None) for i in range(count)]
    roles = [WORKSHOP_ROLES[i % len(WORKSHOP_ROLES)] for i in range(count)]
    return people, roles


def sample_action_plan(catalogue: Catalogue, responses: ResponseSet) -> list[ActionItem]:
    """Two actions on the first dimensions, with real actor and fiche ids (of the authority's kit)."""
    q = catalogue.questionnaire(responses.questionnaire)
    level, _ = level_of(catalogue, responses.profile.authority_type)
    kit = next(lv.kit for lv in catalogue.territories.levels if lv.id == level)
    plan: list[ActionItem] = []
    for dim in q.dimensions[:2]:
        fiches = [f.id for f in catalogue.fiches.fiches if dim.id in f.dimensions and f.kit == kit][:2]
        plan.append(ActionItem(
            dimension_id=dim.id,
            what=f"Organiser une rencontre « {dim.short_title} » avec les acteurs du territoire",
            lead="Vice-président·e au développement économique",
            partners=list(dim.actors[:2]),
            deadline="juin 2027",
            fiches=fiches,
            indicator="Nombre de structures présentes ; compte rendu diffusé",
        ))
    return plan
