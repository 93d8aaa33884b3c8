"""Workshops: a room answers on its own devices, and each answer is stored as it is given.

Two kinds of secret decide who may do what: the facilitator's key (the join code with a token
shown once at creation) and each participant's token (kept in that person's link). Tokens come
from `secrets.token_urlsafe(32)` and only their SHA-256 digests are stored, so a copy of the
database lets nobody in. User text (titles, names, notes) is stored and returned as plain text:
nothing here treats it as HTML or markup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field
from typing import ClassVar, Literal

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..models import LANGS, LEVELS, Answer, Bank, Lang, Municipality, PlanEdit, Respondent, Response
from ..store import UTCDateTime, answers, participants, upsert, workshops

JOIN_ALPHABET = "34679ACDEFHJKMNPRTWXY"
"""Join-code characters nobody mistakes for another when reading a projector or typing on a
phone: 0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, G (6) and U/V are left out. 21⁶ ≈ 86 million codes."""
JOIN_CODE_LENGTH = 6
CODE_ATTEMPTS = 20
MAX_TITLE = 200
MAX_NAME = 40
MAX_NOTE = 2000

WorkshopStatus = Literal["open", "closed"]


class WorkshopError(Exception):
    """A refusal the UI shows as one line; `key` names its message in `assessment.i18n`."""

    key: ClassVar[str]


class WorkshopNotFound(WorkshopError):
    """No workshop has the join code that was typed."""

    key = "error.workshop.not_found"


class WorkshopClosed(WorkshopError):
    """The facilitator has closed the workshop: no new participants or answers."""

    key = "error.workshop.closed"


class AccessDenied(WorkshopError):
    """A token (or facilitator key) that opens nothing: the same answer for every wrong guess."""

    key = "error.workshop.access_denied"


class WrongBank(WorkshopError):
    """The app's question bank is not the one the workshop was created with."""

    key = "error.workshop.wrong_bank"


@dataclass(frozen=True)
class FacilitatorKey:
    """What the facilitator's link carries; the token stays out of logs and tracebacks."""

    join_code: str
    token: str = field(repr=False)


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
    targets: dict[str, float]
    plan_edits: dict[str, PlanEdit]

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def response(
        self,
        answers: dict[str, Answer],
        *,
        updated_at: dt.datetime,
        respondent: str | None = None,
        targets: dict[str, float] | None = None,
        plan_edits: dict[str, PlanEdit] | None = None,
    ) -> Response:
        """A Response for this workshop's municipality and bank, e.g. the room's or one person's."""
        return Response(
            bank_id=self.bank_id,
            bank_version=self.bank_version,
            municipality=self.municipality,
            respondent=Respondent(name=self.title if respondent is None else respondent),
            language=self.language,
            created_at=self.created_at,
            updated_at=updated_at,
            answers=answers,
            targets=targets or {},
            plan_edits=plan_edits or {},
        )


@dataclass(frozen=True)
class ParticipantView:
    """What a participant's token opens: the workshop and their own answers, nobody else's."""

    participant_id: int
    name: str
    workshop: Workshop
    answers: dict[str, Answer]


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def digest(token: str) -> str:
    """The stored form of a token: its SHA-256 (a 256-bit random token needs no slow hash)."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(typed: str) -> str:
    """`k7r-mxp`, ` K7R MXP ` and `K7RMXP` are one code; raise WorkshopNotFound if it can't be."""
    code = re.sub(r"[\s\-_.]", "", typed).upper()
    if len(code) != JOIN_CODE_LENGTH or any(c not in JOIN_ALPHABET for c in code):
        raise WorkshopNotFound
    return code


def format_join_code(code: str) -> str:
    """The code as shown and read aloud: two groups of three (`K7R MXP`)."""
    return f"{code[:3]} {code[3:]}"


def _clean_line(text: str, limit: int, what: str) -> str:
    """One line of user text: control characters dropped, runs of spaces collapsed."""
    line = " ".join("".join(c for c in text if c.isprintable() or c.isspace()).split())
    if len(line) > limit:
        raise ValueError(f"{what} is longer than {limit} characters")
    return line


def check_answer(bank: Bank, question_id: str, level: int | None, note: str) -> Answer:
    """The answer to store: refuse a question the bank lacks, a level outside 0–4 or an
    overlong note; drop control characters (PostgreSQL refuses NUL) but keep line breaks."""
    if question_id not in bank.questions_by_id():
        raise ValueError(f"unknown question {question_id!r} in bank {bank.id!r}")
    if level is not None and (type(level) is not int or level not in LEVELS):
        raise ValueError(f"level must be 0–4 or None, not {level!r}")
    note = "".join(c for c in note.replace("\r\n", "\n") if c.isprintable() or c in "\n\t")
    if len(note) > MAX_NOTE:
        raise ValueError(f"note is longer than {MAX_NOTE} characters")
    return Answer(level=level, note=note)


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
        targets=dict(row.targets),
        plan_edits={k: PlanEdit.model_validate(v) for k, v in row.plan_edits.items()},
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
    """Store a new open workshop; the returned key is the only copy of the facilitator token."""
    title = _clean_line(title, MAX_TITLE, "title")
    if not title:
        raise ValueError("a workshop needs a title")
    if language not in LANGS:
        raise ValueError(f"language must be one of {LANGS}")
    token = secrets.token_urlsafe(32)
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
        "created_at": now(),
        "targets": {},
        "plan_edits": {},
    }
    for _ in range(CODE_ATTEMPTS):
        code = new_join_code()
        try:
            with engine.begin() as conn:
                conn.execute(sa.insert(workshops).values(join_code=code, **values))
        except sa.exc.IntegrityError:
            continue  # the code is taken: draw another
        return FacilitatorKey(join_code=code, token=token)
    raise RuntimeError(f"no free join code after {CODE_ATTEMPTS} attempts")


def join_workshop(engine: Engine, join_code: str, name: str = "") -> str:
    """Add a participant (empty name: anonymous) to an open workshop; return their token."""
    code = normalise_join_code(join_code)
    name = _clean_line(name, MAX_NAME, "name")
    token = secrets.token_urlsafe(32)
    stamp = sa.literal(now(), UTCDateTime())
    w = workshops.c
    found = sa.select(
        w.id, sa.literal(name, sa.String()), sa.literal(digest(token), sa.String()), stamp, stamp
    ).where(w.join_code == code, w.status == "open")
    columns = ["workshop_id", "name", "token_hash", "joined_at", "last_seen"]
    with engine.begin() as conn:  # one statement: a close racing a join cannot let it in
        stmt = sa.insert(participants).from_select(columns, found).returning(participants.c.id)
        if conn.execute(stmt).first() is not None:
            return token
        status = conn.scalar(sa.select(w.status).where(w.join_code == code))
    raise WorkshopClosed if status == "closed" else WorkshopNotFound


def participant_view(engine: Engine, token: str) -> ParticipantView:
    """Resume from a participant's token: their workshop and their own answers only."""
    p, a = participants.c, answers.c
    with engine.connect() as conn:
        person = conn.execute(
            sa.select(p.id, p.name, p.workshop_id).where(p.token_hash == digest(token))
        ).first()
        if person is None:
            raise AccessDenied
        ws = conn.execute(sa.select(workshops).where(workshops.c.id == person.workshop_id)).one()
        rows = conn.execute(
            sa.select(a.question_id, a.level, a.note).where(a.participant_id == person.id)
        ).all()
    return ParticipantView(
        participant_id=person.id,
        name=person.name,
        workshop=workshop_from_row(ws),
        answers={r.question_id: Answer(level=r.level, note=r.note) for r in rows},
    )


def record_answer(
    engine: Engine, bank: Bank, token: str, question_id: str, level: int | None, note: str = ""
) -> None:
    """Store one answer as given (insert or overwrite) in one atomic statement."""
    answer = check_answer(bank, question_id, level, note)
    p, w = participants.c, workshops.c
    stamp = now()
    found = sa.select(
        p.id,
        sa.literal(question_id, sa.String()),
        sa.literal(answer.level, sa.Integer()),
        sa.literal(answer.note, sa.Text()),
        sa.literal(stamp, UTCDateTime()),
    ).where(
        p.token_hash == digest(token),
        w.id == p.workshop_id,
        w.status == "open",
        w.bank_id == bank.id,
    )
    stmt = upsert(engine, answers).from_select(
        ["participant_id", "question_id", "level", "note", "updated_at"], found
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=[answers.c.participant_id, answers.c.question_id],
        set_={c: stmt.excluded[c] for c in ("level", "note", "updated_at")},
    )
    with engine.begin() as conn:
        if conn.execute(stmt.returning(answers.c.participant_id)).first() is not None:
            conn.execute(
                sa.update(participants).where(p.token_hash == digest(token)).values(last_seen=stamp)
            )
            return
        ws = conn.execute(
            sa.select(w.status)
            .select_from(participants.join(workshops))
            .where(p.token_hash == digest(token))
        ).first()
    if ws is None:
        raise AccessDenied
    raise WorkshopClosed if ws.status == "closed" else WrongBank


def facilitator_workshop(engine: Engine, key: FacilitatorKey) -> Workshop:
    """The workshop a facilitator key opens, or AccessDenied."""
    with engine.connect() as conn:
        return authorise(conn, key)


def authorise(conn: sa.Connection, key: FacilitatorKey) -> Workshop:
    """Check a facilitator key inside the caller's transaction; hashes compared in constant time."""
    try:
        code = normalise_join_code(key.join_code)
    except WorkshopNotFound:
        raise AccessDenied from None
    row = conn.execute(sa.select(workshops).where(workshops.c.join_code == code)).first()
    if row is None or not hmac.compare_digest(row.facilitator_token_hash, digest(key.token)):
        raise AccessDenied
    return workshop_from_row(row)


def list_workshops(engine: Engine) -> list[Workshop]:
    """Every stored workshop, newest first: for the consultant's overview and bulk export."""
    query = sa.select(workshops).order_by(workshops.c.created_at.desc(), workshops.c.id.desc())
    with engine.connect() as conn:
        return [workshop_from_row(r) for r in conn.execute(query)]
