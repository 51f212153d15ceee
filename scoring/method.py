"""The method explained in French from the content files, for the method page and the PDF annex alike."""

from __future__ import annotations

from dataclasses import dataclass

from scoring.loader import Catalogue
from scoring.models import Questionnaire
from scoring.targets import DEFAULT_TARGET

NBSP = "\u00a0"


@dataclass(frozen=True)
class MethodSection:
    """A titled part of the method: plain French paragraphs (no Markdown, no HTML)."""

    title: str
    paragraphs: list[str]


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _quoted(words: list[str]) -> str:
    return ", ".join(f"«{NBSP}{w}{NBSP}»" for w in words)


def priority_section(catalogue: Catalogue, questionnaire: Questionnaire) -> MethodSection:
    """Importance, targets and the computed priority, with the words of both scales."""
    rules = catalogue.rules
    importance = _quoted([lv.label for lv in sorted(questionnaire.importance_scale, key=lambda lv: lv.value)])
    default = questionnaire.importance_label(rules.default_importance)
    labels = ", ".join(f"«{NBSP}{p.label}{NBSP}» à partir de {_number(p.min)}" for p in rules.priority_labels)
    bands = ", ".join(f"{b.label} {_number(b.min)}" for b in catalogue.bands.bands)
    return MethodSection(
        "Importance, cible et priorité",
        [
            f"Pour chaque dimension, vous dites quel enjeu elle représente{NBSP}: {importance}. "
            f"Sans réponse, elle compte comme «{NBSP}{default}{NBSP}».",
            f"Vous pouvez aussi fixer une cible, par exemple pour l’an prochain{NBSP}: un score de 0 à 100 ou un palier, "
            f"qui vaut alors son seuil ({bands}). Sans cible, la cible est {_number(DEFAULT_TARGET)}.",
            f"Priorité calculée = importance ÷ 3 × (cible − score), et 0 quand la cible est atteinte. Libellés{NBSP}: {labels}. "
            "Ces mots ne reprennent jamais ceux de l’échelle d’importance.",
        ],
    )


def recommendations_section(catalogue: Catalogue) -> MethodSection:
    """How « Vos priorités », « Autres pistes » and « Points forts » are chosen."""
    p, s = catalogue.rules.priorities, catalogue.rules.strengths
    band = next(b.label for b in catalogue.bands.bands if b.id == s.min_band)
    return MethodSection(
        "Les recommandations",
        [
            f"«{NBSP}{p.title}{NBSP}»{NBSP}: de {p.min_count} à {p.max_count} dimensions, par priorité décroissante "
            f"(au-delà de {p.min_count}, seulement celles dont la priorité atteint {_number(p.min_priority)}). Chacune est "
            f"expliquée par ses {p.weak_answers} réponses les plus faibles et ce qu’il faut faire pour passer au niveau "
            "suivant, puis par les fiches du kit RTES de votre niveau de collectivité et les acteurs à contacter.",
            f"«{NBSP}{p.others_title}{NBSP}»{NBSP}: les autres dimensions qui n’ont pas atteint leur cible.",
            f"«{NBSP}{s.title}{NBSP}»{NBSP}: jusqu’à {s.max_count} dimensions au moins au palier {band} qui ne sont pas "
            "des priorités. S’il n’y en a pas, le diagnostic le dit plutôt que de présenter des dimensions faibles comme des forces.",
            "Chaque fiche n’est citée qu’une fois, avec les priorités qu’elle sert. Pour MunicipalESS, la fiche de l’édition 2026 "
            "est proposée quand elle existe pour le besoin, sinon celle de 2020, et l’édition est indiquée. Les fiches dont le "
            "numéro ou le titre n’est pas confirmé sont signalées et ne figurent pas dans les documents destinés aux élus.",
        ],
    )


def next_steps_section(questionnaire: Questionnaire) -> MethodSection:
    """What a next step is, with one example taken from the questionnaire itself."""
    example = next((q, lv) for _, q in questionnaire.questions() for lv in q.levels if lv.next_step)
    question, level = example
    return MethodSection(
        "Les étapes suivantes",
        [
            "Pour chaque question, chaque niveau sauf le plus haut indique ce que la collectivité peut faire concrètement "
            "pour atteindre le niveau suivant, avec au besoin les acteurs et les fiches qui l’y aident.",
            f"Exemple{NBSP}: «{NBSP}{question.text}{NBSP}», niveau {level.value} «{NBSP}{level.label}{NBSP}» → {level.next_step}",
        ],
    )


def method_sections(catalogue: Catalogue, questionnaire_id: str) -> list[MethodSection]:
    """The method parts that depend on the content files, in reading order."""
    questionnaire = catalogue.questionnaire(questionnaire_id)
    return [
        priority_section(catalogue, questionnaire),
        recommendations_section(catalogue),
        next_steps_section(questionnaire),
    ]
