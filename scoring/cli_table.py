"""A plain-text table of scores and recommendations, for people reading a terminal."""

from __future__ import annotations

from scoring.engine import STATUS_LABELS, Index, Scores, shown_score
from scoring.priorities import FicheUse, Priority, Recommendations


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _score(value: float | None) -> str:
    return "–" if value is None else str(shown_score(value))


def _index_line(name: str, index: Index) -> str:
    band = index.band.label if index.band else "non évalué"
    return f"{name:<22} {_score(index.value):>5}  {band}"


def render_table(scores: Scores, plan: Recommendations) -> str:
    """Indices, one line per dimension, then the priorities with their next steps, other leads and strengths."""
    lines = [f"Questionnaire : {scores.questionnaire.title} ({scores.questionnaire.id})", ""]
    lines += [
        _index_line("Indice global", scores.overall),
        _index_line("Indice motivations", scores.motivation),
        _index_line("Indice ressources", scores.resource),
        "",
        f"{'Dimension':<42} {'Score':>5}  {'Palier':<14} {'Couv.':>5} {'NSP':>5} {'Prio.':>5}",
    ]
    for ds in scores.dimensions:
        band = ds.band.label if ds.band else STATUS_LABELS[ds.status]
        lines.append(
            f"{ds.dimension.title[:42]:<42} {_score(ds.score):>5}  {band:<14} "
            f"{_num(ds.coverage):>5} {_num(ds.dk_share):>5} {_num(ds.priority):>5}"
        )
    return "\n".join(lines + _plan_lines(plan))


def _fiche_line(use: FicheUse) -> str:
    fiche = use.fiche
    num = f"n° {fiche.number} " if fiche.number else ""
    edition = f" (édition {fiche.edition})" if fiche.edition else ""
    unconfirmed = "" if fiche.verified else " (numéro ou titre non confirmé)"
    return f"   - Fiche {use.kit_title}{edition} {num}« {fiche.title} »{unconfirmed}"


def _priority_lines(n: int, item: Priority) -> list[str]:
    lines = [f"{n}. {item.score.dimension.title} : {item.reason}"]
    for weak in item.weak_answers:
        lines.append(f"   · {weak.question.text} — niveau {weak.level.value} « {weak.level.label} »")
        lines.append(f"     Étape suivante : {weak.next_step}")
    lines += [_fiche_line(use) for use in item.fiches]
    lines += [f"   - Voir aussi la fiche « {use.fiche.title} » (citée plus haut)" for use in item.see_also]
    if item.actors:
        lines.append("   - Contacts : " + ", ".join(a.name for a in item.actors))
    return lines


def _plan_lines(plan: Recommendations) -> list[str]:
    rules_kit = plan.audience.kit.title
    assumed = ", kit supposé : type de collectivité non renseigné" if plan.audience.level_assumed else ""
    lines = ["", f"Vos priorités (kit {rules_kit}{assumed}) :"]
    for n, item in enumerate(plan.priorities, 1):
        lines += _priority_lines(n, item)
    if plan.others:
        lines += ["", "Autres pistes : " + ", ".join(p.score.dimension.short_title for p in plan.others)]
    lines += [
        "",
        "Points forts : "
        + (", ".join(ds.dimension.short_title for ds in plan.strengths) or (plan.no_strength_message or "")),
    ]
    return lines
