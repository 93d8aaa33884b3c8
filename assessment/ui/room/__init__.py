"""The workshop room's pages and their parts: the facilitator's tabs, the presenter view, the
participant's paced screen, and what they share (links, bars, the room's style)."""

from __future__ import annotations

import datetime as dt

from assessment.models import Lang

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")  # fmt: skip


def day(value: dt.date, lang: Lang) -> str:
    """A date as people write it: 31.12.2026 in Danish, 31 December 2026 in English."""
    if lang == "da":
        return f"{value.day}.{value.month}.{value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
