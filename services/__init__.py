"""The application layer: one function per thing a user does, the only code that talks to storage.

Pages read widgets, call a function here with plain arguments and the `Store`, and render what it
returns (domain objects: `ResponseSet`, `ActionPlan`, records). A rule about what users may do (a
closed workshop accepts no answer, a participant cannot change the workshop's profile, a redo is one
transaction…) lives here or, when it must hold whatever the caller, in `storage/`; never in a page.

    diagnostics  start, find, save an answer, import, redo, previous edition
    workshops    create, join, close/reopen, participants, consolidate
    plans        the action plan and its preselected dimensions
    peers        comparable authorities' median
    reports      what a report of a saved diagnostic shows
"""

from storage import (
    AnswersClosed,
    DiagnosticNotFound,
    DiagnosticRecord,
    PresenterState,
    ProfileLocked,
    Stamp,
    StorageError,
    StorageUnavailable,
    Store,
    WorkshopClosed,
    WorkshopNotFound,
    WorkshopRecord,
)

__all__ = [
    "AnswersClosed",
    "DiagnosticNotFound",
    "DiagnosticRecord",
    "PresenterState",
    "ProfileLocked",
    "Stamp",
    "StorageError",
    "StorageUnavailable",
    "Store",
    "WorkshopClosed",
    "WorkshopNotFound",
    "WorkshopRecord",
    "open_store",
]


def open_store(database_url: str | None) -> Store:
    """The store of a database URL (None: the embedded SQLite file), its schema upgraded."""
    return Store(database_url)
