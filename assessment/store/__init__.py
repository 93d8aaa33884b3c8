"""Persistence: the engine (SQLite by default, PostgreSQL by URL), the tables and migrations."""

from .engine import (
    BUSY_TIMEOUT_MS,
    DEFAULT_FILE,
    MIGRATIONS_DIR,
    alembic_config,
    database_url,
    make_engine,
    migrate,
    normalise_url,
    upsert,
)
from .schema import UTCDateTime, metadata

__all__ = [
    "BUSY_TIMEOUT_MS",
    "DEFAULT_FILE",
    "MIGRATIONS_DIR",
    "UTCDateTime",
    "alembic_config",
    "database_url",
    "make_engine",
    "metadata",
    "migrate",
    "normalise_url",
    "upsert",
]
