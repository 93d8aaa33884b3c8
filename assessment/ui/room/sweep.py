"""Retention in practice: workshops past their last day, and failed-join counts older than a
day, are deleted by the first workshop page opened in each hour of the clock, per app process
(the deletion is one transaction, and every replica may run it). A day begins at midnight in
Denmark, which is the start of an hour, so the first page opened on a day after a workshop's
last day always sweeps."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import streamlit as st

from assessment.workshop.retention import purge_expired

from ..context import engine

SWEEP_SECONDS = 3600
DENMARK = ZoneInfo("Europe/Copenhagen")
"""Whose calendar a workshop's last day is on."""


@st.cache_resource(ttl=SWEEP_SECONDS, show_spinner=False)
def _swept(hour: str) -> int:
    """Delete the expired workshops; cached so the hour's other page runs skip it."""
    return len(purge_expired(engine(), dt.datetime.now(DENMARK).date()))


def sweep() -> None:
    _swept(dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H"))
