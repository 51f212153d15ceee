"""What every page shares: French language declaration, flash messages, the error guard."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from services import StorageError
from ui import keys

log = logging.getLogger("autodiag")

# Streamlit hard-codes <html lang="en"> (upstream issue #15726). This constant script (no
# user data in it) declares French and keeps it so if the front end ever resets it.
_LANG_SCRIPT = """
<script>
(function () {
  const root = window.parent && window.parent.document ? window.parent.document : document;
  const html = root.documentElement;
  const set = () => { if (html.lang !== "fr") { html.lang = "fr"; } };
  set();
  if (!window.__autodiagLang) {
    window.__autodiagLang = new MutationObserver(set);
    window.__autodiagLang.observe(html, {attributes: true, attributeFilter: ["lang"]});
  }
})();
</script>
"""


def declare_french() -> None:
    """Declare the page language as French for screen readers (checked in the browser tests)."""
    st.html(_LANG_SCRIPT, unsafe_allow_javascript=True)


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
        {"success": st.success, "warning": st.warning, "error": st.error}.get(kind, st.info)(message)


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
            "Une erreur inattendue s’est produite ; vos réponses déjà enregistrées sont conservées. "
            f"Rechargez la page ; si le problème persiste, signalez-le avec la référence {ref}."
        )
