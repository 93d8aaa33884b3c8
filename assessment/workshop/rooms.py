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
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..limits import MAX_PARTICIPANT, MAX_TITLE
from ..models import (
    LANGS,
    Answer,
    Bank,
    Lang,
    Municipality,
    Respondent,
    Response,
    clean_line,
)
from ..records import (
    AccessDenied,
    FacilitatorKey,
    ParticipantLink,
    Record,
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

log = logging.getLogger(__name__)

JOIN_ALPHABET = "34679ACDEFHJKMNPRTWXY"
"""Join-code characters nobody mistakes for another when reading a projector or typing on a
phone: 0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, G (6) and U/V are left out. 21⁶ ≈ 86 million codes."""
JOIN_CODE_LENGTH = 6
CODE_ATTEMPTS = 20

WorkshopStatus = Literal["open", "closed"]


class WorkshopNotFound(RecordError):
    """No open workshop has the join code that was typed."""

    key = "error.workshop.not_found"


@dataclass(frozen=True)
class Workshop:
    id: int
    title: str
    municipality: Municipality
    date: dt.date
    language: Lang
    bank_id: str
    bank_version: str
    join_code: str
    status: WorkshopStatus
    created_at: dt.datetime

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def response(
        self,
        answers: Mapping[str, Answer],
        *,
        updated_at: dt.datetime,
        targets: Mapping[str, float] | None = None,
    ) -> Response:
        """A Response for this workshop's municipality and bank (e.g. the room's medians)."""
        return Response(
            bank_id=self.bank_id,
            bank_version=self.bank_version,
            municipality=self.municipality,
            respondent=Respondent(name=self.title[:80]),
            language=self.language,
            created_at=self.created_at,
            updated_at=updated_at,
            answers=dict(answers),
            targets=dict(targets or {}),
        )


@dataclass(frozen=True)
class ParticipantView:
    """What a participant's token opens: the workshop and their own answers, nobody else's."""

    participant_id: int
    name: str
    workshop: Workshop
    record: Record

    @property
    def response(self) -> Response:
        return self.record.response


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(typed: str) -> str:
    """`k7r-mxp`, ` K7R MXP ` and `K7RMXP` are one code; raise WorkshopNotFound if it can't be."""
    code = re.sub(r"[\s\-_.]", "", typed[:40]).upper()
    if len(code) != JOIN_CODE_LENGTH or any(c not in JOIN_ALPHABET for c in code):
        raise WorkshopNotFound
    return code


def format_join_code(code: str) -> str:
    """The code as shown and read aloud: two groups of three (`K7R MXP`)."""
    return f"{code[:3]} {code[3:]}"


def one_line(text: str, limit: int) -> str:
    """One line of user text as the models keep it; over the limit is refused, never cut."""
    if len(text) > limit:
        raise TooLong(limit)
    return clean_line(text)


def workshop_from_row(row: sa.Row) -> Workshop:
    return Workshop(
        id=row.id,
        title=row.title,
        municipality=Municipality(code=row.municipality_code, name=row.municipality_name),
        date=row.date,
        language=row.language,
        bank_id=row.bank_id,
        bank_version=row.bank_version,
        join_code=row.join_code,
        status=row.status,
        created_at=row.created_at,
    )


def create_workshop(
    engine: Engine,
    *,
    title: str,
    municipality: Municipality,
    date: dt.date,
    language: Lang,
    bank: Bank,
) -> FacilitatorKey:
    """Store a new open workshop and its empty agreed answers; the returned key is the only
    copy of the facilitator token."""
    title = one_line(title, MAX_TITLE)
    if not title:
        raise ValueError("a workshop needs a title")
    if language not in LANGS:
        raise ValueError(f"language must be one of {LANGS}")
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
        "status": "open",
        "created_at": stamp,
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


def join_workshop(engine: Engine, join_code: str, name: str = "") -> str:
    """Add a participant (empty name: anonymous) to an open workshop; return their token."""
    code = normalise_join_code(join_code)
    name = one_line(name, MAX_PARTICIPANT)
    token = new_token()
    stamp = now()
    w = workshops.c
    sheet = sa.select(
        sa.literal("participant"),
        w.id,
        w.municipality_code,
        w.municipality_name,
        sa.literal(name),
        sa.literal(""),
        sa.literal(0),
        sa.literal({}, sa.JSON),
        sa.literal(0),
        w.language,
        w.bank_id,
        w.bank_version,
        sa.literal(0),
        sa.literal(stamp, assessments.c.created_at.type),
        sa.literal(stamp, assessments.c.updated_at.type),
    ).where(w.join_code == code, w.status == "open")
    columns = [
        "kind", "workshop_id", "municipality_code", "municipality_name", "respondent_name",
        "respondent_role", "details_rev", "profile", "profile_rev", "language", "bank_id",
        "bank_version", "revision", "created_at", "updated_at",
    ]  # fmt: skip
    with engine.begin() as conn:  # the insert checks the room is open: a close cannot race it
        made = conn.execute(
            sa.insert(assessments)
            .from_select(columns, sheet)
            .returning(assessments.c.id, assessments.c.workshop_id)
        ).first()
        if made is not None:
            conn.execute(
                sa.insert(participants).values(
                    workshop_id=made.workshop_id,
                    assessment_id=made.id,
                    name=name,
                    token_hash=digest(token),
                    joined_at=stamp,
                )
            )
            log.info("participant joined workshop %s", made.workshop_id)
            return token
    log.info("join refused: no open workshop with the typed code")
    raise WorkshopNotFound  # closed and unknown codes get the same reply


def participant_view(engine: Engine, token: str) -> ParticipantView:
    """Resume from a participant's token: their workshop and their own answers only."""
    record = load(engine, ParticipantLink(token))
    p = participants.c
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(p.id, p.name, workshops)
            .join(workshops, workshops.c.id == p.workshop_id)
            .where(p.assessment_id == record.id)
        ).one()
    return ParticipantView(
        participant_id=row.id, name=row.name, workshop=workshop_from_row(row), record=record
    )


def facilitator_workshop(engine: Engine, key: FacilitatorKey) -> Workshop:
    """The workshop a facilitator key opens, or AccessDenied."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(workshops).where(key.workshop_condition())).first()
    if row is None:
        raise AccessDenied
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
    "Workshop",
    "WorkshopClosed",
    "WorkshopNotFound",
    "create_workshop",
    "facilitator_workshop",
    "format_join_code",
    "join_workshop",
    "list_workshops",
    "normalise_join_code",
    "participant_view",
]
