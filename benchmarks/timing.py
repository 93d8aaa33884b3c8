"""The one timing helper the benchmark scripts share."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def time_ms(fn: Callable[[], object]) -> float:
    """Wall time of one call of `fn`, in milliseconds."""
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def times_ms(fn: Callable[[int], object], repeat: int) -> list[float]:
    """Wall time of `fn(i)` for i in range(repeat), in milliseconds, in run order."""
    return [time_ms(lambda i=i: fn(i)) for i in range(repeat)]


def median_ms(fn: Callable[[int], object], repeat: int) -> float:
    """Median wall time of `fn(i)` for i in range(repeat), in milliseconds."""
    return statistics.median(times_ms(fn, repeat))


def tail_ms(times: list[float]) -> tuple[float, float, float]:
    """Median, 90th percentile and maximum: on a shared machine the tail is where load shows."""
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return statistics.median(ordered), p90, ordered[-1]
