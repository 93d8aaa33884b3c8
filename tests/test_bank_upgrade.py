"""Stored assessments made with an older bank version are carried over when opened, the same
way an old answers file is: ids moved, the lost ones named, nothing left under an old id."""

from __future__ import annotations

import datetime as dt
import threading

import sqlalchemy as sa

from assessment.bank_upgrade import upgrade
from assessment.models import Bank, Municipality
from assessment.records import (
    ParticipantLink,
    PrivateLink,
    create_solo,
    load,
)
from assessment.store.schema import assessment_answers, assessment_plan_edits, assessments
from assessment.workshop.rooms import create_workshop, join_workshop

AARHUS = Municipality(code=751, name="Aarhus")
NOW = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


def _make_old(engine: sa.Engine, assessment_id: int) -> None:
    """Turn a stored assessment into one made with bank version 0.0 (old ids)."""
    with engine.begin() as conn:
        conn.execute(
            sa.update(assessments)
            .where(assessments.c.id == assessment_id)
            .values(bank_version="0.0")
        )
        for qid, level in (("alpha.first", 2), ("alpha.gone", 1)):
            conn.execute(
                sa.insert(assessment_answers).values(
                    assessment_id=assessment_id, question_id=qid, choice="level", level=level,
                    level_rev=1, note="gammel", note_rev=1, updated_at=NOW,
                )
            )  # fmt: skip
        conn.execute(
            sa.insert(assessment_plan_edits).values(
                assessment_id=assessment_id, action_id="alpha.first.step0", owner="Ib",
                deadline=None, status="doing", dropped=False, rev=1, updated_at=NOW,
            )
        )  # fmt: skip


def _id(engine: sa.Engine, kind: str) -> int:
    with engine.connect() as conn:
        return conn.scalar(
            sa.select(sa.func.max(assessments.c.id)).where(assessments.c.kind == kind)
        )


def test_an_old_solo_assessment_moves_once_and_names_what_was_lost(
    engine: sa.Engine, tiny_bank: Bank
):
    """Its answer and plan edit move to the new ids at a new revision; the dropped question is
    named in the notice; a second open changes nothing."""
    door = PrivateLink(create_solo(engine, tiny_bank, AARHUS))
    _make_old(engine, _id(engine, "solo"))
    (notice,) = upgrade(engine, door, tiny_bank)
    assert "alpha.gone" in notice.message("da")
    record = load(engine, door)
    assert record.response.bank_version == tiny_bank.version
    assert {q: (a.level, a.note) for q, a in record.response.answers.items()} == {
        "alpha.one": (2, "gammel")
    }
    assert record.response.plan_edits["alpha.one.step0"].owner == "Ib"
    assert record.revs.levels["alpha.one"] == record.revision
    assert upgrade(engine, door, tiny_bank) == []


def test_a_facilitator_opening_an_old_room_moves_every_sheet(engine: sa.Engine, tiny_bank: Bank):
    """The room's agreed answers and each participant's answers move together, so the dashboard
    counts them all at once."""
    key = create_workshop(
        engine, title="Dag", municipality=AARHUS, date=dt.date(2026, 12, 1), language="da",
        bank=tiny_bank,
    )  # fmt: skip
    people = [join_workshop(engine, key.join_code, name) for name in ("Ida", "Bo")]
    with engine.connect() as conn:
        sheets = conn.execute(sa.select(assessments.c.id)).scalars().all()
    for sheet in sheets:
        _make_old(engine, sheet)
    assert upgrade(engine, key, tiny_bank)
    for door in (key, *(ParticipantLink(p) for p in people)):
        record = load(engine, door)
        assert record.response.bank_version == tiny_bank.version
        assert set(record.response.answers) == {"alpha.one"}


def test_an_assessment_of_another_bank_is_left_alone(engine: sa.Engine, tiny_bank: Bank):
    """No migration from that bank: nothing changes and nothing is said."""
    door = PrivateLink(create_solo(engine, tiny_bank, AARHUS))
    other = tiny_bank.model_copy(update={"id": "other-bank"})
    assert upgrade(engine, door, other) == []


def test_a_note_stored_while_the_assessment_moves_is_kept(
    engine: sa.Engine, tiny_bank: Bank, monkeypatch
):
    """Another window stores a note after the upgrade has begun: it waits for the upgrade (which
    holds the assessment) and is stored on top of the moved record, never overwritten by what
    the upgrade read before it."""
    from assessment import bank_upgrade
    from assessment.records import set_note

    door = PrivateLink(create_solo(engine, tiny_bank, AARHUS))
    _make_old(engine, _id(engine, "solo"))
    read, written = threading.Event(), threading.Event()
    first_read = bank_upgrade.load_by_id

    def slow_read(conn: sa.Connection, assessment_id: int):
        record = first_read(conn, assessment_id)
        read.set()
        written.wait(0.5)  # the other window's write, if nothing held it back, lands now
        return record

    monkeypatch.setattr(bank_upgrade, "load_by_id", slow_read)

    def other_window() -> None:
        read.wait(5)
        set_note(engine, door, tiny_bank, "alpha.one", "skrevet imens", base=None)
        written.set()

    writer = threading.Thread(target=other_window)
    writer.start()
    upgrade(engine, door, tiny_bank)
    writer.join(15)
    record = load(engine, door)
    assert record.response.bank_version == tiny_bank.version
    assert record.response.answers["alpha.one"].note == "skrevet imens"
