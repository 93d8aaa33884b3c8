"""A page as a view of one stored record.

Every run reads the record, every widget shows the stored value, and every change is written
at once. The page carries the revision it shows in a hidden field, as a web form carries a
version, so that:

- a change is written only if nobody stored that value after the page showed it; otherwise the
  write is refused, the user is told in one line, and the widget shows what is stored;
- a value another window stored is shown here on this page's next run;
- after a server restart the browser reconnects to a new session and re-sends what it shows:
  no callback fires then, so every widget is also compared with the record after it is drawn,
  and a difference the hidden revision says is the user's is stored. The first click counts;
- a change that is refused (the workshop was closed meanwhile, the link no longer opens it) is
  not left on screen as if it were kept: the widget shows what is stored again, beside the
  message. Only text over its limit stays as typed, so it can be shortened;
- a change the database did not take (it is down or locked) is kept in the session, apart from
  the widget: when the page cannot even be read, Streamlit forgets the widgets it did not draw,
  and the kept value is put back into the field the next time it is drawn, and stored then.

Callbacks are module functions with plain arguments (never methods of a view from an earlier
run), so they write with the revision the page showed, not a stale copy of the record.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from assessment.bank_upgrade import read_as_current, upgrade
from assessment.records import Door, Record, RecordError, TooLong, load

from .context import bank, engine, lang, tr
from .feedback import flash, show_flash, write

log = logging.getLogger(__name__)

REVISION = "page-revision"
"""The hidden field's key: the revision of the record the page shows."""
SHOWN = "_shown"
"""Session: record id → the revision the page showed at the end of its last run."""
RESYNC = "_resync"
"""Session: widget keys to set back to the stored value before they are drawn."""
OWN = "_own_writes"
"""Session: record id → {widget key: the revision this session's own callback stored it at}. A
quick second change of the same value, made before the page's run that showed the first one
finished, is based on that revision, not on the older one the page showed."""
ALIVE = "_alive"
"""Session: set once the session has run a page; absent in a brand-new session."""
UNSAVED = "_unsaved"
"""Session: (record id, widget key) → a value the database did not take, to put back and store."""
LANGUAGE = "_view_language"
"""Session: the language the page was last drawn in. A widget sends back the label it shows,
so after a language switch every widget is set to the stored value in the new language."""

Save = Callable[[Any, int | None], int]
"""Writes one value with the revision the page showed (`base`); returns the new revision."""


@dataclass
class View:
    """One run of a page bound to one record."""

    door: Door
    record: Record
    shown_before: int
    """The revision the page showed before this run: what a change here is based on."""
    alive: bool
    notices: Any
    """A place at the top of the page for the messages of this run's writes."""
    relabelled: bool = False
    """The language changed since the last run: every widget is drawn from the record."""
    wrote: bool = False

    @classmethod
    def open(cls, door: Door) -> View | None:
        """Read the record and draw the hidden revision; None (with a message) if refused."""
        try:
            record = load(engine(), door)
        except RecordError as exc:
            st.error(tr(exc.key))
            return None
        return cls.attach(door, record)

    @classmethod
    def attach(cls, door: Door, record: Record) -> View:
        """Bind the page to a record the caller has just read, and draw the hidden revision.
        A record made with an older version of the bank is carried over first."""
        if record.response.bank_version != bank().version:
            record = _carried_over(door)
        alive = bool(st.session_state.get(ALIVE))
        shown: dict[int, int] = st.session_state.setdefault(SHOWN, {})
        if alive:
            st.session_state[REVISION] = str(record.revision)
            before = shown.get(record.id, record.revision)
        with st.container(key="page-revision-box"):
            typed = st.text_input(
                "revision",
                value=str(record.revision),
                key=REVISION,
                max_chars=20,
                label_visibility="collapsed",
            )
        if not alive:
            before = _revision(typed, record.revision)
            if before != record.revision:
                log.info("reconnected page of record %s at revision %s", record.id, before)
        shown[record.id] = before
        language = lang()
        relabelled = alive and st.session_state.get(LANGUAGE) not in (None, language)
        st.session_state[LANGUAGE] = language
        return cls(door, record, before, alive, st.container(), relabelled)

    def bind(
        self,
        key: str,
        stored: Any,
        rev: int,
        draw: Callable[..., Any],
        save: Save,
        *,
        what: str,
        valid: Callable[[Any], bool] = lambda _: True,
    ) -> Any:
        """Draw one widget with `draw(key=…, on_change=…, args=…)` showing `stored`, and store
        what the user changes. Returns the widget's value. `valid` tells a real value from a
        label the browser sent in another language (which is set back, never stored)."""
        resync: set[str] = st.session_state.setdefault(RESYNC, set())
        unsaved: dict[tuple[int, str], Any] = st.session_state.setdefault(UNSAVED, {})
        kept = (self.record.id, key)
        changed_here = rev > self.shown_before or self.relabelled
        if kept in unsaved and key not in st.session_state:  # the page was not drawn meanwhile
            st.session_state[key] = unsaved[kept]
        if key in resync or (self.alive and key in st.session_state and changed_here):
            st.session_state[key] = stored
            resync.discard(key)
            unsaved.pop(kept, None)
        value = draw(key=key, on_change=_changed, args=(self.record.id, key, save, what, valid))
        if not valid(value):
            resync.add(key)
            self.wrote = True  # draw it again from the record
        elif value != stored:
            if rev <= self.shown_before:  # the user's change; no callback stored it
                stored_now = write(
                    lambda: save(value, self.shown_before),
                    what=what,
                    conflict=lambda: resync.add(key),
                    refused=lambda exc: _set_back(resync, key, exc),
                    unsaved=lambda: unsaved.__setitem__(kept, value),
                )
                if stored_now is not None or key in resync:
                    unsaved.pop(kept, None)
                self.wrote = self.wrote or stored_now is not None or key in resync
            else:  # the page was older than the stored value: show the stored one
                flash("error.record.conflict", level="warning")
                resync.add(key)
                self.wrote = True
        return value

    def finish(self) -> None:
        """Remember what the page shows; rerun if this run stored something (so every count
        and chart is drawn from the record again), else show this run's messages on top."""
        st.session_state[SHOWN][self.record.id] = self.record.revision
        st.session_state.get(OWN, {}).pop(self.record.id, None)  # the page now shows them
        st.session_state[ALIVE] = True
        if self.wrote:
            st.rerun()
        show_flash(self.notices)


def _carried_over(door: Door) -> Record:
    """The record moved to the shipped bank's version, with a line saying what moved; for a
    door that may only read, moved for this page only (nothing is stored)."""
    notices = upgrade(engine(), door, bank())
    for notice in notices:
        flash(notice.key, level="warning", **notice.params)
    return read_as_current(bank(), load(engine(), door))


def _changed(record_id: int, key: str, save: Save, what: str, valid: Callable[[Any], bool]) -> None:
    """A widget's callback: write its new value with the revision the page showed (or the one
    this session last stored the value at, if that is newer)."""
    shown = st.session_state.get(SHOWN, {}).get(record_id)
    own: dict[str, int] = st.session_state.setdefault(OWN, {}).setdefault(record_id, {})
    base = max(shown, own[key]) if shown is not None and key in own else shown
    value = st.session_state[key]
    if valid(value):  # else a label from another language: the page sets it back
        resync: set[str] = st.session_state.setdefault(RESYNC, set())
        unsaved: dict[tuple[int, str], Any] = st.session_state.setdefault(UNSAVED, {})
        stored = write(
            lambda: save(value, base),
            what=what,
            refused=lambda exc: _set_back(resync, key, exc),
            unsaved=lambda: unsaved.__setitem__((record_id, key), value),
        )
        if stored is not None:
            own[key] = stored
            unsaved.pop((record_id, key), None)


def _set_back(resync: set[str], key: str, refusal: RecordError) -> None:
    """Show what is stored again after a refusal, except text over its limit (kept to shorten)."""
    if not isinstance(refusal, TooLong):
        resync.add(key)


def _revision(typed: str, default: int) -> int:
    try:
        return int(typed)
    except ValueError:
        return default
