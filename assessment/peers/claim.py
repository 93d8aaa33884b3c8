"""How to test the claim that mid-sized municipalities lag behind rural ones and big cities.

The claim comes from a reader's comment in the seed guide; no study confirms or refutes it. The
method is fixed before any data is seen, so the data cannot choose it:

- **Unit**: a municipality, with the overall level of its latest shared round (one value per
  municipality, however many rounds it has).
- **Groups**: Statistics Denmark's municipality groups. "Mid-sized" is the provincial-town and
  commuter-belt municipalities (groups 3 and 4); the others are the capital-area, large-city and
  rural ones (groups 1, 2 and 5).
- **Effect**: the mean overall level of the mid-sized minus that of the others, with a 95 %
  bootstrap interval.
- **Test**: one-sided permutation test of "the mid-sized are lower" (group labels shuffled,
  seeded, so the same data give the same p-value).
- **Only with enough data**: at least K municipalities, shared from K accounts, on each side,
  as everywhere else.
- **Read with care**: municipalities choose to share, and those that share may be the keen ones;
  a difference is an association, not a cause.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from ..municipalities import municipality
from .distribution import K, SharedLevels

MID_GROUPS = (3, 4)
"""Provinsbykommuner and Oplandskommuner."""
PERMUTATIONS = 5_000
BOOTSTRAPS = 2_000


@dataclass(frozen=True)
class ClaimTest:
    mid: int
    others: int
    mid_mean: float | None = None
    others_mean: float | None = None
    difference: float | None = None
    """Mid-sized minus the others; negative: the mid-sized are lower."""
    interval: tuple[float, float] | None = None
    p_value: float | None = None
    """One-sided: how often shuffled labels give a difference this low or lower."""

    @property
    def enough(self) -> bool:
        """Whether there were enough municipalities and accounts to test (`check_claim`)."""
        return self.difference is not None


def check_claim(shared: Sequence[SharedLevels], *, seed: int = 1) -> ClaimTest:
    """Run the method above on shared levels; with fewer than K municipalities or K accounts on
    a side, only the counts."""
    rng = random.Random(seed)  # noqa: S311 - resampling, not security
    mid: list[float] = []
    others: list[float] = []
    accounts: tuple[set[str], set[str]] = (set(), set())
    for s in shared:
        if s.overall is not None:
            is_mid = municipality(s.municipality_code).group_id in MID_GROUPS
            (mid if is_mid else others).append(s.overall)
            accounts[0 if is_mid else 1].add(s.account)
    if min(len(mid), len(others), *(len(a) for a in accounts)) < K:
        return ClaimTest(len(mid), len(others))
    observed = statistics.fmean(mid) - statistics.fmean(others)
    pooled = mid + others
    lower = 0
    for _ in range(PERMUTATIONS):
        rng.shuffle(pooled)
        if statistics.fmean(pooled[: len(mid)]) - statistics.fmean(pooled[len(mid) :]) <= observed:
            lower += 1
    boots = sorted(
        statistics.fmean(rng.choices(mid, k=len(mid)))
        - statistics.fmean(rng.choices(others, k=len(others)))
        for _ in range(BOOTSTRAPS)
    )
    return ClaimTest(
        len(mid),
        len(others),
        round(statistics.fmean(mid), 2),
        round(statistics.fmean(others), 2),
        round(observed, 2),
        (round(boots[int(0.025 * BOOTSTRAPS)], 2), round(boots[int(0.975 * BOOTSTRAPS) - 1], 2)),
        round((lower + 1) / (PERMUTATIONS + 1), 4),
    )
