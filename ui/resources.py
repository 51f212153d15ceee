"""Process-wide resources, built once: the content catalogue and the database store."""

from __future__ import annotations

import logging
import os

import streamlit as st

from scoring.loader import Catalogue, default_catalogue
from services import Store, open_store

log = logging.getLogger("autodiag")


@st.cache_resource(show_spinner=False)
def catalogue() -> Catalogue:
    """The validated questionnaires, fiches, actors, bands and rules."""
    return default_catalogue()


def database_url() -> str | None:
    """DATABASE_URL, else `[connections.sql] url` from Streamlit secrets, else None (SQLite)."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    try:
        section = st.secrets.get("connections", {}).get("sql", {})
        value = section.get("url") if hasattr(section, "get") else None
        return str(value) if value else None
    except (FileNotFoundError, KeyError, AttributeError):
        return None
    except Exception:
        log.exception("secrets.toml illisible")
        return None


@st.cache_resource(show_spinner=False)
def store() -> Store:
    """The one Store of this server process (SQLite by default, PostgreSQL if configured)."""
    return open_store(database_url())


@st.cache_resource(show_spinner=False)
def chart_export_warm_up() -> bool:
    """Start the chart-export browser once per server, in the background (first PNG otherwise waits ~2 s)."""
    from reports.images import warm_up_in_background

    warm_up_in_background()
    return True
