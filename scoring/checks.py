"""Validation rules beyond the models: unique ids, complete scales, references between files."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError

from scoring.errors import ContentIssue, translate_pydantic
from scoring.extracts import extract_issues
from scoring.models import (
    ActorCatalogue,
    Bands,
    FicheCatalogue,
    Level,
    Questionnaire,
    QuestionnaireExtract,
    Territories,
)
from scoring.rules_model import Rules
from scoring.yamlfile import YamlDocument

if TYPE_CHECKING:
    from scoring.loader import LoadedFile

Loc = tuple[str | int, ...]


def pydantic_issues(doc: YamlDocument, exc: ValidationError) -> list[ContentIssue]:
    """Turn pydantic's errors into French issues located in the file."""
    issues = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        message = translate_pydantic(err["type"], err.get("ctx"), err["msg"])
        if err["type"] == "extra_forbidden" and loc:
            message = f"clé inconnue « {loc[-1]} » (vérifiez l’orthographe)"
        issues.append(doc.issue(loc, message))
    return issues


def _duplicates(doc: YamlDocument, items: Iterable[tuple[Loc, str]], what: str) -> list[ContentIssue]:
    seen: set[str] = set()
    issues = []
    for loc, value in items:
        if value in seen:
            issues.append(doc.issue(loc, f"{what} « {value} » en double"))
        seen.add(value)
    return issues


def _increasing(doc: YamlDocument, prefix: Loc, mins: list[float], what: str) -> list[ContentIssue]:
    issues = []
    if mins and mins[0] != 0:
        issues.append(doc.issue((*prefix, 0, "min"), f"{what} : le premier seuil doit valoir 0"))
    for i in range(1, len(mins)):
        if mins[i] <= mins[i - 1]:
            issues.append(
                doc.issue(
                    (*prefix, i, "min"),
                    f"{what} : les seuils doivent être strictement croissants ({mins[i - 1]:g} puis {mins[i]:g})",
                )
            )
    return issues


def _questionnaire(doc: YamlDocument, q: Questionnaire) -> list[ContentIssue]:
    issues = _duplicates(
        doc, ((("dimensions", i, "id"), d.id) for i, d in enumerate(q.dimensions)), "identifiant de dimension"
    )
    issues += _duplicates(
        doc,
        (
            (("dimensions", i, "questions", j, "id"), qu.id)
            for i, d in enumerate(q.dimensions)
            for j, qu in enumerate(d.questions)
        ),
        "identifiant de question",
    )
    for i, dim in enumerate(q.dimensions):
        for j, question in enumerate(dim.questions):
            values = [level.value for level in question.levels]
            loc: Loc = ("dimensions", i, "questions", j, "levels")
            dup = sorted({v for v in values if values.count(v) > 1})
            missing = sorted(set(range(question.max_level + 1)) - set(values))
            if dup:
                issues.append(doc.issue(loc, f"niveau(x) en double : {', '.join(map(str, dup))}"))
            if missing:
                issues.append(
                    doc.issue(
                        loc,
                        f"il manque le(s) niveau(x) {', '.join(map(str, missing))} (les niveaux vont de 0 à {question.max_level} sans trou)",
                    )
                )
    issues += _next_steps(doc, q)
    values = sorted(level.value for level in q.importance_scale)
    if values != [0, 1, 2, 3]:
        issues.append(
            doc.issue(
                ("importance_scale",), "l’échelle d’importance doit compter les valeurs 0, 1, 2 et 3, une fois chacune"
            )
        )
    return issues


def _next_steps(doc: YamlDocument, q: Questionnaire) -> list[ContentIssue]:
    """Every level below the top says what to do next; the top level has nothing above it."""
    issues = []
    for i, dim in enumerate(q.dimensions):
        for j, question in enumerate(dim.questions):
            for k, level in enumerate(question.levels):
                loc: Loc = ("dimensions", i, "questions", j, "levels", k)
                top = level.value == question.max_level
                if not top and level.next_step is None:
                    message = f"le niveau {level.value} n’a pas de « next_step » (ce qu’il faut faire pour atteindre le niveau {level.value + 1})"
                    issues.append(doc.issue(loc, message))
                if top and (level.next_step is not None or level.actors or level.fiches):
                    issues.append(
                        doc.issue(
                            loc,
                            "le niveau le plus haut n’a pas d’étape suivante : retirez « next_step », « actors » et « fiches »",
                        )
                    )
                if level.next_step is None and (level.actors or level.fiches):
                    issues.append(doc.issue(loc, "« actors » et « fiches » accompagnent un « next_step »"))
    return issues


def _fiches(doc: YamlDocument, cat: FicheCatalogue) -> list[ContentIssue]:
    issues = _duplicates(doc, ((("kits", i, "id"), k.id) for i, k in enumerate(cat.kits)), "identifiant de kit")
    issues += _duplicates(doc, ((("fiches", i, "id"), f.id) for i, f in enumerate(cat.fiches)), "identifiant de fiche")
    issues += _duplicates(
        doc,
        (
            (("fiches", i, "number"), f"{f.kit} {f.edition or ''} n° {f.number}".replace("  ", " "))
            for i, f in enumerate(cat.fiches)
            if f.number is not None
        ),
        "numéro de fiche",
    )
    kits = {k.id for k in cat.kits}
    editions = {k.id: k.editions for k in cat.kits}
    for i, fiche in enumerate(cat.fiches):
        issues += _edition(doc, i, fiche.edition, editions.get(fiche.kit, []))
        if fiche.kit not in kits:
            issues.append(
                doc.issue(
                    ("fiches", i, "kit"), f"kit « {fiche.kit} » inconnu ; kits déclarés : {', '.join(sorted(kits))}"
                )
            )
        if fiche.verified and fiche.number is None:
            issues.append(doc.issue(("fiches", i, "verified"), "une fiche vérifiée doit avoir un numéro"))
    return issues


def _edition(doc: YamlDocument, i: int, edition: int | None, editions: list[int]) -> list[ContentIssue]:
    """A fiche of a kit with editions names one of them; other fiches name none."""
    if editions and edition not in editions:
        listed = ", ".join(map(str, editions))
        return [doc.issue(("fiches", i, "edition"), f"édition manquante ou inconnue ; éditions du kit : {listed}")]
    if not editions and edition is not None:
        return [doc.issue(("fiches", i, "edition"), "ce kit n’a pas d’éditions déclarées (« editions » du kit)")]
    return []


def _territories(doc: YamlDocument, t: Territories) -> list[ContentIssue]:
    issues = _duplicates(doc, ((("levels", i, "id"), x.id) for i, x in enumerate(t.levels)), "niveau")
    ids: dict[str, list[str]] = {
        "authority_types": [x.id for x in t.authority_types],
        "population_bands": [x.id for x in t.population_bands],
        "regions": [x.id for x in t.regions],
    }
    for key, values in ids.items():
        issues += _duplicates(doc, (((key, i, "id"), v) for i, v in enumerate(values)), "identifiant")
    levels = {x.id for x in t.levels}
    for i, a in enumerate(t.authority_types):
        if a.level not in levels:
            issues.append(
                doc.issue(("authority_types", i, "level"), f"niveau « {a.level} » non déclaré dans « levels »")
            )
    return issues


def file_checks(doc: YamlDocument, model: BaseModel) -> list[ContentIssue]:
    """Checks that need only the file itself."""
    if isinstance(model, Questionnaire):
        return _questionnaire(doc, model)
    if isinstance(model, QuestionnaireExtract):
        return extract_issues(doc, model)
    if isinstance(model, FicheCatalogue):
        return _fiches(doc, model)
    if isinstance(model, ActorCatalogue):
        return _duplicates(
            doc, ((("actors", i, "id"), a.id) for i, a in enumerate(model.actors)), "identifiant d’acteur"
        )
    if isinstance(model, Territories):
        return _territories(doc, model)
    if isinstance(model, Bands):
        issues = _duplicates(
            doc, ((("bands", i, "id"), b.id) for i, b in enumerate(model.bands)), "identifiant de palier"
        )
        return issues + _increasing(doc, ("bands",), [b.min for b in model.bands], "paliers")
    if isinstance(model, Rules):
        return _increasing(doc, ("priority_labels",), [p.min for p in model.priority_labels], "libellés de priorité")
    return []


def _unknown(doc: YamlDocument, loc: Loc, what: str, value: str, known: set[str]) -> ContentIssue:
    hint = ", ".join(sorted(known)[:20])
    return doc.issue(loc, f"{what} « {value} » inconnu(e) ; valeurs possibles : {hint}")


def _level_references(
    doc: YamlDocument, at: tuple[int, int], levels: list[Level], actor_ids: set[str], fiche_ids: set[str]
) -> list[ContentIssue]:
    """The actors and fiches a next step names must exist."""
    issues = []
    for k, level in enumerate(levels):
        loc: Loc = ("dimensions", at[0], "questions", at[1], "levels", k)
        for n, actor_id in enumerate(level.actors):
            if actor_id not in actor_ids:
                issues.append(_unknown(doc, (*loc, "actors", n), "acteur", actor_id, actor_ids))
        for n, fiche_id in enumerate(level.fiches):
            if fiche_id not in fiche_ids:
                issues.append(_unknown(doc, (*loc, "fiches", n), "fiche", fiche_id, fiche_ids))
    return issues


def cross_checks(by_kind: dict[str, list[LoadedFile]]) -> list[ContentIssue]:
    """Checks between files: every id a file names must exist where it is defined."""
    issues: list[ContentIssue] = []
    fiches_f, actors_f = by_kind["fiches"][0], by_kind["actors"][0]
    terr_f, bands_f, rules_f = by_kind["territories"][0], by_kind["bands"][0], by_kind["rules"][0]
    assert isinstance(fiches_f.model, FicheCatalogue) and isinstance(actors_f.model, ActorCatalogue)
    assert isinstance(terr_f.model, Territories) and isinstance(bands_f.model, Bands)
    assert isinstance(rules_f.model, Rules)
    actor_ids = {a.id for a in actors_f.model.actors}
    fiche_ids = {f.id for f in fiches_f.model.fiches}
    audiences = {a.id for a in terr_f.model.authority_types} | {lv.id for lv in terr_f.model.levels}
    dims: set[str] = set()
    for item in by_kind["questionnaire"]:
        assert isinstance(item.model, Questionnaire)
        for i, dim in enumerate(item.model.dimensions):
            dims.add(dim.id)
            for k, actor_id in enumerate(dim.actors):
                if actor_id not in actor_ids:
                    issues.append(_unknown(item.doc, ("dimensions", i, "actors", k), "acteur", actor_id, actor_ids))
            for j, question in enumerate(dim.questions):
                issues += _level_references(item.doc, (i, j), question.levels, actor_ids, fiche_ids)
                for k, aud in enumerate(question.audience or []):
                    if aud not in audiences:
                        issues.append(
                            _unknown(
                                item.doc, ("dimensions", i, "questions", j, "audience", k), "public", aud, audiences
                            )
                        )
    for i, fiche in enumerate(fiches_f.model.fiches):
        for k, dim_id in enumerate(fiche.dimensions):
            if dim_id not in dims:
                issues.append(_unknown(fiches_f.doc, ("fiches", i, "dimensions", k), "dimension", dim_id, dims))
    for i, actor in enumerate(actors_f.model.actors):
        for k, dim_id in enumerate(actor.dimensions):
            if dim_id not in dims:
                issues.append(_unknown(actors_f.doc, ("actors", i, "dimensions", k), "dimension", dim_id, dims))
    kits = {k.id for k in fiches_f.model.kits}
    for i, level in enumerate(terr_f.model.levels):
        if level.kit not in kits:
            issues.append(_unknown(terr_f.doc, ("levels", i, "kit"), "kit", level.kit, kits))
    rules = rules_f.model
    band_ids = {b.id for b in bands_f.model.bands}
    if rules.weak_dimension.below_band not in band_ids:
        issues.append(
            _unknown(rules_f.doc, ("weak_dimension", "below_band"), "palier", rules.weak_dimension.below_band, band_ids)
        )
    if rules.unknown_answers.resources_dimension not in dims:
        issues.append(
            _unknown(
                rules_f.doc,
                ("unknown_answers", "resources_dimension"),
                "dimension",
                rules.unknown_answers.resources_dimension,
                dims,
            )
        )
    if rules.strengths.min_band not in band_ids:
        issues.append(_unknown(rules_f.doc, ("strengths", "min_band"), "palier", rules.strengths.min_band, band_ids))
    if rules.priorities.min_count > rules.priorities.max_count:
        issues.append(rules_f.doc.issue(("priorities", "min_count"), "« min_count » dépasse « max_count »"))
    tag = rules.introduction.fiche_tag
    for kit in sorted(kits):
        if not any(tag in f.tags and f.kit == kit for f in fiches_f.model.fiches):
            issues.append(
                rules_f.doc.issue(
                    ("introduction", "fiche_tag"), f"aucune fiche du kit « {kit} » ne porte l’étiquette « {tag} »"
                )
            )
    return issues
