"""A click in a fragment the server no longer holds runs the whole page instead of being dropped.

Streamlit 1.67 silently discards a rerun request for a fragment its session does not hold
(`AppSession.request_rerun`). That happens to every question of the questionnaire (each is a
fragment) after a server restart or a move to another instance behind the proxy: the browser
reconnects to a new session that has not run the page yet, and the first answer clicked there
was shown as given but never saved. Run as a full page instead, the click reaches the page, whose
first run saves what the browser holds (`ui.saving.reconcile`); a dashboard's auto-refresh
resumes the same way.
"""

from __future__ import annotations

import functools
from typing import Any

from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.runtime.app_session import AppSession

_INSTALLED = "_autodiag_lost_fragments"


def as_full_run(session: Any, client_state: ClientState | None) -> ClientState | None:
    """The client state to run: unchanged, or without its fragment if the session does not hold it."""
    if client_state is None or not client_state.fragment_id or session.has_fragment(client_state.fragment_id):
        return client_state
    full = ClientState()
    full.CopyFrom(client_state)
    full.ClearField("fragment_id")
    full.is_auto_rerun = False
    return full


def install() -> None:
    """Patch `AppSession.request_rerun` once per process (before any session handles a message)."""
    if getattr(AppSession, _INSTALLED, False):
        return
    original = AppSession.request_rerun

    @functools.wraps(original)
    def request_rerun(self: AppSession, client_state: ClientState | None) -> None:
        original(self, as_full_run(self, client_state))

    AppSession.request_rerun = request_rerun  # type: ignore[method-assign]
    setattr(AppSession, _INSTALLED, True)
