"""Participant roles in a workshop, as SELFIE compares school leaders, teachers and pupils."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    """A participant's role: id stored in the database, labels shown in French."""

    id: str
    label: str
    """Shown when joining, e.g. « Élu ou élue »."""
    short: str
    """In a participant's label, e.g. « Participant 3 (élu) »."""
    plural: str
    """As a column heading of the role comparison, e.g. « Élus »."""


ROLES: tuple[Role, ...] = (
    Role("elu", "Élu ou élue de la collectivité", "élu", "Élus"),
    Role("technicien", "Technicien ou technicienne (agent de la collectivité)", "technicien", "Techniciens"),
    Role("acteur_ess", "Acteur ou actrice de l’ESS (association, coopérative, CRESS…)", "acteur ESS", "Acteurs ESS"),
    Role("autre", "Autre (partenaire, habitant, consultant…)", "autre", "Autres"),
)
ROLE_IDS: tuple[str, ...] = tuple(role.id for role in ROLES)
_BY_ID = {role.id: role for role in ROLES}
UNKNOWN = Role("", "Rôle non précisé", "rôle non précisé", "Rôle non précisé")


def role(role_id: str | None) -> Role:
    """The role with this id; an « unknown » role for anything else."""
    return _BY_ID.get(role_id or "", UNKNOWN)
