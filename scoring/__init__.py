"""The pure core: content models, loading and validation, scoring, recommendations. No Streamlit here."""
