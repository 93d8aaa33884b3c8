"""Letting colleagues into an assessment by e-mail address, as editor or viewer, and out again.
A workshop is shared through its agreed answers (results, plan and PDF); running the room stays
with whoever holds the facilitator's key.

Only the owner of the assessment's client shares and revokes (an editor changes answers, not
who sees them). A share takes effect the next time the colleague signs in with that address;
nothing is sent to them, so the owner tells them where to look.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..records import AccessDenied, RecordError, now
from ..store import upsert
from ..store.schema import ROLES, assessments, grants
from .doors import OPENABLE, owned
from .identity import User, parse_email, tag

log = logging.getLogger(__name__)


class SelfShare(RecordError):
    """The owner already sees everything in their own workspace."""

    key = "error.workspace.self_share"


@dataclass(frozen=True)
class Grant:
    email: str
    role: str


def _owned(user: User, assessment_id: int) -> sa.ColumnElement[bool]:
    return sa.and_(assessments.c.id == assessment_id, assessments.c.kind.in_(OPENABLE), owned(user))


def share(engine: Engine, user: User, assessment_id: int, email: str, role: str) -> Grant:
    """Let `email` into the user's assessment as `role`, or change the role they have."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}, not {role!r}")
    address = parse_email(email)
    if address == user.email:
        raise SelfShare
    with engine.begin() as conn:
        found = conn.execute(  # a write first: SQLite takes its lock before anything is read
            sa.update(assessments)
            .where(_owned(user, assessment_id))
            .values(id=assessments.c.id)
            .returning(assessments.c.id)
        ).first()
        if found is None:
            raise AccessDenied
        insert = upsert(conn, grants).values(
            assessment_id=assessment_id, email=address, role=role, created_at=now()
        )
        conn.execute(
            insert.on_conflict_do_update(
                index_elements=["assessment_id", "email"], set_={"role": role}
            )
        )
    log.info(
        "assessment %s shared with %s as %s by %s", assessment_id, tag(address), role, user.tag
    )
    return Grant(address, role)


def revoke(engine: Engine, user: User, assessment_id: int, email: str) -> bool:
    """Take `email` out of the user's assessment; False if they were not in it."""
    address = email.strip().lower()
    with engine.begin() as conn:
        owned = sa.select(assessments.c.id).where(_owned(user, assessment_id))
        gone = conn.execute(
            sa.delete(grants)
            .where(grants.c.assessment_id.in_(owned), grants.c.email == address)
            .returning(grants.c.id)
        ).first()
    if gone is not None:
        log.info(
            "assessment %s no longer shared with %s (by %s)", assessment_id, tag(address), user.tag
        )
    return gone is not None


def grants_of(engine: Engine, user: User, assessment_id: int) -> list[Grant]:
    """Who the user's assessment is shared with (nothing for an assessment not theirs)."""
    with engine.connect() as conn:
        owned = sa.select(assessments.c.id).where(_owned(user, assessment_id))
        rows = conn.execute(
            sa.select(grants.c.email, grants.c.role)
            .where(grants.c.assessment_id.in_(owned))
            .order_by(grants.c.email)
        ).all()
    return [Grant(r.email, r.role) for r in rows]
