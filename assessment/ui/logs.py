"""The operator's log: one line per decision an operator would ask about, never a secret."""

from __future__ import annotations

import logging
import os

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure() -> None:
    """Send the app's records to stderr beside Streamlit's own, once per process.

    The level comes from SOMEMODENHED_LOG_LEVEL (default INFO)."""
    root = logging.getLogger("assessment")
    if root.handlers:
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(os.environ.get("SOMEMODENHED_LOG_LEVEL", "INFO").upper())
    root.propagate = False
