"""What the workshop room tests share: a workshop on the tiny bank, and participants answering
as their pages do (the fixtures are in `room_fixtures.py`)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from assessment.models import Bank, Choice, Municipality
from assessment.records import FacilitatorKey, ParticipantLink, set_choice, set_note
from assessment.workshop.rooms import create_workshop, join_workshop

AARHUS = Municipality(code=751, name="Aarhus")
DAY = dt.date(2026, 12, 1)


def create(engine: sa.Engine, bank: Bank, **options: object) -> FacilitatorKey:
    values: dict[str, object] = {
        "title": "Strategidag", "municipality": AARHUS, "date": DAY, "language": "da",
        "bank": bank, **options,
    }  # fmt: skip
    return create_workshop(engine, **values)  # type: ignore[arg-type]


def people(engine: sa.Engine, key: FacilitatorKey, *names: str) -> list[str]:
    """Join one participant per name; their tokens in the same order."""
    return [join_workshop(engine, key.join_code, name) for name in names]


def answer(
    engine: sa.Engine, bank: Bank, token: str, question_id: str, choice: Choice, note: str = ""
) -> None:
    """A participant's choice (and note), as the questionnaire stores them."""
    door = ParticipantLink(token)
    set_choice(engine, door, bank, question_id, choice, base=None)
    if note:
        set_note(engine, door, bank, question_id, note, base=None)
