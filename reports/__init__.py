"""Reports of a diagnostic: plotly charts, static images, PDF, XLSX, CSV and JSON exports.

Everything here reads `scoring` results and never recomputes a score; nothing imports Streamlit.
"""
