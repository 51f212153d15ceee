"""Méthode: how scores are computed, generated from the same YAML the engine reads."""

from __future__ import annotations

import streamlit as st

from scoring.french import number
from scoring.group import DIVERGENCE_SPREAD
from ui import page
from ui.resources import catalogue


def render() -> None:
    """The method screen."""
    cat = catalogue()
    rules, bands = cat.rules, cat.bands.bands
    st.title("Méthode et calculs", anchor=False)
    st.write(
        "Tout ce qui suit est lu dans les fichiers de contenu que l’outil utilise pour calculer : "
        "cette page ne peut donc pas contredire les résultats."
    )
    st.header("Les questions", anchor=False)
    for q in sorted(cat.questionnaires.values(), key=lambda x: x.variant):
        half = {h: sum(1 for d in q.dimensions if d.half == h) for h in ("motivation", "resource")}
        st.markdown(
            f"- **{q.title}** ({'version complète' if q.variant == 'full' else 'version express'}, version {q.version}) : "
            f"{len(q.questions())} questions, {half['motivation']} dimensions de motivation et {half['resource']} de ressources, "
            f"environ {q.estimated_minutes} minutes."
        )
    tops = sorted({x.max_level for q in cat.questionnaires.values() for _, x in q.questions()})
    top = " ou ".join(str(t) for t in tops)
    st.write(
        f"Chaque question se répond sur une échelle de 0 à {top} dont chaque niveau décrit ce que fait la collectivité, "
        "ou par « Je ne sais pas », ou par « Non concerné ». Certaines questions ne sont posées qu’à certains types de collectivités."
    )
    st.header("Du niveau au score", anchor=False)
    st.markdown(
        f"1. **Score d’une question** = niveau choisi ÷ niveau maximal ({top}) : de 0 à 1.\n"
        "2. **Score d’une dimension** = 100 × moyenne des scores des questions, pondérée par le poids de chaque question, "
        "sur les seules questions qui ont reçu un niveau. « Je ne sais pas », « Non concerné » et l’absence de réponse sont "
        "laissés de côté : leur poids se reporte sur les autres questions.\n"
        "3. Une dimension sans aucun niveau est **non évaluée** : elle n’a pas de score (jamais 0) et apparaît comme un trou dans le radar. "
        "Si toutes ses questions sont « Non concerné », elle est **non concernée**.\n"
        "4. **Couverture** d’une dimension = part du poids des questions ayant reçu un niveau, parmi celles qui ne sont pas « Non concerné ». "
        "La part de « Je ne sais pas » est donnée aussi : beaucoup de « je ne sais pas » est en soi un constat.\n"
        "5. **Indices** motivations, ressources et global = moyennes des scores des dimensions évaluées, pondérées par le poids de chaque dimension."
    )
    st.header("Les paliers de maturité", anchor=False)
    rows = []
    for i, band in enumerate(bands):
        upper = bands[i + 1].min if i + 1 < len(bands) else None
        span = (
            f"de {number(band.min)} à moins de {number(upper)}" if upper is not None else f"de {number(band.min)} à 100"
        )
        rows.append({"Palier": band.label, "Scores": span, "Ce que cela signifie": band.description})
    st.table(rows, hide_index=True)
    st.caption(
        f"Le palier se lit sur le score non arrondi ; une borne appartient au palier supérieur "
        f"({number(bands[1].min)} est « {bands[1].label} », {number(bands[1].min - 0.1, 1)} est « {bands[0].label} »)."
    )
    st.header("Les priorités et les recommandations", anchor=False)
    wd, intro, unk = rules.weak_dimension, rules.introduction, rules.unknown_answers
    ceiling = next(b.label for b in bands if b.id == wd.below_band)
    labels = ", ".join(f"« {p.label} » à partir de {number(p.min)}" for p in rules.priority_labels)
    st.markdown(
        f"- **Priorité** d’une dimension = importance ÷ 3 × (100 − score). Une importance non renseignée compte pour {rules.default_importance}. Libellés : {labels}.\n"
        f"- Chaque dimension évaluée sous le palier « {ceiling} » et d’importance au moins {wd.min_importance} reçoit jusqu’à {wd.max_fiches} fiches "
        "du kit RTES de votre niveau de collectivité (MunicipalESS pour le bloc communal, DépartementalESS, RégionalESS) et les acteurs à contacter, "
        "par ordre de priorité décroissante.\n"
        f"- Si l’indice global est inférieur à {number(intro.global_index_below)}, les fiches d’introduction du kit sont proposées en premier.\n"
        f"- Une dimension dont la couverture est inférieure à {number(unk.coverage_below)}\u00a0% avec au moins "
        f"{number(unk.min_dk_share)}\u00a0% de « je ne sais pas » oriente vers les ressources d’observation."
    )
    st.header("En atelier", anchor=False)
    st.markdown(
        "- Le niveau du groupe pour une question est la moyenne des niveaux donnés par les participants ; l’écart est max − min.\n"
        f"- Une question est **divergente** quand l’écart atteint {DIVERGENCE_SPREAD} niveaux : elle est à discuter en priorité.\n"
        "- Les scores du groupe se calculent à partir des niveaux moyens, avec les mêmes formules."
    )
    st.header("Sources", anchor=False)
    st.markdown(
        "Critères de motivation et catégories de ressources présentés par les CRESS (journée CNFPT de Nancy, 2016) ; "
        "kits MunicipalESS (2020), DépartementalESS et RégionalESS (2021) du [RTES](https://www.rtes.fr). "
        "Les fiches dont le titre n’est pas confirmé sont signalées comme telles."
    )


page.guard(render)
