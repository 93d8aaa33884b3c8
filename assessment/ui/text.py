"""User text inside Streamlit elements that render Markdown: shown as typed, never as markup.

Titles, captions, messages and labels render Markdown (links, images, emphasis, `:red[…]`,
`$…$`), so a name or a note placed in them must have its punctuation escaped; elsewhere
`st.text` shows text as it is. Escaping does not stop GitHub's autolink literals (an address,
`www.…` or `https://…` typed as text becomes a live link after the Markdown is parsed), so an
invisible word joiner (U+2060) is put where it breaks them: after `@`, before `:` and between
`www` and its dot.
"""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=\"'])")
_AUTOLINK = re.compile(r"(?<=@)|(?=:)|(?i:(?<=www)(?=\.))")
JOINER = "\u2060"


def plain(text: str) -> str:
    """`text` escaped so Streamlit's Markdown shows every character as typed."""
    return _MARKDOWN.sub(r"\\\1", _AUTOLINK.sub(JOINER, text.replace("\n", " ")))
