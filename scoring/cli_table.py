"""A plain-text table of scores and priorities, for people reading a terminal."""

from __future__ import annotations

from scoring.engine import STATUS_LABELS, Index, Scores, shown_score
from scoring.priorities import Recommendations


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _score(value: float | None) -> str:
    return "–" if value is None else str(shown_score(value))


def _index_line(name: str, index: Index) -> str:
    band = index.band.label if index.band else "non évalué"
    return f"{name:<22} {_score(index.value):>5}  {band}"


def render_table(scores: Scores, result: Recommendations) -> str:
    """Indices, one line per dimension, then « Vos priorités », « Autres pistes » and « Points forts »."""
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
    lines += ["", *priorities_lines(result)]
    return "\n".join(lines)


def priorities_lines(result: Recommendations) -> list[str]:
    """« Vos priorités » as on the results page: reason, weak answers and next steps, fiches, actors."""
    kit = result.audience.kit
    assumed = ", kit supposé : type de collectivité non renseigné" if result.audience.level_assumed else ""
    lines = [f"Vos priorités (kit {kit.title}{assumed}) :"]
    for n, item in enumerate(result.priorities, 1):
        lines.append(f"{n}. {item.score.dimension.title} : {item.reason}")
        for weak in item.weak_answers:
            lines.append(f"   - {weak.question.text} (niveau {weak.level.value} « {weak.level.label} »)")
            if weak.next_step:
                lines.append(f"     Étape suivante : {weak.next_step}")
        for use in item.fiches:
            num = f"n° {use.fiche.number} " if use.fiche.number else ""
            edition = f" (édition {use.edition})" if use.edition else ""
            caution = "" if use.verified else " (titre non confirmé)"
            lines.append(f"   - Fiche {kit.title}{edition} {num}« {use.fiche.title} »{caution}")
        if item.actors:
            lines.append("   - À contacter : " + ", ".join(a.name for a in item.actors))
    if result.others:
        lines.append("Autres pistes : " + ", ".join(p.score.dimension.short_title for p in result.others) + ".")
    strengths = ", ".join(ds.dimension.short_title for ds in result.strengths)
    lines.append(f"Points forts : {strengths}." if strengths else (result.no_strength_message or ""))
    return lines
