"""Serve the app: `streamlit run app.py` (Streamlit runs it with uvicorn, see st.App).

The Streamlit script is streamlit_app.py; this ASGI wrapper only makes the HTML page leave the
server in French (`lang="fr"`, the French title and the localisation script, see ui/a11y.py).
"""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware

from ui.a11y import FrenchPageMiddleware

app = st.App("streamlit_app.py", middleware=[Middleware(FrenchPageMiddleware)])
