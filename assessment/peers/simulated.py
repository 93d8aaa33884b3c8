"""A simulated peer data set: made-up levels for about 60 % of the 98 municipalities, so the k
rule and the method in `claim` can be seen working before real municipalities have shared.

It is never stored and never mixed with what municipalities shared: the app draws it only on
request, under a SIMULATED label on every chart, table and file. Each made-up municipality
counts as shared by an account of its own. By default it has no built-in difference between
kinds of municipality; `mid_effect` plants one (to show that the method finds a difference that
is there).
"""

from __future__ import annotations

import random

from ..models import MAX_LEVEL, Bank
from ..municipalities import municipalities
from .claim import MID_GROUPS
from .distribution import SharedLevels

SEED = 2026
SHARE_RATE = 0.6
MEAN, SPREAD = 2.0, 0.7


def simulated_levels(
    bank: Bank, *, seed: int = SEED, mid_effect: float = 0.0, share_rate: float = SHARE_RATE
) -> list[SharedLevels]:
    """Simulated shared levels, the same for the same arguments; `mid_effect` is added to every
    area of a municipality in the mid-sized groups (negative: they lag)."""
    rng = random.Random(seed)  # noqa: S311 - simulation, not security
    shared = []
    for m in municipalities():
        if rng.random() >= share_rate:
            continue
        shift = mid_effect if m.group_id in MID_GROUPS else 0.0
        levels: dict[str, float | None] = {
            d.id: round(min(MAX_LEVEL, max(0.0, rng.gauss(MEAN + shift, SPREAD))), 2)
            for d in bank.dimensions
        }
        weights = {d.id: d.weight for d in bank.dimensions}
        overall = sum(v * weights[k] for k, v in levels.items() if v is not None) / sum(
            weights.values()
        )
        shared.append(SharedLevels(m.code, levels, round(overall, 2), f"simulated:{m.code}"))
    return shared
