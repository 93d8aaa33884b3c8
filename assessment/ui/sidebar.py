"""The sidebar: the language switch on every page; the steps, progress and private link on the
pages of one assessment."""

from __future__ import annotations

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from assessment.models import LANGS, Lang
from assessment.records import Record

from . import pages
from .binding import ALIVE
from .context import LANG, bank, base_url, lang, tr

NAMES = {"da": "Dansk", "en": "English"}


SWITCH = "sidebar.lang"


def render(page: StreamlitPage) -> None:
    """The language switch; the language lives in the URL (`?lang=`) and changes nothing else.
    Drawn before the page, so a switch changes the page's language in the same run."""
    current = lang()
    if st.session_state.get(ALIVE):
        st.session_state[SWITCH] = current  # the URL wins (a link, the browser's Back button)
    with st.sidebar:
        chosen = st.radio(
            "Sprog / Language",
            options=LANGS,
            index=LANGS.index(current),
            format_func=NAMES.__getitem__,
            key=SWITCH,
            horizontal=True,
            on_change=_switched,
        )
    if chosen != current:  # chosen in a session with no callback yet (after a server restart)
        _set(chosen)


def _switched() -> None:
    _set(st.session_state[SWITCH])


def _set(value: Lang) -> None:
    if value == "da":
        st.query_params.pop(LANG, None)
    else:
        st.query_params[LANG] = value


def solo(record: Record, token: str, links: dict[str, dict[str, str]]) -> None:
    """The steps of the assessment as links that carry its private link, and the link itself."""
    response = record.response
    total = len(bank().questions_by_id())
    answered = sum(1 for a in response.answers.values() if a.chosen)
    with st.sidebar:
        st.caption(response.municipality.name)
        st.progress(answered / total, text=tr("ui.progress", answered=answered, total=total))
        for name in pages.SOLO:
            st.page_link(
                pages.page_file(name),
                label=tr(f"ui.step.{name}"),
                query_params=links[name],
            )
        st.divider()
        st.markdown(f"**{tr('ui.link.title')}**")
        st.caption(tr("ui.link.text"))
        st.code(f"{base_url()}?a={token}", language=None)
