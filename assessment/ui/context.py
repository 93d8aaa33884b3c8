"""What every page shares: the bank, the database, the language and the app's address.

The language lives in the URL (`?lang=en`), bound to the sidebar's switch, so a refresh or a
reconnect keeps it and a language switch changes nothing else.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import streamlit as st
from sqlalchemy.engine import Engine
from streamlit.errors import StreamlitSecretNotFoundError

from assessment.bank import load_bank
from assessment.i18n import t
from assessment.models import LANGS, Bank, Lang
from assessment.store import database_url, make_engine

log = logging.getLogger(__name__)

LANG = "lang"
"""The query parameter that holds the language (absent: Danish)."""
DAY_FORMAT: dict[Lang, str] = {"da": "DD.MM.YYYY", "en": "D MMM YYYY"}
"""Dates in tables as each language writes them (the moment.js patterns of st.column_config)."""


class ConfigurationError(Exception):
    """The deployment is set up wrongly; the log says how, the user gets one line."""


@st.cache_resource
def bank() -> Bank:
    """The shipped bank, loaded and validated once per server process."""
    return load_bank()


@st.cache_resource
def settle_heap() -> None:
    """Once per server process, after the first run has imported every library and loaded the
    bank: move what is alive to the permanent generation (`gc.freeze`). A full collection then
    scans only what runs make, not pandas, Altair and the bank: without it, about one rerun in
    ten of a workspace with 120 assessments took 240 ms instead of 80
    (benchmarks/bench_workspace.py)."""
    gc.collect()
    gc.freeze()
    log.info("heap settled: %d objects frozen", gc.get_freeze_count())


_run = threading.local()
"""What one script run reads often; Streamlit runs each script run in a thread of its own."""


def begin_run() -> None:
    """Read the language once for this run (app.py calls it first); pages call `lang()` a
    hundred times per run, and reading the URL each time is most of a rerun's overhead."""
    _run.lang = _url_lang()
    _run.auth = None


def lang() -> Lang:
    """The page's language: the URL's, else Danish."""
    return getattr(_run, "lang", None) or _url_lang()


def _url_lang() -> Lang:
    value = st.query_params.get(LANG)
    return value if value in LANGS else "da"


def tr(key: str, **params: object) -> str:
    """`i18n.t` in the page's language."""
    return t(key, lang(), **params)


def base_url() -> str:
    """The app's root address as the browser sees it (links to any page start from it)."""
    parts = urlsplit(st.context.url or "")
    root = str(st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{parts.scheme}://{parts.netloc}/{root + '/' if root else ''}"


def _secrets() -> dict[str, Any]:
    """Streamlit secrets, or nothing when the deployment has no secrets file. A secrets file
    that exists but cannot be read stops the app: falling back to a local SQLite file would
    split a deployment's data without anyone noticing."""
    try:
        return dict(st.secrets)
    except StreamlitSecretNotFoundError as exc:
        files = [Path(p) for p in st.get_option("secrets.files")]
        if any(p.exists() for p in files):
            log.error("the secrets file cannot be read, so the app will not start: %s", exc)
            raise ConfigurationError from exc
        return {}


def auth_configured() -> bool:
    """Whether sign-in is set up: an `[auth]` section in the secrets. Without one the app runs
    on private links alone and needs no set-up. Broken secrets: no (the page's database says
    why in one line). Read once per run: without a secrets file each read looks for one."""
    known = getattr(_run, "auth", None)
    if known is None:
        try:
            section = _secrets().get("auth")
        except ConfigurationError:
            section = None
        known = _run.auth = isinstance(section, Mapping) and bool(section)
    return known


@st.cache_resource
def engine() -> Engine:
    """SQLite under SOMEMODENHED_DATA_DIR (default ./data), or the URL in DATABASE_URL."""
    url = database_url(os.environ, _secrets())
    data_dir = Path(os.environ.get("SOMEMODENHED_DATA_DIR", "data"))
    made = make_engine(url, data_dir=data_dir)
    if url is None:
        log.info("storage: SQLite file %s (no DATABASE_URL set)", made.url.database)
    else:
        log.info(
            "storage: %s database %s on %s",
            made.dialect.name,
            made.url.database,
            made.url.host or "localhost",
        )
    return made
