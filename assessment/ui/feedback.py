"""What a user sees when something goes wrong: one line in their language, never a traceback,
and what they typed stays where it is.

`write` runs one store write and turns each refusal into a message for the next run of the
page; `boundary` is the app's last line of defence around a page.

While the database does not answer, a session tries one write per run: the callback's, or
the page's own when no callback ran. Every further write in that run is skipped (and counted as
not saved), so a click costs one busy timeout, not one per unsaved field.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import sqlalchemy as sa
import streamlit as st

from assessment.records import Conflict, RecordError

from .context import ConfigurationError, tr
from .text import plain

log = logging.getLogger(__name__)

FLASH = "_flash"
DOWN = "_db_down"
"""Session: a write failed on the database in this run; set until the run ends (`end_run`)."""
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
    except sa.exc.SQLAlchemyError as exc:  # unreachable, locked, pool exhausted, timed out
        log.warning("could not save %s: %s: %s", what, type(exc).__name__, exc)
        st.session_state[DOWN] = True
        flash("error.db.not_saved")
        if unsaved is not None:
            unsaved()
    return None


def end_run() -> None:
    """The run is over: the next click may try the database again."""
    st.session_state.pop(DOWN, None)


def boundary(page: Callable[[], None]) -> None:
    """Run a page; whatever escapes it is logged in full and shown as one line."""
    try:
        page()
    except ConfigurationError:
        st.error(tr("error.config"))
    except sa.exc.SQLAlchemyError as exc:
        log.error("the database cannot be reached: %s: %s", type(exc).__name__, exc)
        st.error(tr("error.db.unavailable"))
        st.button(tr("error.db.retry"), key="db.retry")  # a rerun; a refresh would lose the session
    except Exception as exc:  # the last guard: logged in full, one line for the user
        log.exception("a page failed: %s", type(exc).__name__)
        st.error(tr("error.unexpected"))
