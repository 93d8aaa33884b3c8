"""The facilitator's controls: self-paced or paced, what is on the shared screen, reveal, names
on screen, re-vote, and the question on screen with its decision and its notes to approve.

Every control is a button (its return value, so a click counts also after a server restart),
and every change is written with the room revision this window showed, carried in a hidden
field as the page's record revision is: a change from a stale window is refused, and the window
shows where the room really is.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from assessment.models import Bank, Lang
from assessment.records import FacilitatorKey
from assessment.workshop.model import RoomState
from assessment.workshop.notes import RoomNote, approve_note, notes_for, withdraw_note
from assessment.workshop.pacing import (
    facilitator_room,
    neighbour,
    set_mode,
    set_revealed,
    set_show_names,
    set_step,
    steps,
)
from assessment.workshop.rounds import start_revote
from assessment.workshop.screen import Screen, facilitator_screen
from assessment.workshop.stats import dashboard

from ..binding import ALIVE, View
from ..context import bank, engine, lang, tr
from ..feedback import show_flash, write
from ..text import plain
from . import decisions
from .bars import STYLE, bars
from .live import live

ROOM_REV = "room-revision"
"""The hidden field with the room revision this window shows."""
ROOM_SHOWN = "_room_shown"
REVOTE = "_confirm_revote"
LIVE_SECONDS = 2.0


def shown_revision(room: RoomState) -> int:
    """The room revision this window showed before this run: what its changes are based on.
    A live session remembers it (set as soon as a run starts drawing, so a click that cuts a
    run short is still based on what was on screen); a new one (after a restart) reads what
    the browser sent."""
    alive = bool(st.session_state.get(ALIVE))
    if alive:
        st.session_state[ROOM_REV] = str(room.revision)
    with st.container(key="room-revision-box"):
        typed = st.text_input(
            "room", value=str(room.revision), key=ROOM_REV, label_visibility="collapsed"
        )
    if alive:
        return int(st.session_state.get(ROOM_SHOWN, room.revision))
    return int(typed) if typed.isdigit() else room.revision


def render(view: View, key: FacilitatorKey) -> None:
    """What is on the shared screen and the buttons that move it; beside it the results as they
    come in and the decision; below, the pace, names and a jump to any step."""
    b, language = bank(), lang()
    room = facilitator_room(engine(), key)
    base = shown_revision(room)
    st.session_state[ROOM_SHOWN] = room.revision  # from here on the page shows this revision
    st.html(STYLE)
    _navigation(b, key, room, base, language)
    if room.step is not None:
        results, decision = st.columns([3, 2], gap="large")
        with results:
            _on_screen(key, room.step)
        if room.step in b.questions_by_id():
            board = dashboard(engine(), b, key)
            spread = next(q for q in board.questions if q.question_id == room.step)
            with decision:
                decisions.decide(view, spread)
                _revote(b, key, room.step, base)
    st.divider()
    _mode(b, key, room, base)
    _names_and_jump(b, key, room, base, language)


def _change(action: Callable[[], int], what: str) -> None:
    """Run one room change and redraw the page; a refusal (a stale window) is shown. This
    window's own change is what it shows from now on, also for a click made before the redraw."""
    revision = write(action, what=what)
    if revision is not None:
        st.session_state[ROOM_SHOWN] = revision
    st.rerun()


def _mode(b: Bank, key: FacilitatorKey, room: RoomState, base: int) -> None:
    st.markdown(f"**{tr('ws.f.mode')}**")
    modes = (("self", room.pace), ("paced", "question"), ("paced", "area"))
    columns = st.columns(len(modes))
    for column, (mode, pace) in zip(columns, modes, strict=True):
        current = room.mode == mode and (mode == "self" or room.pace == pace)
        label = tr(f"ws.f.mode.{mode}" if mode == "self" else f"ws.f.mode.{pace}")
        if column.button(
            label, key=f"r.mode.{mode}.{pace}", type="primary" if current else "secondary",
            disabled=current, width="stretch",
        ):  # fmt: skip
            _change(lambda m=mode, p=pace: set_mode(engine(), b, key, m, p, base=base), "mode")
    st.caption(tr("ws.f.mode_help"))


def _navigation(b: Bank, key: FacilitatorKey, room: RoomState, base: int, language: Lang) -> None:
    """What is on screen, and back, forward, reveal and the lobby."""
    st.markdown(f"**{tr('ws.f.on_screen')}:** {plain(_step_name(b, room.step, language))}")
    back, forward, reveal, lobby = st.columns(4)
    previous, following = (neighbour(b, room.pace, room.step, n) for n in (-1, 1))
    if back.button(tr("ws.f.back"), key="r.back", disabled=previous is None, width="stretch"):
        _change(lambda: set_step(engine(), b, key, previous, base=base), "step back")
    if forward.button(
        tr("ws.f.forward"), key="r.forward", type="primary", disabled=following is None,
        width="stretch",
    ):  # fmt: skip
        _change(lambda: set_step(engine(), b, key, following, base=base), "step forward")
    shown = room.revealed
    if reveal.button(
        tr("ws.f.hide" if shown else "ws.f.reveal"), key="r.reveal", width="stretch",
        type="secondary" if shown else "primary", disabled=room.step is None,
    ):  # fmt: skip
        _change(lambda: set_revealed(engine(), key, not shown, base=base), "reveal")
    if lobby.button(tr("ws.f.lobby"), key="r.lobby", disabled=room.step is None, width="stretch"):
        _change(lambda: set_step(engine(), b, key, None, base=base), "lobby")


def _names_and_jump(
    b: Bank, key: FacilitatorKey, room: RoomState, base: int, language: Lang
) -> None:
    """Names on the shared screen (off unless turned on), and a jump to any step."""
    named = room.show_names
    caption, names = st.columns([4, 1], vertical_alignment="center")
    caption.caption(tr("ws.f.names_shown" if named else "ws.f.names_hidden"))
    if names.button(tr("ws.f.names_off" if named else "ws.f.names_on"), key="r.names",
                    width="stretch"):  # fmt: skip
        _change(lambda: set_show_names(engine(), key, not named, base=base), "names")
    order = steps(b, room.pace)
    jump, go = st.columns([4, 1], vertical_alignment="bottom")
    target = jump.selectbox(
        tr("ws.f.jump"), options=order, index=order.index(room.step) if room.step in order else 0,
        format_func=lambda s: _step_name(b, s, language), key="r.jump",
    )  # fmt: skip
    if go.button(tr("ws.f.go"), key="r.go", width="stretch"):
        _change(lambda: set_step(engine(), b, key, target, base=base), "jump")


def _revote(b: Bank, key: FacilitatorKey, question_id: str, base: int) -> None:
    """A re-vote asks everyone again; it needs a second click, as it takes choices back."""
    if st.session_state.get(REVOTE) != question_id:
        if st.button(tr("ws.f.revote"), key="r.revote"):
            st.session_state[REVOTE] = question_id
            st.rerun()
        return
    st.warning(tr("ws.f.revote_confirm"))
    yes, no = st.columns(2)
    if yes.button(tr("ws.f.revote_yes"), key="r.revote.yes", type="primary"):
        st.session_state.pop(REVOTE, None)
        _change(lambda: start_revote(engine(), b, key, question_id, base=base), "re-vote")
    if no.button(tr("ws.f.cancel"), key="r.revote.no"):
        st.session_state.pop(REVOTE, None)
        st.rerun()


def _step_name(b: Bank, step: str | None, language: Lang) -> str:
    if step is None:
        return tr("ws.f.lobby_name")
    questions = b.questions_by_id()
    if step in questions:
        return f"{decisions.question_numbers(b)[step]} {questions[step].text(language)}"
    return b.dimension(step).name(language)


@live(LIVE_SECONDS)
def _on_screen(key: FacilitatorKey, step: str) -> None:
    """The step's results as the room gives them, always visible here (the shared screen hides
    them until revealed), and the notes waiting for approval."""
    b, language = bank(), lang()
    shown = facilitator_screen(engine(), b, key)
    if shown.room.step != step:  # moved from another window: draw the whole page again
        st.rerun()
    questions = b.questions_by_id()
    key_ = "ws.s.answered" if len(shown.questions) == 1 else "ws.s.answered_area"
    st.markdown(tr(key_, answered=shown.complete, count=shown.participants))
    if not shown.room.revealed:
        st.caption(tr("ws.f.hidden_on_screen"))
    for on in shown.questions:
        if len(shown.questions) > 1:
            st.markdown(f"**{plain(questions[on.question_id].text(language))}**")
        earlier = tr("ws.s.before") if on.earlier else ""
        if on.earlier:
            st.html(bars(b, on.earlier[-1], language, caption=earlier, small=True))
        st.html(bars(b, on.counts, language, agreed=on.agreed, small=True,
                     caption=tr("ws.s.after") if on.earlier else ""))  # fmt: skip
    _notes(key, shown)
    show_flash()


def _notes(key: FacilitatorKey, shown: Screen) -> None:
    """Every note on the step: approve one to put it on the shared screen (without a name unless
    names are on), or take it off again."""
    ids = [q.question_id for q in shown.questions]
    notes = notes_for(engine(), key, ids)
    if not notes:
        return
    st.markdown(f"**{tr('ws.f.notes')}**")
    st.caption(tr("ws.f.notes_help"))
    for note in notes:
        _note(key, note)


def _note(key: FacilitatorKey, note: RoomNote) -> None:
    text, button = st.columns([5, 1], vertical_alignment="center")
    text.text(f"{note.label(lang())}: {note.text}")
    who, qid, slot = (
        note.participant_id,
        note.question_id,
        f"{note.participant_id}.{note.question_id}",
    )
    if note.approved:
        if button.button(tr("ws.f.note_hide"), key=f"r.note.hide.{slot}"):
            write(lambda: withdraw_note(engine(), key, who, qid), what="withdraw note")
            st.rerun(scope="fragment")
    elif button.button(tr("ws.f.note_show"), key=f"r.note.show.{slot}", type="primary"):
        write(lambda: approve_note(engine(), key, who, qid, note.revision), what="approve note")
        st.rerun(scope="fragment")
