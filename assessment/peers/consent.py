"""Opting in: an assessment shares its area levels with peers only while someone who may change
it says so, and stops at once when they say no. Only levels leave the assessment: no answer,
note, name or plan, and they are shown only as a distribution (`distribution`)."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..models import Bank
from ..records import Door, load_many
from ..scoring import score
from ..store.schema import assessments
from ..workspace.doors import OPENABLE
from ..workspace.rounds import as_current
from .distribution import SharedLevels

log = logging.getLogger(__name__)


def set_sharing(engine: Engine, door: Door, share: bool) -> bool:
    """Share the assessment's levels with peers, or stop sharing them; returns `share`."""
    with engine.begin() as conn:
        found = conn.execute(
            sa.update(assessments)
            .where(door.condition(writing=True))
            .values(share_peers=share)
            .returning(assessments.c.id)
        ).first()
        if found is None:
            raise door.refusal(conn)
    log.info(
        "assessment %s %s its levels with peers", found.id, "shares" if share else "stopped sharing"
    )


def shared_levels(engine: Engine, bank: Bank) -> list[SharedLevels]:
    """Every municipality's latest shared round of this bank, latest first, as levels only."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(assessments.c.id, assessments.c.municipality_code)
            .where(
                assessments.c.share_peers.is_(True),
                assessments.c.kind.in_(OPENABLE),
                assessments.c.bank_id == bank.id,
            )
            .order_by(assessments.c.updated_at.desc(), assessments.c.id.desc())
        ).all()
        latest: dict[int, int] = {}
        for r in rows:
            latest.setdefault(r.municipality_code, r.id)
        records = load_many(conn, list(latest.values()))
    shared = []
    for code, assessment_id in latest.items():
        card = score(bank, as_current(bank, records[assessment_id].response))
        levels = {d.dimension_id: d.level for d in card.dimensions}
        shared.append(SharedLevels(code, levels, card.overall))
    return shared
