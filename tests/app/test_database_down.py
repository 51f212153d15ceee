"""With the database unreachable, every page says so in French; nothing shows a traceback."""

from __future__ import annotations

import pytest
import streamlit as st

from tests.app.conftest import new_app, texts

PAGES = [
    "app_pages/home.py",
    "app_pages/profile.py",
    "app_pages/diagnostic.py",
    "app_pages/results.py",
    "app_pages/action_plan.py",
    "app_pages/workshop_join.py",
    "app_pages/workshop_dashboard.py",
]


@pytest.fixture
def database_down(monkeypatch: pytest.MonkeyPatch) -> None:
    """DATABASE_URL points at a PostgreSQL port where nothing listens."""
    monkeypatch.setenv("DATABASE_URL", "postgresql://autodiag@127.0.0.1:9/autodiag")
    st.cache_resource.clear()


@pytest.mark.usefixtures("database_down")
@pytest.mark.parametrize("page", PAGES)
def test_a_page_opened_while_the_database_is_down_explains_it_in_french(page: str) -> None:
    at = new_app()
    at.query_params["d"] = "a" * 32
    at.query_params["animation"] = "b" * 32
    at.query_params["code"] = "ABCDEF"
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    shown = texts(at)
    assert "Traceback" not in shown
    if page not in ("app_pages/home.py", "app_pages/workshop_join.py"):  # these two read nothing until a click
        assert "La base de données est injoignable" in shown


@pytest.mark.usefixtures("database_down")
def test_starting_a_diagnostic_while_the_database_is_down_explains_it_in_french() -> None:
    at = new_app().run()
    at.button(key="start:ess-territoires").click().run()
    assert not at.exception
    assert "La base de données est injoignable" in texts(at)
