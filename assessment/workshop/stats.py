"""The facilitator's live view: who is answering, where the room disagrees, and its spread.

Loading takes one query per table (workshop, participants, answers) whatever the room's size;
`summarise` is pure, so every number on the dashboard is testable without a database.

Choices, so the room sees the same numbers the report would:
- A question's *median* is over the levels given; "don't know" is counted apart, never as 0,
  and "not applicable" is left out.
- The *split* is how far apart the two ends of the room are, ignoring a lone outlier: with
  n levels given, the k-th highest minus the k-th lowest, where k is 1 for up to three people
  and otherwise a fifth of the room, at least 2. A question is *disputed* when the split is 2
  levels or more: at least k people are two levels or more from k others. An adjacent split
  (1 against 2) or one person alone at 0 is not; the facilitator sees those in the full list.
- A question is *uncertain* when at least a third of those who answered it (at least 2) said
  "don't know": the room lacks the facts, which is a conversation of its own.
- Questions are listed most disputed first: disputed ones by split, interquartile range
  (Q3 − Q1, inclusive quartiles) and range; then uncertain ones, most "don't know" first; then
  the rest by interquartile range and range; questions nobody answered last, in bank order.
- The *suggested* consensus is the median rounded down: with the room split between two
  levels, the lower is the one the room can show evidence for, and the discussion can lift it.
  "Don't know" is suggested only when nobody gave a level. A suggestion is never a decision.
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

from ..models import (
    LEVELS,
    Answer,
    Bank,
    DimensionSpread,
    Lang,
    QuestionCounts,
    Response,
    RoomSpread,
)
from ..records import AccessDenied, FacilitatorKey
from ..scoring import score
from ..store.schema import assessment_answers, assessments, participants, workshops
from .consensus import check_bank
from .model import Workshop, workshop_from_row
from .names import label, numbers

DISPUTED_SPLIT = 2
"""Levels between the two ends of the room (lone outliers aside) that make a question disputed."""


@dataclass(frozen=True)
class Person:
    """A participant as the facilitator sees them; `number` is their place in joining order,
    `nth` tells apart people of the same name (0 when the name is unique)."""

    id: int
    number: int
    name: str
    joined_at: dt.datetime
    last_seen: dt.datetime
    nth: int = 0
    finished: bool = False

    def label(self, lang: Lang) -> str:
        """The name as lists show it: two Mettes become »Mette (1)« and »Mette (2)«, anonymous
        people »Anonym 1«, »Anonym 2« (numbered among the anonymous only)."""
        return label(self.name, self.nth, lang)


def people_of(rows: Sequence[tuple[int, str, dt.datetime, dt.datetime, bool]]) -> list[Person]:
    """People in joining order from (id, name, joined, last seen, finished), each told apart."""
    nths = numbers([name for _, name, *_ in rows])
    return [
        Person(pid, number, name, joined, last, nth, finished)
        for number, ((pid, name, joined, last, finished), nth) in enumerate(
            zip(rows, nths, strict=True), start=1
        )
    ]


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
    not_applicable: int
    median: float | None
    iqr: float | None
    range: int | None
    split: int | None
    """The k-th highest level minus the k-th lowest (see the module's docstring)."""
    suggested: Answer | None
    """The room's suggestion (median rounded down); None if nobody answered. Not a decision."""
    notes: tuple[str, ...]

    @property
    def answered(self) -> int:
        """People who gave a level or said "don't know" ("not applicable" aside)."""
        return sum(self.counts) + self.dont_know

    @property
    def disputed(self) -> bool:
        return self.split is not None and self.split >= DISPUTED_SPLIT

    @property
    def uncertain(self) -> bool:
        return self.dont_know >= max(2, math.ceil(self.answered / 3))

    @property
    def flagged(self) -> bool:
        return self.disputed or self.uncertain


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
            sa.select(p.id, p.name, p.joined_at, s.updated_at, p.finished_at.is_not(None))
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
    return summarise(bank, ws, people_of([tuple(r) for r in people]), by_person)


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
        question_spread(qid, dim.id, [given[qid] for given in own if qid in given])
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
        room=_room_spread(bank, room_response, own, spreads),
        room_response=room_response,
    )


def question_spread(qid: str, dim_id: str, given: list[Answer]) -> QuestionSpread:
    """One question's counts, median, spread, flags and suggestion from the answers given."""
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
        not_applicable=sum(a.not_applicable for a in given),
        median=median,
        iqr=iqr,
        range=spread,
        split=split(levels),
        suggested=suggested,
        notes=tuple(a.note for a in given if a.note.strip()),
    )


def split(levels: Sequence[int]) -> int | None:
    """The k-th highest minus the k-th lowest of the sorted `levels` (None: no levels)."""
    if not levels:
        return None
    k = 1 if len(levels) < 4 else max(2, math.ceil(len(levels) / 5))
    return levels[-k] - levels[k - 1]


def _iqr(levels: list[int]) -> float:
    if len(levels) < 2:
        return 0.0
    q1, _, q3 = statistics.quantiles(levels, n=4, method="inclusive")
    return q3 - q1


def _disagreement(s: QuestionSpread) -> tuple[int, float, float, int]:
    """Sort key: disputed (widest split first), uncertain (most "don't know" first), the rest
    (widest interquartile range first), unanswered; `sorted` keeps bank order within ties."""
    if s.disputed:
        return (0, -float(s.split or 0), -(s.iqr or 0.0), -(s.range or 0))
    if s.uncertain:
        return (1, -s.dont_know / max(1, s.answered), 0.0, 0)
    if s.iqr is None or s.range is None:
        return (3, 0.0, 0.0, 0)
    return (2, -s.iqr, -float(s.range), 0)


def _room_spread(
    bank: Bank,
    template: Response,
    own: Sequence[Mapping[str, Answer]],
    spreads: Sequence[QuestionSpread],
) -> RoomSpread:
    """Score each person's answers alone and take min, median and max per dimension; keep each
    question's counts (bank order) for the report."""
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
        questions=[
            QuestionCounts(
                question_id=s.question_id,
                levels=list(s.counts),
                dont_know=s.dont_know,
                not_applicable=s.not_applicable,
                disputed=s.disputed,
                uncertain=s.uncertain,
            )
            for s in spreads
        ],
    )
