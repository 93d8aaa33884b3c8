"""Participants' notes on the shared screen: only the ones the facilitator approved, and only
the wording approved. A note changed after its approval waits for approval again, and a removed
participant's approvals go with them.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..models import Lang
from ..records import AccessDenied, FacilitatorKey, now
from ..store import upsert
from ..store.schema import assessment_answers, note_approvals, participants, workshops
from .names import label, room_names, shown_name

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RoomNote:
    """A participant's note as the facilitator sees it, with whether the screen may show it."""

    participant_id: int
    name: str
    question_id: str
    text: str
    revision: int
    approved: bool
    nth: int = 0
    """Tells the writer apart from others of the same name (`names.numbers`)."""

    def label(self, lang: Lang) -> str:
        """Who wrote it, as the roster names them (»Mette (2)«, »Anonym 1«)."""
        return label(self.name, self.nth, lang)


def notes_for(engine: Engine, key: FacilitatorKey, question_ids: Iterable[str]) -> list[RoomNote]:
    """Every non-empty note on the questions, in joining order, for the facilitator."""
    a, p, n = assessment_answers.c, participants.c, note_approvals.c
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(
                p.id,
                p.workshop_id,
                p.name,
                a.question_id,
                a.note,
                a.note_rev,
                n.note_rev.label("ok"),
            )
            .join(workshops, workshops.c.id == p.workshop_id)
            .join(assessment_answers, a.assessment_id == p.assessment_id)
            .outerjoin(
                note_approvals,
                sa.and_(n.assessment_id == a.assessment_id, n.question_id == a.question_id),
            )
            .where(key.workshop_condition(), a.question_id.in_(list(question_ids)), a.note != "")
            .order_by(p.id, a.question_id)
        ).all()
        named = room_names(conn, rows[0].workshop_id) if rows else {}
    return [
        RoomNote(
            r.id, r.name, r.question_id, r.note, r.note_rev, r.ok == r.note_rev, named[r.id][1]
        )
        for r in rows
        if r.note.strip()
    ]


def approve_note(
    engine: Engine, key: FacilitatorKey, participant_id: int, question_id: str, revision: int
) -> None:
    """Let the screen show this wording of the note (`revision`: the note's revision shown)."""
    with engine.begin() as conn:
        sheet = _sheet(conn, key, participant_id)
        stmt = upsert(engine, note_approvals).values(
            assessment_id=sheet, question_id=question_id, note_rev=revision, approved_at=now()
        )
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[note_approvals.c.assessment_id, note_approvals.c.question_id],
                set_={"note_rev": stmt.excluded.note_rev, "approved_at": stmt.excluded.approved_at},
            )
        )
    log.info("note of participant %s on %s approved for the screen", participant_id, question_id)


def withdraw_note(
    engine: Engine, key: FacilitatorKey, participant_id: int, question_id: str
) -> None:
    """Take a note off the shared screen."""
    n = note_approvals.c
    with engine.begin() as conn:
        sheet = _sheet(conn, key, participant_id)
        conn.execute(
            sa.delete(note_approvals).where(n.assessment_id == sheet, n.question_id == question_id)
        )
    log.info("note of participant %s on %s taken off the screen", participant_id, question_id)


def _sheet(conn: sa.Connection, key: FacilitatorKey, participant_id: int) -> int:
    """The participant's answers, if the participant is in the key's workshop."""
    p = participants.c
    sheet = conn.scalar(
        sa.select(p.assessment_id)
        .join(workshops, workshops.c.id == p.workshop_id)
        .where(key.workshop_condition(), p.id == participant_id)
    )
    if sheet is None:
        raise AccessDenied
    return int(sheet)


def shown_notes(
    conn: sa.Connection,
    workshop_id: int,
    question_ids: Iterable[str],
    named: Mapping[int, tuple[str, int]] | None,
) -> list[tuple[str, str, str]]:
    """(question, name, text) of the approved notes, in the order they were approved; the name
    as lists show it (»Mette (2)«) from `named` (`room_names`), empty for the anonymous and
    when names are off (None)."""
    a, p, n = assessment_answers.c, participants.c, note_approvals.c
    rows = conn.execute(
        sa.select(a.question_id, p.id, a.note)
        .join(participants, p.assessment_id == a.assessment_id)
        .join(
            note_approvals,
            sa.and_(
                n.assessment_id == a.assessment_id,
                n.question_id == a.question_id,
                n.note_rev == a.note_rev,
            ),
        )
        .where(p.workshop_id == workshop_id, a.question_id.in_(list(question_ids)), a.note != "")
        .order_by(n.approved_at, p.id)
    )
    return [
        (r.question_id, shown_name(*named[r.id]) if named is not None else "", r.note) for r in rows
    ]
