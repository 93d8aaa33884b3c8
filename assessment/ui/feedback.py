"""What a user sees when something goes wrong: one line in their language, never a traceback,
and what they typed stays where it is.

`write` runs one store write and turns each refusal into a message for the next run of the
page; `boundary` is the app's last line of defence around a page.

While the database does not answer, a session tries one write per run: the callback's, or
the page's own when no callback ran. Every further write in that run is skipped (and counted as
not saved), so a click costs one busy timeout, not one per unsaved field. A page that cannot
even be read says so with a button, and asks the database again every few seconds by itself,
drawing the page again once it answers (a participant's phone, the shared screen).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import sqlalchemy as sa
import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from assessment.records import Conflict, RecordError

from .context import ConfigurationError, engine, tr
from .text import plain

log = logging.getLogger(__name__)

FLASH = "_flash"
DOWN = "_db_down"
"""Session: a write failed on the database in this run; set until the run ends (`end_run`)."""
PROBED = "_db_probed"
"""Session: a page that could not be read was drawn again at once because the database answered
a probe; until a page is drawn, only the timer tries again (no loop of runs)."""
DATABASE_DOWN = (
    sa.exc.OperationalError,
    sa.exc.InterfaceError,
    sa.exc.TimeoutError,
    sa.exc.DisconnectionError,
)
"""What the database not answering looks like (unreachable, restarting, locked, pool exhausted).
Any other database error is a bug: logged in full and shown as unexpected."""
RETRY_SECONDS = 3.0
"""How often a page that could not be read asks the database again."""
T = TypeVar("T")


def flash(key: str, *, level: str = "error", **params: object) -> None:
    """Queue a message (an i18n key) to show at the top of the page on this or the next run;
    the same message queued twice is shown once."""
    queued: dict[str, tuple[str, dict[str, object]]] = st.session_state.setdefault(FLASH, {})
    queued[key] = (level, params)


def show_flash(where: Any = st) -> None:
    """Show and forget the queued messages (as plain text: a parameter may be user text)."""
    for key, (level, params) in st.session_state.pop(FLASH, {}).items():
        show = {"error": where.error, "warning": where.warning, "success": where.success}
        show[level](tr(key, **{name: plain(str(v)) for name, v in params.items()}))


def write(
    action: Callable[[], T],
    *,
    what: str,
    conflict: Callable[[], None] | None = None,
    refused: Callable[[RecordError], None] | None = None,
    unsaved: Callable[[], None] | None = None,
) -> T | None:
    """Run one store write; on a refusal queue its message (and call `conflict` on a conflict,
    `refused` on any other refusal) and return None. `unsaved` is called when the database did
    not take the write, so the caller can keep what was typed for the next try."""
    if st.session_state.get(DOWN):
        flash("error.db.not_saved")
        if unsaved is not None:
            unsaved()
        return None
    try:
        return action()
    except Conflict:
        flash(Conflict.key, level="warning")
        if conflict is not None:
            conflict()
    except RecordError as exc:
        flash(exc.key, **exc.params)
        if refused is not None:
            refused(exc)
    except ValueError as exc:
        log.info("refused %s: %s", what, exc)
        flash("error.record.invalid")
    except DATABASE_DOWN as exc:
        log.warning("could not save %s: %s: %s", what, type(exc).__name__, exc)
        st.session_state[DOWN] = True
        flash("error.db.not_saved")
        if unsaved is not None:
            unsaved()
    except sa.exc.SQLAlchemyError:
        log.exception("could not save %s", what)
        flash("error.unexpected")
    return None


def end_run() -> None:
    """The run is over: the next click may try the database again."""
    st.session_state.pop(DOWN, None)


def fragment_run() -> bool:
    """Whether this run is a fragment's own (its timer or its widget), not the whole page's."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def boundary(page: Callable[[], None], *, whole_page: bool = True) -> None:
    """Run a page (or, with `whole_page` off, a live part of one); whatever escapes it is logged
    and shown as one line. While the database does not answer, the whole page offers a button
    and tries again by itself; a live part just tries again on its next tick."""
    try:
        page()
    except ConfigurationError:
        st.error(tr("error.config"))
    except DATABASE_DOWN as exc:
        log.error("the database does not answer: %s: %s", type(exc).__name__, exc)
        st.error(tr("error.db.unavailable"))
        if whole_page:
            st.caption(tr("error.db.retrying", seconds=round(RETRY_SECONDS)))
            st.button(tr("error.db.retry"), key="db.retry")  # a rerun; a refresh loses the session
            _until_back()
        return
    except Exception as exc:  # the last guard: logged in full, one line for the user
        log.exception("a page failed: %s", type(exc).__name__)
        st.error(tr("error.unexpected"))
        return
    if whole_page:
        st.session_state.pop(PROBED, None)


@st.fragment(run_every=RETRY_SECONDS)
def _until_back() -> None:
    """Ask the database every few seconds; once it answers, draw the whole page again. Drawn
    with the page, it asks at once, but reruns the page at once only the first time, so a page
    that fails while the database answers does not loop."""
    if not fragment_run():
        if st.session_state.get(PROBED):
            return
        st.session_state[PROBED] = True
    try:
        with engine().connect() as conn:
            conn.execute(sa.select(1))
    except DATABASE_DOWN:
        return  # still down: the next tick asks again
    st.rerun()
