"""Participant roles in a workshop (as SELFIE compares school leaders, teachers and pupils).

Their ids and French labels are content: `questionnaires/wording.yaml` (`roles`, `unknown_role`).
"""

from __future__ import annotations

from scoring.loader import default_catalogue
from scoring.wording_model import Role


def roles() -> list[Role]:
    """The roles a participant chooses from, in their order."""
    return default_catalogue().wording.roles


def role_ids() -> tuple[str, ...]:
    """The ids stored for the roles."""
    return tuple(r.id for r in roles())


def role(role_id: str | None) -> Role:
    """The role with this id; the « rôle non précisé » role for anything else."""
    wording = default_catalogue().wording
    return next((r for r in wording.roles if r.id == role_id), wording.unknown_role)
