"""Rounds over time: the next round starts from the last one, and every round knows the ones
before it.

"Start next round" copies the last round's answers and notes (marked as carried over until
someone confirms them), its targets and its plan with each action's status, and remembers the
status each action came with, so what is done since then can be told apart. An answer from an
older question bank comes through the bank's own migration (`migration.migrate_answers`);
what the bank no longer asks is left behind.

Whoever may change a round may start the next one, once: a round that already has a next one
is not a starting point again (the rounds of a municipality are one line, never a fork), so
the next round is started from the latest. It belongs to the same client and is shared with
the same colleagues; one started from a private link gets a private link of its own. Whoever
opens a round also sees the rounds before it: it began as a copy of them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..migration import migrate_answers
from ..models import Bank, Response
from ..planning import plannable_ids
from ..progress import Progress, RoundInput, progress
from ..records import (
    AccessDenied,
    Door,
    Record,
    RecordError,
    assessment_values,
    digest,
    fill,
    load_many,
    new_token,
    now,
)
from ..store.schema import assessments, grants
from .doors import owning_client

log = logging.getLogger(__name__)

MAX_ROUNDS = 30
"""How far back a history reads: thirty yearly rounds is more than any strategy lives."""


@dataclass(frozen=True)
class NextRound:
    id: int
    token: str | None = None
    """The new round's private link, if the last one was opened by one (shown once)."""


def as_current(bank: Bank, response: Response) -> Response:
    """A round as `bank` reads it: moved from an older bank version by the bank's migration,
    and without answers, targets or plan edits the bank does not know."""
    moved, _ = migrate_answers(bank, response)
    questions, actions = bank.questions_by_id(), plannable_ids(bank)
    dims = {d.id for d in bank.dimensions}
    return moved.model_copy(
        update={
            "bank_version": bank.version,
            "answers": {q: a for q, a in moved.answers.items() if q in questions},
            "targets": {d: v for d, v in moved.targets.items() if d in dims},
            "plan_edits": {a: e for a, e in moved.plan_edits.items() if a in actions},
        }
    )


class NotLatest(RecordError):
    """A next round was already started from this round."""

    key = "error.workspace.not_latest"


def has_next(conn: sa.Connection, assessment_id: int) -> bool:
    """Whether a next round was started from this one (whoever may see it)."""
    found = conn.scalar(
        sa.select(assessments.c.id).where(assessments.c.previous_id == assessment_id).limit(1)
    )
    return found is not None


def is_latest(engine: Engine, door: Door) -> bool:
    """Whether the round the door opens has no next round yet (where "start next round" is
    offered); AccessDenied if the door opens nothing."""
    with engine.connect() as conn:
        found = conn.scalar(sa.select(assessments.c.id).where(door.condition(writing=False)))
        if found is None:
            raise AccessDenied
        return not has_next(conn, found)


def start_next_round(
    engine: Engine, door: Door, bank: Bank, *, private_link: bool = False
) -> NextRound:
    """Store the next round of the assessment the door opens (it must let the caller write);
    NotLatest if a next round was started from it already."""
    token = new_token() if private_link else None
    stamp = now()
    with engine.begin() as conn:
        source_id = conn.scalar(  # a write first: it locks the round (SQLite: the database)
            sa.update(assessments)
            .where(door.condition(writing=True))
            .values(id=assessments.c.id)
            .returning(assessments.c.id)
        )
        if source_id is None:
            raise door.refusal(conn)
        if has_next(conn, source_id):  # a new statement: it sees a round committed meanwhile
            log.info("next round of assessment %s refused: it has one", source_id)
            raise NotLatest
        source = load_many(conn, [source_id])[source_id]
        owner = conn.scalar(sa.select(owning_client()).where(assessments.c.id == source_id))
        start = as_current(bank, source.response)
        values = assessment_values(
            bank,
            start.municipality,
            kind="solo",
            language=start.language,
            stamp=stamp,
            respondent=start.respondent,
            token_hash=digest(token) if token else None,
        )
        values.update(
            profile=start.profile.model_dump(mode="json"),
            revision=1,
            details_rev=1,
            profile_rev=1,
            client_id=owner,
            previous_id=source.id,
        )
        made = conn.execute(
            sa.insert(assessments).values(**values).returning(assessments.c.id)
        ).scalar_one()
        fill(conn, made, start, revision=1, stamp=stamp, carried=True)
        _copy_grants(conn, source.id, made, stamp)
    log.info("round %s started from assessment %s", made, source.id)
    return NextRound(int(made), token)


def _copy_grants(conn: sa.Connection, source: int, target: int, stamp: dt.datetime) -> None:
    """The colleagues let into the last round are let into the next one, in the same role."""
    conn.execute(
        sa.insert(grants).from_select(
            ["assessment_id", "email", "role", "created_at"],
            sa.select(
                sa.literal(target),
                grants.c.email,
                grants.c.role,
                sa.literal(stamp, grants.c.created_at.type),
            ).where(grants.c.assessment_id == source),
        )
    )


def progress_of(bank: Bank, rounds: Sequence[Record]) -> Progress | None:
    """Progress up to the last of `rounds` (a `history`), each read as `bank` reads it: what
    the progress page and the PDF both show."""
    return progress(
        bank,
        [
            RoundInput(as_current(bank, r.response), r.round.carried, r.round.carried_status)
            for r in rounds
        ],
    )


def history(engine: Engine, door: Door) -> list[Record]:
    """The round the door opens and the rounds before it, oldest first (at most MAX_ROUNDS)."""
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(assessments.c.id, assessments.c.previous_id).where(
                door.condition(writing=False)
            )
        ).first()
        if row is None:
            raise AccessDenied
        chain = [row.id]
        previous = row.previous_id
        while previous is not None and len(chain) < MAX_ROUNDS:
            chain.append(previous)
            previous = conn.scalar(
                sa.select(assessments.c.previous_id).where(assessments.c.id == previous)
            )
        records = load_many(conn, chain)
    return [records[i] for i in reversed(chain) if i in records]
