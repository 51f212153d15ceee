"""Serve the app: `streamlit run app.py` (Streamlit runs it with uvicorn, see st.App).

The Streamlit script is streamlit_app.py; this ASGI wrapper makes the HTML page leave the server
in French (`lang="fr"`, the French title and the localisation script, see ui/a11y.py) and makes the
clicks Streamlit would confine to a fragment, or drop, run the whole page (ui/fragment_clicks.py).
"""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware

from ui import fragment_clicks
from ui.a11y import FrenchPageMiddleware

fragment_clicks.install()  # before any session: a click after a restart is saved, not dropped
app = st.App("streamlit_app.py", middleware=[Middleware(FrenchPageMiddleware)])
