"""Start: what the assessment is, the municipality and respondent, or resume from a file."""

from __future__ import annotations

import streamlit as st

from assessment.answers import AnswersError, check_answers, parse_answers
from assessment.models import Municipality, Respondent
from assessment.municipalities import municipalities, municipality

from . import state
from .state import tr

UPLOAD_DONE = "start.upload_done"


def _label(code: int) -> str:
    m = municipality(code)
    return f"{m.name} ({m.region.removeprefix('Region ')})"


def _begin() -> None:
    code = st.session_state["start.municipality"]
    info = municipality(code)
    state.start(
        Municipality(code=info.code, name=info.name),
        Respondent(
            name=st.session_state.get("start.name", "").strip(),
            role=st.session_state.get("start.role", "").strip(),
        ),
    )
    state.go("questions")


def _on_upload() -> None:
    """Replace the session's answers with an uploaded file, or say why not and keep them."""
    upload = st.session_state.get("start.upload")
    st.session_state.pop("start.upload_error", None)
    if upload is None:
        return
    try:
        loaded = parse_answers(upload.getvalue())
        check_answers(state.bank(), loaded)
    except AnswersError as exc:
        st.session_state["start.upload_error"] = exc
        return
    state.set_response(loaded)
    st.session_state[state.LANG] = loaded.language
    st.session_state["start.municipality"] = loaded.municipality.code
    st.session_state["start.name"] = loaded.respondent.name
    st.session_state["start.role"] = loaded.respondent.role
    st.session_state[UPLOAD_DONE] = True


def render() -> None:
    st.title(tr("ui.app_tagline"))
    st.markdown(tr("ui.start.intro"))
    current = state.response()
    if current is not None and "start.municipality" not in st.session_state:
        st.session_state["start.municipality"] = current.municipality.code
        st.session_state["start.name"] = current.respondent.name
        st.session_state["start.role"] = current.respondent.role
    code = st.selectbox(
        tr("ui.start.municipality"),
        options=[m.code for m in municipalities()],
        format_func=_label,
        index=None,
        placeholder=tr("ui.start.municipality_placeholder"),
        key="start.municipality",
    )
    if code is not None:
        m = municipality(code)
        st.caption(
            tr(
                "ui.start.group",
                region=m.region,
                population=f"{m.population:,}".replace(",", "." if state.lang() == "da" else ","),
                group=m.group_name(state.lang()),
            )
        )
    col1, col2 = st.columns(2)
    col1.text_input(tr("ui.start.name"), key="start.name", max_chars=80)
    col2.text_input(tr("ui.start.role"), key="start.role", max_chars=80)
    st.button(
        tr("ui.start.begin"),
        key="start.begin",
        type="primary",
        disabled=code is None,
        on_click=_begin,
    )

    st.subheader(tr("ws.start.title"))
    st.markdown(tr("ws.start.text"))
    join, create = st.columns(2)
    join.button(tr("ws.start.join"), key="start.join", on_click=state.go, args=("join",))
    create.button(
        tr("ws.start.create"), key="start.create", on_click=state.go, args=("new_workshop",)
    )

    st.subheader(tr("ui.start.resume"))
    st.file_uploader(tr("ui.start.upload"), key="start.upload", on_change=_on_upload)
    error = st.session_state.get("start.upload_error")
    if error is not None:
        st.error(error.message(state.lang()))
    elif st.session_state.pop(UPLOAD_DONE, False) and state.response() is not None:
        loaded = state.response()
        st.success(
            tr(
                "ui.start.loaded",
                municipality=loaded.municipality.name,
                answered=len(loaded.answers),
            )
        )
