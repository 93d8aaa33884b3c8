"""Opting in: an assessment shares its area levels with peers only while a signed-in user who
may change it says so, and stops at once when anyone who may change it says no. Only levels
leave the assessment: no answer, note, name or plan, and they are shown only as a distribution
(`distribution`).

Only an assessment in a signed-in workspace counts (a client's own, or the agreed answers of a
client's workshop): a private link can be made by anyone for any municipality, a workspace
belongs to an address the sign-in provider vouches for, and the log names who opted in by
its pseudonym. Each municipality counts once: the workspace that has had it longest among
those sharing it (its client made first) speaks for it with its latest shared round, so
nobody can replace a municipality's levels by sharing under its name later.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..models import Bank
from ..records import Door, RecordError, load_many
from ..scoring import score
from ..store.schema import assessments, clients
from ..workspace.doors import OPENABLE, Member, owning_client
from ..workspace.identity import tag
from ..workspace.rounds import as_current
from .distribution import SharedLevels

log = logging.getLogger(__name__)


class SignInToShare(RecordError):
    """Only an assessment opened from a signed-in workspace may start sharing."""

    key = "error.peers.sign_in"


def _in_workspace() -> sa.ColumnElement[bool]:
    """Assessments a signed-in workspace owns."""
    return owning_client().is_not(None)


def set_sharing(engine: Engine, door: Door, share: bool) -> bool:
    """Share the assessment's levels with peers (a signed-in user on an assessment in a
    workspace: SignInToShare otherwise), or stop sharing them (anyone who may change it);
    returns `share`."""
    signed_in = isinstance(door, Member)
    allowed = _in_workspace() if signed_in else sa.false()
    with engine.begin() as conn:
        found = conn.execute(
            sa.update(assessments)
            .where(door.condition(writing=True), allowed if share else sa.true())
            .values(share_peers=share)
            .returning(assessments.c.id)
        ).first()
        if found is None:
            writable = conn.scalar(sa.select(assessments.c.id).where(door.condition(writing=True)))
            raise SignInToShare() if writable is not None else door.refusal(conn)
    who = door.user.tag if signed_in else "a link"  # a private link or a key; never an address
    log.info(
        "assessment %s %s its levels with peers (by %s)",
        found.id,
        "shares" if share else "stopped sharing",
        who,
    )
    return share


def shared_levels(engine: Engine, bank: Bank) -> list[SharedLevels]:
    """Every municipality's levels, as levels only: from the workspace that has had the
    municipality longest among those sharing it, its latest shared round of this bank."""
    client = owning_client().label("client_id")
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(assessments.c.id, assessments.c.municipality_code, client)
            .where(
                assessments.c.share_peers.is_(True),
                assessments.c.kind.in_(OPENABLE),
                assessments.c.bank_id == bank.id,
                client.is_not(None),
            )
            .order_by(assessments.c.updated_at.desc(), assessments.c.id.desc())
        ).all()
        speaker: dict[int, int] = {}  # municipality → its longest-standing sharing client
        for r in rows:
            code = r.municipality_code
            speaker[code] = min(r.client_id, speaker.get(code, r.client_id))
        latest: dict[int, int] = {}
        for r in rows:
            if r.client_id == speaker[r.municipality_code]:
                latest.setdefault(r.municipality_code, r.id)
        owners = dict(
            conn.execute(
                sa.select(clients.c.id, clients.c.owner_email).where(
                    clients.c.id.in_(speaker.values())
                )
            ).all()
        )
        records = load_many(conn, list(latest.values()))
    shared = []
    for code, assessment_id in latest.items():
        card = score(bank, as_current(bank, records[assessment_id].response))
        levels = {d.dimension_id: d.level for d in card.dimensions}
        shared.append(SharedLevels(code, levels, card.overall, tag(owners[speaker[code]])))
    return shared
