"""Workshop participants: join by code or link, then answer the same questionnaire.

A participant's answers live in the database, keyed by the token in their personal link
(`?p=…`), so a refresh, a lost connection or a server restart loses nothing. The token opens
that participant's own answers and nothing else.
"""

from __future__ import annotations

import streamlit as st

from assessment.workshop.rooms import (
    MAX_NAME,
    WorkshopError,
    format_join_code,
    join_workshop,
    participant_view,
)

from . import questionnaire, state
from .db import engine
from .state import tr

LOADED = "participant_loaded"


def _join() -> None:
    code = st.session_state.get("join.code", "")
    name = st.session_state.get("join.name", "")
    try:
        token = join_workshop(engine(), code, name.strip())
    except WorkshopError as exc:
        st.session_state["join.error"] = exc.key
        return
    except ValueError:
        st.session_state["join.error"] = "error.workshop.invalid"
        return
    st.session_state.pop("join.error", None)
    st.query_params.clear()
    st.query_params["p"] = token


def join_page(code: str = "") -> None:
    """The join form; the code comes prefilled from a join link or QR code."""
    st.title(tr("ws.join.title"))
    if code and "join.code" not in st.session_state:
        st.session_state["join.code"] = format_join_code(code.upper())
    st.text_input(tr("ws.join.code"), key="join.code", max_chars=12)
    st.text_input(tr("ws.join.name"), key="join.name", max_chars=MAX_NAME)
    st.button(tr("ws.join.submit"), key="join.submit", type="primary", on_click=_join)
    error = st.session_state.get("join.error")
    if error:
        st.error(tr(error))
    st.button(tr("ws.join.back"), key="join.back", on_click=_back_to_start)


def _back_to_start() -> None:
    st.query_params.clear()
    state.go("start")


def participant_page(token: str) -> None:
    """The participant's own questionnaire, loaded from the database on the first run."""
    if st.session_state.get(LOADED) != token:
        try:
            view = participant_view(engine(), token)
        except WorkshopError as exc:
            st.error(tr(exc.key))
            return
        ws = view.workshop
        st.session_state[state.PARTICIPANT] = token
        st.session_state[LOADED] = token
        st.session_state["ws.title"] = ws.title
        st.session_state["ws.open"] = ws.is_open
        st.session_state.setdefault(state.LANG, ws.language)
        state.set_response(ws.response(view.answers, updated_at=state.now(), respondent=view.name))
        state.go("questions")
    response = state.response()
    assert response is not None  # noqa: S101 - set just above
    st.info(
        tr(
            "ws.p.welcome",
            title=st.session_state["ws.title"],
            municipality=response.municipality.name,
        )
    )
    if not st.session_state.get("ws.open", True):
        st.warning(tr("ws.p.closed_note"))
    if state.step() == "done":
        st.success(tr("ws.p.done"))
        st.button(tr("ui.back"), key="p.back", on_click=state.go, args=("questions",))
    else:
        questionnaire.render()
    with st.expander(tr("ws.p.link")):
        st.code(f"{base_url()}?p={token}", language=None)


def base_url() -> str:
    """The app's address as the browser sees it, without query or path."""
    url = st.context.url or ""
    return url.split("?", 1)[0].rstrip("/") + "/"
