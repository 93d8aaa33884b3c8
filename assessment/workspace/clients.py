"""A signed-in user's clients: the municipalities they work for, each with its assessments and
workshops over time, and the assessments colleagues let them into.

An assessment begun while signed in belongs to the user's client for its municipality and has
no private link: only the owner and those it is shared with open it. One begun on a private
link can be added to the workspace by whoever has the link; the link keeps working. Deleting a
client deletes everything that belongs to it, and the log says what and by whom.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..models import Bank, Lang, Municipality, Respondent, Response
from ..records import (
    Door,
    Record,
    RecordError,
    assessment_values,
    digest,
    import_response,
    load_many,
    now,
)
from ..store import upsert
from ..store.schema import assessments, clients, workshops
from .doors import owned, reachable
from .identity import User

log = logging.getLogger(__name__)


class AlreadyOwned(RecordError):
    """Someone else has this assessment in their workspace."""

    key = "error.workspace.already_owned"


class NoSuchClient(RecordError):
    """Not one of the user's clients (or already deleted)."""

    key = "error.workspace.no_client"


@dataclass(frozen=True)
class Listed:
    """One assessment as the workspace lists it."""

    record: Record
    role: str
    """'owner', 'editor' or 'viewer'."""
    round_number: int
    """1 for a first assessment, 2 for the round started from it, and so on."""


@dataclass(frozen=True)
class WorkshopRow:
    id: int
    title: str
    date: dt.date
    status: str


@dataclass(frozen=True)
class Client:
    id: int
    municipality: Municipality
    assessments: list[Listed] = field(default_factory=list)
    """Oldest first."""
    workshops: list[WorkshopRow] = field(default_factory=list)


@dataclass(frozen=True)
class Workspace:
    clients: list[Client]
    """By municipality name."""
    shared: list[Listed]
    """Assessments of other people's clients this user was let into, oldest first."""


def client_id(
    conn: sa.Connection, user: User, municipality: Municipality, stamp: dt.datetime
) -> int:
    """The user's client for this municipality, made if it is new (one statement, so two
    windows adding the same municipality make one client)."""
    insert = upsert(conn, clients).values(
        owner_email=user.email,
        municipality_code=municipality.code,
        municipality_name=municipality.name,
        created_at=stamp,
    )
    conn.execute(insert.on_conflict_do_nothing(index_elements=["owner_email", "municipality_code"]))
    found = conn.scalar(
        sa.select(clients.c.id).where(
            clients.c.owner_email == user.email, clients.c.municipality_code == municipality.code
        )
    )
    assert found is not None  # noqa: S101 - inserted or already there, in this transaction
    return int(found)


def create_owned(
    engine: Engine,
    bank: Bank,
    municipality: Municipality,
    user: User,
    *,
    language: Lang = "da",
    respondent: Respondent | None = None,
) -> int:
    """A new, empty assessment in the user's client for `municipality`; no private link."""
    stamp = now()
    with engine.begin() as conn:
        owner = client_id(conn, user, municipality, stamp)
        values = assessment_values(
            bank, municipality, kind="solo", language=language, stamp=stamp, respondent=respondent
        )
        made = conn.execute(
            sa.insert(assessments).values(**values, client_id=owner).returning(assessments.c.id)
        ).scalar_one()
    log.info("assessment %s created in client %s by %s", made, owner, user.tag)
    return int(made)


def import_owned(engine: Engine, bank: Bank, response: Response, user: User) -> int:
    """An uploaded answers file as a new assessment in the user's client, without a private
    link (like any assessment begun signed in)."""
    token = import_response(engine, bank, response)
    with engine.begin() as conn:
        owner = client_id(conn, user, response.municipality, now())
        made = conn.execute(
            sa.update(assessments)
            .where(assessments.c.token_hash == digest(token))
            .values(token_hash=None, client_id=owner)
            .returning(assessments.c.id)
        ).scalar_one()
    log.info("imported assessment %s put in client %s by %s", made, owner, user.tag)
    return int(made)


def claimable(user: User) -> sa.ColumnElement[bool]:
    """What `claim` may put in the user's workspace: what is theirs already, or an assessment
    that lives on its private link alone (in nobody's workspace, not a workshop's). An editor
    or viewer a colleague let in never becomes its owner this way."""
    link_only = sa.and_(
        assessments.c.kind == "solo",
        assessments.c.token_hash.is_not(None),
        assessments.c.client_id.is_(None),
        assessments.c.workshop_id.is_(None),
    )
    return sa.or_(owned(user), link_only)


def claim(engine: Engine, door: Door, user: User) -> int:
    """Put an assessment the door opens (a private link) in the user's workspace; the link keeps
    working. AlreadyOwned if it is in someone else's (or belongs to a workshop). An opt-in to
    share with peers made on the link alone is dropped: only a signed-in user opts in."""
    with engine.begin() as conn:
        row = conn.execute(
            sa.select(
                assessments.c.id, assessments.c.municipality_code, assessments.c.municipality_name
            ).where(door.condition(writing=True), claimable(user))
        ).first()
        if row is None:
            if conn.scalar(sa.select(assessments.c.id).where(door.condition(writing=True))):
                raise AlreadyOwned
            raise door.refusal(conn)
        mine = conn.scalar(
            sa.select(assessments.c.id).where(assessments.c.id == row.id, owned(user))
        )
        if mine is not None:
            return int(row.id)
        municipality = Municipality(code=row.municipality_code, name=row.municipality_name)
        owner = client_id(conn, user, municipality, now())
        claimed = conn.execute(
            sa.update(assessments)
            .where(assessments.c.id == row.id, claimable(user), assessments.c.client_id.is_(None))
            .values(client_id=owner, share_peers=False)  # an opt-in is a signed-in user's
            .returning(assessments.c.id)
        ).first()
        if claimed is None:
            raise AlreadyOwned
    log.info("assessment %s added to client %s by %s", row.id, owner, user.tag)
    return int(row.id)


def workspace(engine: Engine, user: User) -> Workspace:
    """Everything the user's workspace lists, read in one snapshot."""
    with engine.connect() as conn:
        mine = conn.execute(sa.select(clients).where(clients.c.owner_email == user.email)).all()
        owned_ids = [r.id for r in mine]
        rooms = conn.execute(
            sa.select(workshops)
            .where(workshops.c.client_id.in_(owned_ids))
            .order_by(workshops.c.date, workshops.c.id)
        ).all()
        rows = conn.execute(
            sa.select(
                assessments.c.id,
                assessments.c.client_id,
                assessments.c.workshop_id,
                assessments.c.previous_id,
            )
            .where(reachable(user, writing=False))
            .order_by(assessments.c.created_at, assessments.c.id)
        ).all()
        editable = set(
            conn.scalars(sa.select(assessments.c.id).where(reachable(user, writing=True)))
        )
        records = load_many(conn, [r.id for r in rows])
    room_client = {w.id: w.client_id for w in rooms}
    previous = {r.id: r.previous_id for r in rows}
    by_client: dict[int, list[Listed]] = {cid: [] for cid in owned_ids}
    shared: list[Listed] = []
    for r in rows:
        owner = r.client_id if r.client_id in by_client else room_client.get(r.workshop_id)
        role = "owner" if owner is not None else "editor" if r.id in editable else "viewer"
        listed = Listed(records[r.id], role, _round_number(r.id, previous))
        (by_client[owner] if owner is not None else shared).append(listed)
    listed_clients = [
        Client(
            c.id,
            Municipality(code=c.municipality_code, name=c.municipality_name),
            by_client[c.id],
            [WorkshopRow(w.id, w.title, w.date, w.status) for w in rooms if w.client_id == c.id],
        )
        for c in mine
    ]
    listed_clients.sort(key=lambda c: c.municipality.name.lower())
    return Workspace(clients=listed_clients, shared=shared)


def _round_number(assessment_id: int, previous: dict[int, int | None]) -> int:
    """How many rounds lead to this one that the user can see (a chain never loops: a round
    points only to one made before it)."""
    number, at = 1, previous.get(assessment_id)
    while at is not None and at in previous:
        number, at = number + 1, previous[at]
    return number


@dataclass(frozen=True)
class Deleted:
    municipality: Municipality
    assessments: int
    workshops: int


def delete_client(engine: Engine, user: User, client: int) -> Deleted:
    """Delete one of the user's clients with every assessment, workshop, answer, note, plan and
    share that belongs to it (the foreign keys cascade). Logged with what went."""
    with engine.begin() as conn:
        row = conn.execute(  # a write first: SQLite takes its lock before the counts are read
            sa.update(clients)
            .where(clients.c.id == client, clients.c.owner_email == user.email)
            .values(municipality_name=clients.c.municipality_name)
            .returning(clients.c.municipality_code, clients.c.municipality_name)
        ).first()
        if row is None:
            raise NoSuchClient

        def count(table: sa.Table) -> int:
            where = table.c.client_id == client
            return int(conn.scalar(sa.select(sa.func.count()).select_from(table).where(where)) or 0)

        gone = Deleted(Municipality(code=row[0], name=row[1]), count(assessments), count(workshops))
        conn.execute(sa.delete(clients).where(clients.c.id == client))
    log.warning(
        "client %s (municipality %s) deleted by %s with %s assessment(s) and %s workshop(s)",
        client,
        gone.municipality.code,
        user.tag,
        gone.assessments,
        gone.workshops,
    )
    return gone
