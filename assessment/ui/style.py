"""The app's few style rules; none of them carries user text.

Besides the hidden revision field and quieter headings, they put the file uploader's own words
(Streamlit's, in English only) into the page's language.
"""

from __future__ import annotations

import streamlit as st

from assessment.i18n import t
from assessment.models import Lang

CSS = """<style>
.st-key-page-revision-box, .st-key-room-revision-box, .st-key-sm-scripts,
.st-key-sm-cookie { display: none; }
[data-testid="stHeaderActionElements"] { display: none; }
[data-testid="stFileUploaderDropzone"] button p,
[data-testid="stFileUploaderDropzoneInstructions"] span { font-size: 0; }
[data-testid="stFileUploaderDropzone"] button p::after { content: "%(browse)s"; font-size: 1rem; }
[data-testid="stFileUploaderDropzoneInstructions"] span::after {
  content: "%(limit)s"; font-size: 0.875rem; }
</style>"""
"""The hidden revision fields (binding.py, ui/room/control.py) and scripts (connection.py,
ui/room/links.py); headings without the "link to heading" icon, which only adds a Tab stop
before every heading; the uploader's words in the page's language."""


def apply(language: Lang) -> None:
    st.html(
        CSS
        % {
            "browse": t("ui.upload.browse", language),
            "limit": t("ui.upload.limit", language),
        }
    )
