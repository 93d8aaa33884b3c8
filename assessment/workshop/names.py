"""How a participant is named wherever the room shows a name: the roster, the notes waiting for
approval, the notes and voters on the shared screen. Two people of one name are »Mette (1)« and
»Mette (2)« by joining order, everywhere alike; a unique name stays as typed; the anonymous are
»Anonym 1«, »Anonym 2« where the facilitator sees them and nowhere on the shared screen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa

from ..i18n import t
from ..models import Lang
from ..store.schema import participants


def numbers(names: Sequence[str]) -> list[int]:
    """For names in joining order, the number that tells each apart from others of the same
    name (case and spaces aside): 0 for a unique name, 1, 2, … otherwise; the anonymous (empty
    names) are numbered among themselves."""
    keys = [name.strip().casefold() for name in names]
    seen: dict[str, int] = defaultdict(int)
    found = []
    for key in keys:
        seen[key] += 1
        found.append(seen[key] if not key or keys.count(key) > 1 else 0)
    return found


def shown_name(name: str, nth: int) -> str:
    """A typed name as lists show it (empty for the anonymous)."""
    if not name:
        return ""
    return f"{name.strip()} ({nth})" if nth else name


def label(name: str, nth: int, lang: Lang) -> str:
    """A name as the facilitator's lists show it, the anonymous as »Anonym n«."""
    return shown_name(name, nth) or t("ws.f.anonymous", lang, number=nth)


def room_names(conn: sa.Connection, workshop_id: int) -> dict[int, tuple[str, int]]:
    """Every participant of a workshop: id → (typed name, its number among namesakes)."""
    p = participants.c
    rows = conn.execute(
        sa.select(p.id, p.name).where(p.workshop_id == workshop_id).order_by(p.id)
    ).all()
    return {
        r.id: (r.name, nth) for r, nth in zip(rows, numbers([r.name for r in rows]), strict=True)
    }
