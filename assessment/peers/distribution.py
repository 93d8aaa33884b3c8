"""The peer comparison: per area, how the levels of the municipalities in the same Statistics
Denmark municipality group (and the same region) that shared spread, never who they are.

Every viewer sees the same numbers: the distribution is of all municipalities in the group (or
region) that shared, the viewer's own included if it shared, so what is shown never depends on
who looks (leaving the viewer out would let anyone find who shared by viewing as each
municipality in turn). A distribution is shown only where at least K distinct municipalities
shared a level for that area, from at least K distinct signed-in accounts (so one person with
many clients, or many made-up ones, never makes the crowd alone); below that nothing is shown,
not even how many shared. A municipality counts once: with the latest shared round of the
workspace that has had it longest (`consent.shared_levels`), so nobody can speak for a
municipality that already shares. What is
shown is the quartiles and the median: no names, no list, no ranking. K hides who, not what:
with five municipalities the median is one of their levels, unattributed.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..models import Bank
from ..municipalities import municipality

K = 5
"""The least number of distinct municipalities, and of distinct accounts that shared them,
behind any number shown (k-anonymity)."""

ScopeKind = Literal["group", "region"]


@dataclass(frozen=True)
class SharedLevels:
    """One municipality's latest shared round: its levels per area and overall."""

    municipality_code: int
    levels: dict[str, float | None]
    overall: float | None
    account: str
    """Who shared it, as a pseudonym (`identity.tag` of the workspace's owner): K of them are
    needed as well, so one account never makes up a crowd."""


@dataclass(frozen=True)
class Spread:
    """Quartiles of one area's levels among at least K municipalities."""

    dimension_id: str
    municipalities: int
    lower: float
    median: float
    upper: float


@dataclass(frozen=True)
class Scope:
    kind: ScopeKind
    name_key: str
    """The group id or the region's name, as `municipalities` holds them."""
    areas: dict[str, Spread | None]
    """Per area in bank order; None: fewer than K municipalities, so nothing is shown."""

    @property
    def shown(self) -> bool:
        return any(s is not None for s in self.areas.values())


def spread(dimension_id: str, shared: Sequence[tuple[str, float]]) -> Spread | None:
    """The quartiles of the levels in `shared` ((account, level) pairs, one per municipality),
    or None if fewer than K municipalities or fewer than K accounts are behind them."""
    if len(shared) < K or len({account for account, _ in shared}) < K:
        return None
    levels = [level for _, level in shared]
    lower, median, upper = statistics.quantiles(levels, n=4, method="inclusive")
    return Spread(dimension_id, len(levels), round(lower, 2), round(median, 2), round(upper, 2))


def compare(bank: Bank, shared: Sequence[SharedLevels], code: int) -> list[Scope]:
    """The distributions of municipality `code`'s group and region: the same for every member
    of them, whether `code` shared or not."""
    own = municipality(code)
    everyone = _latest_once(shared)
    scopes: list[Scope] = []
    for kind, key, member in (
        ("group", str(own.group_id), lambda m: m.group_id == own.group_id),
        ("region", own.region, lambda m: m.region == own.region),
    ):
        peers = [s for s in everyone if member(municipality(s.municipality_code))]
        areas = {
            d.id: spread(
                d.id, [(s.account, lvl) for s in peers if (lvl := s.levels.get(d.id)) is not None]
            )
            for d in bank.dimensions
        }
        scopes.append(Scope(kind, key, areas))  # type: ignore[arg-type]
    return scopes


def _latest_once(shared: Sequence[SharedLevels]) -> list[SharedLevels]:
    """One entry per municipality, the first given. `consent.shared_levels` and the simulated
    set already give one each; this keeps "a municipality counts once" true for any caller."""
    seen: dict[int, SharedLevels] = {}
    for s in shared:
        seen.setdefault(s.municipality_code, s)
    return list(seen.values())
