"""What only the facilitator may do: close or reopen the room, record the agreed answers and
targets, and turn the consensus into the normal `Response` that scoring, the plan and the PDF
take. Every function checks the facilitator key first.

The room's consensus is a second set of answers beside the individual ones, so the spread stays
visible while the room decides. Recording consensus is allowed after closing: the usual flow
is that participants answer, the facilitator closes, and the room then agrees question by
question.
"""

from __future__ import annotations

from collections.abc import Mapping

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..models import MAX_LEVEL, MIN_LEVEL, Answer, Bank, PlanEdit, Response
from ..store import consensus, upsert, workshops
from .rooms import (
    FacilitatorKey,
    Workshop,
    WorkshopStatus,
    WrongBank,
    authorise,
    check_answer,
    now,
)


def _set_status(engine: Engine, key: FacilitatorKey, status: WorkshopStatus) -> None:
    with engine.begin() as conn:
        ws = authorise(conn, key)
        conn.execute(sa.update(workshops).where(workshops.c.id == ws.id).values(status=status))


def close_workshop(engine: Engine, key: FacilitatorKey) -> None:
    """Stop joins and answers; the answers given so far stay."""
    _set_status(engine, key, "closed")


def reopen_workshop(engine: Engine, key: FacilitatorKey) -> None:
    """Let people join and answer again (same code, same tokens)."""
    _set_status(engine, key, "open")


def delete_workshop(engine: Engine, key: FacilitatorKey) -> None:
    """Erase the workshop with its participants, names, notes and consensus (data minimisation)."""
    with engine.begin() as conn:
        ws = authorise(conn, key)
        conn.execute(sa.delete(workshops).where(workshops.c.id == ws.id))


def check_bank(workshop: Workshop, bank: Bank) -> None:
    if workshop.bank_id != bank.id:
        raise WrongBank


def record_consensus(
    engine: Engine,
    bank: Bank,
    key: FacilitatorKey,
    question_id: str,
    level: int | None,
    note: str = "",
) -> None:
    """Store the room's agreed answer to one question (None: the room does not know)."""
    answer = check_answer(bank, question_id, level, note)
    with engine.begin() as conn:
        ws = authorise(conn, key)
        check_bank(ws, bank)
        stmt = upsert(conn, consensus).values(
            workshop_id=ws.id,
            question_id=question_id,
            level=answer.level,
            note=answer.note,
            updated_at=now(),
        )
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[consensus.c.workshop_id, consensus.c.question_id],
                set_={c: stmt.excluded[c] for c in ("level", "note", "updated_at")},
            )
        )


def consensus_answers(engine: Engine, key: FacilitatorKey) -> dict[str, Answer]:
    """The answers the room has agreed so far; a question not yet discussed is absent."""
    c = consensus.c
    with engine.connect() as conn:
        ws = authorise(conn, key)
        rows = conn.execute(
            sa.select(c.question_id, c.level, c.note).where(c.workshop_id == ws.id)
        ).all()
    return {r.question_id: Answer(level=r.level, note=r.note) for r in rows}


def set_targets(
    engine: Engine, bank: Bank, key: FacilitatorKey, targets: Mapping[str, float]
) -> None:
    """Replace the room's target level per dimension (0–4)."""
    dims = {d.id for d in bank.dimensions}
    for dim, value in targets.items():
        if dim not in dims:
            raise ValueError(f"unknown dimension {dim!r} in bank {bank.id!r}")
        if not MIN_LEVEL <= value <= MAX_LEVEL:
            raise ValueError(f"target for {dim!r} must be within 0–4, not {value!r}")
    _update_workshop(engine, bank, key, targets={k: float(v) for k, v in targets.items()})


def set_plan_edits(
    engine: Engine, bank: Bank, key: FacilitatorKey, edits: Mapping[str, PlanEdit]
) -> None:
    """Replace what the room changed in the action plan (owners, deadlines, status, dropped)."""
    actions = {a.id for a in bank.actions}
    unknown = sorted(set(edits) - actions)
    if unknown:
        raise ValueError(f"unknown action(s) {unknown} in bank {bank.id!r}")
    json = {k: v.model_dump(mode="json") for k, v in edits.items()}
    _update_workshop(engine, bank, key, plan_edits=json)


def _update_workshop(engine: Engine, bank: Bank, key: FacilitatorKey, **values: object) -> None:
    with engine.begin() as conn:
        ws = authorise(conn, key)
        check_bank(ws, bank)
        conn.execute(sa.update(workshops).where(workshops.c.id == ws.id).values(**values))


def consensus_response(engine: Engine, bank: Bank, key: FacilitatorKey) -> Response:
    """The consensus as a normal Response: it scores, plans, prints and saves like any other.

    It carries the bank version the workshop was created with, and only agreed questions that
    the bank still has; a question without consensus counts as unanswered.
    """
    c = consensus.c
    with engine.connect() as conn:
        ws = authorise(conn, key)
        check_bank(ws, bank)
        rows = conn.execute(
            sa.select(c.question_id, c.level, c.note, c.updated_at).where(c.workshop_id == ws.id)
        ).all()
    known = bank.questions_by_id()
    return ws.response(
        {r.question_id: Answer(level=r.level, note=r.note) for r in rows if r.question_id in known},
        updated_at=max([ws.created_at, *(r.updated_at for r in rows)]),
        targets={k: v for k, v in ws.targets.items() if k in {d.id for d in bank.dimensions}},
        plan_edits={k: v for k, v in ws.plan_edits.items() if k in {a.id for a in bank.actions}},
    )
