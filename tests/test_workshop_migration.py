"""Migration 0003 carries a workshop made at revision 0002 over without loss: its people,
answers, notes, agreed answers, targets, plan edits and links, and it starts as a room that
shows nothing, names nobody and is never deleted by itself. Migration 0005 adds the join
throttle's key and changes nothing else."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from db_backends import BACKENDS, backend_url

from assessment import store
from assessment.bank import load_bank
from assessment.records import FacilitatorKey, digest
from assessment.workshop import throttle
from assessment.workshop.access import presenter_token
from assessment.workshop.consensus import consensus_record
from assessment.workshop.pacing import facilitator_room
from assessment.workshop.retention import purge_expired
from assessment.workshop.rooms import facilitator_workshop, join_workshop, participant_view
from assessment.workshop.screen import screen
from assessment.workshop.stats import dashboard

TINY = Path(__file__).parent / "data" / "tiny_bank"
STAMP = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with backend_url(request.param, tmp_path) as made:
        yield made


def _workshop_at_0002(url: str) -> None:
    """A workshop in full swing as revision 0002 stores it: two participants, their answers
    and notes, an agreed answer, a target and a plan edit."""
    engine = sa.create_engine(store.normalise_url(url))
    try:
        with engine.connect() as conn:
            command.upgrade(store.alembic_config(conn), "0002")
            conn.commit()
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO workshops (id, title, municipality_code, municipality_name, date,"
                    " language, bank_id, bank_version, join_code, facilitator_token_hash, status,"
                    " created_at) VALUES (1, 'Strategidag', 751, 'Aarhus', :day, 'en', 'tiny',"
                    " '1.0.0', 'ACD347', :fac, 'open', :at)"
                ),
                {"day": dt.date(2026, 11, 20), "fac": digest("facilitator-token"), "at": STAMP},
            )
            sheet = (
                "INSERT INTO assessments (id, kind, workshop_id, municipality_code,"
                " municipality_name, respondent_name, respondent_role, details_rev, profile,"
                " profile_rev, language, bank_id, bank_version, revision, created_at,"
                " updated_at) VALUES (:id, :kind, 1, 751, 'Aarhus', :name, '', 0, '{}', 0, 'en',"
                " 'tiny', '1.0.0', :rev, :at, :at)"
            )
            for sid, kind, name, rev in ((1, "consensus", "Strategidag", 3), (2, "participant",
                                         "Ida", 2), (3, "participant", "", 1)):  # fmt: skip
                conn.execute(sa.text(sheet), {"id": sid, "kind": kind, "name": name,
                                              "rev": rev, "at": STAMP})  # fmt: skip
            for pid, sid, name, token in ((1, 2, "Ida", "ida-token"), (2, 3, "", "anon-token")):
                conn.execute(
                    sa.text(
                        "INSERT INTO participants (id, workshop_id, assessment_id, name,"
                        " token_hash, joined_at) VALUES (:id, 1, :sid, :name, :hash, :at)"
                    ),
                    {"id": pid, "sid": sid, "name": name, "hash": digest(token), "at": STAMP},
                )
            for sid, qid, choice, level, note in (
                (1, "alpha.one", "level", 2, "enige efter debat"),
                (2, "alpha.one", "level", 3, "vi har en politik"),
                (2, "beta.one", "dont_know", None, "spørg HR"),
                (3, "alpha.one", "level", 1, ""),
            ):
                conn.execute(
                    sa.text(
                        "INSERT INTO assessment_answers (assessment_id, question_id, choice,"
                        " level, level_rev, note, note_rev, updated_at) VALUES (:sid, :qid,"
                        " :choice, :level, 1, :note, 1, :at)"
                    ),
                    {"sid": sid, "qid": qid, "choice": choice, "level": level, "note": note,
                     "at": STAMP},
                )  # fmt: skip
            conn.execute(
                sa.text(
                    "INSERT INTO assessment_targets (assessment_id, dimension_id, target, rev,"
                    " updated_at) VALUES (1, 'alpha', 3.5, 2, :at)"
                ),
                {"at": STAMP},
            )
            conn.execute(
                sa.text(
                    "INSERT INTO assessment_plan_edits (assessment_id, action_id, owner,"
                    " deadline, status, dropped, rev, updated_at) VALUES (1, 'alpha.one.step0',"
                    " 'Mette', :deadline, 'doing', :no, 3, :at)"
                ),
                {"deadline": dt.date(2027, 2, 1), "no": False, "at": STAMP},
            )
            if engine.dialect.name == "postgresql":  # ids given above: move the sequences on
                for table in ("workshops", "assessments", "participants"):
                    sequence = sa.func.pg_get_serial_sequence(table, "id")
                    highest = sa.select(sa.func.max(sa.column("id"))).select_from(sa.table(table))
                    conn.execute(sa.select(sa.func.setval(sequence, highest.scalar_subquery())))
    finally:
        engine.dispose()


def test_a_workshop_made_at_0002_is_carried_over_whole(url: str) -> None:
    _workshop_at_0002(url)
    engine = store.make_engine(url)
    try:
        bank = load_bank(TINY)
        key = FacilitatorKey("ACD347", "facilitator-token")
        agreed = consensus_record(engine, bank, key)
        assert agreed.revision == 3
        assert (agreed.response.answers["alpha.one"].level, agreed.response.targets) == (
            2,
            {"alpha": 3.5},
        )
        assert agreed.response.plan_edits["alpha.one.step0"].owner == "Mette"
        ida = participant_view(engine, "ida-token")
        assert (ida.name, ida.finished, ida.record.revision) == ("Ida", False, 2)
        assert ida.response.answers["alpha.one"].note == "vi har en politik"
        assert ida.response.answers["beta.one"].dont_know
        board = dashboard(engine, bank, key)
        alpha = next(q for q in board.questions if q.question_id == "alpha.one")
        assert alpha.counts == (0, 1, 0, 1, 0)

        room = facilitator_room(engine, key)
        assert (room.mode, room.step, room.revealed, room.show_names, room.revision) == (
            "self", None, False, False, 0
        )  # fmt: skip
        workshop = facilitator_workshop(engine, key)  # makes the presenter link
        assert (workshop.max_participants, workshop.delete_after, workshop.language) == (
            60, None, "en"
        )  # fmt: skip
        assert screen(engine, bank, presenter_token(key)).participants == 2
        assert purge_expired(engine, dt.date(2030, 1, 1)) == []
        join_workshop(engine, "ACD347", "Bo")  # the room takes people as before
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), store.metadata) == []
    finally:
        engine.dispose()


def test_migration_0005_adds_the_throttle_key_and_keeps_everything(url: str):
    """From 0004: the workshop is there as before; the throttle's key table is new, and the key
    is made once, on first use, the same for every engine on the database; a count stored with
    the old unkeyed hash stays until the sweep and never matches a new one; downgrading to 0004
    drops only the new table."""
    _workshop_at_0002(url)
    plain = sa.create_engine(store.normalise_url(url))
    try:
        with plain.connect() as conn:
            command.upgrade(store.alembic_config(conn), "0004")
            conn.commit()
        with plain.begin() as conn:
            conn.execute(
                sa.text("INSERT INTO join_throttle VALUES (:client, :at, 4)"),
                {"client": hashlib.sha256(b"somemodenhed join client local").hexdigest(),
                 "at": STAMP},
            )  # fmt: skip
    finally:
        plain.dispose()
    engine, replica = store.make_engine(url), store.make_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM server_secrets")).scalar() == 0
            assert compare_metadata(MigrationContext.configure(conn), store.metadata) == []
        key = FacilitatorKey("ACD347", "facilitator-token")
        assert facilitator_workshop(engine, key).title == "Strategidag"
        client = throttle.address_key(engine, None)
        assert client == throttle.address_key(replica, None)
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM server_secrets")).scalar() == 1
            assert conn.execute(sa.text("SELECT count(*) FROM join_throttle")).scalar() == 1
            assert conn.execute(sa.text("SELECT client FROM join_throttle")).scalar() != client
    finally:
        engine.dispose()
        replica.dispose()
    plain = sa.create_engine(store.normalise_url(url))
    try:
        with plain.connect() as conn:
            command.downgrade(store.alembic_config(conn), "0004")
            conn.commit()
            assert "server_secrets" not in sa.inspect(conn).get_table_names()
            assert conn.execute(sa.text("SELECT count(*) FROM participants")).scalar() == 2
    finally:
        plain.dispose()
