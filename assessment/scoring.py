"""Score a response: a level per dimension and overall, with the evidence that is missing.

"Don't know" is neither zero nor hidden: it is left out of the mean and listed, so a
municipality that does not know whether it has a crisis plan is told to find out rather than
scored as having none. "Not applicable" is left out too, and listed apart.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from .models import MAX_LEVEL, Bank, DimensionScore, Maturity, Question, Response, Scorecard

CRITICAL_FLOOR = 2
"""A critical question answered below this level caps its dimension at this level."""

DEFAULT_TARGET = 3.0
"""Without a chosen target a dimension aims for 'Established' (see `default_target`)."""

SHOWN_DIGITS = 1
"""Levels are shown with one decimal; a level's name is that of the number shown, so 0.96
reads "1 · Sporadisk", never "1 · Fraværende"."""


def score(bank: Bank, response: Response) -> Scorecard:
    """Score every dimension of `bank` from `response`; pure and deterministic."""
    dims: list[DimensionScore] = []
    dont_know: list[str] = []
    not_applicable: list[str] = []
    unanswered: list[str] = []
    for dim in bank.dimensions:
        total_w = weighted = 0.0
        answered = dk = na = missing = 0
        capped_by: list[str] = []
        for q in dim.questions:
            ans = response.answers.get(q.id)
            if ans is None or not ans.chosen:
                missing += 1
                unanswered.append(q.id)
            elif ans.dont_know:
                dk += 1
                dont_know.append(q.id)
            elif ans.not_applicable:
                na += 1
                not_applicable.append(q.id)
            else:
                level = ans.value
                assert level is not None  # noqa: S101 - the other choices are handled above
                answered += 1
                total_w += q.weight
                weighted += q.weight * level
                if q.critical and level < CRITICAL_FLOOR:
                    capped_by.append(q.id)
        level = weighted / total_w if answered else None
        if level is not None and capped_by and level > CRITICAL_FLOOR:
            level = float(CRITICAL_FLOOR)
        else:
            capped_by = []  # only name a cap that changed the level
        level = round(level, 2) if level is not None else None
        target = response.targets.get(dim.id, default_target(level))
        dims.append(
            DimensionScore(
                dimension_id=dim.id,
                level=level,
                maturity=_named(bank, level),
                answered=answered,
                dont_know=dk,
                not_applicable=na,
                unanswered=missing,
                total=len(dim.questions),
                target=target,
                gap=round(max(0.0, target - (level or 0.0)), 2),
                capped_by=capped_by,
            )
        )
    scored = [(d, bank.dimension(d.dimension_id).weight) for d in dims if d.level is not None]
    overall = (
        round(sum(d.level * w for d, w in scored) / sum(w for _, w in scored), 2)  # type: ignore[operator]
        if scored
        else None
    )
    return Scorecard(
        bank_id=bank.id,
        dimensions=dims,
        overall=overall,
        overall_maturity=_named(bank, overall),
        dont_know=dont_know,
        not_applicable=not_applicable,
        unanswered=unanswered,
    )


def shown_level(level: float) -> float:
    """The level as people see it: one decimal, rounded half to even as `i18n.fmt_number`."""
    quantum = Decimal(1).scaleb(-SHOWN_DIGITS)
    return float(Decimal(str(level)).quantize(quantum, rounding=ROUND_HALF_EVEN))


def _named(bank: Bank, level: float | None) -> Maturity | None:
    return bank.maturity_of(shown_level(level)) if level is not None else None


def level_of(response: Response, question_id: str) -> int | None:
    """The level chosen for a question, or None (not answered, don't know, not applicable)."""
    answer = response.answers.get(question_id)
    return answer.value if answer is not None else None


def default_target(level: float | None) -> float:
    """A target a municipality can reach in 12 months: 'Established', or half a step up if there."""
    if level is None or level < DEFAULT_TARGET:
        return DEFAULT_TARGET
    return min(float(MAX_LEVEL), (int(level * 2) + 1) / 2)


def weakest(bank: Bank, response: Response, limit: int = 5) -> list[tuple[Question, int]]:
    """The lowest answered questions, heaviest first among equals: where to look first."""
    answered = [
        (q, level)
        for q in (q for d in bank.dimensions for q in d.questions)
        if (level := level_of(response, q.id)) is not None and level < 3
    ]
    answered.sort(key=lambda qa: (qa[1], -qa[0].weight, not qa[0].critical))
    return answered[:limit]
