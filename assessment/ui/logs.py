"""The operator's log: one line per decision an operator would ask about, never a secret."""

from __future__ import annotations

import logging
import os

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure() -> None:
    """Send the app's records to stderr beside Streamlit's own, once per process.

    The level comes from SOMEMODENHED_LOG_LEVEL (default INFO)."""
    ours = logging.getLogger("assessment")
    if ours.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    ours.addHandler(handler)
    ours.setLevel(os.environ.get("SOMEMODENHED_LOG_LEVEL", "INFO").upper())
