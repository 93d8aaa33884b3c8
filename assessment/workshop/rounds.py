"""How a question stands in the room, and re-votes: the counts before a re-vote are kept, the
participants answer the question again, and the shared screen shows the two side by side.

Only counts are kept of an earlier round, never who said what: that is all "before and after"
needs, and the less a workshop stores about people the less there is to protect.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..models import LEVELS, Bank
from ..records import FacilitatorKey, now
from ..store.schema import (
    assessment_answers,
    assessments,
    participants,
    workshop_rounds,
    workshops,
)
from .pacing import change

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Counts:
    """What the room answered to one question: people per level 0–4, "don't know" and "not
    applicable"."""

    levels: tuple[int, ...] = (0,) * len(LEVELS)
    dont_know: int = 0
    not_applicable: int = 0

    @property
    def answered(self) -> int:
        return sum(self.levels) + self.dont_know + self.not_applicable


def question_counts(
    conn: sa.Connection, workshop_id: int, question_ids: Iterable[str]
) -> dict[str, Counts]:
    """The counts of each question in one query (a question nobody answered: all zero)."""
    a, p = assessment_answers.c, participants.c
    wanted = list(question_ids)
    rows = conn.execute(
        sa.select(a.question_id, a.choice, a.level, sa.func.count())
        .join(participants, p.assessment_id == a.assessment_id)
        .where(p.workshop_id == workshop_id, a.question_id.in_(wanted), a.choice.is_not(None))
        .group_by(a.question_id, a.choice, a.level)
    ).all()
    tallies: dict[str, list[int]] = {qid: [0] * (len(LEVELS) + 2) for qid in wanted}
    for qid, choice, level, count in rows:
        slot = level if choice == "level" else len(LEVELS) + (choice == "not_applicable")
        tallies[qid][slot] += count
    return {
        qid: Counts(tuple(t[: len(LEVELS)]), t[len(LEVELS)], t[len(LEVELS) + 1])
        for qid, t in tallies.items()
    }


def earlier_rounds(conn: sa.Connection, workshop_id: int, question_id: str) -> list[Counts]:
    """The question's counts at the start of each re-vote, oldest first."""
    r = workshop_rounds.c
    rows = conn.execute(
        sa.select(r.levels, r.dont_know, r.not_applicable)
        .where(r.workshop_id == workshop_id, r.question_id == question_id)
        .order_by(r.round)
    )
    return [Counts(tuple(int(n) for n in row.levels), row.dont_know, row.not_applicable)
            for row in rows]  # fmt: skip


def start_revote(
    engine: Engine, bank: Bank, key: FacilitatorKey, question_id: str, *, base: int | None
) -> int:
    """Keep the question's counts as a finished round, take everyone's choice on it back (their
    notes stay), and put the room on that question, paced, results hidden. One transaction: a
    re-vote is either started completely or not at all. Returns the room's new revision."""
    if question_id not in bank.questions_by_id():
        raise ValueError(f"unknown question {question_id!r}")
    values = {"mode": "paced", "pace": "question", "step": question_id, "revealed": False}
    stamp = now()
    with engine.begin() as conn:
        revision = change(engine, key, values, base=base, what=f"re-vote {question_id}", conn=conn)
        workshop_id = conn.execute(
            sa.select(workshops.c.id).where(key.workshop_condition())
        ).scalar_one()
        counts = question_counts(conn, workshop_id, [question_id])[question_id]
        r = workshop_rounds.c
        done = conn.scalar(
            sa.select(sa.func.count()).where(
                r.workshop_id == workshop_id, r.question_id == question_id
            )
        )
        conn.execute(
            sa.insert(workshop_rounds).values(
                workshop_id=workshop_id,
                question_id=question_id,
                round=done + 1,
                levels=list(counts.levels),
                dont_know=counts.dont_know,
                not_applicable=counts.not_applicable,
                created_at=stamp,
            )
        )
        cleared = _take_back(conn, workshop_id, question_id, stamp)
    log.info(
        "workshop %s: re-vote %s on %s, %s choices taken back",
        workshop_id, done + 2, question_id, cleared,
    )  # fmt: skip
    return revision


def _take_back(conn: sa.Connection, workshop_id: int, question_id: str, stamp: dt.datetime) -> int:
    """Clear each participant's choice on the question as a write to their own record (their
    revision goes up, so a page showing the old choice draws it afresh instead of storing it
    again)."""
    a, s, p = assessment_answers.c, assessments.c, participants.c
    chosen = (
        sa.select(a.assessment_id)
        .join(participants, p.assessment_id == a.assessment_id)
        .where(p.workshop_id == workshop_id, a.question_id == question_id, a.choice.is_not(None))
    )
    bumped = conn.execute(
        sa.update(assessments)
        .where(s.id.in_(chosen.scalar_subquery()))
        .values(revision=s.revision + 1, updated_at=stamp)
        .returning(s.id, s.revision)
    ).all()
    for row in bumped:
        conn.execute(
            sa.update(assessment_answers)
            .where(a.assessment_id == row.id, a.question_id == question_id)
            .values(choice=None, level=None, level_rev=row.revision, updated_at=stamp)
        )
    return len(bumped)
