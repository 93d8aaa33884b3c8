"""The doors of a signed-in user: an assessment of one of their clients, or one a colleague let
them into. Checked inside each statement's SQL like every other door, so a page or a link with
another client's number opens nothing, and a viewer's write changes nothing."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from ..records import AccessDenied, RecordError
from ..store.schema import assessments, clients, grants, workshops
from .identity import User

OPENABLE = ("solo", "consensus")
"""Kinds a workspace opens: a municipality's own assessment and a workshop's agreed answers,
never one participant's."""


class ReadOnly(RecordError):
    """A viewer tried to change something."""

    key = "error.workspace.read_only"


def owned_clients(user: User) -> sa.Select[tuple[int]]:
    return sa.select(clients.c.id).where(clients.c.owner_email == user.email)


def owned_workshops(user: User) -> sa.Select[tuple[int]]:
    return sa.select(workshops.c.id).where(workshops.c.client_id.in_(owned_clients(user)))


def owned(user: User) -> sa.ColumnElement[bool]:
    """The assessments that are `user`'s own: their clients' and their workshops' agreed
    answers (only the owner shares them or deletes them)."""
    return sa.or_(
        assessments.c.client_id.in_(owned_clients(user)),
        assessments.c.workshop_id.in_(owned_workshops(user)),
    )


def reachable(user: User, *, writing: bool) -> sa.ColumnElement[bool]:
    """The assessments `user` may read (or, `writing`, change): their clients' own, the agreed
    answers of their clients' workshops, and those granted to them."""
    roles = ("editor",) if writing else ("editor", "viewer")
    granted = sa.select(grants.c.assessment_id).where(
        grants.c.email == user.email, grants.c.role.in_(roles)
    )
    return sa.and_(
        assessments.c.kind.in_(OPENABLE),
        sa.or_(owned(user), assessments.c.id.in_(granted)),
    )


@dataclass(frozen=True)
class Member:
    """A signed-in user on one assessment, by its number (`?id=` in the app's links)."""

    user: User
    assessment_id: int

    def condition(self, *, writing: bool) -> sa.ColumnElement[bool]:
        return sa.and_(
            assessments.c.id == self.assessment_id, reachable(self.user, writing=writing)
        )

    def refusal(self, conn: sa.Connection) -> RecordError:
        readable = conn.scalar(sa.select(assessments.c.id).where(self.condition(writing=False)))
        return ReadOnly() if readable is not None else AccessDenied()


def can_write(conn: sa.Connection, door: Member) -> bool:
    """Whether the door lets its user change the assessment (an owner or an editor)."""
    found = conn.scalar(sa.select(assessments.c.id).where(door.condition(writing=True)))
    return found is not None


def owning_client() -> sa.ColumnElement[int | None]:
    """The client an assessment belongs to: its own, or its workshop's (None: a link only)."""
    of_workshop = (
        sa.select(workshops.c.client_id)
        .where(workshops.c.id == assessments.c.workshop_id)
        .scalar_subquery()
    )
    return sa.func.coalesce(assessments.c.client_id, of_workshop)
