"""Clicks that Streamlit would confine to a fragment, or drop, run the whole page instead.

Streamlit 1.67 handles two cases in a way that loses a person's click, silently:

- a rerun request for a fragment the session does not hold is dropped (`AppSession.request_rerun`).
  That happens to every question of the questionnaire (each is a fragment) after a server restart
  or a move to another instance behind the proxy: the browser reconnects to a new session that has
  not run the page yet, and the first answer clicked there was shown as given but never saved;
- a button clicked right after typing in a fragment's text field reaches the server in the same
  message as the text, as a rerun of that fragment only: a button outside it (« Dimension
  suivante », « Clore l’atelier ») ran its callback but not the page, so the URL changed and the
  page did not, or an `if st.button(...)` never saw its click.

Both become a run of the whole page, with the same widget states: the page's first run saves what
the browser holds (`ui.saving.reconcile`), and a button outside the fragment acts as on any click.
"""

from __future__ import annotations

import functools
from typing import Any

from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.runtime.app_session import AppSession

_INSTALLED = "_autodiag_fragment_clicks"


def _clicks_outside(session: Any, client_state: ClientState) -> bool:
    """Whether the message carries a button click on a widget the fragment did not draw."""
    state = session.session_state
    for widget in client_state.widget_states.widgets:
        if widget.WhichOneof("value") == "trigger_value" and widget.trigger_value:
            metadata = state.get_widget_metadata(widget.id)
            if metadata is not None and metadata.fragment_id != client_state.fragment_id:
                return True
    return False


def as_full_run(session: Any, client_state: ClientState | None) -> ClientState | None:
    """The client state to run: unchanged, or without its fragment when the fragment alone would lose a click."""
    if client_state is None or not client_state.fragment_id:
        return client_state
    if session.has_fragment(client_state.fragment_id) and not _clicks_outside(session, client_state):
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
