"""Workshops: a room answers on its own devices, and each answer is stored as it is given.

Two kinds of secret decide who may do what: the facilitator's key (the join code with a token
shown once at creation) and each participant's token (kept in that person's link). Both are
stored only as SHA-256 digests. A workshop owns two kinds of stored assessment
(`assessment.records`): one per participant (their own answers) and one for the room's agreed
answers, targets and plan. User text (titles, names, notes) is stored and returned as plain
text: nothing here treats it as HTML or markup.
"""

from __future__ import annotations

import datetime as dt
import logging

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..limits import MAX_PARTICIPANT, MAX_TITLE
from ..models import LANGS, Bank, Lang, Municipality, clean_line
from ..records import (
    AccessDenied,
    FacilitatorKey,
    ParticipantLink,
    RecordError,
    TooLong,
    WorkshopClosed,
    assessment_values,
    digest,
    load,
    new_token,
    now,
)
from ..store.schema import assessments, participants, workshops
from . import throttle
from .access import ensure_presenter_link, presenter_token
from .codes import WorkshopNotFound, new_join_code, normalise_join_code
from .model import SEATS, ParticipantView, Workshop, room_from_row, workshop_from_row

log = logging.getLogger(__name__)

CODE_ATTEMPTS = 20
MAX_SEATS = 500
JOINS_PER_MINUTE = 60
"""Joins one workshop takes in a minute: a full room scanning the QR code at once, not a flood."""


class RoomFull(RecordError):
    """The workshop has as many participants as its facilitator allowed."""

    key = "error.workshop.full"


class RoomBusy(RecordError):
    """More joins in one minute than a room makes: try again in a moment."""

    key = "error.workshop.busy"


def one_line(text: str, limit: int) -> str:
    """One line of user text as the models keep it; over the limit is refused, never cut."""
    if len(text) > limit:
        raise TooLong(limit)
    return clean_line(text)


def create_workshop(
    engine: Engine,
    *,
    title: str,
    municipality: Municipality,
    date: dt.date,
    language: Lang,
    bank: Bank,
    delete_after: dt.date | None = None,
    max_participants: int = SEATS,
) -> FacilitatorKey:
    """Store a new open workshop and its empty agreed answers; the returned key is the only
    copy of the facilitator token."""
    title = one_line(title, MAX_TITLE)
    if not title:
        raise ValueError("a workshop needs a title")
    if language not in LANGS:
        raise ValueError(f"language must be one of {LANGS}")
    check_seats(max_participants)
    token = new_token()
    stamp = now()
    values = {
        "title": title,
        "municipality_code": municipality.code,
        "municipality_name": municipality.name,
        "date": date,
        "language": language,
        "bank_id": bank.id,
        "bank_version": bank.version,
        "facilitator_token_hash": digest(token),
        "presenter_token_hash": digest(presenter_token(FacilitatorKey("", token))),
        "status": "open",
        "created_at": stamp,
        "delete_after": delete_after,
        "max_participants": max_participants,
    }
    for _ in range(CODE_ATTEMPTS):
        code = new_join_code()
        try:
            with engine.begin() as conn:
                workshop_id = conn.execute(
                    sa.insert(workshops).values(join_code=code, **values).returning(workshops.c.id)
                ).scalar_one()
                agreed = assessment_values(
                    bank,
                    municipality,
                    kind="consensus",
                    language=language,
                    stamp=stamp,
                    workshop_id=workshop_id,
                )
                agreed["respondent_name"] = title[:80]
                conn.execute(sa.insert(assessments).values(**agreed))
        except sa.exc.IntegrityError:
            continue  # the code is taken: draw another
        log.info("workshop %s created for municipality %s", workshop_id, municipality.code)
        return FacilitatorKey(join_code=code, token=token)
    raise RuntimeError(f"no free join code after {CODE_ATTEMPTS} attempts")


def check_seats(seats: int) -> None:
    if not 1 <= seats <= MAX_SEATS:
        raise ValueError(f"a workshop takes 1–{MAX_SEATS} participants, not {seats}")


def join_workshop(
    engine: Engine, join_code: str, name: str = "", *, client: throttle.Client | None = None
) -> str:
    """Add a participant (empty name: anonymous) to an open workshop; return their token.

    `client` is the browser and network address joining (`throttle.Client`): a browser or an
    address that has typed too many wrong codes is refused before the code is looked at. A
    workshop takes at most `JOINS_PER_MINUTE` joins a minute and `max_participants` people.
    Unknown and closed codes get the same reply.
    """
    stamp = now()
    if client is not None:
        with engine.connect() as conn:
            throttle.check(conn, client, stamp)
    try:
        code = normalise_join_code(join_code)
        token = _join(engine, code, one_line(name, MAX_PARTICIPANT), stamp)
    except WorkshopNotFound:
        if client is not None:
            throttle.record_failure(engine, client, stamp)
        log.info("join refused: no open workshop with the typed code")
        raise
    return token


def _join(engine: Engine, code: str, name: str, stamp: dt.datetime) -> str:
    """One transaction: count the join on the workshop's row (which also queues joins to one
    room behind each other), add the person, and undo it all if the room is over its limits."""
    w = workshops.c
    minute = stamp.replace(second=0, microsecond=0)
    token = new_token()
    with engine.begin() as conn:
        room = conn.execute(
            sa.update(workshops)
            .where(w.join_code == code, w.status == "open")
            .values(
                joins_in_window=sa.case((w.join_window == minute, w.joins_in_window + 1), else_=1),
                join_window=minute,
            )
            .returning(w.id, w.joins_in_window, w.max_participants, *_SHEET_COLUMNS)
        ).first()
        if room is None:
            raise WorkshopNotFound
        if room.joins_in_window > JOINS_PER_MINUTE:
            log.warning("workshop %s: join refused, over %s a minute", room.id, JOINS_PER_MINUTE)
            raise RoomBusy
        sheet = {
            "kind": "participant",
            "token_hash": None,
            "workshop_id": room.id,
            "municipality_code": room.municipality_code,
            "municipality_name": room.municipality_name,
            "respondent_name": name,
            "respondent_role": "",
            "details_rev": 0,
            "profile": {},
            "profile_rev": 0,
            "language": room.language,
            "bank_id": room.bank_id,
            "bank_version": room.bank_version,
            "revision": 0,
            "created_at": stamp,
            "updated_at": stamp,
        }
        sheet_id = conn.execute(
            sa.insert(assessments).values(**sheet).returning(assessments.c.id)
        ).scalar_one()
        conn.execute(
            sa.insert(participants).values(
                workshop_id=room.id,
                assessment_id=sheet_id,
                name=name,
                token_hash=digest(token),
                joined_at=stamp,
            )
        )
        seated = conn.scalar(
            sa.select(sa.func.count()).where(participants.c.workshop_id == room.id)
        )
        if seated > room.max_participants:
            log.warning("workshop %s: join refused, all %s seats taken", room.id, seated - 1)
            raise RoomFull
    log.info("participant joined workshop %s", room.id)
    return token


_SHEET_COLUMNS = (
    workshops.c.municipality_code,
    workshops.c.municipality_name,
    workshops.c.language,
    workshops.c.bank_id,
    workshops.c.bank_version,
)


def rejoin(engine: Engine, join_code: str, token: str) -> ParticipantView | None:
    """The participant this device already is in the open workshop with this code, if any (the
    token comes from the device's cookie); None sends the device through a normal join."""
    try:
        code = normalise_join_code(join_code)
        seen = participant_view(engine, token)
    except RecordError:
        return None
    if seen.workshop.join_code != code or not seen.workshop.is_open:
        return None
    log.info("participant resumed in workshop %s from the same device", seen.workshop.id)
    return seen


def participant_view(engine: Engine, token: str) -> ParticipantView:
    """Resume from a participant's token: their workshop, the room and their own answers only."""
    record = load(engine, ParticipantLink(token))
    p = participants.c
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(
                p.id.label("participant_id"),
                p.name.label("participant_name"),
                p.finished_at,
                workshops,
            )
            .join(workshops, workshops.c.id == p.workshop_id)
            .where(p.assessment_id == record.id)
        ).one()
    return ParticipantView(
        participant_id=row.participant_id,
        name=row.participant_name,
        workshop=workshop_from_row(row),
        room=room_from_row(row),
        record=record,
        finished=row.finished_at is not None,
    )


def mark_finished(engine: Engine, token: str) -> None:
    """The participant says they are done (the facilitator's list shows it); they may go on."""
    with engine.begin() as conn:
        done = conn.execute(
            sa.update(participants)
            .where(participants.c.token_hash == digest(token))
            .values(finished_at=now())
            .returning(participants.c.workshop_id)
        ).first()
    if done is None:
        raise AccessDenied


def facilitator_workshop(engine: Engine, key: FacilitatorKey) -> Workshop:
    """The workshop a facilitator key opens, or AccessDenied. A workshop made before presenter
    links existed gets its link here, as only its key can derive it."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(workshops).where(key.workshop_condition())).first()
    if row is None:
        raise AccessDenied
    if row.presenter_token_hash is None:
        ensure_presenter_link(engine, key)
    return workshop_from_row(row)


def list_workshops(engine: Engine) -> list[Workshop]:
    """Every stored workshop, newest first: for the consultant's overview and bulk export."""
    query = sa.select(workshops).order_by(workshops.c.created_at.desc(), workshops.c.id.desc())
    with engine.connect() as conn:
        return [workshop_from_row(r) for r in conn.execute(query)]


__all__ = [
    "AccessDenied",
    "FacilitatorKey",
    "ParticipantView",
    "RoomBusy",
    "RoomFull",
    "Workshop",
    "WorkshopClosed",
    "WorkshopNotFound",
    "create_workshop",
    "facilitator_workshop",
    "join_workshop",
    "list_workshops",
    "mark_finished",
    "participant_view",
    "rejoin",
]
