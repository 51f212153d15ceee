"""Exceptions the storage raises, with French messages the UI can show as they are.

Every exception carries the technical cause as `__cause__` for the logs; `str(exc)` is
meant for the user and never contains a traceback or a database URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import (
    DBAPIError,
    DisconnectionError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout

NBSP = "\u00a0"  # French typography: a non-breaking space before ":" and ";"
READ_UNAVAILABLE = (
    f"La base de données est injoignable pour le moment. Réessayez dans quelques instants{NBSP}; "
    "si le problème persiste, prévenez l’administrateur."
)
WRITE_UNAVAILABLE = (
    f"La base de données est injoignable pour le moment{NBSP}: votre dernière modification n’a pas "
    f"été enregistrée. Réessayez dans quelques instants{NBSP}; si le problème persiste, prévenez "
    "l’administrateur."
)
READ_FAILED = f"La base de données a renvoyé une erreur{NBSP}: la lecture n’a pas abouti."
WRITE_FAILED = f"La base de données a renvoyé une erreur{NBSP}: votre dernière modification n’a pas été enregistrée."


class StorageError(Exception):
    """Base class of every storage error; its message is French and user-facing."""

    default_message = f"La base de données a renvoyé une erreur{NBSP}: l’opération n’a pas abouti."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)


class StorageUnavailable(StorageError):  # noqa: N818  the app's API names it so
    """The database cannot be reached, is locked for too long or dropped the connection."""

    default_message = READ_UNAVAILABLE


class NotFound(StorageError, LookupError):  # noqa: N818  the app's API names it so
    """A record asked for by id does not exist."""


class DiagnosticNotFound(NotFound):
    """No diagnostic has this id."""

    def __init__(self, diag_id: str) -> None:
        super().__init__(f"Ce diagnostic est introuvable{NBSP}: le lien est peut-être incomplet.")
        self.diag_id = diag_id


class WorkshopNotFound(NotFound):
    """No workshop has this id."""

    def __init__(self, workshop_id: str) -> None:
        super().__init__(f"Cet atelier est introuvable{NBSP}: le lien est peut-être incomplet.")
        self.workshop_id = workshop_id


class WorkshopClosed(StorageError):  # noqa: N818  the app's API names it so
    """The workshop is closed: nobody may join it any more."""

    def __init__(self, workshop_id: str) -> None:
        super().__init__(
            f"Cet atelier est clos{NBSP}: il n’accepte plus de nouveaux participants. "
            "Demandez à l’animateur de le rouvrir."
        )
        self.workshop_id = workshop_id


class AnswersClosed(StorageError):  # noqa: N818  the app's API names it so
    """A participant's diagnostic belongs to a closed workshop: it accepts no more answers."""

    def __init__(self, diag_id: str) -> None:
        super().__init__(
            f"Cet atelier est clos{NBSP}: les réponses ne sont plus modifiables et votre dernière modification "
            "n’a pas été enregistrée. Vos réponses précédentes sont conservées."
        )
        self.diag_id = diag_id


class ProfileLocked(StorageError):  # noqa: N818  the app's API names it so
    """A workshop participant's diagnostic keeps the profile the facilitator entered."""

    def __init__(self, diag_id: str) -> None:
        super().__init__(
            f"Le profil de la collectivité est celui que l’animateur de l’atelier a saisi{NBSP}: "
            "il ne peut pas être modifié depuis une participation."
        )
        self.diag_id = diag_id


class ParticipantHasAnswers(StorageError):  # noqa: N818  the app's API names it so
    """Removing (or merging away) a participation that holds answers would reveal them by subtraction."""

    def __init__(self, diag_id: str) -> None:
        super().__init__(
            f"Cette participation contient déjà des réponses{NBSP}: la retirer changerait les résultats du groupe "
            f"et laisserait deviner ses réponses. Seule une participation vide (un doublon) peut être retirée, "
            f"et une fusion demande qu’une des deux participations soit vide."
        )
        self.diag_id = diag_id


@contextmanager
def database_errors(*, write: bool) -> Iterator[None]:
    """Turn SQLAlchemy errors into `StorageUnavailable` / `StorageError` with French text."""
    try:
        yield
    except SQLAlchemyError as exc:
        if is_unreachable(exc):
            raise StorageUnavailable(WRITE_UNAVAILABLE if write else READ_UNAVAILABLE) from exc
        raise StorageError(WRITE_FAILED if write else READ_FAILED) from exc


def is_unreachable(exc: SQLAlchemyError) -> bool:
    """Whether an error means the database cannot be reached or used right now.

    Beyond the error classes, PostgreSQL SQLSTATE classes 08 (connection exception),
    53 (insufficient resources: too many connections, disk full), 57P (server shutting
    down, database dropped) and 3D000 (database does not exist) count as unreachable.
    """
    if isinstance(exc, _UNREACHABLE):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    sqlstate = str(getattr(exc.orig, "sqlstate", None) or "")
    return exc.connection_invalidated or sqlstate.startswith(_UNREACHABLE_SQLSTATES)


_UNREACHABLE = (OperationalError, InterfaceError, DisconnectionError, PoolTimeout)
_UNREACHABLE_SQLSTATES = ("08", "53", "57P", "3D000")
