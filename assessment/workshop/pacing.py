"""The room as the facilitator runs it: self-paced or paced, what is on the shared screen, and
whether its results are shown yet.

All of it is stored on the workshop's row, so the facilitator's window, the presenter view and
the participants' pages may each be served by a different app replica. Every change raises the
room's revision; a change made from a window that shows an older revision is refused with
`Conflict`, as a stale facilitator window must not move the room back.

Hidden, then revealed: moving to another step hides the results again, so nobody anchors on
what the others answered before answering themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..models import Bank
from ..records import AccessDenied, Conflict, FacilitatorKey
from ..store.schema import workshops
from .model import Mode, Pace, RoomState, room_from_row

log = logging.getLogger(__name__)

MODES: tuple[Mode, ...] = ("self", "paced")
PACES: tuple[Pace, ...] = ("question", "area")


def room_state(engine: Engine, workshop_id: int) -> RoomState:
    """The room of a workshop the caller already opened with a key or a link; AccessDenied
    once the workshop is deleted."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(workshops).where(workshops.c.id == workshop_id)).first()
    if row is None:
        raise AccessDenied
    return room_from_row(row)


def facilitator_room(engine: Engine, key: FacilitatorKey) -> RoomState:
    with engine.connect() as conn:
        row = conn.execute(sa.select(workshops).where(key.workshop_condition())).first()
    if row is None:
        raise AccessDenied
    return room_from_row(row)


def steps(bank: Bank, pace: Pace) -> list[str]:
    """The steps of a paced room in order: every question, or every area."""
    if pace == "area":
        return [d.id for d in bank.dimensions]
    return list(bank.questions_by_id())


def neighbour(bank: Bank, pace: Pace, step: str | None, offset: int) -> str | None:
    """The step `offset` away (None past either end); from the lobby, forward is the first."""
    order = steps(bank, pace)
    if step not in order:
        return order[0] if offset > 0 else None
    index = order.index(step) + offset
    return order[index] if 0 <= index < len(order) else None


def step_for(bank: Bank, pace: Pace, step: str | None) -> str | None:
    """The step that matches `step` when the room changes pace: a question's area, or an
    area's first question."""
    if step is None or step in steps(bank, pace):
        return step
    if pace == "area":
        return bank.dimension_of(step).id
    return bank.dimension(step).questions[0].id


def set_mode(
    engine: Engine, bank: Bank, key: FacilitatorKey, mode: Mode, pace: Pace, *, base: int | None
) -> int:
    """Self-paced or paced (by question or area); the screen's step follows the new pace."""
    if mode not in MODES or pace not in PACES:
        raise ValueError(f"unknown mode {mode!r} or pace {pace!r}")
    current = facilitator_room(engine, key)
    step = step_for(bank, pace, current.step)
    values = {"mode": mode, "pace": pace, "step": step}
    if step != current.step:
        values["revealed"] = False
    return change(engine, key, values, base=base, what=f"mode {mode}/{pace}")


def set_step(
    engine: Engine, bank: Bank, key: FacilitatorKey, step: str | None, *, base: int | None
) -> int:
    """Put a question or an area on the shared screen (None: the lobby), results hidden; a
    paced room moves to it, one question or the whole area as the step is."""
    values: dict[str, object] = {"step": step, "revealed": False}
    if step in bank.questions_by_id():
        values["pace"] = "question"
    elif step in {d.id for d in bank.dimensions}:
        values["pace"] = "area"
    elif step is not None:
        raise ValueError(f"unknown step {step!r}")
    return change(engine, key, values, base=base, what="step")


def set_revealed(engine: Engine, key: FacilitatorKey, revealed: bool, *, base: int | None) -> int:
    """Show or hide the results of what is on the shared screen."""
    return change(engine, key, {"revealed": revealed}, base=base, what=f"revealed {revealed}")


def set_show_names(engine: Engine, key: FacilitatorKey, show: bool, *, base: int | None) -> int:
    """Let the shared screen show names beside levels and notes (off unless turned on)."""
    return change(engine, key, {"show_names": show}, base=base, what=f"names shown {show}")


def change(
    engine: Engine,
    key: FacilitatorKey,
    values: Mapping[str, object],
    *,
    base: int | None,
    what: str,
    conn: sa.Connection | None = None,
) -> int:
    """Store a change of the room unless it moved since `base`; returns the new revision."""
    w = workshops.c
    condition = key.workshop_condition()
    if base is not None:
        condition = sa.and_(condition, w.room_rev == base)
    stmt = (
        sa.update(workshops)
        .where(condition)
        .values(**values, room_rev=w.room_rev + 1)
        .returning(w.id, w.room_rev)
    )
    if conn is None:
        with engine.begin() as own:
            return _changed(own, stmt, key, what)
    return _changed(conn, stmt, key, what)


def _changed(conn: sa.Connection, stmt: sa.Update, key: FacilitatorKey, what: str) -> int:
    row = conn.execute(stmt).first()
    if row is None:
        found = conn.scalar(sa.select(workshops.c.id).where(key.workshop_condition()))
        if found is None:
            raise AccessDenied
        log.info("room change refused (%s) on workshop %s: stale window", what, found)
        raise Conflict
    log.info("workshop %s: %s (room revision %s)", row.id, what, row.room_rev)
    return int(row.room_rev)
