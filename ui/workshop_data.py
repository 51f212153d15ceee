"""Workshop data as the pages need it: participants from the store, the facilitator password,
and whether a diagnostic may still receive answers."""

from __future__ import annotations

import logging
import os

import streamlit as st

from scoring.models import ResponseSet
from storage import WorkshopRecord
from ui import keys
from ui.resources import store
from workshops.participants import Participant

log = logging.getLogger("autodiag")

PASSWORD_ENV = "AUTODIAG_FACILITATOR_PASSWORD"
PASSWORD_SECRET = "facilitator_password"
CLOSED_FOR_ANSWERS = (
    "Cet atelier est clos : les réponses ne sont plus modifiables et votre dernière modification "
    "n’a pas été enregistrée. Vos réponses précédentes sont conservées."
)


class AnswersClosedError(Exception):
    """A participant tried to answer in a closed workshop."""

    def __init__(self) -> None:
        super().__init__(CLOSED_FOR_ANSWERS)


def participants(workshop_id: str) -> list[Participant]:
    """The workshop's participants with their answers (no join number, no time: see `workshops.anonymity`)."""
    rows = store().participant_responses(workshop_id)
    return [Participant(rec.role, rec.finished, ResponseSet.model_validate(data)) for rec, data in rows]


def facilitator_password() -> str | None:
    """The password to create a workshop: environment first, then Streamlit secrets; None if unset."""
    value = os.environ.get(PASSWORD_ENV)
    if value:
        return value
    try:
        secret = st.secrets.get(PASSWORD_SECRET)
    except (FileNotFoundError, KeyError, AttributeError):
        return None
    except Exception:  # a malformed secrets.toml must not stop the app
        log.exception("secrets.toml illisible")
        return None
    return str(secret) if secret else None


def workshop_of(diag_id: str) -> str | None:
    """The workshop a diagnostic takes part in (None for an ordinary one), remembered per session."""
    known: dict[str, str | None] = st.session_state.setdefault(keys.WORKSHOP_OF, {})
    if diag_id not in known:
        rec = store().get_diagnostic(diag_id)
        known[diag_id] = rec.workshop_id if rec else None
    return known[diag_id]


def check_open_for_answers(diag_id: str) -> None:
    """Raise AnswersClosedError if the diagnostic belongs to a closed workshop."""
    workshop_id = workshop_of(diag_id)
    if workshop_id is None:
        return
    workshop = store().get_workshop(workshop_id)
    if workshop is not None and workshop.closed:
        raise AnswersClosedError


def open_workshop(workshop_id: str) -> WorkshopRecord | None:
    """The workshop record (fresh from the database), or None."""
    return store().get_workshop(workshop_id)
