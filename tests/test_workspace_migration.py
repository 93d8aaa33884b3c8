"""Migration 0004 (the workspace) takes a database made by the previous head (revision 0003, the
workshop room) to the new schema without losing anything, on SQLite and PostgreSQL: every row of
every table is there with every value, the old links still open, and nothing is owned, shared
or carried."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from db_backends import BACKENDS, backend_url

from assessment import store
from assessment.records import FacilitatorKey, ParticipantLink, PrivateLink, digest, load

PREVIOUS = "0003"
STAMP = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
TABLES = (
    "workshops",
    "participants",
    "assessments",
    "assessment_answers",
    "assessment_targets",
    "assessment_plan_edits",
    "workshop_rounds",
    "note_approvals",
    "join_throttle",
)
"""Every table of revision 0003 (besides Alembic's own)."""

ROWS = {
    "workshops (id, title, municipality_code, municipality_name, date, language, bank_id,"
    " bank_version, join_code, facilitator_token_hash, status, created_at, presenter_token_hash,"
    " mode, step, revealed, room_rev, delete_after)": [
        "(1, 'Strategidag', 751, 'Aarhus', :day, 'da', 'tiny', '0.1', 'ACD347', :fac, 'open', :at,"
        " :presenter, 'paced', 'alpha.one', true, 4, :deadline)"
    ],
    "assessments": [
        "(1, 'solo', :solo, NULL, 461, 'Odense', 'Mette', 'Kommunikationschef', 1,"
        " :profile, 1, 'da', 'tiny', '0.1', 5, :at, :at)",
        "(2, 'consensus', NULL, 1, 751, 'Aarhus', '', '', 0, :empty, 0, 'da', 'tiny', '0.1', 3,"
        " :at, :at)",
        "(3, 'participant', NULL, 1, 751, 'Aarhus', '', '', 0, :empty, 0, 'da', 'tiny', '0.1',"
        " 2, :at, :at)",
    ],
    "participants (id, workshop_id, assessment_id, name, token_hash, joined_at, finished_at)": [
        "(1, 1, 3, 'Ida', :ida, :at, :at)"
    ],
    "assessment_answers": [
        "(1, 'alpha.one', 'level', 3, 2, 'Ejer på skrift', 3, :at)",
        "(1, 'beta.one', 'dont_know', NULL, 4, '', 0, :at)",
        "(2, 'alpha.one', 'level', 2, 1, 'enige', 2, :at)",
        "(3, 'alpha.one', 'level', 1, 1, '', 0, :at)",
        "(3, 'beta.two', NULL, NULL, 0, 'spørg HR', 2, :at)",
    ],
    "assessment_targets": ["(1, 'alpha', 3.5, 1, :at)", "(2, 'beta', 2.0, 3, :at)"],
    "assessment_plan_edits": [
        "(1, 'alpha.one.step0', 'Mette', :deadline, 'done', false, 5, :at)",
        "(2, 'beta.one.step0', '', NULL, 'doing', true, 3, :at)",
    ],
    "workshop_rounds": ["(1, 'alpha.one', 1, :counts, 0, 0, :at)"],
    "note_approvals": ["(3, 'beta.two', 2, :at)"],
    "join_throttle": ["('0123abcd', :at, 3)"],
}


@pytest.fixture(params=BACKENDS)
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with backend_url(request.param, tmp_path) as made:
        yield made


def previous_release(url: str) -> None:
    """A database at revision 0003 with rows in every table: a solo assessment with answers,
    a "don't know", a note, a target and a plan edit; a paced workshop with its consensus, a
    participant (a level and a note without one), a re-vote round, an approved note and a
    throttled client."""
    engine = sa.create_engine(store.normalise_url(url))
    try:
        with engine.connect() as conn:
            command.upgrade(store.alembic_config(conn), PREVIOUS)
            conn.commit()
        params = {
            "day": dt.date(2026, 12, 1),
            "fac": digest("facilitator-token"),
            "solo": digest("solo-token"),
            "ida": digest("ida-token"),
            "at": STAMP,
            "profile": '{"hours_per_week": 6, "platforms": ["Facebook"]}',
            "empty": "{}",
            "deadline": dt.date(2027, 2, 1),
            "presenter": digest("presenter-token"),
            "counts": "[0, 1, 0, 0, 0]",
        }
        with engine.begin() as conn:
            for table, rows in ROWS.items():
                for row in rows:
                    used = {k: v for k, v in params.items() if f":{k}" in row}
                    conn.execute(sa.text(f"INSERT INTO {table} VALUES {row}"), used)  # noqa: S608 - test constants
    finally:
        engine.dispose()


def dump(url: str, columns: dict[str, list[str]]) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in the columns it had at revision 0003."""
    engine = sa.create_engine(store.normalise_url(url))
    try:
        with engine.connect() as conn:
            return {
                table: sorted(
                    tuple(r)
                    for r in conn.execute(sa.text(f"SELECT {', '.join(cols)} FROM {table}"))  # noqa: S608
                )
                for table, cols in columns.items()
            }
    finally:
        engine.dispose()


def test_a_previous_release_database_is_upgraded_without_losing_anything(url: str):
    """Same rows, same values; the solo link, the participant's link and the facilitator's key
    open what they opened; no assessment is owned, shared with peers, or marked as carried."""
    previous_release(url)
    engine = sa.create_engine(store.normalise_url(url))
    with engine.connect() as conn:
        inspector = sa.inspect(conn)
        columns = {t: [c["name"] for c in inspector.get_columns(t)] for t in TABLES}
    engine.dispose()
    before = dump(url, columns)
    assert all(before[t] for t in TABLES), "every table of 0003 holds data"

    engine = store.make_engine(url)
    try:
        assert dump(url, columns) == before
        with engine.connect() as conn:
            head = ScriptDirectory(str(store.MIGRATIONS_DIR)).get_current_head()
            assert MigrationContext.configure(conn).get_current_revision() == head
            assert compare_metadata(MigrationContext.configure(conn), store.metadata) == []
            new = conn.execute(
                sa.text("SELECT client_id, previous_id, share_peers FROM assessments")
            ).all()
            carried = conn.execute(sa.text("SELECT carried FROM assessment_answers")).scalars()
            statuses = conn.execute(
                sa.text("SELECT carried_status FROM assessment_plan_edits")
            ).scalars()
            assert conn.execute(sa.text("SELECT client_id FROM workshops")).scalars().all() == [
                None
            ]
            assert conn.execute(sa.text("SELECT count(*) FROM clients")).scalar() == 0
            assert conn.execute(sa.text("SELECT count(*) FROM grants")).scalar() == 0
            assert [tuple(r) for r in new] == [(None, None, False)] * 3
            assert not any(carried) and not any(statuses)
        solo = load(engine, PrivateLink("solo-token"))
        assert solo.response.answers["alpha.one"].note == "Ejer på skrift"
        assert solo.response.answers["beta.one"].dont_know
        assert solo.response.profile.platforms == ["Facebook"]
        assert solo.response.plan_edits["alpha.one.step0"].deadline == dt.date(2027, 2, 1)
        assert (solo.revision, solo.revs.levels["alpha.one"]) == (5, 2)
        assert load(engine, ParticipantLink("ida-token")).response.answers["beta.two"].note == (
            "spørg HR"
        )
        agreed = load(engine, FacilitatorKey("ACD347", "facilitator-token"))
        assert agreed.response.plan_edits["beta.one.step0"].dropped is True
        assert agreed.response.targets == {"beta": 2.0}
    finally:
        engine.dispose()


def test_the_workspace_migration_can_be_undone_to_the_previous_release(url: str):
    """Downgrading to 0003 drops the workspace's tables and columns and keeps every row."""
    previous_release(url)
    engine = store.make_engine(url)
    engine.dispose()
    plain = sa.create_engine(store.normalise_url(url))
    try:
        with plain.connect() as conn:
            command.downgrade(store.alembic_config(conn), PREVIOUS)
            conn.commit()
            inspector = sa.inspect(conn)
            assert not {"clients", "grants"} & set(inspector.get_table_names())
            assert "share_peers" not in {c["name"] for c in inspector.get_columns("assessments")}
            assert conn.execute(sa.text("SELECT count(*) FROM assessment_answers")).scalar() == 5
    finally:
        plain.dispose()
