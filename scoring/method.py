"""The method explained, built from the catalogue the engine reads: one source for the method page,
the PDF annex and the README, so that none of them can contradict the results."""

from __future__ import annotations

from dataclasses import dataclass, field

from scoring.french import NBSP, number
from scoring.group import DIVERGENCE_SPREAD
from scoring.loader import Catalogue
from scoring.models import Questionnaire
from scoring.numbers import shown_score


@dataclass(frozen=True)
class Section:
    """A titled part of the method: paragraphs, then bullets, then an optional table (header, rows)."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


def _questions(questionnaires: list[Questionnaire]) -> Section:
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
    return Section(
        "Les questions",
        [
            f"Chaque question se répond sur une échelle de 0 à {top} dont chaque niveau décrit ce que fait la "
            "collectivité, ou par «\u00a0Je ne sais pas\u00a0», ou par «\u00a0Non concerné\u00a0». Certaines "
            "questions ne sont posées qu’à certains types de collectivités.",
            f"Pour chaque dimension, la collectivité dit aussi quelle importance elle lui donne{NBSP}: {scale}.",
        ],
        bullets,
    )


def _scores(catalogue: Catalogue, questionnaires: list[Questionnaire]) -> Section:
    dims = [d for q in questionnaires for d in q.dimensions]
    weights = "toutes de même poids" if len({d.weight for d in dims}) == 1 else "pondérées par leur poids"
    return Section(
        "Du niveau au score",
        bullets=[
            "Score d’une question = niveau choisi ÷ niveau maximal de son échelle, de 0 à 1.",
            "Score d’une dimension = 100 × Σ (poids × score de la question) ÷ Σ poids, sur les seules questions qui "
            "ont reçu un niveau. «\u00a0Je ne sais pas\u00a0», «\u00a0Non concerné\u00a0» et l’absence de réponse "
            "sont laissés de côté (jamais comptés comme zéro) : leur poids se reporte sur les autres questions.",
            "Une dimension sans aucun niveau est «\u00a0non évaluée\u00a0» : pas de score, un vide sur le radar. "
            "Si toutes ses questions sont «\u00a0Non concerné\u00a0», elle est «\u00a0non concernée\u00a0».",
            "Couverture = part (pondérée) des questions ayant reçu un niveau, parmi celles qui ne sont pas "
            "«\u00a0Non concerné\u00a0» ; la part de «\u00a0Je ne sais pas\u00a0» est donnée aussi.",
            f"Indices motivations, ressources et global = moyennes des scores des dimensions évaluées ({weights}).",
        ],
    )


def _bands(catalogue: Catalogue) -> Section:
    bands = catalogue.bands.bands
    rows = []
    for i, band in enumerate(bands):
        upper = f"moins de {number(bands[i + 1].min)}" if i + 1 < len(bands) else "100"
        rows.append([band.label, f"de {number(band.min)} à {upper}", band.description])
    example = bands[1].min - 0.4
    return Section(
        "Les paliers de maturité",
        [
            "Un score à la limite de deux paliers appartient au palier supérieur. Le palier se lit sur le score "
            "exact ; les scores s’affichent arrondis à l’unité inférieure pour ne jamais montrer une borne non "
            f"atteinte{NBSP}: {number(example, 1)} s’affiche {shown_score(example)} et reste au palier "
            f"«\u00a0{bands[0].label}\u00a0»."
        ],
        header=["Palier", "Scores", "Ce que cela signifie"],
        rows=rows,
    )


def _priorities(catalogue: Catalogue, questionnaires: list[Questionnaire]) -> Section:
    rules = catalogue.rules
    rule, strong = rules.priorities, rules.strengths
    labels = ", ".join(f"«\u00a0{p.label}\u00a0» à partir de {number(p.min)}" for p in rules.priority_labels)
    default = questionnaires[0].importance_label(rules.default_importance)
    steps = sum(1 for q in questionnaires[:1] for _, x in q.questions() for lv in x.levels if lv.next_step)
    strong_band = next(b.label for b in catalogue.bands.bands if b.id == strong.min_band)
    return Section(
        "Cibles, priorités et étapes suivantes",
        bullets=[
            "Cible : pour chaque dimension, la collectivité peut fixer le score ou le palier qu’elle vise (par exemple "
            "d’ici un an) ; un palier vaut sa borne basse. Sans cible, 100/100 est visé.",
            f"Priorité d’une dimension = importance ÷ 3 × max(0, cible − score). Une importance non renseignée compte "
            f"comme «\u00a0{default}\u00a0» ({rules.default_importance}/3). Une cible atteinte n’est plus une "
            f"priorité. Libellés de la priorité calculée{NBSP}: {labels} ; ils ne reprennent jamais les mots de "
            "l’échelle d’importance.",
            f"«\u00a0{rule.title}\u00a0» : de {rule.min_count} à {rule.max_count} dimensions, par priorité "
            f"décroissante ; au-delà de {rule.min_count}, une dimension n’est retenue que si sa priorité atteint "
            f"{number(rule.min_priority)}. Chacune est expliquée par sa raison (score, palier, cible et votre réponse "
            f"d’importance dans ses mots) et par ses {rule.weak_answers} réponses les plus faibles.",
            "Étape suivante : chaque niveau d’une question, sauf le plus haut, dit ce que la collectivité fait "
            f"concrètement pour atteindre le niveau suivant ({steps} étapes dans le questionnaire complet), avec "
            "les acteurs et les fiches qui aident. Une étape s’ajoute au plan d’action en un clic.",
            f"«\u00a0{rule.others_title}\u00a0» : les autres dimensions qui ont encore une marge de progrès.",
            f"«\u00a0{strong.title}\u00a0» : jusqu’à {strong.max_count} dimensions au moins au palier "
            f"«\u00a0{strong_band}\u00a0», jamais une priorité ; quand aucune n’atteint ce palier, les résultats "
            f"le disent{NBSP}: «\u00a0{strong.none_message}\u00a0»",
            f"Fiches : celles du kit RTES de votre niveau de collectivité, l’édition la plus récente quand elle a une "
            f"fiche pour le besoin ; chaque fiche n’apparaît qu’une fois, avec les priorités qu’elle sert (jusqu’à "
            f"{rule.max_fiches} par dimension). Une fiche dont le numéro ou le titre n’est pas confirmé est "
            "signalée «\u00a0titre non confirmé\u00a0» dans l’application et n’apparaît pas dans le rapport PDF.",
            "Acteurs : la CRESS de votre région est nommée (par exemple «\u00a0CRESS Normandie\u00a0») ; les liens ne "
            "mènent qu’à des adresses confirmées, sinon à la page du kit sur le site du RTES.",
        ],
    )


def _workshop() -> Section:
    return Section(
        "En atelier",
        bullets=[
            "Le niveau du groupe pour une question est la moyenne des niveaux donnés ; l’écart est max − min.",
            f"Une question est divergente quand l’écart atteint {DIVERGENCE_SPREAD} niveaux : elle est à discuter "
            "en priorité.",
            "Les scores du groupe se calculent à partir des niveaux moyens, avec les mêmes formules.",
        ],
    )


def method_sections(catalogue: Catalogue, questionnaires: list[Questionnaire] | None = None) -> list[Section]:
    """The method, section by section, for these questionnaires (default: every one, full first)."""
    chosen = questionnaires or sorted(catalogue.questionnaires.values(), key=lambda q: q.variant != "full")
    return [
        _questions(chosen),
        _scores(catalogue, chosen),
        _bands(catalogue),
        _priorities(catalogue, chosen),
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
