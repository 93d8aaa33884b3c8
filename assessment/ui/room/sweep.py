"""Retention in practice: workshops past their last day are deleted when a workshop page is
opened, at most once an hour per app process (the deletion itself is one statement, and every
replica may run it)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assessment.workshop.retention import purge_expired

from ..context import engine

SWEEP_SECONDS = 3600


@st.cache_resource(ttl=SWEEP_SECONDS, show_spinner=False)
def _swept(hour: str) -> int:
    """Delete the expired workshops; cached so the hour's other page runs skip it."""
    return len(purge_expired(engine(), dt.datetime.now(dt.UTC).date()))


def sweep() -> None:
    _swept(dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H"))
