"""User text placed in Markdown (`ui.text.plain`): shown as typed, never markup, never a link.

Streamlit parses Markdown with GitHub's autolink literals, which act on the text after its
escapes are removed: a typed address or URL would become a live link (checked in Chromium,
`tests/browser/test_workspace.py` for the signed-in address). The patterns below are GitHub's
(GFM spec, "Autolinks (extension)")."""

from __future__ import annotations

import re

import pytest

from assessment.ui.text import plain
from tests.conftest import shown

AUTOLINKS = [
    re.compile(r"(?i)(?:^|[\s*_~(])www\.[\w-]"),
    re.compile(r"(?i)(?:^|[\s*_~(])https?://[\w-]"),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(r"(?i)(?:mailto|xmpp):[\w.+-]+@"),
]
TYPED = [
    "ann@konsulent.dk",
    "Skriv til borgerservice@aarhus.dk i dag",
    "www.evil.example",
    "Se WWW.Evil.Example/login",
    "https://evil.example/m.png",
    "[Log ind med MitID](https://x)",
    "mailto:a@b.dk og xmpp:c@d.dk",
    "kl. 10:30 (*fed* _kursiv_ `kode` $x$ :red[rød])",
]


def what_the_autolinker_sees(markdown: str) -> str:
    """The text after Markdown has removed its escapes (the word joiners stay)."""
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.mark.parametrize("typed", TYPED)
def test_typed_text_reads_as_typed_and_makes_no_link(typed: str):
    made = plain(typed)
    assert shown(made) == typed
    seen = what_the_autolinker_sees(made)
    assert not [p.pattern for p in AUTOLINKS if p.search(seen)]


def test_the_patterns_would_find_the_links_in_unprotected_text():
    """The check above can fail: without `plain`, every typed link is found."""
    found = [t for t in TYPED if any(p.search(t) for p in AUTOLINKS)]
    assert found == TYPED[:-1]
