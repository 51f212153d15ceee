"""Persistence of diagnostics, answers, action plans and workshops (SQLite or PostgreSQL).

Never imports Streamlit; the app builds one `Store` (e.g. in `st.cache_resource`) and
shows `StorageError` messages, which are French, as they are.
"""

from storage.engine import make_engine
from storage.errors import (
    DiagnosticNotFound,
    NotFound,
    StorageError,
    StorageUnavailable,
    WorkshopClosed,
    WorkshopNotFound,
)
from storage.migration import migrate
from storage.records import DiagnosticRecord, WorkshopRecord
from storage.repository import Store

__all__ = [
    "DiagnosticNotFound",
    "DiagnosticRecord",
    "NotFound",
    "StorageError",
    "StorageUnavailable",
    "Store",
    "WorkshopClosed",
    "WorkshopNotFound",
    "WorkshopRecord",
    "make_engine",
    "migrate",
]
