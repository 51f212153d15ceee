"""The few things only the browser can do, as constant scripts: keep typed text, focus a new step,
remember the diagnostics opened on this device (a cookie holding their ids, read back by the server)."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from services import params
from ui import keys

_SCRIPT = (Path(__file__).resolve().parent.parent / "assets" / "questionnaire.js").read_text(encoding="utf-8")
COOKIE = "autodiag_recents"
MAX_REMEMBERED = 12
COOKIE_DAYS = 400


def _run(script: str) -> None:
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)


def questionnaire_helpers() -> None:
    """Load the questionnaire helpers (guarded: they install themselves once per page)."""
    _run(_SCRIPT)


def focus_step(title: str, step: int) -> None:
    """After a step change: show the new step from its heading and move the keyboard focus to it."""
    if st.session_state.get(keys.SHOWN_STEP) == step:
        return
    first_view = keys.SHOWN_STEP not in st.session_state
    st.session_state[keys.SHOWN_STEP] = step
    if first_view:
        return  # opening the page: the browser is already at its top
    literal = json.dumps(title).replace("<", "\\u003c")  # a JS string, never closing the script tag
    _run(f"(window.parent.__autodiagFocusStep || window.__autodiagFocusStep)({literal}); // {step}")


_PAGE_TOP = """
(function () {
  const doc = window.parent && window.parent.document ? window.parent.document : document;
  const win = doc.defaultView || window;
  const top = () => {
    const main = doc.querySelector('[data-testid="stMain"]') || doc.querySelector("section.main");
    if (main) { main.scrollTop = 0; }
    win.scrollTo(0, 0);
  };
  top();
  // The new page's title replaces the old one a moment later: then it takes the focus (again if a
  // late re-render of the page dropped it to the document).
  const main = () => doc.querySelector('[data-testid="stMain"]');
  const focusTitle = () => {
    // Never take the focus from a field of the new page the person is already using.
    const active = doc.activeElement;
    const inPage = active && active !== doc.body && main() && main().contains(active);
    if (inPage) { return; }
    top();
    const heading = doc.querySelector('[data-testid="stMain"] h1') || doc.querySelector("h1");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({preventScroll: true});
    }
  };
  win.setTimeout(focusTitle, 350);
  win.setTimeout(focusTitle, 1000);
})();
"""


def on_page_change(page_id: str) -> None:
    """On moving to another page: show it from its top and give its title the keyboard focus.

    Streamlit keeps the scroll position and drops the focus to the document when it changes page,
    so a phone landed mid-page and a keyboard user started again from the top of the menu.
    """
    previous = st.session_state.get(keys.SHOWN_PAGE)
    st.session_state[keys.SHOWN_PAGE] = page_id
    if previous is not None and previous != page_id:
        _run(_PAGE_TOP)


def remembered() -> list[str]:
    """Ids of the diagnostics opened on this device, most recent first (the cookie plus this session)."""
    raw = st.context.cookies.get(COOKIE, "") if st.context.cookies else ""
    from_cookie = [t for t in (params.token(part) for part in str(raw).split(".")) if t]
    session: list[str] = st.session_state.get(keys.RECENT_DIAGNOSTICS, [])
    forgotten: set[str] = st.session_state.get(keys.FORGOTTEN_DIAGNOSTICS, set())
    ordered = list(dict.fromkeys([*session, *from_cookie]))
    return [d for d in ordered if d not in forgotten][:MAX_REMEMBERED]


def remember(diag_id: str) -> None:
    """Remember a diagnostic on this device (no account: the cookie keeps its id for 400 days)."""
    known = remembered()
    st.session_state.setdefault(keys.FORGOTTEN_DIAGNOSTICS, set()).discard(diag_id)
    if known and known[0] == diag_id:
        return
    ids = [diag_id, *(d for d in known if d != diag_id)][:MAX_REMEMBERED]
    st.session_state[keys.RECENT_DIAGNOSTICS] = ids
    _write_cookie(ids)


def forget(diag_id: str) -> None:
    """Forget a diagnostic on this device (the diagnostic itself stays saved, its link still opens it)."""
    st.session_state.setdefault(keys.FORGOTTEN_DIAGNOSTICS, set()).add(diag_id)
    ids = [d for d in remembered() if d != diag_id]
    st.session_state[keys.RECENT_DIAGNOSTICS] = ids
    _write_cookie(ids)


def _write_cookie(ids: list[str]) -> None:
    value = ".".join(d for d in ids if params.token(d))  # URL-safe ids only: nothing to escape
    _run(
        "(function () { const d = window.parent.document || document; "
        f'd.cookie = "{COOKIE}={value}; path=/; max-age={COOKIE_DAYS * 86400}; SameSite=Strict" '
        '+ (d.location.protocol === "https:" ? "; Secure" : ""); })();'
    )
