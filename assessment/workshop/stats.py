"""The facilitator's live view: who is answering, where the room disagrees, and its spread.

Loading takes one query per table (workshop, participants, answers) whatever the room's size;
`summarise` is pure, so every number on the dashboard is testable without a database.

Choices, so the room sees the same numbers the report would:
- A question's *median* is over the levels given; "don't know" is counted apart, never as 0.
- *Disagreement* is the interquartile range (Q3 − Q1, inclusive quartiles) of the levels: it
  ignores one lone outlier, which a facilitator can ask about by name anyway; ties are broken
  by the full range (max − min). Questions are listed most disputed first.
- The *suggested* consensus is the median rounded down: with the room split between two
  levels, the lower is the one the room can show evidence for, and the discussion can lift it.
  "Don't know" is suggested only when nobody gave a level.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..models import LEVELS, Answer, Bank, DimensionSpread, Response, RoomSpread
from ..records import AccessDenied, FacilitatorKey
from ..scoring import score
from ..store.schema import assessment_answers, assessments, participants, workshops
from .consensus import check_bank
from .rooms import Workshop, workshop_from_row


@dataclass(frozen=True)
class Person:
    """A participant as the facilitator sees them; `number` is their place in joining order."""

    id: int
    number: int
    name: str
    joined_at: dt.datetime
    last_seen: dt.datetime


@dataclass(frozen=True)
class Progress:
    person: Person
    answered: int
    total: int


@dataclass(frozen=True)
class QuestionSpread:
    question_id: str
    dimension_id: str
    counts: tuple[int, ...]
    """How many chose each level 0–4."""
    dont_know: int
    median: float | None
    iqr: float | None
    range: int | None
    suggested: Answer | None
    """The prefill for consensus (median rounded down); None if nobody answered."""
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Dashboard:
    workshop: Workshop
    participants: list[Progress]
    questions: list[QuestionSpread]
    """Most disputed first; questions nobody answered last, in bank order."""
    room: RoomSpread
    room_response: Response
    """The suggested answers as a Response, for the radar chart and as the consensus prefill."""


def dashboard(engine: Engine, bank: Bank, key: FacilitatorKey) -> Dashboard:
    """Load a workshop's participants and answers in three queries and summarise them."""
    p, a, s = participants.c, assessment_answers.c, assessments.c
    with engine.connect() as conn:
        row = conn.execute(sa.select(workshops).where(key.workshop_condition())).first()
        if row is None:
            raise AccessDenied
        ws = workshop_from_row(row)
        check_bank(ws, bank)
        people = conn.execute(
            sa.select(p.id, p.assessment_id, p.name, p.joined_at, s.updated_at)
            .join(assessments, s.id == p.assessment_id)
            .where(p.workshop_id == ws.id)
            .order_by(p.id)
        ).all()
        rows = conn.execute(
            sa.select(p.id, a.question_id, a.choice, a.level, a.note)
            .join(participants, p.assessment_id == a.assessment_id)
            .where(p.workshop_id == ws.id)
        ).all()
    by_person: dict[int, dict[str, Answer]] = defaultdict(dict)
    for r in rows:
        by_person[r.id][r.question_id] = Answer(
            level=r.level if r.choice == "level" else r.choice, note=r.note
        )
    persons = [Person(r.id, i, r.name, r.joined_at, r.updated_at) for i, r in enumerate(people, 1)]
    return summarise(bank, ws, persons, by_person)


def summarise(
    bank: Bank,
    workshop: Workshop,
    people: Sequence[Person],
    answers_by_person: Mapping[int, Mapping[str, Answer]],
    targets: Mapping[str, float] | None = None,
) -> Dashboard:
    """Progress per person, spread per question and dimension, and the room's medians."""
    questions = bank.questions_by_id()
    own = [
        {q: a for q, a in answers_by_person.get(p.id, {}).items() if q in questions and a.chosen}
        for p in people
    ]
    progress = [
        Progress(p, len(given), len(questions)) for p, given in zip(people, own, strict=True)
    ]
    spreads = [
        _question_spread(qid, dim.id, [given[qid] for given in own if qid in given])
        for dim in bank.dimensions
        for qid in (q.id for q in dim.questions)
    ]
    room_response = workshop.response(
        {s.question_id: s.suggested for s in spreads if s.suggested is not None},
        updated_at=max([workshop.created_at, *(p.last_seen for p in people)]),
        targets=targets,
    )
    return Dashboard(
        workshop=workshop,
        participants=progress,
        questions=sorted(spreads, key=_disagreement),
        room=_room_spread(bank, room_response, own),
        room_response=room_response,
    )


def _question_spread(qid: str, dim_id: str, given: list[Answer]) -> QuestionSpread:
    levels = sorted(a.value for a in given if a.value is not None)
    dont_know = sum(a.dont_know for a in given)
    if levels:
        median: float | None = statistics.median(levels)
        iqr: float | None = _iqr(levels)
        spread: int | None = levels[-1] - levels[0]
        suggested: Answer | None = Answer(level=math.floor(median))
    else:
        median = iqr = spread = None
        suggested = Answer(level="dont_know") if dont_know else None
    return QuestionSpread(
        question_id=qid,
        dimension_id=dim_id,
        counts=tuple(levels.count(lvl) for lvl in LEVELS),
        dont_know=dont_know,
        median=median,
        iqr=iqr,
        range=spread,
        suggested=suggested,
        notes=tuple(a.note for a in given if a.note.strip()),
    )


def _iqr(levels: list[int]) -> float:
    if len(levels) < 2:
        return 0.0
    q1, _, q3 = statistics.quantiles(levels, n=4, method="inclusive")
    return q3 - q1


def _disagreement(s: QuestionSpread) -> tuple[bool, float, int]:
    """Sort key: answered questions first, then the widest interquartile range, then range."""
    if s.iqr is None or s.range is None:
        return (True, 0.0, 0)
    return (False, -s.iqr, -s.range)


def _room_spread(bank: Bank, template: Response, own: Sequence[Mapping[str, Answer]]) -> RoomSpread:
    """Score each person's answers alone and take min, median and max per dimension."""
    levels: dict[str, list[float]] = defaultdict(list)
    for given in own:
        card = score(bank, template.model_copy(update={"answers": dict(given)}))
        for d in card.dimensions:
            if d.level is not None:
                levels[d.dimension_id].append(d.level)
    return RoomSpread(
        participants=len(own),
        dimensions=[
            DimensionSpread(
                dimension_id=dim.id,
                participants=len(levels[dim.id]),
                minimum=min(levels[dim.id]),
                median=statistics.median(levels[dim.id]),
                maximum=max(levels[dim.id]),
            )
            for dim in bank.dimensions
            if levels[dim.id]
        ],
    )
