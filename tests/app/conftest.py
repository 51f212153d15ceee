"""AppTest fixtures: each test gets its own SQLite database and fresh cached resources."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh SQLite database for the app under test."""
    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    st.cache_resource.clear()
    yield url
    st.cache_resource.clear()


def new_app() -> AppTest:
    """A fresh browser session on the app."""
    return AppTest.from_file(APP, default_timeout=60)


def open_page(page: str, diag_id: str) -> AppTest:
    """A fresh session opening a page of the app on a diagnostic's link (`?d=…`)."""
    at = new_app()
    at.query_params["d"] = diag_id
    at.run()
    return at.switch_page(page).run()


def open_link(page: str, **params: str) -> AppTest:
    """A fresh session opening `app_pages/<page>.py` on a link with these URL parameters, without error."""
    at = new_app()
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception
    return at


def texts(at: AppTest) -> str:
    """Every text the page shows (markdown, captions, alerts, titles), joined."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "error", "warning", "info", "success", "text"):
        parts += [str(getattr(e, "value", "")) for e in getattr(at, kind)]
    return re.sub(r"\\(.)", r"\1", "\n".join(parts))  # read escaped Markdown as the user sees it


def html(at: AppTest) -> str:
    """The bodies of the page's `st.html` elements, joined."""
    return "\n".join(str(e.proto.body) for e in at.get("html"))


def query_param(at: AppTest, name: str) -> str:
    """The value of a URL parameter as the page left it (AppTest may hold it as a one-item list)."""
    value = at.query_params[name]
    return str(value[0] if isinstance(value, list) else value)
