"""Who is in the room: remove someone (a test entry, a person who left) or merge two entries of
one person (a lost tab, a second device), and how many may join.

A merge keeps the entry the person uses now (its link goes on working) and takes over the other
entry's answers where they are the more recent or the only ones; the other entry is deleted.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..records import AccessDenied, FacilitatorKey, now
from ..store.schema import assessment_answers, assessments, participants, workshops
from .rooms import check_seats

log = logging.getLogger(__name__)


class SameParticipant(ValueError):
    """A participant cannot be merged into themselves."""


def _members(conn: sa.Connection, key: FacilitatorKey, *ids: int) -> dict[int, sa.Row]:
    """The participants with these ids, all of them in the key's workshop, or AccessDenied."""
    p = participants.c
    rows = conn.execute(
        sa.select(p.id, p.assessment_id, p.name, p.finished_at, p.workshop_id)
        .join(workshops, workshops.c.id == p.workshop_id)
        .where(key.workshop_condition(), p.id.in_(ids))
    ).all()
    found = {r.id: r for r in rows}
    if set(found) != set(ids):
        raise AccessDenied
    return found


def remove_participant(engine: Engine, key: FacilitatorKey, participant_id: int) -> None:
    """Delete a participant with their name, answers and notes; their link opens nothing."""
    with engine.begin() as conn:
        person = _members(conn, key, participant_id)[participant_id]
        conn.execute(sa.delete(assessments).where(assessments.c.id == person.assessment_id))
    log.info("workshop %s: participant %s removed", person.workshop_id, participant_id)


def merge_participants(engine: Engine, key: FacilitatorKey, keep: int, absorb: int) -> None:
    """Make `absorb`'s answers part of `keep`'s and delete `absorb`. Per question the more
    recently stored answer wins, choice and note alike; a name or "done" `keep` lacks is taken
    over. `keep`'s revision goes up, so its open page draws the merged answers."""
    if keep == absorb:
        raise SameParticipant(f"participant {keep} cannot be merged into themselves")
    a = assessment_answers.c
    stamp = now()
    with engine.begin() as conn:
        people = _members(conn, key, keep, absorb)
        target, source = people[keep].assessment_id, people[absorb].assessment_id
        revision = conn.execute(
            sa.update(assessments)
            .where(assessments.c.id == target)
            .values(revision=assessments.c.revision + 1, updated_at=stamp)
            .returning(assessments.c.revision)
        ).scalar_one()
        ours = {r.question_id: r for r in conn.execute(
            sa.select(assessment_answers).where(a.assessment_id == target))}  # fmt: skip
        theirs = conn.execute(sa.select(assessment_answers).where(a.assessment_id == source))
        for row in theirs:
            mine = ours.get(row.question_id)
            if mine is not None and mine.updated_at >= row.updated_at:
                continue
            values = {
                "choice": row.choice,
                "level": row.level,
                "level_rev": revision,
                "note": row.note,
                "note_rev": revision,
                "updated_at": row.updated_at,
            }
            if mine is None:
                conn.execute(
                    sa.insert(assessment_answers).values(
                        assessment_id=target, question_id=row.question_id, **values
                    )
                )
            else:
                conn.execute(
                    sa.update(assessment_answers)
                    .where(a.assessment_id == target, a.question_id == row.question_id)
                    .values(**values)
                )
        kept, name = people[keep], people[keep].name or people[absorb].name
        conn.execute(
            sa.update(participants)
            .where(participants.c.id == keep)
            .values(name=name, finished_at=kept.finished_at or people[absorb].finished_at)
        )
        conn.execute(
            sa.update(assessments).where(assessments.c.id == target).values(respondent_name=name)
        )
        conn.execute(sa.delete(assessments).where(assessments.c.id == source))
    log.info("workshop %s: participant %s merged into %s", kept.workshop_id, absorb, keep)


def set_seats(engine: Engine, key: FacilitatorKey, seats: int) -> None:
    """How many participants the workshop takes (those already in stay)."""
    check_seats(seats)
    with engine.begin() as conn:
        changed = conn.execute(
            sa.update(workshops)
            .where(key.workshop_condition())
            .values(max_participants=seats)
            .returning(workshops.c.id)
        ).first()
    if changed is None:
        raise AccessDenied
    log.info("workshop %s takes at most %s participants", changed.id, seats)
