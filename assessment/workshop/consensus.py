"""What only the facilitator may do: close, reopen or delete the room, and read the room's
agreed answers as a normal `Response`.

The room's agreed answers, targets and plan edits are a stored assessment of kind `consensus`
beside the participants' own, so the spread stays visible while the room decides. They are
written through `assessment.records` with the facilitator's key as the door, versioned like any
other assessment, so a stale facilitator window cannot overwrite a decision. Recording the
agreement is allowed after closing: the usual flow is that participants answer, the facilitator
closes, and the room then agrees question by question.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..models import Bank
from ..records import AccessDenied, FacilitatorKey, Record, WrongBank, load
from ..store.schema import workshops
from .model import Workshop, WorkshopStatus

log = logging.getLogger(__name__)


def _set_status(engine: Engine, key: FacilitatorKey, status: WorkshopStatus) -> None:
    with engine.begin() as conn:
        changed = conn.execute(
            sa.update(workshops)
            .where(key.workshop_condition())
            .values(status=status)
            .returning(workshops.c.id)
        ).first()
    if changed is None:
        raise AccessDenied
    log.info("workshop %s %s", changed.id, status)


def close_workshop(engine: Engine, key: FacilitatorKey) -> None:
    """Stop joins and answers; the answers given so far stay."""
    _set_status(engine, key, "closed")


def reopen_workshop(engine: Engine, key: FacilitatorKey) -> None:
    """Let people join and answer again (same code, same links)."""
    _set_status(engine, key, "open")


def delete_workshop(engine: Engine, key: FacilitatorKey) -> None:
    """Erase the workshop with its participants, names, notes and agreed answers."""
    with engine.begin() as conn:
        gone = conn.execute(
            sa.delete(workshops).where(key.workshop_condition()).returning(workshops.c.id)
        ).first()
    if gone is None:
        raise AccessDenied
    log.info("workshop %s deleted with all its data", gone.id)


def check_bank(workshop: Workshop, bank: Bank) -> None:
    if workshop.bank_id != bank.id:
        raise WrongBank


def consensus_record(engine: Engine, bank: Bank, key: FacilitatorKey) -> Record:
    """The room's agreed answers, targets and plan edits as a stored record (with revisions)."""
    record = load(engine, key)
    if record.response.bank_id != bank.id:
        raise WrongBank
    return record
