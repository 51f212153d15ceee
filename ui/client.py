"""The client's address as the join-code throttling counts it (`workshops.access`)."""

from __future__ import annotations

import logging
import os

import streamlit as st

from workshops import access

log = logging.getLogger("autodiag")

TRUSTED_PROXIES_ENV = "AUTODIAG_TRUSTED_PROXIES"


def trusted_proxies() -> int:
    """How many reverse proxies in front of the app append to X-Forwarded-For (0: trust no header)."""
    raw = os.environ.get(TRUSTED_PROXIES_ENV, "").strip()
    if not raw:
        return 0
    try:
        return max(0, min(int(raw), 10))
    except ValueError:
        log.warning("%s=%r is not a number: X-Forwarded-For is ignored", TRUSTED_PROXIES_ENV, raw)
        return 0


def client_key() -> str:
    """The hashed address wrong join codes are counted under, for this browser's connection."""
    hops = trusted_proxies()
    forwarded = ",".join(st.context.headers.get_all("X-Forwarded-For")) if hops else None
    return access.client_key(access.client_address(st.context.ip_address, forwarded, hops))
