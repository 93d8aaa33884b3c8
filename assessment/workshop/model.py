"""What a workshop is, as the pages and the core pass it around: the workshop, the room's
state on the shared screen, and what a participant's link opens."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa

from ..models import Answer, Lang, Municipality, Respondent, Response
from ..records import Record

WorkshopStatus = Literal["open", "closed"]
Mode = Literal["self", "paced"]
"""Self-paced: everyone answers at their own speed. Paced: the room follows the facilitator."""
Pace = Literal["question", "area"]
SEATS = 60
"""Participants a workshop takes unless its facilitator says otherwise."""


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
    delete_after: dt.date | None = None
    """The day after which the workshop and all its data are deleted (None: kept until the
    facilitator deletes it)."""
    max_participants: int = SEATS

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
class RoomState:
    """What the room looks at and how it moves; every page that follows the room compares
    `revision` with the one it was drawn at."""

    workshop_id: int
    status: WorkshopStatus
    mode: Mode
    pace: Pace
    step: str | None
    """A question id (an area id when paced by area); None: the lobby with code and QR."""
    revealed: bool
    show_names: bool
    revision: int

    @property
    def paced(self) -> bool:
        return self.mode == "paced"


@dataclass(frozen=True)
class ParticipantView:
    """What a participant's token opens: the workshop and their own answers, nobody else's."""

    participant_id: int
    name: str
    workshop: Workshop
    room: RoomState
    record: Record
    finished: bool

    @property
    def response(self) -> Response:
        return self.record.response


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
        delete_after=row.delete_after,
        max_participants=row.max_participants,
    )


def room_from_row(row: sa.Row) -> RoomState:
    return RoomState(
        workshop_id=row.id,
        status=row.status,
        mode=row.mode,
        pace=row.pace,
        step=row.step,
        revealed=bool(row.revealed),
        show_names=bool(row.show_names),
        revision=row.room_rev,
    )
