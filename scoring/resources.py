"""Fiches and actors for one authority: its kit and edition, its région's CRESS, its level of government."""

from __future__ import annotations

from dataclasses import dataclass

from scoring.loader import Catalogue
from scoring.models import Actor, Fiche, Kit, LevelId, Region


@dataclass(frozen=True)
class Audience:
    """Who the recommendations are for: level of government, kit, région."""

    level: LevelId
    kit: Kit
    level_assumed: bool
    region: Region | None


@dataclass(frozen=True)
class NamedActor:
    """An actor under the name the authority should look for (« CRESS Normandie »)."""

    actor: Actor
    name: str


def audience_of(catalogue: Catalogue, authority_type: str | None, region_id: str | None) -> Audience:
    """Level of government (bloc communal when the type is unknown, which is said), kit and région."""
    kind = next((a for a in catalogue.territories.authority_types if a.id == authority_type), None)
    level: LevelId = kind.level if kind else "bloc_communal"
    kit_id = next(lv.kit for lv in catalogue.territories.levels if lv.id == level)
    kit = next(k for k in catalogue.fiches.kits if k.id == kit_id)
    return Audience(level, kit, kind is None, catalogue.territories.region(region_id))


def current_edition_first(fiches: list[Fiche], kit: Kit) -> list[Fiche]:
    """The kit's fiches among `fiches`: those of the newest edition that has any, else the next one."""
    own = [f for f in fiches if f.kit == kit.id]
    for edition in reversed(kit.editions):
        chosen = [f for f in own if f.edition == edition]
        if chosen:
            return chosen
    return own


def dimension_fiches(catalogue: Catalogue, kit: Kit, dimension_id: str, limit: int) -> list[Fiche]:
    """Up to `limit` fiches of the kit for a dimension, current edition where it has one, confirmed first."""
    tagged = [f for f in catalogue.fiches.fiches if dimension_id in f.dimensions]
    chosen = current_edition_first(tagged, kit)
    chosen.sort(key=lambda f: (not f.verified, f.number or 99))
    return chosen[:limit]


def step_fiches(catalogue: Catalogue, kit: Kit, fiche_ids: list[str]) -> list[Fiche]:
    """The fiches a next step names that belong to the kit, current edition where it has one."""
    by_id = {f.id: f for f in catalogue.fiches.fiches}
    return current_edition_first([by_id[i] for i in fiche_ids if i in by_id], kit)


def fiche_url(fiche: Fiche, kit: Kit) -> str | None:
    """The fiche's own page where it is confirmed, else the kit's page on the RTES site."""
    return fiche.url or kit.url


def named(catalogue: Catalogue, actor: Actor, region: Region | None) -> NamedActor:
    """An actor named for the authority: a regional actor gets its région's name, never an invented address."""
    if not actor.regional:
        return NamedActor(actor, actor.name)
    if region is not None:
        return NamedActor(actor, region.cress_name)
    return NamedActor(actor, catalogue.rules.priorities.regional_actor_without_region.format(name=actor.name))


def actors_for(catalogue: Catalogue, ids: list[str], audience: Audience) -> list[NamedActor]:
    """The actors with these ids that work with this level of government, named for the authority."""
    by_id = {a.id: a for a in catalogue.actors.actors}
    actors = [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
    return [named(catalogue, a, audience.region) for a in actors if a.levels is None or audience.level in a.levels]


def dimension_actor_ids(catalogue: Catalogue, dimension_own: list[str], dimension_id: str) -> list[str]:
    """Actor ids for a dimension: the questionnaire's own list first, then the catalogue's."""
    return [*dimension_own, *(a.id for a in catalogue.actors.actors if dimension_id in a.dimensions)]
