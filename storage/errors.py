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

READ_UNAVAILABLE = (
    "La base de données est injoignable pour le moment. "
    "Réessayez dans quelques instants ; si le problème persiste, prévenez l'administrateur."
)
WRITE_UNAVAILABLE = (
    "La base de données est injoignable pour le moment : votre dernière modification "
    "n'a pas été enregistrée. Réessayez dans quelques instants ; si le problème persiste, "
    "prévenez l'administrateur."
)
READ_FAILED = "La base de données a renvoyé une erreur : la lecture n'a pas abouti."
WRITE_FAILED = (
    "La base de données a renvoyé une erreur : votre dernière modification n'a pas été enregistrée."
)


class StorageError(Exception):
    """Base class of every storage error; its message is French and user-facing."""


class StorageUnavailable(StorageError):
    """The database cannot be reached, is locked for too long or dropped the connection."""


class NotFound(StorageError, LookupError):
    """A record asked for by id does not exist."""


class DiagnosticNotFound(NotFound):
    """No diagnostic has this id."""

    def __init__(self, diag_id: str) -> None:
        super().__init__("Ce diagnostic est introuvable : le lien est peut-être incomplet.")
        self.diag_id = diag_id


class WorkshopNotFound(NotFound):
    """No workshop has this id."""

    def __init__(self, workshop_id: str) -> None:
        super().__init__("Cet atelier est introuvable : le lien est peut-être incomplet.")
        self.workshop_id = workshop_id


class WorkshopClosed(StorageError):
    """The workshop is closed: nobody may join it any more."""

    def __init__(self, workshop_id: str) -> None:
        super().__init__(
            "Cet atelier est clos : il n'accepte plus de nouveaux participants. "
            "Demandez à l'animateur de le rouvrir."
        )
        self.workshop_id = workshop_id


@contextmanager
def database_errors(*, write: bool) -> Iterator[None]:
    """Turn SQLAlchemy errors into `StorageUnavailable` / `StorageError` with French text."""
    try:
        yield
    except _UNREACHABLE as exc:
        raise StorageUnavailable(WRITE_UNAVAILABLE if write else READ_UNAVAILABLE) from exc
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise StorageUnavailable(WRITE_UNAVAILABLE if write else READ_UNAVAILABLE) from exc
        raise StorageError(WRITE_FAILED if write else READ_FAILED) from exc
    except SQLAlchemyError as exc:
        raise StorageError(WRITE_FAILED if write else READ_FAILED) from exc


_UNREACHABLE = (OperationalError, InterfaceError, DisconnectionError, PoolTimeout)
