"""The Streamlit layer: one module per page, thin over the core in `assessment`."""
