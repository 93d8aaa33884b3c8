"""Workshop participants: join by code or link, then answer the same questionnaire.

A participant's answers are a stored record opened by the token in their personal link
(`/p?t=…`), so a refresh, a lost connection or a server restart loses nothing. The token opens
that participant's own answers and nothing else.
"""

from __future__ import annotations

import streamlit as st

from assessment.limits import MAX_PARTICIPANT
from assessment.records import ParticipantLink, RecordError
from assessment.workshop.rooms import format_join_code, join_workshop, participant_view

from . import pages, questionnaire
from .binding import View
from .context import bank, base_url, engine, lang, tr
from .feedback import show_flash, write
from .text import plain

PARTICIPANT_PARAM = "t"
DONE = "_participant_done"


def join_page() -> None:
    """The join form; the code comes prefilled from a join link or QR code (`?code=`)."""
    st.title(tr("ws.join.title"))
    code = st.query_params.get("code", "")[:40]
    if code and "join.code" not in st.session_state:
        st.session_state["join.code"] = format_join_code(code.upper())
    with st.form("join"):
        st.text_input(tr("ws.join.code"), key="join.code", max_chars=12)
        st.text_input(tr("ws.join.name"), key="join.name", max_chars=MAX_PARTICIPANT)
        submitted = st.form_submit_button(tr("ws.join.submit"), type="primary")
    if submitted:
        _join(st.session_state.get("join.code", ""), st.session_state.get("join.name", ""))
    st.page_link(
        pages.page_file("start"), label=tr("ws.join.back"), query_params=pages.link_params()
    )


def _join(code: str, name: str) -> None:
    token = write(lambda: join_workshop(engine(), code, name.strip()), what="join")
    if token is None:
        show_flash()
        return
    language = participant_view(engine(), token).workshop.language
    params = {PARTICIPANT_PARAM: token}
    if language != "da" or lang() != "da":
        params["lang"] = language
    st.switch_page(pages.page_file("p"), query_params=params)


def participant_page() -> None:
    """The participant's own questionnaire, read from the database on every run."""
    token = st.query_params.get(PARTICIPANT_PARAM, "")
    try:
        seen = participant_view(engine(), token)
    except RecordError as exc:
        st.error(tr(exc.key))
        return
    workshop = seen.workshop
    view = View.attach(ParticipantLink(token), seen.record)
    st.info(
        tr(
            "ws.p.welcome",
            title=plain(workshop.title),
            municipality=plain(workshop.municipality.name),
        )
    )
    st.caption(tr("ws.p.privacy"))
    if not workshop.is_open:
        st.warning(tr("ws.p.closed_note"))
    if st.session_state.get(DONE) == token:
        _done(view)
    else:
        questionnaire.render(view, lambda: _finish_button(token), disabled=not workshop.is_open)
    with st.expander(tr("ws.p.link")):
        st.caption(tr("ws.p.link_text"))
        st.code(f"{base_url()}p?{PARTICIPANT_PARAM}={token}", language=None)
    view.finish()


def _finish_button(token: str) -> None:
    if st.button(tr("ws.p.finish"), key="p.finish", type="primary"):
        st.session_state[DONE] = token
        st.rerun()


def _done(view: View) -> None:
    """The end: what was stored, and what is still open (the answers stay editable)."""
    answers = view.record.response.answers
    total = len(bank().questions_by_id())
    answered = sum(1 for a in answers.values() if a.chosen)
    if answered < total:
        st.warning(tr("ws.p.done_missing", answered=answered, total=total))
    else:
        st.success(tr("ws.p.done"))
    if st.button(tr("ws.p.back_to_questions"), key="p.back"):
        st.session_state.pop(DONE, None)
        st.rerun()
