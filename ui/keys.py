"""Every session-state key and widget key the app uses, in one place (URL parameters: `services.params`)."""

from __future__ import annotations

# Session state.
LOADED_DIAGNOSTIC = "loaded_diagnostic_id"
WIDGET_VALUES = "saved_widget_values"
LOADED_STAMP = "loaded_diagnostic_updated_at"
LAST_SAVED = "last_saved_at"
FIELD_NOTICES = "field_notices"
SHOWN_STEP = "shown_step"
SHOWN_PAGE = "shown_page"
CONFIRM_CLOSE = "confirm_close_workshop"
RECENT_DIAGNOSTICS = "recent_diagnostics"
FORGOTTEN_DIAGNOSTICS = "forgotten_diagnostics"
CURRENT_DIAGNOSTIC = "current_diagnostic_id"
FLASH = "flash_messages"
SAVE_ERROR = "save_error"
PENDING_WRITES = "pending_writes"
RERUN_PAGE = "rerun_page"
ANSWERED_HERE = "answered_here"
CONFIRM_IMPORT = "confirm_import"

# Workshops.
FACILITATOR_UNLOCKED = "facilitator_unlocked"
FACILITATOR_PASSWORD = "facilitator_password_input"
CREATED_WORKSHOP = "created_workshop_id"
NEW_WORKSHOP_FORM = "new_workshop"
NEW_WORKSHOP_TITLE = "new_workshop:title"
NEW_WORKSHOP_QUESTIONNAIRE = "new_workshop:questionnaire"
JOIN_FORM = "join_workshop"
DASHBOARD_AUTO_REFRESH = "dashboard:auto_refresh"
JOIN_CODE = "join:code"
JOIN_ROLE = "join:role"
JOIN_FIRST_NAME = "join:first_name"
JOINED_WORKSHOPS = "joined_workshops"
WORKSHOP_OF = "workshop_of_diagnostic"
DASHBOARD_TABS = "dashboard:tabs"
DISTRIBUTION_DIMENSION = "dashboard:distribution"
CONSOLIDATION_QUESTION = "consolidation:question"
CONSOLIDATION_ORDER = "consolidation:order"
REDO_DIAGNOSTIC = "redo_diagnostic"
PRESENTER_PAUSED = "presenter:paused"
PRESENTER_TIMER = "presenter:timer"
PAPER_ROLE = "paper:role"
PAPER_MESSAGE = "paper:message"
PAPER_CREATED = "paper:created"
CONSOLIDATION_ALL_MESSAGE = "consolidation:all_message"
REMOVE_PARTICIPANT = "participants:remove"
MERGE_KEEP = "participants:keep"
MERGE_OTHER = "participants:other"
PARTICIPANT_MESSAGE = "participants:message"
CONSOLIDATION_MESSAGE = "consolidation:message"
DEVICE_CHECKED = "device:checked"


def answer(question_id: str) -> str:
    """Widget key of a question's answer."""
    return f"q:{question_id}"


def comment(item_id: str) -> str:
    """Widget key of a comment on a question or a dimension."""
    return f"c:{item_id}"


def importance(dimension_id: str) -> str:
    """Widget key of a dimension's importance."""
    return f"imp:{dimension_id}"


def target(dimension_id: str) -> str:
    """Widget key of a dimension's target."""
    return f"target:{dimension_id}"


def widget(kind: str, item_id: str) -> str:
    """Widget key of an item saved as it is given: "answer", "importance", "target" or "comment"."""
    return {"answer": answer, "importance": importance, "target": target, "comment": comment}[kind](item_id)


def profile(field: str) -> str:
    """Widget key of a profile field."""
    return f"profile:{field}"


def new_workshop_profile(field: str) -> str:
    """Widget key of a profile field in the new workshop form."""
    return f"new_workshop:profile:{field}"


def consolidated_answer(question_id: str) -> str:
    """Widget key of the group's agreed answer to a question."""
    return f"cons:q:{question_id}"


def consolidated_note(question_id: str) -> str:
    """Widget key of the note kept with the group's agreed answer."""
    return f"cons:c:{question_id}"


def step_action(dimension_id: str, question_id: str) -> str:
    """Key of the button that puts a next step in the action plan."""
    return f"step:{dimension_id}:{question_id}"


TARGET_FORM = "targets_form"
MATRIX_BOX = "matrix_box"
MATRIX_LIST = "matrix_list"
