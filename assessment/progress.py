"""Progress between rounds: what the app's progress page and the PDF's progress page both show.

The levels of every round (for the radar with the rounds overlaid), the change per area and per
question from the round before to this one, the questions that rose and fell the most, and the
plan actions done since the round before began. Pure: rounds in, a `Progress` out.

"Done since the round before began" is an action whose status is done now and which did not come
into the round before as done already: a round remembers the status each action was carried over
with. "Now" is this round's own status once someone changed it here (so an action reopened in
this round is not done); while it is still the status it was carried over with, a later change
in the round before counts (someone marked it done there afterwards).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .bank_links import FIND_OUT
from .i18n import t
from .models import Bank, Choice, Lang, Response
from .scoring import score

TOP = 3
"""How many questions "most improved" and "most fallen" name."""


@dataclass(frozen=True)
class RoundInput:
    """One round as progress reads it (already in the current bank's terms)."""

    response: Response
    carried: frozenset[str] = frozenset()
    carried_status: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RoundLevels:
    day: dt.date
    levels: dict[str, float | None]
    """Per area, in bank order; None: no question of the area has a level."""
    overall: float | None


@dataclass(frozen=True)
class Change:
    """One area's (or the overall) level in the round before and now."""

    id: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 2)


@dataclass(frozen=True)
class QuestionChange:
    question_id: str
    dimension_id: str
    before: Choice
    after: Choice
    carried: bool
    """The answer now is the one carried over, not yet confirmed."""

    @property
    def delta(self) -> int | None:
        if isinstance(self.before, int) and isinstance(self.after, int):
            return self.after - self.before
        return None


@dataclass(frozen=True)
class Progress:
    rounds: list[RoundLevels]
    """Oldest first; the last is the round shown."""
    overall: Change
    areas: list[Change]
    questions: list[QuestionChange]
    """Every question of the bank, in bank order."""
    improved: list[QuestionChange]
    """The largest rises, largest first (at most TOP)."""
    fallen: list[QuestionChange]
    """The largest falls, largest first (at most TOP)."""
    done: list[str]
    """Plan actions done since the round before began, by id."""
    unconfirmed: int
    """Answers of this round still as carried over: the change may be understated."""


def progress(bank: Bank, rounds: Sequence[RoundInput]) -> Progress | None:
    """Progress up to the last of `rounds` (oldest first); None for a first round."""
    if len(rounds) < 2:
        return None
    cards = [score(bank, r.response) for r in rounds]
    levels = [
        RoundLevels(
            r.response.created_at.date(),
            {d.dimension_id: d.level for d in card.dimensions},
            card.overall,
        )
        for r, card in zip(rounds, cards, strict=True)
    ]
    before, now = rounds[-2], rounds[-1]
    areas = [
        Change(d.id, levels[-2].levels[d.id], levels[-1].levels[d.id]) for d in bank.dimensions
    ]
    questions = [
        QuestionChange(
            q.id,
            dim.id,
            _choice(before.response, q.id),
            _choice(now.response, q.id),
            q.id in now.carried,
        )
        for dim in bank.dimensions
        for q in dim.questions
    ]
    moved = [(q.delta, i, q) for i, q in enumerate(questions) if q.delta]
    improved = [q for delta, _, q in sorted(moved, key=lambda m: (-m[0], m[1])) if delta > 0]
    fallen = [q for delta, _, q in sorted(moved, key=lambda m: (m[0], m[1])) if delta < 0]
    return Progress(
        rounds=levels,
        overall=Change("overall", levels[-2].overall, levels[-1].overall),
        areas=areas,
        questions=questions,
        improved=improved[:TOP],
        fallen=fallen[:TOP],
        done=_done(before, now),
        unconfirmed=len(now.carried),
    )


def _choice(response: Response, question_id: str) -> Choice:
    answer = response.answers.get(question_id)
    return answer.level if answer is not None else None


def _done(before: RoundInput, now: RoundInput) -> list[str]:
    """Actions done now that the round before did not receive as done, in a stable order."""
    ids = set(before.response.plan_edits) | set(now.response.plan_edits)
    done = []
    for action_id in sorted(ids):
        if _status_now(before, now, action_id) == "done" and (
            before.carried_status.get(action_id) != "done"
        ):
            done.append(action_id)
    return done


def _status_now(before: RoundInput, now: RoundInput, action_id: str) -> str | None:
    """This round's own status of an action; the round before's while this round still has
    only the status the action was carried over with (or none)."""
    mine = now.response.plan_edits.get(action_id)
    if mine is not None and mine.status != now.carried_status.get(action_id):
        return mine.status
    earlier = before.response.plan_edits.get(action_id)
    if earlier is not None:
        return earlier.status
    return mine.status if mine is not None else None


def action_title(bank: Bank, action_id: str, lang: Lang) -> str:
    """An action's title, also for a find-out step (which the planner makes, not the bank)."""
    question_id, _, last = action_id.rpartition(".")
    if last == FIND_OUT and question_id in bank.questions_by_id():
        question = bank.question(question_id)
        evidence = question.evidence or question.text
        return t(
            "plan.find_out.title", lang, question=question.title(lang), evidence=evidence(lang)
        )
    return bank.action(action_id).title(lang)
