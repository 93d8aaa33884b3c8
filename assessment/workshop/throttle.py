"""Join attempts throttled per client, with the counts in the database so every replica of the
app sees the same ones.

A client is a hash of its network address (never the address itself), and only failed
attempts are counted: a room of 40 behind one municipal Wi-Fi joins in the same minute without
tripping anything, while guessing codes from one address stops after a few tries. Joins per
workshop are limited where the join is stored (`rooms.join_workshop`), as are its seats.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import math

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..records import RecordError
from ..store import upsert
from ..store.schema import join_throttle

log = logging.getLogger(__name__)

CLIENT_FAILURES = 10
"""Failed join attempts a client may make within `WINDOW` before every attempt is refused."""
WINDOW = dt.timedelta(minutes=10)
BUCKET = dt.timedelta(minutes=1)
"""Failures are counted per minute and summed over the last `WINDOW` (a sliding window, so no
window boundary hands out a fresh allowance halfway through a burst)."""
KEEP = dt.timedelta(days=1)
"""How long a client's counts are kept at most."""


class TooManyAttempts(RecordError):
    """Too many wrong codes from this client: wait until the oldest of them is out of date."""

    key = "error.workshop.throttled"

    def __init__(self, minutes: int) -> None:
        super().__init__(f"throttled for {minutes} minutes")
        self.params = {"minutes": minutes}


def client_key(address: str | None) -> str:
    """What is stored of a client: a hash of its address (a local one counts as one client)."""
    return hashlib.sha256(f"somemodenhed join client {address or 'local'}".encode()).hexdigest()


def bucket_start(stamp: dt.datetime) -> dt.datetime:
    """The start of the minute `stamp` falls in."""
    size = int(BUCKET.total_seconds())
    return dt.datetime.fromtimestamp(int(stamp.timestamp()) // size * size, dt.UTC)


def check(conn: sa.Connection, client: str, stamp: dt.datetime) -> None:
    """Refuse at once, without looking at the code, when the client has used up its window."""
    t = join_throttle.c
    failures, oldest = conn.execute(
        sa.select(sa.func.sum(t.failures), sa.func.min(t.window_start)).where(
            t.client == client, t.window_start > stamp - WINDOW
        )
    ).one()
    if failures is not None and failures >= CLIENT_FAILURES:
        left = (oldest.replace(tzinfo=dt.UTC) + WINDOW - stamp).total_seconds()
        log.info("join throttled for client %s", client[:12])
        raise TooManyAttempts(max(1, math.ceil(left / 60)))


def record_failure(engine: Engine, client: str, stamp: dt.datetime) -> int:
    """Count one failed attempt (one atomic upsert) and forget old counts; returns the count in
    this minute."""
    t = join_throttle.c
    stmt = upsert(engine, join_throttle).values(
        client=client, window_start=bucket_start(stamp), failures=1
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=[t.client, t.window_start], set_={"failures": t.failures + 1}
    ).returning(t.failures)
    with engine.begin() as conn:
        failures = int(conn.execute(stmt).scalar_one())
        conn.execute(sa.delete(join_throttle).where(t.window_start < stamp - KEEP))
    log.info("failed join attempt from client %s", client[:12])
    return failures
