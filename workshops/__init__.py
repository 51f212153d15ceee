"""Workshop mode, the pure part: participants, group views with anonymity thresholds, links.

Never imports Streamlit or SQLAlchemy; the pages in `app_pages/workshop_*.py` and the
glue in `ui/workshop_*.py` load data from the store and call these functions.
"""
