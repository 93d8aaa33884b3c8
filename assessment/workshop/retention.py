"""How long a workshop is kept: until a date its facilitator sets (by default a month after
the workshop), then it is deleted with everything in it, and the join throttle's counts once
they are a day old. The app's workshop pages run the sweep (`ui.room.sweep`): the first one
opened in each hour of the clock, so the first opened on a day after a workshop's last day
deletes it. The facilitator can also delete a workshop at once (`consensus.delete_workshop`).
"""

from __future__ import annotations

import datetime as dt
import logging

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..records import AccessDenied, FacilitatorKey, now
from ..store.schema import workshops
from . import throttle

log = logging.getLogger(__name__)

KEEP_DAYS = (7, 30, 90, 365)
"""What the facilitator chooses from: days after the workshop's date."""
DEFAULT_DAYS = 30


def delete_after(day: dt.date, days: int | None = DEFAULT_DAYS) -> dt.date | None:
    """The last day a workshop held on `day` is kept (None: until it is deleted by hand)."""
    return None if days is None else day + dt.timedelta(days=days)


def set_retention(engine: Engine, key: FacilitatorKey, last_day: dt.date | None) -> None:
    """Keep the workshop until `last_day` (None: until the facilitator deletes it)."""
    with engine.begin() as conn:
        changed = conn.execute(
            sa.update(workshops)
            .where(key.workshop_condition())
            .values(delete_after=last_day)
            .returning(workshops.c.id)
        ).first()
    if changed is None:
        raise AccessDenied
    log.info("workshop %s is kept until %s", changed.id, last_day or "it is deleted")


def purge_expired(engine: Engine, today: dt.date, stamp: dt.datetime | None = None) -> list[int]:
    """Delete every workshop whose last day is before `today`, with all its data, and the
    failed-join counts older than a day before `stamp` (default: now); return the workshops'
    ids."""
    with engine.begin() as conn:
        gone = conn.execute(
            sa.delete(workshops)
            .where(workshops.c.delete_after < today)
            .returning(workshops.c.id)
        ).scalars().all()  # fmt: skip
        counts = throttle.forget_old(conn, stamp or now())
    for workshop_id in gone:
        log.info("workshop %s deleted with all its data: its retention period ended", workshop_id)
    if counts:
        log.info("%s failed-join counts older than a day deleted", counts)
    return list(gone)
