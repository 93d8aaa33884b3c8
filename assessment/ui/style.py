"""The app's few style rules; none of them carries user text."""

from __future__ import annotations

import streamlit as st

CSS = """<style>
.st-key-page-revision-box { display: none; }
[data-testid="stHeaderActionElements"] { display: none; }
</style>"""
"""The hidden revision field (binding.py); headings without the "link to heading" icon, which
only adds a Tab stop before every heading."""


def apply() -> None:
    st.html(CSS)
