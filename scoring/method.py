"""The method explained in French from the content files, built once for the method page, the PDF
annex and the README (`python -m scoring method`), so that none of them can contradict the results."""

from __future__ import annotations

from dataclasses import dataclass, field

from scoring.french import NBSP, exact, number
from scoring.group import DIVERGENCE_SPREAD
from scoring.loader import Catalogue
from scoring.models import Questionnaire
from scoring.numbers import shown_score
from scoring.targets import DEFAULT_TARGET


@dataclass(frozen=True)
class MethodSection:
    """A titled part of the method: plain French paragraphs, bullets and an optional table (no Markdown, no HTML)."""

    title: str
    paragraphs: list[str]
    bullets: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


def _quoted(words: list[str]) -> str:
    return ", ".join(f"«{NBSP}{w}{NBSP}»" for w in words)


def priority_section(catalogue: Catalogue, questionnaire: Questionnaire) -> MethodSection:
    """Importance, targets and the computed priority, with the words of both scales."""
    rules = catalogue.rules
    importance = _quoted([lv.label for lv in sorted(questionnaire.importance_scale, key=lambda lv: lv.value)])
    default = questionnaire.importance_label(rules.default_importance)
    labels = ", ".join(f"«{NBSP}{p.label}{NBSP}» à partir de {exact(p.min)}" for p in rules.priority_labels)
    bands = ", ".join(f"{b.label} {exact(b.min)}" for b in catalogue.bands.bands)
    return MethodSection(
        "Importance, cible et priorité",
        [
            f"Pour chaque dimension, vous dites quel enjeu elle représente{NBSP}: {importance}. "
            f"Sans réponse, elle compte comme «{NBSP}{default}{NBSP}».",
            f"Vous pouvez aussi fixer une cible, par exemple pour l’an prochain{NBSP}: un score de 0 à 100 ou un palier, "
            f"qui vaut alors son seuil ({bands}). Sans cible, la cible est {exact(DEFAULT_TARGET)}.",
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
            f"(au-delà de {p.min_count}, seulement celles dont la priorité atteint {exact(p.min_priority)}). Chacune est "
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


def _questions(questionnaires: list[Questionnaire]) -> MethodSection:
    bullets = []
    for q in questionnaires:
        half = {h: sum(1 for d in q.dimensions if d.half == h) for h in ("motivation", "resource")}
        variant = "version complète" if q.variant == "full" else "version express"
        bullets.append(
            f"{q.title} ({variant}, version {q.version}){NBSP}: {len(q.questions())} questions, "
            f"{half['motivation']} dimensions de motivation et {half['resource']} de ressources, "
            f"environ {q.estimated_minutes}{NBSP}minutes."
        )
    tops = sorted({x.max_level for q in questionnaires for _, x in q.questions()})
    top = " ou ".join(str(t) for t in tops)
    scale = " · ".join(f"{lv.value}{NBSP}: {lv.label}" for lv in questionnaires[0].importance_scale)
    return MethodSection(
        "Les questions",
        [
            f"Chaque question se répond sur une échelle de 0 à {top} dont chaque niveau décrit ce que fait la "
            "collectivité, ou par «\u00a0Je ne sais pas\u00a0», ou par «\u00a0Non concerné\u00a0». Certaines "
            "questions ne sont posées qu’à certains types de collectivités.",
            f"Pour chaque dimension, la collectivité dit aussi quelle importance elle lui donne{NBSP}: {scale}.",
        ],
        bullets,
    )


def _scores(catalogue: Catalogue, questionnaires: list[Questionnaire]) -> MethodSection:
    dims = [d for q in questionnaires for d in q.dimensions]
    weights = "toutes de même poids" if len({d.weight for d in dims}) == 1 else "pondérées par leur poids"
    return MethodSection(
        "Du niveau au score",
        [],
        bullets=[
            "Score d’une question = niveau choisi ÷ niveau maximal de son échelle, de 0 à 1.",
            "Score d’une dimension = 100 × Σ (poids × score de la question) ÷ Σ poids, sur les seules questions qui "
            "ont reçu un niveau. «\u00a0Je ne sais pas\u00a0», «\u00a0Non concerné\u00a0» et l’absence de réponse "
            "sont laissés de côté (jamais comptés comme zéro) : leur poids se reporte sur les autres questions.",
            "Une dimension sans aucun niveau est «\u00a0non évaluée\u00a0» : pas de score, un vide sur le radar. "
            "Si toutes ses questions sont «\u00a0Non concerné\u00a0», elle est «\u00a0non concernée\u00a0».",
            "Couverture = part (pondérée) des questions ayant reçu un niveau, parmi celles qui ne sont pas "
            "«\u00a0Non concerné\u00a0» ; la part de «\u00a0Je ne sais pas\u00a0» est donnée aussi.",
            f"Indices motivations, ressources et global = moyennes des scores des dimensions évaluées ({weights}).",
        ],
    )


def _bands(catalogue: Catalogue) -> MethodSection:
    bands = catalogue.bands.bands
    rows = []
    for i, band in enumerate(bands):
        upper = f"moins de {number(bands[i + 1].min)}" if i + 1 < len(bands) else "100"
        rows.append([band.label, f"de {number(band.min)} à {upper}", band.description])
    example = bands[1].min - 0.4
    return MethodSection(
        "Les paliers de maturité",
        [
            "Un score à la limite de deux paliers appartient au palier supérieur. Le palier se lit sur le score "
            "exact ; les scores s’affichent arrondis à l’unité inférieure pour ne jamais montrer une borne non "
            f"atteinte{NBSP}: {number(example, 1)} s’affiche {shown_score(example)} et reste au palier "
            f"«\u00a0{bands[0].label}\u00a0»."
        ],
        header=["Palier", "Scores", "Ce que cela signifie"],
        rows=rows,
    )


def _workshop() -> MethodSection:
    return MethodSection(
        "En atelier",
        [],
        bullets=[
            "Le niveau du groupe pour une question est la moyenne des niveaux donnés ; l’écart est max − min.",
            f"Une question est divergente quand l’écart atteint {DIVERGENCE_SPREAD} niveaux : elle est à discuter "
            "en priorité.",
            "Les scores du groupe se calculent à partir des niveaux moyens, avec les mêmes formules.",
        ],
    )


def method_sections(catalogue: Catalogue, questionnaire_id: str | None = None) -> list[MethodSection]:
    """The method in reading order, for one questionnaire (the PDF annex) or every one, full first (the page)."""
    every = sorted(catalogue.questionnaires.values(), key=lambda q: q.variant != "full")
    chosen = [catalogue.questionnaire(questionnaire_id)] if questionnaire_id else every
    return [
        _questions(chosen),
        _scores(catalogue, chosen),
        _bands(catalogue),
        priority_section(catalogue, chosen[0]),
        recommendations_section(catalogue),
        next_steps_section(chosen[0]),
        _workshop(),
    ]


def method_markdown(catalogue: Catalogue) -> str:
    """The method as Markdown (the README's « Targets, priorities and next steps » block)."""
    out = []
    for section in method_sections(catalogue):
        out.append(f"### {section.title}\n")
        out += [f"{p}\n" for p in section.paragraphs]
        if section.bullets:
            out.append("\n".join(f"- {b}" for b in section.bullets) + "\n")
        if section.rows:
            out.append("| " + " | ".join(section.header) + " |")
            out.append("|" + "---|" * len(section.header))
            out += ["| " + " | ".join(row) + " |" for row in section.rows]
            out.append("")
    return "\n".join(out).rstrip() + "\n"
