"""Stored assessments: the single truth every page is a view of.

Every change (a choice, a note, a target, a plan edit, the profile, who answered) is written
at once, one value at a time. An assessment has a `revision` that each write raises by one,
and each stored value remembers the revision that wrote it. A page passes the revision it
shows (`base`); a write to a value stored after that revision is refused with `Conflict`
instead of overwriting what another window saved. `base=None` writes unconditionally (an
import, the command line).

Who may read or write is a `Door`, checked in the same SQL statement as the write: a private
link (a solo assessment's token), a participant's link (only while the workshop is open), or
a facilitator's key (the workshop's agreed answers). Tokens are stored only as SHA-256 hashes.

Each write transaction starts with a write (raising the revision), so SQLite takes its write
lock at once and queues on the busy timeout instead of failing a read-then-write upgrade.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .limits import MAX_NOTE, MAX_OWNER
from .models import (
    MAX_LEVEL,
    MIN_LEVEL,
    Answer,
    Bank,
    Choice,
    Lang,
    Municipality,
    PlanEdit,
    Profile,
    Respondent,
    Response,
    clean_line,
    clean_note,
)
from .planning import plannable_ids
from .store import upsert
from .store.schema import (
    assessment_answers,
    assessment_plan_edits,
    assessment_targets,
    assessments,
    participants,
    workshops,
)

log = logging.getLogger(__name__)


class RecordError(Exception):
    """A refusal the app shows as one line; `key` names its message in `assessment.i18n`,
    `params` fills it in."""

    key: ClassVar[str]
    params: dict[str, object] = {}  # noqa: RUF012 - read-only; subclasses set their own


class TooLong(RecordError):
    """Text over its limit is refused as a whole, never cut."""

    key = "error.record.too_long"

    def __init__(self, limit: int) -> None:
        super().__init__(f"longer than {limit} characters")
        self.params = {"limit": limit}


class AccessDenied(RecordError):
    """A link or key that opens nothing: the same answer for every wrong guess."""

    key = "error.record.access_denied"


class Conflict(RecordError):
    """The value was saved from another window after this page showed it."""

    key = "error.record.conflict"


class WorkshopClosed(RecordError):
    """The facilitator has closed the workshop: participants' answers are no longer taken."""

    key = "error.workshop.closed"


class WrongBank(RecordError):
    """The app's question bank is not the one the assessment was made with."""

    key = "error.workshop.wrong_bank"


def digest(token: str) -> str:
    """The stored form of a token: its SHA-256 (a 256-bit random token needs no slow hash)."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ---------------------------------------------------------------- doors


class Door(Protocol):
    """Which assessment a link opens, as a condition on the `assessments` table."""

    def condition(self, *, writing: bool) -> sa.ColumnElement[bool]: ...

    def refusal(self, conn: sa.Connection) -> RecordError:
        """Why a write found no assessment: asked only after the write matched nothing."""
        ...


@dataclass(frozen=True)
class PrivateLink:
    """A solo assessment's private link; the token stays out of logs and reprs."""

    token: str = field(repr=False)

    def condition(self, *, writing: bool) -> sa.ColumnElement[bool]:
        return sa.and_(assessments.c.token_hash == digest(self.token), assessments.c.kind == "solo")

    def refusal(self, conn: sa.Connection) -> RecordError:
        return AccessDenied()


@dataclass(frozen=True)
class ParticipantLink:
    """A workshop participant's own link: their answers, and only while the room is open."""

    token: str = field(repr=False)

    def _person(self) -> sa.Select[tuple[int]]:
        return sa.select(participants.c.assessment_id).where(
            participants.c.token_hash == digest(self.token)
        )

    def condition(self, *, writing: bool) -> sa.ColumnElement[bool]:
        person = self._person()
        if writing:
            person = person.join(workshops, workshops.c.id == participants.c.workshop_id).where(
                workshops.c.status == "open"
            )
        return assessments.c.id == person.scalar_subquery()

    def refusal(self, conn: sa.Connection) -> RecordError:
        status = conn.scalar(
            sa.select(workshops.c.status)
            .join(participants, participants.c.workshop_id == workshops.c.id)
            .where(participants.c.token_hash == digest(self.token))
        )
        if status is None:
            return AccessDenied()
        return WorkshopClosed() if status == "closed" else AccessDenied()


@dataclass(frozen=True)
class FacilitatorKey:
    """What the facilitator's link carries: the join code and a token shown once."""

    join_code: str
    token: str = field(repr=False)

    def workshop_condition(self) -> sa.ColumnElement[bool]:
        return sa.and_(
            workshops.c.join_code == self.join_code.replace(" ", "").upper(),
            workshops.c.facilitator_token_hash == digest(self.token),
        )

    def condition(self, *, writing: bool) -> sa.ColumnElement[bool]:
        """The workshop's agreed answers (writable also after the room is closed)."""
        workshop = sa.select(workshops.c.id).where(self.workshop_condition())
        return sa.and_(
            assessments.c.kind == "consensus",
            assessments.c.workshop_id == workshop.scalar_subquery(),
        )

    def refusal(self, conn: sa.Connection) -> RecordError:
        return AccessDenied()


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class Revisions:
    """The revision that last wrote each stored value (absent: never written)."""

    levels: dict[str, int]
    notes: dict[str, int]
    targets: dict[str, int]
    plan: dict[str, int]
    profile: int
    details: int


@dataclass(frozen=True)
class Record:
    """One stored assessment as a page shows it: the response and where each value stands."""

    id: int
    kind: str
    workshop_id: int | None
    revision: int
    response: Response
    revs: Revisions
    round: Round = field(default_factory=lambda: Round())


@dataclass(frozen=True)
class Round:
    """Where an assessment stands among its rounds, and who it belongs to."""

    client_id: int | None = None
    previous_id: int | None = None
    share_peers: bool = False
    carried: frozenset[str] = frozenset()
    """Questions whose answer was carried over from the round before and not yet confirmed."""
    carried_status: Mapping[str, str] = field(default_factory=dict)
    """Plan actions carried over, with the status they had then."""


def load(engine: Engine, door: Door) -> Record:
    """Read one assessment in a single snapshot; AccessDenied if the door opens nothing."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(assessments).where(door.condition(writing=False))).first()
        if row is None:
            raise AccessDenied
        return _record(conn, row)


def load_by_id(conn: sa.Connection, assessment_id: int) -> Record:
    """An assessment already authorised by the caller (e.g. a facilitator's room)."""
    row = conn.execute(sa.select(assessments).where(assessments.c.id == assessment_id)).one()
    return _record(conn, row)


def load_many(conn: sa.Connection, ids: Sequence[int]) -> dict[int, Record]:
    """Assessments already authorised by the caller, in four queries however many they are
    (a consultant's workspace lists every round of every client)."""
    if not ids:
        return {}
    a, t, p = assessment_answers.c, assessment_targets.c, assessment_plan_edits.c
    rows = conn.execute(sa.select(assessments).where(assessments.c.id.in_(ids))).all()
    by_id: dict[int, list[list[sa.Row]]] = {row.id: [[], [], []] for row in rows}
    for i, (table, key) in enumerate(
        ((assessment_answers, a), (assessment_targets, t), (assessment_plan_edits, p))
    ):
        for r in conn.execute(sa.select(table).where(key.assessment_id.in_(ids))):
            by_id[r.assessment_id][i].append(r)
    return {row.id: _build(row, *by_id[row.id]) for row in rows}


def _record(conn: sa.Connection, row: sa.Row) -> Record:
    a, t, p = assessment_answers.c, assessment_targets.c, assessment_plan_edits.c
    return _build(
        row,
        conn.execute(sa.select(assessment_answers).where(a.assessment_id == row.id)).all(),
        conn.execute(sa.select(assessment_targets).where(t.assessment_id == row.id)).all(),
        conn.execute(sa.select(assessment_plan_edits).where(p.assessment_id == row.id)).all(),
    )


def _build(
    row: sa.Row,
    answer_rows: Sequence[sa.Row],
    target_rows: Sequence[sa.Row],
    edit_rows: Sequence[sa.Row],
) -> Record:
    answers: dict[str, Answer] = {}
    levels: dict[str, int] = {}
    notes: dict[str, int] = {}
    for r in answer_rows:
        answers[r.question_id] = Answer(level=_choice_of(r.choice, r.level), note=r.note)
        levels[r.question_id] = r.level_rev
        notes[r.question_id] = r.note_rev
    targets: dict[str, float] = {}
    target_revs: dict[str, int] = {}
    for r in target_rows:
        targets[r.dimension_id] = r.target
        target_revs[r.dimension_id] = r.rev
    edits: dict[str, PlanEdit] = {}
    plan_revs: dict[str, int] = {}
    for r in edit_rows:
        edits[r.action_id] = PlanEdit(
            owner=r.owner, deadline=r.deadline, status=r.status, dropped=r.dropped
        )
        plan_revs[r.action_id] = r.rev
    response = Response(
        bank_id=row.bank_id,
        bank_version=row.bank_version,
        municipality=Municipality(code=row.municipality_code, name=row.municipality_name),
        respondent=Respondent(name=row.respondent_name, role=row.respondent_role),
        profile=_stored_profile(row.profile or {}),
        language=row.language,
        created_at=row.created_at,
        updated_at=row.updated_at,
        answers=answers,
        targets=targets,
        plan_edits=edits,
    )
    revs = Revisions(levels, notes, target_revs, plan_revs, row.profile_rev, row.details_rev)
    round_ = Round(
        client_id=row.client_id,
        previous_id=row.previous_id,
        share_peers=row.share_peers,
        carried=frozenset(r.question_id for r in answer_rows if r.carried),
        carried_status={r.action_id: r.carried_status for r in edit_rows if r.carried_status},
    )
    return Record(row.id, row.kind, row.workshop_id, row.revision, response, revs, round_)


def _stored_profile(data: dict[str, object]) -> Profile:
    """A stored profile. One imported before empty and repeated platforms and roles were
    refused (November 2026) keeps each name once and loses the empty ones, so it still opens."""
    kept = dict(data)
    for key in ("platforms", "roles"):
        items = kept.get(key)
        if isinstance(items, list):
            once: dict[str, object] = {}
            for item in items:
                once.setdefault(clean_line(str(item)).casefold(), item)
            once.pop("", None)
            kept[key] = list(once.values())
    return Profile.model_validate(kept)


def _choice_of(choice: str | None, level: int | None) -> Choice:
    return level if choice == "level" else choice


def _columns_of(choice: Choice) -> dict[str, object]:
    if isinstance(choice, int):
        return {"choice": "level", "level": choice}
    return {"choice": choice, "level": None}


# ---------------------------------------------------------------- creating


def assessment_values(
    bank: Bank,
    municipality: Municipality,
    *,
    kind: str,
    language: Lang,
    stamp: dt.datetime,
    respondent: Respondent | None = None,
    workshop_id: int | None = None,
    token_hash: str | None = None,
) -> dict[str, object]:
    """The columns of a new, empty assessment."""
    who = respondent or Respondent()
    return {
        "kind": kind,
        "token_hash": token_hash,
        "workshop_id": workshop_id,
        "municipality_code": municipality.code,
        "municipality_name": municipality.name,
        "respondent_name": who.name,
        "respondent_role": who.role,
        "details_rev": 0,
        "profile": {},
        "profile_rev": 0,
        "language": language,
        "bank_id": bank.id,
        "bank_version": bank.version,
        "revision": 0,
        "created_at": stamp,
        "updated_at": stamp,
    }


def create_solo(
    engine: Engine,
    bank: Bank,
    municipality: Municipality,
    *,
    respondent: Respondent | None = None,
    language: Lang = "da",
    stamp: dt.datetime | None = None,
) -> str:
    """Store a new solo assessment; the returned token is the only copy of its private link."""
    token = new_token()
    values = assessment_values(
        bank,
        municipality,
        kind="solo",
        language=language,
        stamp=stamp or now(),
        respondent=respondent,
        token_hash=digest(token),
    )
    with engine.begin() as conn:
        assessment_id = conn.execute(
            sa.insert(assessments).values(**values).returning(assessments.c.id)
        ).scalar_one()
    log.info("solo assessment %s created for municipality %s", assessment_id, municipality.code)
    return token


def import_response(engine: Engine, bank: Bank, response: Response) -> str:
    """Store an uploaded answers file as a new solo assessment (its own private link)."""
    token = new_token()
    stamp = now()
    values = assessment_values(
        bank,
        response.municipality,
        kind="solo",
        language=response.language,
        stamp=stamp,
        respondent=response.respondent,
        token_hash=digest(token),
    )
    values.update(
        bank_version=response.bank_version,
        profile=response.profile.model_dump(mode="json"),
        created_at=response.created_at,
        revision=1,
        details_rev=1,
        profile_rev=1,
    )
    with engine.begin() as conn:
        assessment_id = conn.execute(
            sa.insert(assessments).values(**values).returning(assessments.c.id)
        ).scalar_one()
        fill(conn, assessment_id, response, revision=1, stamp=stamp)
    log.info("answers file imported as solo assessment %s", assessment_id)
    return token


def fill(
    conn: sa.Connection,
    assessment_id: int,
    response: Response,
    *,
    revision: int,
    stamp: dt.datetime,
    carried: bool = False,
) -> None:
    """Write a response's answers, targets and plan edits into an empty assessment; `carried`:
    they come from the round before, so the answers wait for confirmation and each action
    remembers the status it came with."""
    answers = [
        {
            "assessment_id": assessment_id,
            "question_id": qid,
            **_columns_of(a.level),
            "level_rev": revision,
            "note": a.note,
            "note_rev": revision,
            "updated_at": stamp,
            "carried": carried and a.chosen,
        }
        for qid, a in response.answers.items()
    ]
    targets = [
        {
            "assessment_id": assessment_id,
            "dimension_id": dim,
            "target": value,
            "rev": revision,
            "updated_at": stamp,
        }
        for dim, value in response.targets.items()
    ]
    edits = [
        {
            "assessment_id": assessment_id,
            "action_id": action_id,
            **edit.model_dump(),
            "rev": revision,
            "updated_at": stamp,
            "carried_status": edit.status if carried else None,
        }
        for action_id, edit in response.plan_edits.items()
    ]
    for table, rows in (
        (assessment_answers, answers),
        (assessment_targets, targets),
        (assessment_plan_edits, edits),
    ):
        if rows:
            conn.execute(sa.insert(table), rows)


# ---------------------------------------------------------------- writing

Statement = Callable[[int, int, dt.datetime], sa.Executable]
"""Builds the conditional write for (assessment id, new revision, time); it must return a row
when it wrote and none when the value is newer than the page's base."""


def _write(engine: Engine, door: Door, bank: Bank, statement: Statement, *, what: str) -> int:
    """Raise the revision, then write one value if it is not newer than the page's base."""
    stamp = now()
    with engine.begin() as conn:
        bumped = conn.execute(
            sa.update(assessments)
            .where(door.condition(writing=True), assessments.c.bank_id == bank.id)
            .values(revision=assessments.c.revision + 1, updated_at=stamp)
            .returning(assessments.c.id, assessments.c.revision)
        ).first()
        if bumped is None:
            refusal = _refusal(conn, door, bank)
            log.info("write refused (%s): %s", what, type(refusal).__name__)
            raise refusal
        if conn.execute(statement(bumped.id, bumped.revision, stamp)).first() is None:
            log.info("write refused (%s) on assessment %s: stale page", what, bumped.id)
            raise Conflict
        return int(bumped.revision)


def _refusal(conn: sa.Connection, door: Door, bank: Bank) -> RecordError:
    """Why a write matched no assessment: another bank, or what the door says."""
    found = conn.execute(
        sa.select(assessments.c.bank_id).where(door.condition(writing=True))
    ).first()
    if found is not None and found.bank_id != bank.id:
        return WrongBank()
    return door.refusal(conn)


def _unchanged_since(column: sa.ColumnElement[int], base: int | None) -> sa.ColumnElement[bool]:
    return sa.true() if base is None else column <= base


ANSWER_DEFAULTS = {"choice": None, "level": None, "note": ""}
"""A new answer row holds only what was written: a choice without a note, or a note alone."""


def _upsert_unless_newer(
    engine: Engine,
    table: sa.Table,
    key: Mapping[str, object],
    values: Mapping[str, object],
    rev_column: str,
    base: int | None,
    defaults: Mapping[str, object] | None = None,
) -> Statement:
    """The conditional write of one row: insert it (with `defaults` for the columns not
    written), or update the columns in `values` unless the row's `rev_column` was written after
    `base`. The row's other revision columns start at 0."""

    def statement(assessment_id: int, revision: int, stamp: dt.datetime) -> sa.Executable:
        updated = {**values, rev_column: revision, "updated_at": stamp}
        fresh = {c.name: 0 for c in table.c if c.name.endswith("_rev") and c.name != rev_column}
        inserted = {**(defaults or {}), **fresh, **updated}
        stmt = upsert(engine, table).values(assessment_id=assessment_id, **key, **inserted)
        return stmt.on_conflict_do_update(
            index_elements=[table.c.assessment_id, *(table.c[k] for k in key)],
            set_=updated,  # the same values as inserted (cheaper than building `excluded`)
            where=_unchanged_since(table.c[rev_column], base),
        ).returning(table.c.assessment_id)

    return statement


def set_choice(
    engine: Engine, door: Door, bank: Bank, question_id: str, level: Choice, *, base: int | None
) -> int:
    """Store the choice for one question (a level, don't know, not applicable, or none); a
    choice carried over from the round before counts as confirmed once it is stored again."""
    statement = _upsert_unless_newer(
        engine,
        assessment_answers,
        {"question_id": question_id},
        {**_columns_of(check_choice(bank, question_id, level)), "carried": False},
        "level_rev",
        base,
        ANSWER_DEFAULTS,
    )
    return _write(engine, door, bank, statement, what=f"choice {question_id}")


def set_note(
    engine: Engine, door: Door, bank: Bank, question_id: str, note: str, *, base: int | None
) -> int:
    """Store the note on one question, with or without a choice."""
    if question_id not in bank.questions_by_id():
        raise ValueError(f"unknown question {question_id!r}")
    if len(note) > MAX_NOTE:
        raise TooLong(MAX_NOTE)
    text = clean_note(note)
    statement = _upsert_unless_newer(
        engine,
        assessment_answers,
        {"question_id": question_id},
        {"note": text},
        "note_rev",
        base,
        ANSWER_DEFAULTS,
    )
    return _write(engine, door, bank, statement, what=f"note {question_id}")


def set_target(
    engine: Engine, door: Door, bank: Bank, dimension_id: str, target: float, *, base: int | None
) -> int:
    """Store the target level (0–4) of one area."""
    if dimension_id not in {d.id for d in bank.dimensions}:
        raise ValueError(f"unknown dimension {dimension_id!r}")
    if not MIN_LEVEL <= target <= MAX_LEVEL:
        raise ValueError(f"target must be within 0–4, not {target!r}")
    statement = _upsert_unless_newer(
        engine,
        assessment_targets,
        {"dimension_id": dimension_id},
        {"target": float(target)},
        "rev",
        base,
    )
    return _write(engine, door, bank, statement, what=f"target {dimension_id}")


def set_plan_edit(
    engine: Engine, door: Door, bank: Bank, action_id: str, edit: PlanEdit, *, base: int | None
) -> int:
    """Store what people changed in one action of the plan (owner, deadline, status, drop)."""
    if action_id not in plannable_ids(bank):  # find-out steps included
        raise ValueError(f"unknown action {action_id!r}")
    if len(edit.owner) > MAX_OWNER:
        raise TooLong(MAX_OWNER)
    statement = _upsert_unless_newer(
        engine,
        assessment_plan_edits,
        {"action_id": action_id},
        edit.model_dump(),
        "rev",
        base,
    )
    return _write(engine, door, bank, statement, what=f"plan {action_id}")


def set_profile(
    engine: Engine, door: Door, bank: Bank, profile: Profile, *, base: int | None
) -> int:
    """Store the municipality's profile (hours, platforms, a recent incident)."""
    return _set_columns(
        engine,
        door,
        bank,
        {"profile": profile.model_dump(mode="json")},
        assessments.c.profile_rev,
        base,
        "profile",
    )


def set_respondent(
    engine: Engine, door: Door, bank: Bank, respondent: Respondent, *, base: int | None
) -> int:
    """Store who answered (name and role)."""
    values = {"respondent_name": respondent.name, "respondent_role": respondent.role}
    return _set_columns(engine, door, bank, values, assessments.c.details_rev, base, "respondent")


def _set_columns(
    engine: Engine,
    door: Door,
    bank: Bank,
    values: Mapping[str, object],
    rev_column: sa.Column[int],
    base: int | None,
    what: str,
) -> int:
    def statement(assessment_id: int, revision: int, stamp: dt.datetime) -> sa.Executable:
        return (
            sa.update(assessments)
            .where(assessments.c.id == assessment_id, _unchanged_since(rev_column, base))
            .values(**values, **{rev_column.name: revision})
            .returning(assessments.c.id)
        )

    return _write(engine, door, bank, statement, what=what)


# ---------------------------------------------------------------- checks


def check_choice(bank: Bank, question_id: str, level: Choice) -> Choice:
    """Refuse a question the bank lacks or a choice that is not one."""
    if question_id not in bank.questions_by_id():
        raise ValueError(f"unknown question {question_id!r} in bank {bank.id!r}")
    return Answer(level=level).level
