"""What every page shares: the style sheet, flash messages, the error guard."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from services import StorageError
from ui import keys

log = logging.getLogger("autodiag")

_CSS = (Path(__file__).resolve().parent.parent / "assets" / "style.css").read_text(encoding="utf-8")


def apply_style() -> None:
    """The app's few CSS adjustments (a constant file, no user data)."""
    st.html(f"<style>{_CSS}</style>")


def flash(message: str, kind: str = "success") -> None:
    """Queue a message to show at the top of the next run (e.g. after a callback)."""
    st.session_state.setdefault(keys.FLASH, []).append((kind, message))


def show_flashes() -> None:
    """Show and clear queued messages."""
    for kind, message in st.session_state.pop(keys.FLASH, []):
        message_box(kind, message)


def message_box(kind: str | None, message: str) -> None:
    """A message in the box of its kind: "success", "warning", "error", else information."""
    {"success": st.success, "warning": st.warning, "error": st.error}.get(kind or "", st.info)(message)


def guard(render: Callable[[], None]) -> None:
    """Run a page; storage problems and bugs become a French message, never a traceback."""
    try:
        render()
    except StorageError as exc:
        log.warning("storage error: %s", exc)
        st.error(str(exc))
    except Exception:
        ref = secrets.token_hex(4)
        log.exception("unexpected error (ref %s)", ref)
        st.error(
            "Une erreur inattendue s’est produite ; vos réponses déjà enregistrées sont conservées. "
            f"Rechargez la page ; si le problème persiste, signalez-le avec la référence {ref}."
        )
