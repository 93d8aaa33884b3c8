"""The database engine: SQLite by default or PostgreSQL by URL, and migrations on start.

The default is a SQLite file under `data/` so a consultant's laptop needs no server; a
`DATABASE_URL` (environment or Streamlit secrets) points several app replicas at one
PostgreSQL. Answers arrive from many people at once, so every write is a single atomic
statement (an upsert) and never a read followed by a write.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

DEFAULT_FILE = "somemodenhed.sqlite3"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000
"""How long a SQLite writer queues for the lock (the busy timeout); a write takes a few ms."""

POOL_SIZE, POOL_OVERFLOW = 10, 30
"""PostgreSQL connections per app process: a room of 40 clicking at once runs 40 pages at once,
and SQLAlchemy's default of 5 + 10 made the others queue for a connection (p95 click to redrawn
page 460 ms against 105 ms, benchmarks/bench_room.py). Two replicas stay within PostgreSQL's
default of 100 connections."""

_MIGRATION_LOCK = 7_421_001
"""PostgreSQL advisory lock id that lets one replica migrate while the others wait."""


def database_url(
    env: Mapping[str, str] = os.environ, secrets: Mapping[str, Any] | None = None
) -> str | None:
    """The configured `DATABASE_URL`: the environment wins over Streamlit secrets; None if unset."""
    for source in (env, secrets or {}):
        value = source.get("DATABASE_URL")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def make_engine(url: str | None = None, data_dir: Path = Path("data")) -> Engine:
    """An engine whose schema is at the newest revision; no URL: a SQLite file in `data_dir`."""
    if url is None:
        url = f"sqlite:///{_private_sqlite_file(data_dir).resolve()}"
    parsed = sa.make_url(normalise_url(url))
    if parsed.get_backend_name() == "sqlite":
        engine = sa.create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = sa.create_engine(
            parsed, pool_pre_ping=True, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW
        )
    migrate(engine)
    return engine


def _private_sqlite_file(data_dir: Path) -> Path:
    """The SQLite file, readable by this user only: it holds people's names and notes.

    A new data folder is made 0700. The file is made (or set) 0600 before SQLite opens it;
    SQLite gives its -wal and -shm files the database file's mode, and ones left by an older
    version are set 0600 too. An existing folder keeps its mode: it may be one the user chose.
    """
    with contextlib.suppress(FileExistsError):  # made before, or by another worker just now
        data_dir.mkdir(mode=0o700, parents=True)
    path = data_dir / DEFAULT_FILE
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    for file in (path, data_dir / f"{DEFAULT_FILE}-wal", data_dir / f"{DEFAULT_FILE}-shm"):
        if file.exists():
            file.chmod(0o600)
    return path


def normalise_url(url: str) -> str:
    """Hosting services hand out `postgres://` or `postgresql://`; we ship psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    """WAL lets readers run beside the one writer; FULL sync makes a committed answer survive."""
    cur = dbapi_connection.cursor()
    _use_wal(cur)
    cur.execute("PRAGMA synchronous = FULL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _use_wal(cur: sqlite3.Cursor) -> None:
    """WAL is kept in the file, so this is a no-op after the first start. On a brand-new file
    several workers may race to switch, and SQLite then says "locked" at once instead of
    waiting for the busy timeout: so wait here."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def alembic_config(connection: sa.Connection, script_location: Path = MIGRATIONS_DIR) -> Config:
    """An Alembic config built in code (no alembic.ini) that migrates over `connection`."""
    config = Config()
    config.set_main_option("script_location", str(script_location))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine, script_location: Path = MIGRATIONS_DIR) -> None:
    """Bring the schema to the newest revision in one transaction, one process at a time."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            _migrate_sqlite(conn, script_location)
            return
        if engine.dialect.name == "postgresql":
            conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_MIGRATION_LOCK)))
        command.upgrade(alembic_config(conn, script_location), "head")
        conn.commit()


def _migrate_sqlite(conn: sa.Connection, script_location: Path) -> None:
    """SQLite alters a table by copying it and dropping the old one; with foreign keys on, that
    drop would cascade and delete every participant and answer. So: keys off (possible only
    outside a transaction), migrate under the write lock, check the keys, keys back on."""
    conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
    conn.commit()
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # take the write lock before reading
        command.upgrade(alembic_config(conn, script_location), "head")
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
        if broken is not None:
            raise RuntimeError(f"a migration broke a foreign key: {tuple(broken)}")
        conn.commit()
    finally:
        conn.rollback()
        conn.exec_driver_sql("PRAGMA foreign_keys = ON")
        conn.commit()


def upsert(engine: Engine | sa.Connection, table: sa.Table) -> Any:
    """The dialect's INSERT that supports `on_conflict_do_update` (SQLite or PostgreSQL)."""
    name = engine.dialect.name
    if name == "sqlite":
        return sqlite.insert(table)
    if name == "postgresql":
        return postgresql.insert(table)
    raise NotImplementedError(f"upserts need SQLite or PostgreSQL, not {name}")
