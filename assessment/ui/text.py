"""User text inside Streamlit elements that render Markdown: shown as typed, never as markup.

Titles, captions, messages and labels render Markdown (links, images, emphasis, `:red[…]`,
`$…$`), so a name or a note placed in them must have its punctuation escaped; elsewhere
`st.text` shows text as it is.
"""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'])")


def plain(text: str) -> str:
    """`text` escaped so Streamlit's Markdown shows every character as typed."""
    return _MARKDOWN.sub(r"\\\1", text.replace("\n", " "))
