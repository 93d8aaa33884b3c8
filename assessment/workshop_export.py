"""Workshop answers as rows for a spreadsheet: one workshop for its facilitator, or many at once.

Names, notes and titles are typed by participants, and a spreadsheet runs a cell that starts
with `=`, `+`, `-` or `@` as a formula (CSV injection). Every text cell is therefore
neutralised with a leading apostrophe before it leaves this module; numbers and dates are not
text and stay as they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from .models import Bank
from .store import answers, participants, workshops
from .workshop import FacilitatorKey, facilitator_workshop

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

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
    "level",
    "note",
    "updated_at",
)
"""`participant` numbers people by joining order, so anonymous ones stay apart; `level` is
empty for "don't know"."""

Row = dict[str, object]


def neutralise_formula(text: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading `'`; other text is unchanged."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def export_rows(engine: Engine, bank: Bank, workshop_ids: Sequence[int] | None = None) -> list[Row]:
    """Every answer in the given workshops (None: all of them), one query, safe for spreadsheets.

    A question the bank does not know (a workshop run on another bank) gets an empty dimension.
    """
    w, p, a = workshops.c, participants.c, answers.c
    number = sa.func.row_number().over(partition_by=p.workshop_id, order_by=p.id)
    people = sa.select(p.id, p.workshop_id, p.name, number.label("number")).subquery()
    query = (
        sa.select(
            w.id.label("workshop_id"),
            w.title.label("workshop"),
            w.municipality_code,
            w.municipality_name.label("municipality"),
            w.date,
            people.c.number.label("participant"),
            people.c.name,
            a.question_id,
            a.level,
            a.note,
            a.updated_at,
        )
        .select_from(answers.join(people, people.c.id == a.participant_id).join(workshops))
        .order_by(w.id, people.c.number, a.question_id)
    )
    if workshop_ids is not None:
        query = query.where(w.id.in_(list(workshop_ids)))
    dimension_of = {q.id: d.id for d in bank.dimensions for q in d.questions}
    with engine.connect() as conn:
        result = conn.execute(query).mappings().all()
    return [_safe({**r, "dimension_id": dimension_of.get(r["question_id"], "")}) for r in result]


def workshop_rows(engine: Engine, bank: Bank, key: FacilitatorKey) -> list[Row]:
    """The answers of the one workshop a facilitator key opens."""
    return export_rows(engine, bank, [facilitator_workshop(engine, key).id])


def _safe(row: Mapping[str, object]) -> Row:
    """The row in column order, every text cell neutralised."""
    return {c: neutralise_formula(v) if isinstance(v := row[c], str) else v for c in COLUMNS}


def to_csv(rows: Iterable[Row], delimiter: str = ";") -> bytes:
    """CSV that Danish Excel opens as it is: `;` between cells and a UTF-8 byte-order mark."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")
