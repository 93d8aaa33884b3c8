"""The keys to a room: the facilitator's key, the presenter link derived from it, and rotating
both when a key has been seen by someone it should not have been.

The presenter link is an HMAC of the facilitator's token: whoever holds the key can always show
the link again (only hashes are stored, so nothing else could), while the link itself gives away
nothing of the key and opens only the read-only shared screen.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..records import AccessDenied, FacilitatorKey, digest, new_token
from ..store.schema import workshops

log = logging.getLogger(__name__)

_PRESENTER = b"somemodenhed presenter link"


def presenter_token(key: FacilitatorKey) -> str:
    """The presenter link's token for a facilitator key (the same key, the same link)."""
    mac = hmac.new(key.token.encode(), _PRESENTER, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode()


def ensure_presenter_link(engine: Engine, key: FacilitatorKey) -> None:
    """Store the presenter link of a workshop made before presenter links existed."""
    with engine.begin() as conn:
        conn.execute(
            sa.update(workshops)
            .where(key.workshop_condition(), workshops.c.presenter_token_hash.is_(None))
            .values(presenter_token_hash=digest(presenter_token(key)))
        )


def rotate_key(engine: Engine, key: FacilitatorKey) -> FacilitatorKey:
    """A new facilitator key (and so a new presenter link); the old ones open nothing from now."""
    token = new_token()
    presenter = presenter_token(FacilitatorKey(key.join_code, token))
    with engine.begin() as conn:
        changed = conn.execute(
            sa.update(workshops)
            .where(key.workshop_condition())
            .values(facilitator_token_hash=digest(token), presenter_token_hash=digest(presenter))
            .returning(workshops.c.id, workshops.c.join_code)
        ).first()
    if changed is None:
        raise AccessDenied
    log.info("workshop %s: facilitator key and presenter link replaced", changed.id)
    return FacilitatorKey(join_code=changed.join_code, token=token)
