"""The app's HTML page leaves the server in French; the dictionary is well formed."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path
from typing import Any

import streamlit

from tests.app.conftest import new_app, texts
from ui.a11y import APP_NAME, ASSETS, FrenchPageMiddleware, dictionary, page_title, rewrite_index, statement

STREAMLIT_INDEX = Path(streamlit.__file__).parent / "static" / "index.html"


def _serve(path: str, body: bytes, content_type: bytes = b"text/html; charset=utf-8", **request: Any) -> dict[str, Any]:
    """Run the middleware around an app answering `body` in two chunks; return what reached the client."""
    seen: dict[str, Any] = {}

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        seen["request_headers"] = dict(scope["headers"])
        headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode()), (b"etag", b'"x"')]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        half = len(body) // 2
        await send({"type": "http.response.body", "body": body[:half], "more_body": True})
        await send({"type": "http.response.body", "body": body[half:], "more_body": False})

    sent: list[dict[str, Any]] = []

    async def send(message: Any) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    scope = {
        "type": "http",
        "method": request.get("method", "GET"),
        "path": path,
        "headers": [(b"accept-encoding", b"gzip"), (b"if-none-match", b'"x"')],
    }
    asyncio.run(FrenchPageMiddleware(inner)(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    return {
        "headers": dict(start["headers"]),
        "body": b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body"),
        "request_headers": seen["request_headers"],
    }


def test_the_framework_page_is_served_in_french_with_the_app_title_and_the_localisation_script() -> None:
    html = rewrite_index(STREAMLIT_INDEX.read_text(encoding="utf-8"))
    assert re.search(r"<html lang=\"fr\">", html)
    assert 'lang="en"' not in html
    assert f"<title>{APP_NAME}</title>" in html
    head = html[html.index("<head>") : html.index("</head>")]
    assert "window.__autodiagL10nData" in head, "the script must run before the framework renders anything"
    assert "You need to enable JavaScript" not in html


def test_the_middleware_rewrites_the_page_and_fixes_its_length_whatever_the_request_asked() -> None:
    original = STREAMLIT_INDEX.read_bytes()
    answer = _serve("/resultats", original)
    assert b'<html lang="fr">' in answer["body"]
    assert int(answer["headers"][b"content-length"]) == len(answer["body"])
    assert b"etag" not in answer["headers"], "a cached English page must never be revalidated"
    assert b"accept-encoding" not in answer["request_headers"], "the page is rewritten before any compression"


def test_the_middleware_leaves_scripts_health_and_other_files_untouched() -> None:
    body = b'<html lang="en">not a page</html>'
    for path in ("/_stcore/health", "/static/js/index.js", "/favicon.png"):
        assert _serve(path, body)["body"] == body
    assert _serve("/", b"{}", content_type=b"application/json")["body"] == b"{}"


def test_each_page_has_its_own_browser_title() -> None:
    assert page_title("Résultats") == "Résultats – Autodiagnostic ESS des territoires"
    assert page_title("") == APP_NAME


def test_the_dictionary_entries_are_trimmed_and_its_patterns_anchored_and_valid() -> None:
    data = dictionary()
    assert len(data["text"]) > 50
    for english, french in data["text"].items():
        assert english.strip() == english and french.strip() == french, english
    for pattern, _french in data["patterns"]:
        assert pattern.startswith("^") and pattern.endswith("$"), pattern
        re.compile(pattern)
    # the file is valid JSON on disk (the browser script reads it inlined)
    json.loads((ASSETS / "l10n-fr.json").read_text(encoding="utf-8"))


def test_the_accessibility_statement_gives_status_exceptions_contact_and_recourse(database: str) -> None:
    at = new_app()
    at.run()
    at = at.switch_page("app_pages/accessibility.py").run()
    assert not at.exception
    shown = texts(at)
    assert "Déclaration d’accessibilité" in shown
    assert "partiellement conforme" in shown
    for item in statement().exceptions:
        assert item.issue in shown and item.description.split()[0] in shown
    assert "Défenseur des droits" in shown
    assert "contacter" in shown or "Contact" in shown


def test_every_page_ends_with_the_accessibility_statement_link(database: str) -> None:
    at = new_app()
    at.run()
    for page_file in ("app_pages/home.py", "app_pages/method.py", "app_pages/workshop_join.py"):
        at = at.switch_page(page_file).run()
        links = [e.proto.label for e in at.get("page_link")]
        assert any(label.startswith("Accessibilité") for label in links), (page_file, links)
