"""French for the framework's own words: `<html lang="fr">`, page titles, the localisation script.

Streamlit serves its `index.html` with `lang="en"` and a `<title>Streamlit</title>` (upstream
issue #15726), and its widgets carry English words (« Drag and drop file here », « Select all »,
« Skip to main content »…). `app.py` serves the app through `FrenchPageMiddleware`, which
rewrites the HTML before it leaves the server: `lang="fr"`, a French title, and the localisation
script (`assets/l10n.js`, dictionary `assets/l10n-fr.json`) inlined in `<head>`, so the page is
French before any content is shown. `localise()` injects the same script from the page itself,
for runs that do not go through `app.py` (a plain `streamlit run streamlit_app.py`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable, MutableMapping
from functools import cache
from pathlib import Path
from typing import Any

import streamlit as st
import yaml
from pydantic import BaseModel, ConfigDict

ASSETS = Path(__file__).resolve().parent.parent / "assets"
APP_NAME = "Autodiagnostic ESS des territoires"
TITLE_SEPARATOR = " – "

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_HTML_TAG = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_TITLE = re.compile(r"<title>.*?</title>", re.IGNORECASE | re.DOTALL)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_NOSCRIPT = re.compile(r"<noscript>.*?</noscript>", re.IGNORECASE | re.DOTALL)
NOSCRIPT = "<noscript>Cette application a besoin de JavaScript\u00a0: activez-le dans votre navigateur.</noscript>"
# Requests whose answer is never the app's HTML page: left untouched.
_NOT_HTML_PREFIXES = ("/_stcore/", "/static/", "/media/", "/component/", "/app/static/", "/auth/")


def page_title(title: str) -> str:
    """The browser title of a page: « Résultats – Autodiagnostic ESS des territoires »."""
    return f"{title}{TITLE_SEPARATOR}{APP_NAME}" if title and title != APP_NAME else APP_NAME


@cache
def dictionary() -> dict[str, Any]:
    """The French dictionary of the framework's English words (assets/l10n-fr.json)."""
    data: dict[str, Any] = json.loads((ASSETS / "l10n-fr.json").read_text(encoding="utf-8"))
    return data


@cache
def script() -> str:
    """The localisation script with its dictionary, as one inline `<script>` element."""
    source = (ASSETS / "l10n.js").read_text(encoding="utf-8")
    # The JSON is our own constant file; "</" is escaped so it can never close the element.
    data = json.dumps(dictionary(), ensure_ascii=False).replace("</", "<\\/")
    return f"<script>window.__autodiagL10nData = {data};\n{source}</script>"


def rewrite_index(html: str) -> str:
    """The framework's index.html in French: `lang="fr"`, the app's title, the script in `<head>`."""
    html = _HTML_TAG.sub('<html lang="fr">', html, count=1)
    html = _TITLE.sub(f"<title>{APP_NAME}</title>", html, count=1)
    html = _NOSCRIPT.sub(NOSCRIPT, html)
    return _HEAD.sub(lambda m: m.group(0) + script(), html, count=1)


def _wants_page(scope: Scope) -> bool:
    if scope["type"] != "http" or scope.get("method") != "GET":
        return False
    path = str(scope.get("path", "/"))
    root = str(scope.get("root_path", ""))
    relative = path[len(root) :] if root and path.startswith(root) else path
    if relative.startswith(_NOT_HTML_PREFIXES):
        return False
    last = relative.rsplit("/", 1)[-1]
    return "." not in last or last.endswith(".html")


class FrenchPageMiddleware:
    """ASGI middleware: the app's HTML page leaves the server in French (see the module doc)."""

    _DROPPED_REQUEST_HEADERS = frozenset({b"accept-encoding", b"if-none-match", b"if-modified-since"})
    _DROPPED_RESPONSE_HEADERS = frozenset({b"content-length", b"etag", b"last-modified", b"content-encoding"})

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass every request through; buffer and rewrite an HTML answer."""
        if not _wants_page(scope):
            await self.app(scope, receive, send)
            return
        # Ask for the plain, full page (no gzip, no 304) so it can be rewritten.
        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() not in self._DROPPED_REQUEST_HEADERS]
        scope = {**scope, "headers": headers}
        start: Message | None = None
        chunks: list[bytes] = []

        async def send_rewritten(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                content_type = dict(message.get("headers", [])).get(b"content-type", b"")
                if content_type.startswith(b"text/html"):
                    start = message
                    return
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = rewrite_index(b"".join(chunks).decode("utf-8")).encode("utf-8")
                kept = [(k, v) for k, v in start.get("headers", []) if k.lower() not in self._DROPPED_RESPONSE_HEADERS]
                kept.append((b"content-length", str(len(body)).encode("ascii")))
                await send({**start, "headers": kept})
                await send({"type": "http.response.body", "body": body, "more_body": False})
                return
            await send(message)

        await self.app(scope, receive, send_rewritten)


def localise() -> None:
    """Inject the localisation script from the page (it does nothing if the served HTML has it)."""
    st.html(script(), unsafe_allow_javascript=True)


# Plotly's toolbar is English-only (its `locale` setting changes nothing here) and adds a dozen
# unnamed tab stops: charts are shown without it; each has its data table and PNG export. Charts
# are drawn with `theme=None`: Streamlit's theme greys their text to about 3.9:1; our figures set
# #222222 (15:1) themselves, as in the PDF.
CHART_CONFIG: dict[str, Any] = {"displayModeBar": False, "displaylogo": False}


def footer() -> None:
    """The footer of every page: the accessibility status and its statement (RGAA obligation)."""
    st.divider()
    st.page_link(
        "app_pages/accessibility.py",
        label="Accessibilité\u00a0: partiellement conforme (déclaration d’accessibilité)",
        icon=":material/accessibility:",
    )


class KnownException(BaseModel):
    """A framework violation the app cannot work around, with its upstream issue."""

    model_config = ConfigDict(extra="forbid")
    rule: str
    selector: str
    issue: str
    description: str


class Statement(BaseModel):
    """The accessibility statement's content (assets/accessibility.yaml)."""

    model_config = ConfigDict(extra="forbid")
    status: str
    audited_on: str
    standard: str
    contact: str
    tools: list[str]
    exceptions: list[KnownException]


@cache
def statement() -> Statement:
    """The accessibility statement, validated."""
    data = yaml.safe_load((ASSETS / "accessibility.yaml").read_text(encoding="utf-8"))
    return Statement.model_validate(data)
