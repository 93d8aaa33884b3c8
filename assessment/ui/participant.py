"""Workshop participants: join by code or link, then answer, at their own pace or the room's.

A participant's answers are a stored record opened by the token in their personal link
(`/p?t=…`), so a refresh, a lost connection or a server restart loses nothing. The token opens
that participant's own answers and nothing else. The device keeps the token in a cookie, so
scanning the QR code again resumes the same participant instead of counting them twice.
The page follows the room (pacing, closing, reopening) by asking the database every few
seconds; it never needs a reload.
"""

from __future__ import annotations

import logging
import os

import streamlit as st

from assessment.limits import MAX_PARTICIPANT
from assessment.records import ParticipantLink, RecordError, new_token
from assessment.workshop import throttle
from assessment.workshop.codes import WorkshopNotFound, format_join_code, normalise_join_code
from assessment.workshop.model import ParticipantView
from assessment.workshop.pacing import room_state
from assessment.workshop.rooms import join_workshop, mark_finished, participant_view, rejoin

from . import pages, questionnaire
from .binding import View
from .context import LANG, bank, begin_run, engine, lang, tr
from .feedback import flash, show_flash, write
from .room import day, links, paced
from .room.live import live
from .room.sweep import sweep
from .text import plain

log = logging.getLogger(__name__)

PARTICIPANT_PARAM = "t"
DONE = "_participant_done"
FOLLOW_SECONDS = 2.0
"""How often a participant's page asks whether the room moved, closed or reopened."""
DEVICE = "_join_session"
"""Session state: this tab's random id, which the join throttle counts as one browser."""
CLIENT_HEADER = "SOMEMODENHED_CLIENT_IP_HEADER"
"""Behind a proxy: the header that carries the client's address (e.g. X-Forwarded-For)."""


def client() -> throttle.Client:
    """This browser session and its network address as the join throttle counts them (keyed
    hashes, never stored plainly). The session is a random id kept for the tab's life: a new tab,
    a refresh or a scanned QR code is a new one. Behind a proxy the address comes from the
    header the deployment names."""
    session = st.session_state.setdefault(DEVICE, new_token())
    header = os.environ.get(CLIENT_HEADER, "").strip()
    forwarded = st.context.headers.get(header) if header else None
    peer = st.context.ip_address
    address = throttle.client_address(
        forwarded if isinstance(forwarded, str) else None, peer if isinstance(peer, str) else None
    )
    return throttle.Client(
        device=throttle.device_key(engine(), str(session)),
        address=throttle.address_key(engine(), address),
    )


def join_page() -> None:
    """The join form; the code comes prefilled from a join link or QR code (`?code=`)."""
    sweep()
    st.title(tr("ws.join.title"))
    code = st.query_params.get("code", "")[:40]
    if code and "join.code" not in st.session_state:
        st.session_state["join.code"] = format_join_code(code.upper())
    offered = _offer_to_continue(code) if code and "new" not in st.query_params else False
    if offered:
        st.caption(tr("ws.join.someone_else"))
    with st.form("join"):
        st.text_input(tr("ws.join.code"), key="join.code", max_chars=12)
        st.text_input(tr("ws.join.name"), key="join.name", max_chars=MAX_PARTICIPANT)
        submitted = st.form_submit_button(tr("ws.join.submit"), type="primary")
    st.caption(tr("ws.join.privacy"))
    st.page_link(
        pages.page_file("privacy"), label=tr("ws.d.link"), query_params=pages.link_params()
    )
    if submitted:
        _join(st.session_state.get("join.code", ""), st.session_state.get("join.name", ""),
              may_resume=not offered)  # fmt: skip
    st.page_link(
        pages.page_file("start"), label=tr("ws.join.back"), query_params=pages.link_params()
    )


def _offer_to_continue(code: str) -> bool:
    """A device that is already in this workshop is offered to carry on as that person."""
    known = _remembered(code)
    if known is None:
        return False
    token, seen = known
    name = plain(seen.name or tr("ws.join.anonymous"))
    st.info(tr("ws.join.known", name=name))
    if st.button(tr("ws.join.continue", name=name), key="join.continue", type="primary"):
        _open(token, seen)
    return True


def _remembered(code: str) -> tuple[str, ParticipantView] | None:
    """The participant this device already is in the open workshop with this code."""
    try:
        canonical = normalise_join_code(code)
    except WorkshopNotFound:
        return None
    token = links.remembered(canonical)
    seen = rejoin(engine(), canonical, token) if token else None
    return (token, seen) if token and seen else None


def _join(code: str, name: str, *, may_resume: bool) -> None:
    known = _remembered(code) if may_resume else None
    if known is not None:  # the same device typed the code again: the same participant
        token, seen = known
        flash("ws.join.welcome_back", level="success", name=seen.name or tr("ws.join.anonymous"))
        _open(token, seen)
    token = write(lambda: join_workshop(engine(), code, name.strip(), client=client()), what="join")
    if token is None:
        show_flash()
        return
    _open(token, participant_view(engine(), token))


def _open(token: str, seen: ParticipantView) -> None:
    """The participant's page, in the workshop's language unless they chose another here."""
    language = lang() if LANG in st.query_params else seen.workshop.language
    st.switch_page(pages.page_file("p"), query_params={PARTICIPANT_PARAM: token, LANG: language})


def participant_page() -> None:
    """The participant's own questionnaire, read from the database on every run. While the
    database does not answer, the app's boundary says so and tries again by itself."""
    sweep()
    _questions(st.query_params.get(PARTICIPANT_PARAM, ""))


def _questions(token: str) -> None:
    try:
        seen = participant_view(engine(), token)
    except RecordError as exc:
        st.error(tr(exc.key))
        st.page_link(pages.page_file("join"), label=tr("ws.p.to_join"))
        return
    workshop = seen.workshop
    if LANG not in st.query_params:  # an old link: the workshop's language
        st.query_params[LANG] = workshop.language
        begin_run()  # this run reads the language it just set
    links.remember_device(workshop.join_code, token)
    view = View.attach(ParticipantLink(token), seen.record)
    st.info(
        tr(
            "ws.p.welcome",
            title=plain(workshop.title),
            municipality=plain(workshop.municipality.name),
        )
    )
    if seen.room.show_names:  # a change of what others see: said where it cannot be missed
        st.warning(tr("ws.p.names_on_screen"))
    if not workshop.is_open:
        st.warning(tr("ws.p.closed_note"))
    if seen.room.paced:
        paced.render(view, seen)
    elif st.session_state.get(DONE) == token:
        _done(view)
    else:
        questionnaire.render(view, lambda: _finish_button(token), disabled=not workshop.is_open)
    _privacy(seen)
    with st.expander(tr("ws.p.link")):
        st.caption(tr("ws.p.link_text"))
        st.code(links.participant_url(token, lang()), language=None)
    _follow(workshop.id, seen.room.revision, workshop.status)
    view.finish()


def _privacy(seen: ParticipantView) -> None:
    """Who sees what, as it is true for this workshop right now (below the questions, so a
    phone's first screen shows a question; the join page said it before they joined)."""
    lines = [tr("ws.p.privacy")]
    if seen.workshop.delete_after is not None:
        lines.append(tr("ws.p.deleted_on", date=day(seen.workshop.delete_after, lang())))
    st.caption(" ".join(lines))
    st.page_link(
        pages.page_file("privacy"), label=tr("ws.d.link"), query_params=pages.link_params()
    )


@live(FOLLOW_SECONDS)
def _follow(workshop_id: int, revision: int, status: str) -> None:
    """Redraw the page when the facilitator moved the room, closed, reopened or deleted it."""
    try:
        room = room_state(engine(), workshop_id)
    except RecordError:  # deleted: the page says the link opens nothing
        st.rerun()
    if (room.revision, room.status) != (revision, status):
        st.rerun()


def _finish_button(token: str) -> None:
    if st.button(tr("ws.p.finish"), key="p.finish", type="primary"):
        write(lambda: mark_finished(engine(), token), what="finished")
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
