"""Who is in the room: each person told apart (two Mettes are »Mette (1)« and »Mette (2)«),
how far they are, when they last answered and whether they said they are done; remove a
person, merge two entries of one person, and set how many may join."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from assessment.records import FacilitatorKey
from assessment.workshop.model import Workshop
from assessment.workshop.rooms import MAX_SEATS
from assessment.workshop.roster import merge_participants, remove_participant, set_seats
from assessment.workshop.stats import Dashboard, Progress, dashboard

from ..context import bank, engine, lang, tr
from ..feedback import write
from ..text import plain
from .live import live

LIVE_SECONDS = 3.0
CONFIRM = "_confirm_remove"


def render(key: FacilitatorKey, workshop: Workshop) -> None:
    _table(key)
    board = dashboard(engine(), bank(), key)
    if board.participants:
        _remove(key, board)
        if len(board.participants) > 1:
            _merge(key, board)
    _seats(key, workshop, len(board.participants))


@live(LIVE_SECONDS)
def _table(key: FacilitatorKey) -> None:
    board = dashboard(engine(), bank(), key)
    language, now = lang(), dt.datetime.now(dt.UTC)
    done = sum(p.person.finished for p in board.participants)
    st.markdown(tr("ws.f.roster_count", count=len(board.participants), done=done))
    if not board.participants:
        return
    st.dataframe(
        pd.DataFrame(
            {
                tr("ws.f.name_col"): [p.person.label(language) for p in board.participants],
                tr("ws.f.progress_col"): [f"{p.answered}/{p.total}" for p in board.participants],
                tr("ws.f.active_col"): [_ago(p, now) for p in board.participants],
                tr("ws.f.done_col"): ["✓" if p.person.finished else "" for p in board.participants],
            }
        ),
        hide_index=True,
        placeholder="",  # an empty cell shows empty, not "None"
        width="stretch",
    )


def _ago(p: Progress, now: dt.datetime) -> str:
    minutes = int((now - p.person.last_seen).total_seconds() // 60)
    return tr("ws.f.just_now") if minutes < 1 else tr("ws.f.minutes_ago", minutes=minutes)


def _labels(board: Dashboard) -> dict[int, str]:
    return {p.person.id: p.person.label(lang()) for p in board.participants}


def _remove(key: FacilitatorKey, board: Dashboard) -> None:
    """Remove someone: their name, answers and notes are deleted; it takes a second click."""
    labels = _labels(board)
    st.markdown(f"**{tr('ws.f.remove_title')}**")
    who = st.selectbox(
        tr("ws.f.remove_who"), options=list(labels), format_func=labels.__getitem__,
        index=None, placeholder=tr("ws.f.choose"), key="r.remove.who",
    )  # fmt: skip
    if who is None:
        return
    if st.session_state.get(CONFIRM) != who:
        if st.button(tr("ws.f.remove"), key="r.remove"):
            st.session_state[CONFIRM] = who
            st.rerun()
        return
    st.warning(tr("ws.f.remove_confirm", name=plain(labels[who])))
    if st.button(tr("ws.f.remove_yes"), key="r.remove.yes", type="primary"):
        st.session_state.pop(CONFIRM, None)
        write(lambda: remove_participant(engine(), key, who), what="remove participant")
        st.rerun()


def _merge(key: FacilitatorKey, board: Dashboard) -> None:
    """Merge the entry a person left behind into the one they use now."""
    labels = _labels(board)
    st.markdown(f"**{tr('ws.f.merge_title')}**")
    st.caption(tr("ws.f.merge_help"))
    old, new = st.columns(2)
    absorb = old.selectbox(
        tr("ws.f.merge_old"), options=list(labels), format_func=labels.__getitem__, index=None,
        placeholder=tr("ws.f.choose"), key="r.merge.old",
    )  # fmt: skip
    keep = new.selectbox(
        tr("ws.f.merge_new"), options=list(labels), format_func=labels.__getitem__, index=None,
        placeholder=tr("ws.f.choose"), key="r.merge.new",
    )  # fmt: skip
    ready = absorb is not None and keep is not None and absorb != keep
    if st.button(tr("ws.f.merge"), key="r.merge", disabled=not ready) and ready:
        write(lambda: merge_participants(engine(), key, keep=keep, absorb=absorb), what="merge")
        st.rerun()


def _seats(key: FacilitatorKey, workshop: Workshop, seated: int) -> None:
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    seats = left.number_input(
        tr("ws.f.seats"), min_value=max(1, seated), max_value=MAX_SEATS,
        value=max(workshop.max_participants, seated), step=1, key="r.seats",
    )  # fmt: skip
    if right.button(
        tr("ws.f.save"), key="r.seats.save", disabled=seats == workshop.max_participants
    ):
        write(lambda: set_seats(engine(), key, int(seats)), what="seats")
        st.rerun()
