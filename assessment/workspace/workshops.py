"""A signed-in user's workshops: put in the workspace by the facilitator's key (a workshop begun
signed in is put there at once), listed under its municipality, its agreed answers opened and
shared like any assessment, and the facilitator's page opened again without the old link.

Only hashes of keys are stored, so a lost facilitator link cannot be shown again: the owner
gets a new key instead (and with it a new presenter link), and the old ones open nothing.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..models import Municipality
from ..records import AccessDenied, FacilitatorKey, digest, new_token, now
from ..store.schema import clients, workshops
from ..workshop.access import presenter_token
from .clients import AlreadyOwned, client_id
from .doors import owned_clients
from .identity import User

log = logging.getLogger(__name__)


def claim_workshop(engine: Engine, key: FacilitatorKey, user: User) -> int:
    """Put a workshop its facilitator's key opens in the user's workspace: it is then listed
    under its municipality, its agreed answers open from there, and it goes with the client.
    The facilitator's page calls it for a workshop begun signed in, or on request;
    AlreadyOwned if someone else has it."""
    with engine.begin() as conn:
        row = conn.execute(
            sa.update(workshops)  # a write first: SQLite takes its lock before anything is read
            .where(key.workshop_condition())
            .values(status=workshops.c.status)
            .returning(
                workshops.c.id,
                workshops.c.client_id,
                workshops.c.municipality_code,
                workshops.c.municipality_name,
            )
        ).first()
        if row is None:
            raise AccessDenied
        municipality = Municipality(code=row.municipality_code, name=row.municipality_name)
        owner = client_id(conn, user, municipality, now())
        if row.client_id not in (None, owner):
            raise AlreadyOwned
        conn.execute(sa.update(workshops).where(workshops.c.id == row.id).values(client_id=owner))
    log.info("workshop %s added to client %s by %s", row.id, owner, user.tag)
    return int(row.id)


def in_workspace(engine: Engine, key: FacilitatorKey, user: User) -> bool:
    """Whether the workshop the key opens is in the user's workspace already."""
    with engine.connect() as conn:
        found = conn.scalar(
            sa.select(workshops.c.id)
            .join(clients, clients.c.id == workshops.c.client_id)
            .where(key.workshop_condition(), clients.c.owner_email == user.email)
        )
    return found is not None


def reissue_key(engine: Engine, user: User, workshop_id: int) -> FacilitatorKey:
    """A new facilitator key for one of the user's workshops, for when its link is lost; the
    old key and presenter link open nothing from now. AccessDenied if it is not theirs."""
    token = new_token()
    with engine.begin() as conn:
        row = conn.execute(
            sa.update(workshops)
            .where(workshops.c.id == workshop_id, workshops.c.client_id.in_(owned_clients(user)))
            .values(facilitator_token_hash=digest(token))
            .returning(workshops.c.join_code)
        ).first()
        if row is None:
            raise AccessDenied
        key = FacilitatorKey(join_code=row.join_code, token=token)
        conn.execute(
            sa.update(workshops)
            .where(workshops.c.id == workshop_id)
            .values(presenter_token_hash=digest(presenter_token(key)))
        )
    log.info("workshop %s: new facilitator key from the workspace of %s", workshop_id, user.tag)
    return key
