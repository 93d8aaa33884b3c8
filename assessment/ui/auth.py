"""Sign-in with `st.login` (OpenID Connect): who is signed in, and the buttons to sign in and out.

Streamlit does the OpenID Connect exchange and keeps the identity in a signed cookie; the app
reads `st.user` once per run and makes a `User` of its verified e-mail address. Without an
`[auth]` section in the secrets nobody is signed in and the app runs on private links alone.
"""

from __future__ import annotations

import logging
import threading

import streamlit as st

from assessment.workspace.identity import User, user_from_claims

from .context import auth_configured, tr

log = logging.getLogger(__name__)

LOGGED = "_signed_in_tag"
"""Session: the tag of the user whose sign-in this session has logged."""
_run = threading.local()


def begin_run() -> None:
    """Read who is signed in once for this run (app.py calls it first)."""
    _run.user = _read()
    _run.read = True


def user() -> User | None:
    """The signed-in user, or None (signed out, sign-in not set up, or no usable address)."""
    return _run.user if getattr(_run, "read", False) else _read()


def signed_in_without_address() -> bool:
    """Signed in, but the provider gave no verified e-mail address the app can use."""
    return auth_configured() and bool(st.user.get("is_logged_in")) and user() is None


def _read() -> User | None:
    if not auth_configured() or not st.user.get("is_logged_in"):
        return None
    found = user_from_claims(st.user.to_dict())
    tag = found.tag if found else "-"
    if st.session_state.get(LOGGED) != tag:
        st.session_state[LOGGED] = tag
        if found is None:
            log.warning("signed in without a verified e-mail address: the workspace stays closed")
        else:
            log.info("signed in: %s", found.tag)
    return found


def login_button(key: str, *, primary: bool = False) -> None:
    """A button that starts the sign-in (a return value, so it also works after a restart)."""
    if st.button(tr("wsp.auth.login"), key=key, type="primary" if primary else "secondary"):
        st.login()


def logout_button(key: str) -> None:
    if st.button(tr("wsp.auth.logout"), key=key):
        current = user()
        log.info("signed out: %s", current.tag if current else "-")
        st.session_state.pop(LOGGED, None)
        st.logout()
