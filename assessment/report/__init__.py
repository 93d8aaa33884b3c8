"""The PDF report a municipality hands its director, who reads two pages and signs."""

from __future__ import annotations

import datetime as dt

from ..models import Bank, Lang, Response, RoomSpread
from ..planning import plan
from ..progress import Progress
from ..scoring import score
from .document import build_report


def report_for(
    bank: Bank,
    response: Response,
    lang: Lang,
    *,
    generated: dt.datetime,
    spread: RoomSpread | None = None,
    progress: Progress | None = None,
) -> bytes:
    """Score, plan and print one response: what the app's button and the CLI both call."""
    card = score(bank, response)
    return build_report(
        bank,
        response,
        card,
        plan(bank, card, response),
        lang,
        generated=generated,
        spread=spread,
        progress=progress,
    )


__all__ = ["build_report", "report_for"]
