"""Streamlit glue shared by the pages: session keys, cached resources, safe rendering."""
