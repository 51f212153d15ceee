"""A plain-text table of scores and recommendations, for people reading a terminal."""

from __future__ import annotations

from scoring.engine import STATUS_LABELS, Index, Scores, shown_score
from scoring.recommend import Advice


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f}"


def _score(value: float | None) -> str:
    return "–" if value is None else str(shown_score(value))


def _index_line(name: str, index: Index) -> str:
    band = index.band.label if index.band else "non évalué"
    return f"{name:<22} {_score(index.value):>5}  {band}"


def render_table(scores: Scores, advice: Advice) -> str:
    """Indices, one line per dimension, then the recommendations."""
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
    lines += [
        "",
        f"Recommandations (kit {advice.kit_title}{', kit supposé : type de collectivité non renseigné' if advice.kit_assumed else ''}) :",
    ]
    for n, item in enumerate(advice.items, 1):
        lines.append(f"{n}. {item.reason}")
        for fiche in item.fiches:
            num = f"n° {fiche.number} " if fiche.number else ""
            lines.append(f"   - Fiche {num}« {fiche.title} »{'' if fiche.verified else ' (titre non confirmé)'}")
        if item.actors:
            lines.append("   - Contacts : " + ", ".join(a.name for a in item.actors))
    return "\n".join(lines)
