"""Carry a stored assessment over to the bank the app now ships, when it was made with an
older version: the stored twin of opening an old answers file.

The same core rule (`migration.migrate_answers`) moves its answers and plan edits to the new
ids; the record is rewritten in one transaction at a new revision, so every open page shows the
moved answers on its next run, and the user is told in one line what could not be carried over.
Only someone who may change the assessment rewrites it: a viewer (or a participant of a closed
room) reads it moved in memory (`read_as_current`) and leaves the stored upgrade to the next
one who may write. An assessment of another bank, or of a version the bank has no migration
for, is left as it is.
"""

from __future__ import annotations

import dataclasses
import logging

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .migration import Notice, migrate_answers
from .models import Bank
from .records import AccessDenied, Door, FacilitatorKey, Record, fill, load_by_id, now
from .store.schema import assessment_answers, assessment_plan_edits, assessments

log = logging.getLogger(__name__)


def upgrade(engine: Engine, door: Door, bank: Bank) -> list[Notice]:
    """Move the assessment `door` opens to `bank`'s version if it is older and the door may
    change it; what to tell. A facilitator's key moves the whole room: its agreed answers and
    every participant's. A door that may only read changes nothing (and is told nothing)."""
    a = assessments.c
    with engine.begin() as conn:
        row = conn.execute(
            sa.select(a.id, a.kind, a.workshop_id, a.bank_id, a.bank_version).where(
                door.condition(writing=True)
            )
        ).first()
        if row is None:
            if conn.scalar(sa.select(a.id).where(door.condition(writing=False))) is None:
                raise AccessDenied
            return []  # a reader: `read_as_current` shows it moved, nothing is stored
        if row.bank_id != bank.id or row.bank_version == bank.version:
            return []
        if row.kind == "consensus" and isinstance(door, FacilitatorKey):
            room = conn.execute(
                sa.select(a.id).where(
                    a.workshop_id == row.workshop_id,
                    a.kind == "participant",
                    a.bank_version != bank.version,
                )
            ).scalars()
            for sheet in room.all():
                _upgrade(conn, sheet, bank)
        return _upgrade(conn, row.id, bank)


def read_as_current(bank: Bank, record: Record) -> Record:
    """A record of an older version of `bank` as it reads moved, for showing only (nothing is
    stored); unchanged if it is of `bank`'s version, another bank or a version without a
    migration."""
    if record.response.bank_id != bank.id or record.response.bank_version == bank.version:
        return record
    moved, _ = migrate_answers(bank, record.response)
    if moved.bank_version != bank.version:
        return record
    return dataclasses.replace(record, response=moved)


def _upgrade(conn: sa.Connection, assessment_id: int, bank: Bank) -> list[Notice]:
    """Move one assessment. A write comes first: it locks the assessment (SQLite: the database)
    before it is read, so a change stored meanwhile is read and moved, not overwritten with
    what was read before it; an assessment another page moved meanwhile is left alone."""
    a = assessments.c
    locked = conn.scalar(
        sa.update(assessments)
        .where(a.id == assessment_id, a.bank_id == bank.id, a.bank_version != bank.version)
        .values(id=a.id)
        .returning(a.id)
    )
    if locked is None:
        return []
    record = load_by_id(conn, assessment_id)
    moved, notices = migrate_answers(bank, record.response)
    if moved.bank_version != bank.version:
        return []  # no migration from that version: left for check_answers to name
    revision = record.revision + 1
    stamp = now()
    for table in (assessment_answers, assessment_plan_edits):
        conn.execute(sa.delete(table).where(table.c.assessment_id == assessment_id))
    conn.execute(
        sa.update(assessments)
        .where(assessments.c.id == assessment_id)
        .values(bank_version=bank.version, revision=revision, updated_at=stamp)
    )
    fill(conn, assessment_id, moved.model_copy(update={"targets": {}}), revision=revision,
         stamp=stamp)  # fmt: skip
    log.info(
        "assessment %s carried over from bank %s to %s",
        assessment_id,
        record.response.bank_version,
        bank.version,
    )
    return notices
