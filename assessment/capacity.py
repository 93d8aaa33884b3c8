"""What fits in a municipality's next 12 months: hours from its profile, and the rule that puts
each ranked action in a period or in the backlog.

The rule, as the README states it: of the hours a week the municipality spends on social
media, a quarter goes to improving how it is done (the rest runs the accounts), over 46 working
weeks. The first three months get a quarter of those hours, the next three a quarter, the last
six months half, and each period also gets what the earlier ones leave unused. Actions are
placed in rank order, in the first period their effort and prerequisites allow that still has
room; what has no room goes to the backlog, and so does everything after the 20th action: a
longer plan is not one a management team can follow in a year. Red flags, find-out and
incident actions are never left out: they take their hours first, even beyond the budget.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from .models import Capacity, Effort, Profile

WORKING_WEEKS = 46
DEVELOPMENT_SHARE = 0.25
"""The share of the social-media hours that goes to the plan; the rest runs the accounts."""
DEFAULT_HOURS_PER_WEEK = 20.0
"""Assumed, and said so in the report, when the profile gives no hours."""
PERIOD_SHARES = (0.25, 0.25, 0.5)
"""The year's plan hours per period: 0–3, 3–6 and 6–12 months."""
EFFORT_HOURS = {Effort.low: 8.0, Effort.medium: 24.0, Effort.high: 60.0}
"""A day, three days, a week and a half: the work itself with its meetings and approvals."""
MAX_ACTIONS = 20
FIND_OUT_HOURS = 2.0
EARLIEST = {Effort.low: 0, Effort.medium: 1, Effort.high: 2}
"""The first period an action of each effort can be done in."""
LAST = len(PERIOD_SHARES) - 1
_SLACK = 1e-9


def capacity(profile: Profile) -> Capacity:
    """The hours a municipality can put into its plan over the next 12 months."""
    assumed = profile.hours_per_week is None
    weekly = DEFAULT_HOURS_PER_WEEK if profile.hours_per_week is None else profile.hours_per_week
    yearly = weekly * WORKING_WEEKS * DEVELOPMENT_SHARE
    periods = tuple(round(yearly * share, 2) for share in PERIOD_SHARES)
    return Capacity(
        hours_per_week=weekly,
        assumed=assumed,
        yearly_hours=round(yearly, 2),
        period_hours=periods,  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class Request:
    """What the schedule needs to know about one ranked action."""

    id: str
    hours: float
    effort: Effort
    after: list[str]
    """Planned prerequisites (ranked before it)."""
    waits: bool
    """It builds on something not yet known or reached: the last period at the earliest."""
    must: bool
    """A red flag, a find-out or an incident action: in the plan whatever the budget."""


Why = str
"""Why an action got its period: "effort", "prerequisite", "waits", "capacity", or for the
backlog "backlog" (no hours left), "full" (20 actions planned) and "backlog_prerequisite" (a
prerequisite is in the backlog)."""


def schedule(requests: list[Request], cap: Capacity) -> dict[str, tuple[int | None, Why]]:
    """Period index per action (None = backlog) and why, placing actions in rank order."""
    budget = list(accumulate(cap.period_hours))
    used = [0.0] * len(PERIOD_SHARES)
    effort = {r.id: r.effort for r in requests}
    out: dict[str, tuple[int | None, Why]] = {}
    for r in requests:
        if any(out[a][0] is None for a in r.after):
            out[r.id] = (None, "backlog_prerequisite")
            continue
        idx, why = EARLIEST[r.effort], "effort"
        for a in r.after:
            period = out[a][0]
            assert period is not None  # noqa: S101 - a prerequisite in the backlog is handled above
            req_idx = period + (0 if effort[a] is Effort.low else 1)
            if req_idx > idx:
                idx, why = req_idx, "prerequisite"
        if r.waits and idx < LAST:
            idx, why = LAST, "waits"
        if r.must:
            idx = min(idx, LAST)
            used[idx] += r.hours
            out[r.id] = (idx, why)
            continue
        if sum(period is not None for period, _ in out.values()) >= MAX_ACTIONS:
            out[r.id] = (None, "full")
            continue
        place = next((p for p in range(idx, LAST + 1) if _fits(budget, used, p, r.hours)), None)
        if place is None:
            out[r.id] = (None, "backlog")
            continue
        used[place] += r.hours
        out[r.id] = (place, "capacity" if place > idx else why)
    return out


def _fits(budget: list[float], used: list[float], period: int, hours: float) -> bool:
    """Whether `hours` more in `period` leave every period from there within its budget (each
    period's budget includes what the earlier ones left unused)."""
    spent = list(accumulate(used))
    return all(spent[p] + hours <= budget[p] + _SLACK for p in range(period, len(budget)))
