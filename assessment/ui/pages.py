"""The app's pages (`st.navigation`), with the URL path of each and the links between them.

The solo pages open one assessment by its private link (`?a=LINK_PARAM`); the workshop pages open
a participant's answers (`/p?t=LINK_PARAM`), a facilitator's room (`/facilitator?ws=…&key=…`)
or the shared screen (`/screen?s=…`). A signed-in user's workspace (`/workspace`) opens the solo
pages by an assessment's number (`?id=`) instead. The token pages are hidden: they are reached
only by their links.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from assessment.i18n import t
from assessment.models import Lang

from .context import lang

HERE = Path(__file__).parent / "pages"
SOLO = ("about", "questions", "targets", "results", "plan", "downloads", "progress", "peers")
"""The steps of one assessment, in order; the last two look beyond it (the rounds before, and
peers)."""
WIDE = {"plan", "facilitator", "screen", "workspace"}
"""Pages whose tables need the whole width."""
BARE = {"screen"}
"""Pages without the sidebar: the projector shows only the room."""
PAGES = "_pages"
"""Session: the page objects, per language."""


def _page(
    language: Lang, name: str, title_key: str, *, hidden: bool = False, default: bool = False
) -> StreamlitPage:
    return st.Page(
        HERE / f"{name}.py",
        title=t(title_key, language),
        url_path="" if default else name,
        default=default,
        visibility="hidden" if hidden else "visible",
    )


def all_pages() -> list[StreamlitPage]:
    """The pages, titled in the page's language. Built once per session and language (about a
    millisecond a run, each `st.Page` resolves its file): `st.navigation` marks the page it
    returns as callable once, so page objects must not be shared between sessions, whose runs
    interleave, but one session's runs come one after the other."""
    key = f"{PAGES}.{lang()}"
    if key not in st.session_state:
        st.session_state[key] = _pages(lang())
    return st.session_state[key]


def _pages(language: Lang) -> list[StreamlitPage]:
    return [
        _page(language, "start", "ui.step.start", default=True),
        *(_page(language, name, f"ui.step.{name}", hidden=True) for name in SOLO),
        _page(language, "workspace", "wsp.title"),
        _page(language, "join", "ws.join.title"),
        _page(language, "workshop", "ws.c.title"),
        _page(language, "p", "ws.p.title", hidden=True),
        _page(language, "facilitator", "ws.f.title", hidden=True),
        _page(language, "screen", "ws.s.title", hidden=True),
        _page(language, "privacy", "ws.d.title", hidden=True),
    ]


def page_file(name: str) -> str:
    """The file of a page, as `st.switch_page` and `st.page_link` take it."""
    return str(HERE / f"{name}.py")


def link_params(**params: str) -> dict[str, str]:
    """Query parameters for a link inside the app: the language travels with it."""
    if lang() != "da":
        params["lang"] = lang()
    return params
