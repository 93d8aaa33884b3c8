"""The peer comparison: per area, how the levels of the other municipalities in the same
Statistics Denmark municipality group (and the same region) spread, never who they are.

A distribution is shown only where at least K distinct municipalities shared a level for that
area; below that nothing is shown, not even how many shared. A municipality counts once, with
its latest shared round, and never in its own comparison. What is shown is the quartiles and
the median: no names, no list, no ranking. K hides who, not what: with five municipalities the
median is one of their levels, unattributed.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..models import Bank
from ..municipalities import municipality

K = 5
"""The least number of distinct municipalities behind any number shown (k-anonymity)."""

ScopeKind = Literal["group", "region"]


@dataclass(frozen=True)
class SharedLevels:
    """One municipality's latest shared round: its levels per area and overall."""

    municipality_code: int
    levels: dict[str, float | None]
    overall: float | None


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


def spread(dimension_id: str, levels: Sequence[float]) -> Spread | None:
    """The quartiles of `levels`, or None if fewer than K municipalities are behind them."""
    if len(levels) < K:
        return None
    lower, median, upper = statistics.quantiles(levels, n=4, method="inclusive")
    return Spread(dimension_id, len(levels), round(lower, 2), round(median, 2), round(upper, 2))


def compare(bank: Bank, shared: Sequence[SharedLevels], code: int) -> list[Scope]:
    """The group's and the region's distributions for municipality `code`, itself left out."""
    own = municipality(code)
    others = [s for s in _latest_once(shared) if s.municipality_code != code]
    scopes: list[Scope] = []
    for kind, key, member in (
        ("group", str(own.group_id), lambda m: m.group_id == own.group_id),
        ("region", own.region, lambda m: m.region == own.region),
    ):
        peers = [s for s in others if member(municipality(s.municipality_code))]
        areas = {
            d.id: spread(d.id, [lvl for s in peers if (lvl := s.levels.get(d.id)) is not None])
            for d in bank.dimensions
        }
        scopes.append(Scope(kind, key, areas))  # type: ignore[arg-type]
    return scopes


def _latest_once(shared: Sequence[SharedLevels]) -> list[SharedLevels]:
    """One entry per municipality: the callers pass them latest first, so the first counts."""
    seen: dict[int, SharedLevels] = {}
    for s in shared:
        seen.setdefault(s.municipality_code, s)
    return list(seen.values())
