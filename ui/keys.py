"""Every session-state key and query parameter the app uses, in one place."""

from __future__ import annotations

# Query parameters (they survive a reload; session state does not).
PARAM_DIAGNOSTIC = "d"
PARAM_STEP = "etape"
PARAM_WORKSHOP = "atelier"
PARAM_FACILITATOR = "animation"

# Session state.
LOADED_DIAGNOSTIC = "loaded_diagnostic_id"
CURRENT_DIAGNOSTIC = "current_diagnostic_id"
FLASH = "flash_messages"
SAVE_ERROR = "save_error"
CONFIRM_IMPORT = "confirm_import"


def answer(question_id: str) -> str:
    """Widget key of a question's answer."""
    return f"q:{question_id}"


def comment(item_id: str) -> str:
    """Widget key of a comment on a question or a dimension."""
    return f"c:{item_id}"


def importance(dimension_id: str) -> str:
    """Widget key of a dimension's importance."""
    return f"imp:{dimension_id}"


def profile(field: str) -> str:
    """Widget key of a profile field."""
    return f"profile:{field}"
