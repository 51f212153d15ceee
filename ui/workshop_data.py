"""Workshop glue for the pages: participants from the application layer, the facilitator password."""

from __future__ import annotations

import logging
import os

import streamlit as st

from services import workshops
from ui.resources import store
from workshops.participants import Participant

log = logging.getLogger("autodiag")

PASSWORD_ENV = "AUTODIAG_FACILITATOR_PASSWORD"
PASSWORD_SECRET = "facilitator_password"


def participants(workshop_id: str) -> list[Participant]:
    """The workshop's participants with their answers, in the order they joined."""
    return workshops.participants(store(), workshop_id)


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
