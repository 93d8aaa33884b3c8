"""The database engine for the app: one per server process, from DATABASE_URL or a SQLite file."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st
from sqlalchemy.engine import Engine

from assessment.store import database_url, make_engine


def _secrets() -> dict[str, str]:
    """Streamlit secrets, or nothing when the deployment has no secrets file."""
    try:
        return dict(st.secrets)
    except Exception:
        return {}


@st.cache_resource
def engine() -> Engine:
    """SQLite under SOMEMODENHED_DATA_DIR (default ./data), or the URL in DATABASE_URL."""
    data_dir = Path(os.environ.get("SOMEMODENHED_DATA_DIR", "data"))
    return make_engine(database_url(os.environ, _secrets()), data_dir=data_dir)
