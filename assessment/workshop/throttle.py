"""Join attempts throttled per browser and per network address, with the counts in the
database so every replica of the app sees the same ones.

Only failed attempts count, and both a browser (its session: a tab or a scan of the QR code
opens a new one) and its network address are counted:
- a browser that types `DEVICE_FAILURES` wrong codes within `WINDOW` is refused, so one person's
  typos stop only that person, who can still open the link or QR code;
- an address is refused after `ADDRESS_FAILURES` within `WINDOW` or `ADDRESS_DAILY` within a
  day: a room of 60 behind one municipal address can each mistype once in the same ten minutes
  without locking anyone out, while guessing from one address stays hopeless (the odds are in
  the README, "Abuse").

Both are stored only as keyed hashes (HMAC-SHA-256 with a random key kept once per database,
`server_secrets`), so a hash cannot be turned back into an address by trying all of them
without the key. An IPv6 address is counted by its /64 network, which one household or office
gets whole. Old counts are deleted by the retention sweep (`retention.purge_expired`). Joins per
workshop are limited where the join is stored (`rooms.join_workshop`), as are its seats.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress
import logging
import math
import secrets
import weakref
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..records import RecordError, now
from ..store import upsert
from ..store.schema import join_throttle, server_secrets

log = logging.getLogger(__name__)

DEVICE_FAILURES = 10
"""Failed join attempts one browser session may make within `WINDOW`."""
ADDRESS_FAILURES = 60
"""Failed join attempts from one network address within `WINDOW`: one for each of a full
room's 60 seats."""
ADDRESS_DAILY = 200
"""Failed join attempts from one network address within `DAY`: a few full rooms' typos, and
what bounds guessing (200 codes a day out of 21⁶ ≈ 86 million)."""
WINDOW = dt.timedelta(minutes=10)
DAY = dt.timedelta(days=1)
BUCKET = dt.timedelta(minutes=1)
"""Failures are counted per minute and summed over the last `WINDOW` or `DAY` (sliding, so no
window boundary hands out a fresh allowance halfway through a burst)."""
KEEP = DAY
"""Counts older than this are no longer used; the retention sweep deletes them."""
KEY_NAME = "join-throttle"
"""The name of the throttle's key in `server_secrets`."""


@dataclass(frozen=True)
class Client:
    """Who is joining, as the throttle counts them: keyed hashes of the browser session and of
    the network address (`device_key`, `address_key`)."""

    device: str
    address: str


class TooManyAttempts(RecordError):
    """Too many wrong codes from this browser: wait, or open the join link or QR code (a new
    page is a new browser session)."""

    key = "error.workshop.throttled"

    def __init__(self, minutes: int) -> None:
        super().__init__(f"throttled for {minutes} minutes")
        self.params = {"minutes": minutes}


class NetworkThrottled(TooManyAttempts):
    """Too many wrong codes from this network address: everyone behind it waits."""

    key = "error.workshop.throttled_network"


class NetworkThrottledHours(TooManyAttempts):
    """The address used up its day's allowance: the wait is given in hours."""

    key = "error.workshop.throttled_network_hours"

    def __init__(self, minutes: int) -> None:
        super().__init__(minutes)
        self.params = {"hours": math.ceil(minutes / 60)}


_secrets: weakref.WeakKeyDictionary[Engine, bytes] = weakref.WeakKeyDictionary()


def secret(engine: Engine) -> bytes:
    """The database's throttle key: made once (the first replica to ask inserts it, the others'
    inserts do nothing), then read once per engine."""
    known = _secrets.get(engine)
    if known is not None:
        return known
    s = server_secrets.c
    made = upsert(engine, server_secrets).values(
        name=KEY_NAME, value=secrets.token_hex(32), created_at=now()
    )
    with engine.begin() as conn:
        conn.execute(made.on_conflict_do_nothing(index_elements=[s.name]))
        value = conn.scalar(sa.select(s.value).where(s.name == KEY_NAME))
    key = _secrets[engine] = bytes.fromhex(str(value))
    return key


def _keyed(engine: Engine, kind: str, value: str) -> str:
    message = f"somemodenhed join {kind} {value}".encode()
    return hmac.new(secret(engine), message, hashlib.sha256).hexdigest()


def client_address(forwarded: str | None, peer: str | None) -> str | None:
    """The client's address behind a proxy: the last entry of a forwarding header such as
    `X-Forwarded-For`, which is the one the deployment's own proxy added (the entries before it
    are whatever the client sent, and a guesser would send a new one each time); the
    connection's own address without a header, or when the last entry is not an address."""
    last = forwarded.rsplit(",", 1)[-1].strip() if forwarded else ""
    try:
        return str(ipaddress.ip_address(last))
    except ValueError:
        return peer


def network(address: str | None) -> str:
    """What of an address is counted: an IPv4 address, an IPv6 address's /64 network, or
    `local` when there is none (a local run counts as one client)."""
    if not address:
        return "local"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def address_key(engine: Engine, address: str | None) -> str:
    """What is stored of a network address: a keyed hash of it (of its /64 for IPv6)."""
    return _keyed(engine, "address", network(address))


def device_key(engine: Engine, session: str) -> str:
    """What is stored of a browser session: a keyed hash of its random id."""
    return _keyed(engine, "device", session)


def bucket_start(stamp: dt.datetime) -> dt.datetime:
    """The start of the minute `stamp` falls in."""
    size = int(BUCKET.total_seconds())
    return dt.datetime.fromtimestamp(int(stamp.timestamp()) // size * size, dt.UTC)


def _count(
    conn: sa.Connection, client: str, stamp: dt.datetime, span: dt.timedelta
) -> tuple[int, dt.datetime | None]:
    """Failures of one client within `span` before `stamp`, and the oldest minute counted."""
    t = join_throttle.c
    failures, oldest = conn.execute(
        sa.select(sa.func.sum(t.failures), sa.func.min(t.window_start)).where(
            t.client == client, t.window_start > stamp - span
        )
    ).one()
    return int(failures or 0), oldest


def _minutes_left(oldest: dt.datetime | None, span: dt.timedelta, stamp: dt.datetime) -> int:
    """Minutes until the oldest counted minute is out of `span` (at least one)."""
    if oldest is None:
        return 1
    left = (oldest.replace(tzinfo=dt.UTC) + span - stamp).total_seconds()
    return max(1, math.ceil(left / 60))


def check(conn: sa.Connection, client: Client, stamp: dt.datetime) -> None:
    """Refuse at once, without looking at the code, when the address or the browser has used up
    its allowance (the address first: then the link or QR code would not help either)."""
    for span, limit in ((DAY, ADDRESS_DAILY), (WINDOW, ADDRESS_FAILURES)):
        failures, oldest = _count(conn, client.address, stamp, span)
        if failures >= limit:
            log.warning("join throttled for address %s", client.address[:12])
            minutes = _minutes_left(oldest, span, stamp)
            raise (NetworkThrottledHours if minutes > 90 else NetworkThrottled)(minutes)
    failures, oldest = _count(conn, client.device, stamp, WINDOW)
    if failures >= DEVICE_FAILURES:
        log.info("join throttled for browser %s", client.device[:12])
        raise TooManyAttempts(_minutes_left(oldest, WINDOW, stamp))


def record_failure(engine: Engine, client: Client, stamp: dt.datetime) -> None:
    """Count one failed attempt against the browser and the address (an atomic upsert each)."""
    t = join_throttle.c
    with engine.begin() as conn:
        for who in (client.device, client.address):
            stmt = upsert(engine, join_throttle).values(
                client=who, window_start=bucket_start(stamp), failures=1
            )
            conn.execute(
                stmt.on_conflict_do_update(
                    index_elements=[t.client, t.window_start], set_={"failures": t.failures + 1}
                )
            )
    log.info("failed join attempt from browser %s", client.device[:12])


def forget_old(conn: sa.Connection, stamp: dt.datetime) -> int:
    """Delete the counts that are no longer used (older than `KEEP`); returns how many."""
    gone = conn.execute(sa.delete(join_throttle).where(join_throttle.c.window_start < stamp - KEEP))
    return int(gone.rowcount or 0)
