"""What the shared screen shows, read in a handful of small queries so the presenter view can
ask every second: the room's state, how many have joined and answered, and for the question (or
area) on screen its counts, the rounds before a re-vote, the agreed answer and approved notes.

Names reach the screen only when the facilitator turned them on; otherwise every name is left
out here, before any page could show one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..models import Bank, Choice
from ..records import AccessDenied, FacilitatorKey, digest
from ..store.schema import assessment_answers, assessments, participants, workshops
from .consensus import check_bank
from .model import RoomState, Workshop, room_from_row, workshop_from_row
from .names import room_names, shown_name
from .notes import shown_notes
from .rounds import Counts, earlier_rounds, question_counts


@dataclass(frozen=True)
class OnScreen:
    """One question as the screen shows it."""

    question_id: str
    counts: Counts
    earlier: tuple[Counts, ...]
    """Its counts when each re-vote began, oldest first (empty: never re-voted)."""
    agreed: Choice
    """The room's decision (None: not decided yet)."""
    notes: tuple[tuple[str, str], ...]
    """Approved notes as (name, text); the name (»Mette (2)« for namesakes) is empty unless
    names are shown."""
    voters: dict[str, tuple[str, ...]]
    """Names per choice ("0"–"4", "dont_know"), told apart like the roster's, only when names
    are shown."""


@dataclass(frozen=True)
class Screen:
    workshop: Workshop
    room: RoomState
    participants: int
    finished: int
    """Participants who said they are done."""
    questions: tuple[OnScreen, ...]
    """The question on screen, or the area's questions; empty in the lobby."""
    complete: int
    """Participants who answered every question on screen."""


def screen(engine: Engine, bank: Bank, token: str) -> Screen:
    """The screen a presenter link opens (read only), or AccessDenied."""
    return _screen(engine, bank, workshops.c.presenter_token_hash == digest(token))


def facilitator_screen(engine: Engine, bank: Bank, key: FacilitatorKey) -> Screen:
    """The same screen for the facilitator's own window."""
    return _screen(engine, bank, key.workshop_condition())


def step_questions(bank: Bank, step: str | None) -> list[str]:
    """The questions a step puts on screen: one question, an area's, or none (the lobby)."""
    if step is None:
        return []
    if step in bank.questions_by_id():
        return [step]
    return [q.id for q in bank.dimension(step).questions]


def _screen(engine: Engine, bank: Bank, condition: sa.ColumnElement[bool]) -> Screen:
    p, a = participants.c, assessment_answers.c
    with engine.connect() as conn:
        row = conn.execute(sa.select(workshops).where(condition)).first()
        if row is None:
            raise AccessDenied
        workshop, room = workshop_from_row(row), room_from_row(row)
        check_bank(workshop, bank)
        joined, finished = conn.execute(
            sa.select(sa.func.count(), sa.func.count(p.finished_at)).where(
                p.workshop_id == workshop.id
            )
        ).one()
        ids = step_questions(bank, room.step)
        if not ids:
            return Screen(workshop, room, joined, finished, (), 0)
        counts = question_counts(conn, workshop.id, ids)
        agreed = _agreed(conn, workshop.id, ids)
        named = room_names(conn, workshop.id) if room.show_names else None  # read once
        notes = shown_notes(conn, workshop.id, ids, named)
        voters = _voters(conn, workshop.id, ids, named) if named is not None else {}
        complete = conn.scalar(
            sa.select(sa.func.count()).select_from(
                sa.select(p.id)
                .join(assessment_answers, a.assessment_id == p.assessment_id)
                .where(p.workshop_id == workshop.id, a.question_id.in_(ids), a.choice.is_not(None))
                .group_by(p.id)
                .having(sa.func.count() == len(ids))
                .subquery()
            )
        )
        shown = tuple(
            OnScreen(
                question_id=qid,
                counts=counts[qid],
                earlier=tuple(earlier_rounds(conn, workshop.id, qid)) if len(ids) == 1 else (),
                agreed=agreed.get(qid),
                notes=tuple((name, text) for q, name, text in notes if q == qid),
                voters=voters.get(qid, {}),
            )
            for qid in ids
        )
    return Screen(workshop, room, joined, finished, shown, complete or 0)


def _agreed(conn: sa.Connection, workshop_id: int, ids: list[str]) -> dict[str, Choice]:
    a, s = assessment_answers.c, assessments.c
    rows = conn.execute(
        sa.select(a.question_id, a.choice, a.level)
        .join(assessments, s.id == a.assessment_id)
        .where(s.workshop_id == workshop_id, s.kind == "consensus", a.question_id.in_(ids))
        .where(a.choice.is_not(None))
    )
    return {r.question_id: r.level if r.choice == "level" else r.choice for r in rows}


def _voters(
    conn: sa.Connection, workshop_id: int, ids: list[str], named: Mapping[int, tuple[str, int]]
) -> dict[str, dict[str, tuple[str, ...]]]:
    """Named participants per choice of each question, as lists name them (»Mette (2)«, from
    `named`); anonymous ones are not listed."""
    a, p = assessment_answers.c, participants.c
    rows = conn.execute(
        sa.select(a.question_id, a.choice, a.level, p.id)
        .join(participants, p.assessment_id == a.assessment_id)
        .where(p.workshop_id == workshop_id, a.question_id.in_(ids), a.choice.is_not(None))
        .where(p.name != "")
        .order_by(p.id)
    )
    found: dict[str, dict[str, list[str]]] = {}
    for r in rows:
        slot = str(r.level) if r.choice == "level" else r.choice
        found.setdefault(r.question_id, {}).setdefault(slot, []).append(shown_name(*named[r.id]))
    return {q: {k: tuple(v) for k, v in by.items()} for q, by in found.items()}
