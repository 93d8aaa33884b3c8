"""What a user sees when something goes wrong: one line in their language, never a traceback,
and what they typed stays where it is.

`write` runs one store write and turns each refusal into a message for the next run of the
page; `boundary` is the app's last line of defence around a page.
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
) -> T | None:
    """Run one store write; on a refusal queue its message (and call `conflict` on a conflict,
    `refused` on any other refusal) and return None."""
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
    except sa.exc.OperationalError as exc:
        log.warning("could not save %s: %s", what, exc.orig)
        flash("error.db.not_saved")
    return None


def boundary(page: Callable[[], None]) -> None:
    """Run a page; whatever escapes it is logged in full and shown as one line."""
    try:
        page()
    except ConfigurationError:
        st.error(tr("error.config"))
    except sa.exc.OperationalError as exc:
        log.error("the database cannot be reached: %s", exc.orig)
        st.error(tr("error.db.unavailable"))
    except Exception as exc:
        log.exception("a page failed: %s", type(exc).__name__)
        st.error(tr("error.unexpected"))
