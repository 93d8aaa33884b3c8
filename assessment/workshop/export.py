"""Workshop answers as rows for a spreadsheet: one workshop for its facilitator, or many at once.

Names, notes and titles are typed by people, and a spreadsheet runs a cell that starts with
`=`, `+`, `-` or `@` as a formula (CSV injection), also when pandas writes it to Excel. Every
such text cell is neutralised with a leading apostrophe before it leaves this module; numbers
and dates stay typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..models import Bank
from ..records import FacilitatorKey
from ..store.schema import assessment_answers, participants, workshops
from ..tables import neutralise_formula, rows_to_csv
from .rooms import facilitator_workshop

COLUMNS = (
    "workshop_id",
    "workshop",
    "municipality_code",
    "municipality",
    "date",
    "participant",
    "name",
    "question_id",
    "dimension_id",
    "choice",
    "level",
    "note",
    "updated_at",
)
"""`participant` numbers people by joining order, so anonymous ones stay apart; `choice` is
`level`, `dont_know`, `not_applicable` or empty (only a note); `level` is empty unless a level
was chosen."""
TEXT_COLUMNS = ("workshop", "municipality", "name", "note")
"""The cells people type; ids come from the validated bank and the rest are numbers or dates."""

Row = dict[str, object]


def export_rows(
    engine: Engine,
    bank: Bank,
    workshop_ids: Sequence[int] | None = None,
    *,
    names: bool = True,
) -> list[Row]:
    """Every answer in the given workshops (None: all of them), one query, safe for spreadsheets.

    A question the bank does not know (a workshop run on another bank) gets an empty dimension.
    Without `names` the name column is empty and people are told apart by their number only.
    """
    w, p, a = workshops.c, participants.c, assessment_answers.c
    number = sa.func.row_number().over(partition_by=p.workshop_id, order_by=p.id)
    people = sa.select(
        p.id, p.workshop_id, p.assessment_id, p.name, number.label("number")
    ).subquery()
    dimension_of = {q.id: d.id for d in bank.dimensions for q in d.questions}
    query = (
        sa.select(
            w.id,
            w.title,
            w.municipality_code,
            w.municipality_name,
            w.date,
            people.c.number,
            people.c.name if names else sa.literal(""),
            a.question_id,
            sa.case(dimension_of, value=a.question_id, else_=""),
            a.choice,
            a.level,
            a.note,
            a.updated_at,
        )
        .select_from(
            assessment_answers.join(people, people.c.assessment_id == a.assessment_id).join(
                workshops
            )
        )
        .order_by(w.id, people.c.number, a.question_id)
    )
    if workshop_ids is not None:
        query = query.where(w.id.in_(list(workshop_ids)))
    with engine.connect() as conn:
        return [_safe(r) for r in conn.execute(query)]


def workshop_rows(
    engine: Engine, bank: Bank, key: FacilitatorKey, *, names: bool = True
) -> list[Row]:
    """The answers of the one workshop a facilitator key opens (without names if asked)."""
    return export_rows(engine, bank, [facilitator_workshop(engine, key).id], names=names)


def _safe(values: Sequence[object]) -> Row:
    """A row keyed by column, its user-text cells neutralised."""
    row = dict(zip(COLUMNS, values, strict=True))
    for column in TEXT_COLUMNS:
        row[column] = neutralise_formula(str(row[column]))
    return row


def to_csv(rows: Iterable[Row]) -> bytes:
    """The rows as Danish-Excel CSV, columns in `COLUMNS` order."""
    return rows_to_csv(COLUMNS, ([row[c] for c in COLUMNS] for row in rows))
