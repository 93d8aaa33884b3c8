"""Turn a scorecard into a prioritised, explainable action plan.

Only the next step for each question counts: an action belongs to a question and lifts it from
the level the municipality stands on to the next one. Priority grows with the question's
distance to its dimension's target, the question's and dimension's weight and the action's
impact, and falls with its effort; a critical question below level 2 counts half again. An
action that others build on is pulled forward to just before them. Every rank carries its
reason in words, in both languages.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from .i18n import fmt_number, t
from .models import (
    HORIZONS,
    LANGS,
    MAX_LEVEL,
    Action,
    ActionPlan,
    Bank,
    Effort,
    PlannedAction,
    Response,
    Scorecard,
    Text,
)
from .scoring import CRITICAL_FLOOR, level_of

EFFORT_COST = {Effort.low: 1.0, Effort.medium: 2.0, Effort.high: 3.0}
CRITICAL_BOOST = 1.5
QUICK_WIN_MIN_IMPACT = 2
HORIZON_CAPACITY = (6, 10)
"""How many actions the first two horizons hold; the rest move one horizon on."""


@dataclass
class _Candidate:
    action: Action
    dimension_id: str
    level: int
    gap: float
    weight: float
    critical: bool
    priority: float
    effective: float = 0.0
    after: list[str] = field(default_factory=list)
    before: list[str] = field(default_factory=list)
    waits_for: list[str] = field(default_factory=list)


def plan(bank: Bank, scorecard: Scorecard, response: Response) -> ActionPlan:
    """The prioritised plan for `response`; pure, deterministic, ties broken by action id."""
    cands = _candidates(bank, scorecard, response)
    _link_prerequisites(bank, response, cands)
    order = _order(cands)
    horizons = _horizons(order, cands)
    planned = [
        PlannedAction(
            rank=rank,
            action=cands[aid].action,
            dimension_id=cands[aid].dimension_id,
            current_level=cands[aid].level,
            priority=round(cands[aid].priority, 3),
            quick_win=_quick_win(cands[aid].action),
            horizon=HORIZONS[horizons[aid][0]],
            after=cands[aid].after,
            reason=_reason(bank, cands, aid, horizons[aid][1]),
        )
        for rank, aid in enumerate(order, start=1)
    ]
    return ActionPlan(actions=planned)


def _quick_win(action: Action) -> bool:
    return action.effort is Effort.low and action.impact >= QUICK_WIN_MIN_IMPACT


def _candidates(bank: Bank, scorecard: Scorecard, response: Response) -> dict[str, _Candidate]:
    by_step: dict[tuple[str, int], list[Action]] = {}
    for action in bank.actions:
        by_step.setdefault((action.question, action.from_level), []).append(action)
    cands: dict[str, _Candidate] = {}
    for dim in bank.dimensions:
        target = scorecard.dimension(dim.id).target
        for q in dim.questions:
            level = level_of(response, q.id)
            if level is None or level >= MAX_LEVEL:
                continue  # unknown levels are listed as missing evidence, not guessed at
            gap = target - level
            if gap <= 0:
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
                cands[action.id] = _Candidate(
                    action, dim.id, level, gap, q.weight, critical, priority, priority
                )
    return cands


def _link_prerequisites(bank: Bank, response: Response, cands: dict[str, _Candidate]) -> None:
    """Record which planned actions must come first, and which open ones are not yet reachable."""
    for cand in cands.values():
        for req_id in cand.action.requires:
            req = bank.action(req_id)
            reached = level_of(response, req.question)
            done = reached is not None and reached > req.from_level
            if req_id in cands:
                cand.after.append(req_id)
                cands[req_id].before.append(cand.action.id)
            elif not done:
                cand.waits_for.append(req_id)
    # Pull prerequisites forward: an action is as urgent as the most urgent one built on it.
    changed = True
    while changed:
        changed = False
        for cand in cands.values():
            for req_id in cand.after:
                if cands[req_id].effective < cand.effective:
                    cands[req_id].effective = cand.effective
                    changed = True


def _order(cands: dict[str, _Candidate]) -> list[str]:
    """Highest effective priority first, never before a planned prerequisite (Kahn's algorithm)."""
    blocked = {aid: len(c.after) for aid, c in cands.items()}
    heap = [(-c.effective, -c.priority, aid) for aid, c in cands.items() if not c.after]
    heapq.heapify(heap)
    order: list[str] = []
    while heap:
        _, _, aid = heapq.heappop(heap)
        order.append(aid)
        for dep in cands[aid].before:
            blocked[dep] -= 1
            if blocked[dep] == 0:
                heapq.heappush(heap, (-cands[dep].effective, -cands[dep].priority, dep))
    return order


def _horizons(order: list[str], cands: dict[str, _Candidate]) -> dict[str, tuple[int, str]]:
    """Horizon per action and why: effort sets it; prerequisites and capacity push it on."""
    base = {Effort.low: 0, Effort.medium: 1, Effort.high: 2}
    used = [0, 0, 0]
    out: dict[str, tuple[int, str]] = {}
    for aid in order:
        cand = cands[aid]
        idx, why = base[cand.action.effort], "effort"
        for req_id in cand.after:
            req_idx = out[req_id][0] + (0 if cands[req_id].action.effort is Effort.low else 1)
            if req_idx > idx:
                idx, why = req_idx, "prerequisite"
        if cand.waits_for and idx < len(HORIZONS) - 1:
            idx, why = len(HORIZONS) - 1, "waits"
        while idx < len(HORIZON_CAPACITY) and used[idx] >= HORIZON_CAPACITY[idx]:
            idx, why = idx + 1, "capacity"
        idx = min(idx, len(HORIZONS) - 1)
        used[idx] += 1
        out[aid] = (idx, why)
    return out


def _reason(bank: Bank, cands: dict[str, _Candidate], aid: str, horizon_why: str) -> Text:
    cand = cands[aid]
    action = cand.action
    texts = {}
    for lang in LANGS:
        dim_name = bank.dimension(cand.dimension_id).name(lang)
        parts = [
            t(
                "plan.reason.gap",
                lang,
                level=cand.level,
                dimension=dim_name,
                target=fmt_number(cand.level + cand.gap, lang),
                gap=fmt_number(cand.gap, lang),
            )
        ]
        if cand.critical:
            parts.append(t("plan.reason.critical", lang))
        elif cand.weight != 1.0:
            parts.append(t("plan.reason.weight", lang, weight=fmt_number(cand.weight, lang)))
        parts.append(
            t(
                "plan.reason.value",
                lang,
                impact=t(f"plan.impact.{action.impact}", lang),
                effort=t(f"plan.effort.{action.effort.value}", lang),
            )
        )
        if _quick_win(action):
            parts.append(t("plan.reason.quick_win", lang))
        if cand.effective > cand.priority:
            first = _titles(bank, cand.before, lang)
            parts.append(t("plan.reason.pulled_forward", lang, actions=first))
        if cand.after:
            parts.append(t("plan.reason.after", lang, actions=_titles(bank, cand.after, lang)))
        if cand.waits_for:
            parts.append(t("plan.reason.waits", lang, actions=_titles(bank, cand.waits_for, lang)))
        if horizon_why == "capacity":
            parts.append(t("plan.reason.capacity", lang))
        texts[lang] = " ".join(parts)
    return Text(**texts)


def _titles(bank: Bank, ids: list[str], lang: str) -> str:
    return ", ".join(f"«{bank.action(i).title(lang)}»" for i in ids)  # type: ignore[arg-type]
