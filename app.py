"""Serve the app: `streamlit run app.py` (Streamlit runs it with uvicorn, see st.App).

The Streamlit script is streamlit_app.py; this ASGI wrapper makes the HTML page leave the server
in French (`lang="fr"`, the French title and the localisation script, see ui/a11y.py) and makes a
click in a fragment the server no longer holds run the whole page (ui/lost_fragments.py).
"""

from __future__ import annotations

import streamlit as st
from starlette.middleware import Middleware

from ui import lost_fragments
from ui.a11y import FrenchPageMiddleware

lost_fragments.install()  # before any session: a click after a restart is saved, not dropped
app = st.App("streamlit_app.py", middleware=[Middleware(FrenchPageMiddleware)])
