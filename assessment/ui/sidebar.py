"""The sidebar: the language switch and who is signed in on every page; the steps, progress and
private link on the pages of one assessment."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from assessment.models import LANGS, Lang
from assessment.workspace.clients import claim
from assessment.workspace.identity import User

from . import auth, pages
from .binding import ALIVE
from .context import LANG, auth_configured, bank, base_url, engine, lang, tr
from .feedback import flash, write
from .text import plain

if TYPE_CHECKING:
    from .solo import Opened

NAMES = {"da": "Dansk", "en": "English"}


SWITCH = "sidebar.lang"


def render(page: StreamlitPage) -> None:
    """The language switch and who is signed in; the language lives in the URL (`?lang=`) and
    changes nothing else. Drawn before the page, so a switch changes the page's language in the
    same run."""
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
    account()


def _switched() -> None:
    _set(st.session_state[SWITCH])


def _set(value: Lang) -> None:
    if value == "da":
        st.query_params.pop(LANG, None)
    else:
        st.query_params[LANG] = value


def account() -> None:
    """Who is signed in, with the way to the workspace and out; or the way in. Nothing when
    sign-in is not set up."""
    if not auth_configured():
        return
    user = auth.user()
    with st.sidebar:
        if user is None:
            if auth.signed_in_without_address():
                st.caption(tr("wsp.auth.no_address"))
                auth.logout_button("sidebar.logout")
            else:
                auth.login_button("sidebar.login")
            return
        st.caption(tr("wsp.auth.signed_in_as", email=plain(user.email)))
        st.page_link(
            pages.page_file("workspace"),
            label=tr("wsp.title"),
            query_params=pages.link_params(),
            icon=":material/folder_shared:",
        )
        auth.logout_button("sidebar.logout")


def solo(opened: Opened, links: dict[str, dict[str, str]]) -> None:
    """The steps of the assessment as links that carry what opens it; then its private link,
    or for one opened from the workspace, the user's role in it."""
    record = opened.view.record
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
        if not opened.by_private_link:
            st.caption(tr("wsp.open.role_viewer" if opened.read_only else "wsp.open.role_editor"))
            return
        private_link(opened)
        user = auth.user()
        if user is not None and record.round.client_id is None:
            _claim(opened, user)


def private_link(opened: Opened) -> None:
    """The assessment's private link with a copy button, and what it is in one sentence. It
    opens in the language the page is in (Danish needs no parameter)."""
    st.markdown(f"**{tr('ui.link.title')}**")
    st.caption(tr("ui.link.text"))
    query = urlencode(pages.link_params(a=opened.link["a"]))
    st.code(f"{base_url()}?{query}", language=None)


def _claim(opened: Opened, user: User) -> None:
    """Put an assessment opened by its private link into the user's workspace."""
    st.caption(tr("wsp.claim.text"))
    if st.button(tr("wsp.claim.button"), key="sidebar.claim"):
        door = opened.view.door
        claimed = write(lambda: claim(engine(), door, user), what="claim")
        if claimed is not None:
            flash("wsp.claim.done", level="success")
            st.rerun()
