"""Turn a scorecard into a prioritised, explainable action plan that fits the municipality.

Only the next step for each question counts: an action lifts a question from the level the
municipality stands on to the next one, and only where the dimension's target is at least half
a level above the question. Priority grows with that distance, the question's and dimension's
weight and the action's impact, and falls with its effort; a critical question below level 2
counts half again. Three kinds of action come before the arithmetic: a red flag (a practice
that may be unlawful) first, then recovery after a recent incident; a "don't know" becomes a
find-out step ranked by the question's weight. An action that others build on is pulled
forward to just before them. Owners are roles the municipality has, and the hours it has
decide what is in the 12-month plan and what waits in the backlog (`capacity`).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from . import plan_reasons
from .bank_links import FIND_OUT
from .capacity import EFFORT_HOURS, FIND_OUT_HOURS, Request, capacity, schedule
from .i18n import t
from .models import (
    HORIZONS,
    LANGS,
    MAX_LEVEL,
    Action,
    ActionPlan,
    Bank,
    Effort,
    Kind,
    PlannedAction,
    Profile,
    Question,
    Response,
    Scorecard,
    Text,
)
from .scoring import CRITICAL_FLOOR, level_of, shown_level

EFFORT_COST = {Effort.low: 1.0, Effort.medium: 2.0, Effort.high: 3.0}
CRITICAL_BOOST = 1.5
QUICK_WIN_MIN_IMPACT = 2
MIN_GAP = 0.5
"""A question gets its next step only when the target is at least this far above it (a red
flag gets it whatever the target)."""
GAP_DIGITS = 2
"""A gap is the target as the scorecard shows it (one decimal: 3.46 is 3.5) minus the level,
rounded so that 3.4 − 3 is 0.4, not 0.3999…"""
FIND_OUT_IMPACT = 2
TIERS = {"red_flag": 0, "incident": 1, "rest": 2}
"""Ranked first whatever the arithmetic: red flags, then recovery after an incident."""


@dataclass
class _Candidate:
    action: Action
    kind: Kind
    question: Question
    dimension_id: str
    level: int | None
    gap: float
    weight: float
    critical: bool
    red_flag: bool
    priority: float
    tier: int
    effective: float = 0.0
    after: list[str] = field(default_factory=list)
    before: list[str] = field(default_factory=list)
    waits_for: list[str] = field(default_factory=list)

    @property
    def hours(self) -> float:
        return FIND_OUT_HOURS if self.kind == "find_out" else EFFORT_HOURS[self.action.effort]


def plan(bank: Bank, scorecard: Scorecard, response: Response) -> ActionPlan:
    """The prioritised plan for `response`; pure, deterministic, ties broken by action id."""
    cands = _candidates(bank, scorecard, response)
    _link_prerequisites(bank, response, cands)
    order = _order(cands)
    cap = capacity(response.profile)
    periods = schedule([_request(cands[aid]) for aid in order], cap)
    planned: list[PlannedAction] = []
    backlog: list[PlannedAction] = []
    for rank, aid in enumerate(order, start=1):
        cand = cands[aid]
        period, why = periods[aid]
        quick = _quick_win(cand.action) and period == 0
        facts = plan_reasons.Facts(
            kind=cand.kind,
            question_id=cand.question.id,
            dimension_id=cand.dimension_id,
            level=cand.level,
            target=scorecard.dimension(cand.dimension_id).target,
            gap=cand.gap,
            weight=cand.weight,
            critical=cand.critical,
            red_flag=cand.red_flag,
            impact=cand.action.impact,
            effort=cand.action.effort.value,
            hours=cand.hours,
            quick_win=quick,
            pulled_by=cand.before if cand.effective > cand.priority else [],
            after=cand.after,
            waits_for=cand.waits_for,
            why_period=why,
        )
        item = PlannedAction(
            rank=rank,
            action=cand.action,
            kind=cand.kind,
            dimension_id=cand.dimension_id,
            current_level=cand.level,
            priority=round(cand.priority, 3),
            hours=cand.hours,
            red_flag=cand.red_flag,
            quick_win=quick,
            horizon=HORIZONS[period] if period is not None else None,
            after=cand.after,
            finding=plan_reasons.finding(bank, facts),
            reason=plan_reasons.reason(bank, facts),
        )
        (planned if period is not None else backlog).append(item)
    return ActionPlan(actions=planned, backlog=backlog, capacity=cap)


def plannable_ids(bank: Bank) -> frozenset[str]:
    """Every action id a plan can hold, so plan edits can name it: the bank's actions and a
    find-out step per question."""
    return frozenset(
        {a.id for a in bank.actions} | {f"{q}.{FIND_OUT}" for q in bank.questions_by_id()}
    )


def _quick_win(action: Action) -> bool:
    return action.effort is Effort.low and action.impact >= QUICK_WIN_MIN_IMPACT


def _request(cand: _Candidate) -> Request:
    must = cand.tier < TIERS["rest"] or cand.kind == "find_out"
    return Request(
        cand.action.id, cand.hours, cand.action.effort, cand.after, bool(cand.waits_for), must
    )


def owner(bank: Bank, role_id: str, profile: Profile) -> Text:
    """The name of the role that owns an action in this municipality: the bank's role if the
    municipality has it (or has not said which roles it has), else whoever stands in."""
    role = bank.role(role_id)
    if profile.roles is not None:
        while role.otherwise is not None and role.id not in profile.roles:
            role = bank.role(role.otherwise)
    return role.name


def _candidates(bank: Bank, scorecard: Scorecard, response: Response) -> dict[str, _Candidate]:
    by_step: dict[tuple[str, int], list[Action]] = {}
    incident: list[Action] = []
    for action in bank.actions:
        if action.incident:
            incident.append(action)
        elif action.from_level is not None:
            by_step.setdefault((action.question, action.from_level), []).append(action)
    cands: dict[str, _Candidate] = {}
    for dim in bank.dimensions:
        target = scorecard.dimension(dim.id).target
        for q in dim.questions:
            answer = response.answers.get(q.id)
            if answer is not None and answer.dont_know:
                first = by_step[(q.id, 0)][0]
                cand = _find_out(bank, response.profile, q, first, dim.id, target, dim.weight)
                cands[cand.action.id] = cand
            level = level_of(response, q.id)
            if level is None or level >= MAX_LEVEL:
                continue  # unknown levels get a find-out step, not a guess
            red_flag = q.levels[level].red_flag
            gap = round(shown_level(target) - level, GAP_DIGITS)
            if gap < MIN_GAP and not red_flag:
                continue
            critical = q.critical and level < CRITICAL_FLOOR
            for action in by_step.get((q.id, level), []):
                priority = (
                    gap
                    * q.weight
                    * dim.weight
                    * action.impact
                    / EFFORT_COST[action.effort]
                    * (CRITICAL_BOOST if critical else 1.0)
                )
                tier = TIERS["red_flag"] if red_flag else TIERS["rest"]
                cands[action.id] = _Candidate(
                    _owned(bank, action, response.profile), "step", q, dim.id, level, gap,
                    q.weight, critical, red_flag, priority, tier, priority,
                )  # fmt: skip
    if response.profile.recent_incident:
        for action in incident:
            q, dim = bank.question(action.question), bank.dimension_of(action.question)
            priority = q.weight * dim.weight * action.impact / EFFORT_COST[action.effort]
            cands[action.id] = _Candidate(
                _owned(bank, action, response.profile), "incident", q, dim.id,
                level_of(response, q.id), 0.0, q.weight, False, False, priority,
                TIERS["incident"], priority,
            )  # fmt: skip
    return cands


def _owned(bank: Bank, action: Action, profile: Profile) -> Action:
    """The action with the owner this municipality has; the same object when nothing changes."""
    role = owner(bank, action.owner, profile)
    return action if role == action.owner_role else action.model_copy(update={"owner_role": role})


def _find_out(
    bank: Bank,
    profile: Profile,
    q: Question,
    first: Action,
    dimension_id: str,
    target: float,
    dimension_weight: float,
) -> _Candidate:
    """A step that turns "don't know" into an answer, owned by whoever owns the question's
    first step; ranked as if the question stood at 0, since it may."""
    evidence = q.evidence or q.text

    def text(key: str) -> Text:
        return Text(
            **{
                lang: t(key, lang, question=q.title(lang), evidence=evidence(lang))
                for lang in LANGS
            }
        )

    action = Action(
        id=f"{q.id}.{FIND_OUT}",
        question=q.id,
        title=text("plan.find_out.title"),
        description=text("plan.find_out.description"),
        done_when=text("plan.find_out.done"),
        effort=Effort.low,
        impact=FIND_OUT_IMPACT,
        owner=first.owner,
        owner_role=owner(bank, first.owner, profile),
    )
    boost = CRITICAL_BOOST if q.critical else 1.0
    priority = target * q.weight * dimension_weight * FIND_OUT_IMPACT * boost
    return _Candidate(
        action, "find_out", q, dimension_id, None, target, q.weight, q.critical, False, priority,
        TIERS["rest"], priority,
    )  # fmt: skip


def _link_prerequisites(bank: Bank, response: Response, cands: dict[str, _Candidate]) -> None:
    """Record which planned actions must come first, and which open ones are not yet reachable.

    A prerequisite on a "don't know" question waits for that question's find-out step; one on
    a question that does not apply, or that is already past it, is not waited for."""
    for cand in cands.values():
        for req_id in cand.action.requires:
            req = bank.action(req_id)
            answer = response.answers.get(req.question)
            find_out = f"{req.question}.{FIND_OUT}"
            if req_id in cands:
                first = req_id
            elif find_out in cands:
                first = find_out
            elif answer is not None and answer.not_applicable:
                continue
            else:
                reached = level_of(response, req.question)
                if reached is None or req.from_level is None or reached <= req.from_level:
                    cand.waits_for.append(req_id)
                continue
            if first not in cand.after:
                cand.after.append(first)
                cands[first].before.append(cand.action.id)
    # Pull prerequisites forward: as urgent, and in as early a tier, as what builds on them.
    changed = True
    while changed:
        changed = False
        for cand in cands.values():
            for req_id in cand.after:
                req = cands[req_id]
                if (req.tier, -req.effective) > (cand.tier, -cand.effective):
                    req.tier = min(req.tier, cand.tier)
                    req.effective = max(req.effective, cand.effective)
                    changed = True


def _order(cands: dict[str, _Candidate]) -> list[str]:
    """Tier first, then effective priority, never before a planned prerequisite (Kahn)."""
    blocked = {aid: len(c.after) for aid, c in cands.items()}

    def key(aid: str) -> tuple[int, float, float, str]:
        c = cands[aid]
        return (c.tier, -c.effective, -c.priority, aid)

    heap = [key(aid) for aid, c in cands.items() if not c.after]
    heapq.heapify(heap)
    order: list[str] = []
    while heap:
        aid = heapq.heappop(heap)[-1]
        order.append(aid)
        for dep in cands[aid].before:
            blocked[dep] -= 1
            if blocked[dep] == 0:
                heapq.heappush(heap, key(dep))
    return order
