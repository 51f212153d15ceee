"""Remembering a workshop participation on the device (a cookie), so that rescanning the QR code
resumes it instead of adding an empty participant. Session state alone is lost on a reload."""

from __future__ import annotations

import streamlit as st

from services import params

COOKIE_PREFIX = "autodiag_atelier_"
MAX_AGE_S = 60 * 60 * 24 * 30
"""A month: long enough for a workshop and its follow-up session."""


def _name(workshop_id: str) -> str | None:
    token = params.token(workshop_id)
    return None if token is None else COOKIE_PREFIX + token


def remember(workshop_id: str, diag_id: str) -> None:
    """Store the participation in a cookie of this device (ids are checked URL-safe tokens)."""
    name, value = _name(workshop_id), params.token(diag_id)
    if name is None or value is None:
        return
    st.html(
        f'<script>document.cookie = "{name}={value}; path=/; max-age={MAX_AGE_S}; SameSite=Lax";</script>',
        unsafe_allow_javascript=True,
    )


def remembered(workshop_id: str) -> str | None:
    """The participation this device remembers for a workshop, if any (sent with the page request)."""
    name = _name(workshop_id)
    if name is None:
        return None
    try:
        return params.token(st.context.cookies.get(name))
    except Exception:  # no request context (tests, bare mode)
        return None
