"""Persistence of diagnostics, answers, action plans and workshops (SQLite or PostgreSQL).

Never imports Streamlit; the app builds one `Store` (e.g. in `st.cache_resource`) and
shows `StorageError` messages, which are French, as they are.
"""

from storage.connection import make_engine
from storage.database import Stamp
from storage.errors import (
    AnswersClosed,
    DiagnosticNotFound,
    NotFound,
    ParticipantHasAnswers,
    ProfileLocked,
    StorageError,
    StorageUnavailable,
    WorkshopClosed,
    WorkshopNotFound,
)
from storage.migration import migrate
from storage.presenter import PresenterState
from storage.records import DiagnosticRecord, WorkshopRecord
from storage.repository import Store

__all__ = [
    "AnswersClosed",
    "DiagnosticNotFound",
    "DiagnosticRecord",
    "NotFound",
    "ParticipantHasAnswers",
    "PresenterState",
    "ProfileLocked",
    "Stamp",
    "StorageError",
    "StorageUnavailable",
    "Store",
    "WorkshopClosed",
    "WorkshopNotFound",
    "WorkshopRecord",
    "make_engine",
    "migrate",
]
