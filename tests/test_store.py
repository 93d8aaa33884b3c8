"""The database layer: settings, engine, SQLite pragmas, migrations and atomic upserts."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from db_backends import BACKENDS, backend_url

from assessment import store
from assessment.bank import load_bank
from assessment.models import Municipality
from assessment.records import FacilitatorKey, ParticipantLink, digest, set_choice, set_note
from assessment.store.schema import assessment_answers, assessments, participants, workshops
from assessment.workshop.consensus import consensus_record
from assessment.workshop.rooms import create_workshop, join_workshop, participant_view
from assessment.workshop.stats import dashboard

TINY = Path(__file__).parent / "data" / "tiny_bank"


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with backend_url(request.param, tmp_path) as url:
        yield url


def _fill(engine: sa.Engine) -> tuple[str, str]:
    """One workshop with one participant and two answers; returns (join code, token)."""
    bank = load_bank(TINY)
    key = create_workshop(
        engine,
        title="Før migreringen",
        municipality=Municipality(code=751, name="Aarhus"),
        date=dt.date(2026, 12, 1),
        language="da",
        bank=bank,
    )
    token = join_workshop(engine, key.join_code, "Ida")
    door = ParticipantLink(token)
    set_choice(engine, door, bank, "alpha.one", 3, base=None)
    set_note(engine, door, bank, "alpha.one", "vi har en politik", base=None)
    set_choice(engine, door, bank, "beta.two", "dont_know", base=None)
    return key.join_code, token


def _dump(engine: sa.Engine) -> dict[str, list[tuple[object, ...]]]:
    with engine.connect() as conn:
        return {
            t.name: sorted(tuple(r) for r in conn.execute(sa.select(t)))
            for t in store.metadata.sorted_tables
        }


# ---------------------------------------------------------------- settings


def test_database_url_prefers_environment_over_secrets() -> None:
    """An environment variable overrides a Streamlit secret of the same name."""
    env = {"DATABASE_URL": "postgresql://env/db"}
    assert (
        store.database_url(env, {"DATABASE_URL": "postgresql://secret/db"}) == env["DATABASE_URL"]
    )


def test_database_url_falls_back_to_secrets_then_none() -> None:
    """Without the variable the secret is used; with neither (or blanks) the default applies."""
    assert store.database_url({}, {"DATABASE_URL": " sqlite:///x.db "}) == "sqlite:///x.db"
    assert store.database_url({"DATABASE_URL": "  "}, None) is None
    assert store.database_url({}, {}) is None


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
        ("postgresql://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
        ("postgresql+psycopg://u:p@h/db", "postgresql+psycopg://u:p@h/db"),
        ("sqlite:///data/x.sqlite3", "sqlite:///data/x.sqlite3"),
    ],
)
def test_normalise_url_picks_psycopg(given: str, expected: str) -> None:
    """The URLs hosting services hand out use the psycopg 3 driver the app ships with."""
    assert store.normalise_url(given) == expected


# ---------------------------------------------------------------- the default SQLite file


def test_default_engine_creates_the_file_and_folder(tmp_path: Path) -> None:
    """Without a URL the first start makes `data/somemodenhed.sqlite3`, folder included."""
    data_dir = tmp_path / "nested" / "data"
    engine = store.make_engine(data_dir=data_dir)
    try:
        assert (data_dir / store.DEFAULT_FILE).is_file()
        assert set(sa.inspect(engine).get_table_names()) >= {
            "workshops",
            "participants",
            "assessments",
            "assessment_answers",
            "assessment_targets",
            "assessment_plan_edits",
            "alembic_version",
        }
    finally:
        engine.dispose()


def test_sqlite_connections_use_wal_busy_timeout_and_foreign_keys(tmp_path: Path) -> None:
    """Every pooled SQLite connection has WAL, a busy timeout, full sync and foreign keys on."""
    engine = store.make_engine(data_dir=tmp_path)
    try:
        with engine.connect() as conn:
            pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("busy_timeout") == store.BUSY_TIMEOUT_MS
            assert pragma("foreign_keys") == 1
            assert pragma("synchronous") == 2  # FULL
    finally:
        engine.dispose()


def test_utc_datetime_refuses_naive_and_returns_aware(db_url: str) -> None:
    """Times go in as aware datetimes and come back in UTC on every backend."""
    engine = store.make_engine(db_url)
    try:
        _fill(engine)
        with engine.connect() as conn:
            created = conn.scalar(sa.select(workshops.c.created_at))
        assert created is not None and created.utcoffset() == dt.timedelta(0)
        with pytest.raises(sa.exc.StatementError, match="naive datetime"), engine.begin() as conn:
            conn.execute(sa.update(workshops).values(created_at=dt.datetime(2026, 1, 1)))
    finally:
        engine.dispose()


# ---------------------------------------------------------------- migrations


def test_migrations_match_the_tables_in_code(db_url: str) -> None:
    """The schema the migrations build is the one `store.metadata` describes (no drift)."""
    engine = store.make_engine(db_url)
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), store.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_restart_keeps_data_and_stays_at_head(db_url: str) -> None:
    """Starting the app again on a database that has data changes nothing."""
    engine = store.make_engine(db_url)
    _, token = _fill(engine)
    before = _dump(engine)
    engine.dispose()
    engine = store.make_engine(db_url)
    try:
        assert _dump(engine) == before
        assert participant_view(engine, token).response.answers["alpha.one"].level == 3
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        assert current == ScriptDirectory(str(store.MIGRATIONS_DIR)).get_current_head()
    finally:
        engine.dispose()


FUTURE_REVISION = '''"""A later release: a column added by copying the table, as SQLite must.

Revision ID: 9999
Revises: {head}
"""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    recreate = "always" if op.get_bind().dialect.name == "sqlite" else "auto"
    with op.batch_alter_table("workshops", recreate=recreate) as batch:
        batch.add_column(sa.Column("room", sa.String(50), nullable=False, server_default="A1"))
    with op.batch_alter_table("participants", recreate=recreate) as batch:
        batch.add_column(sa.Column("role", sa.String(50), nullable=False, server_default=""))


def downgrade() -> None:
    pass
'''


def test_upgrading_a_database_with_data_keeps_every_row(db_url: str, tmp_path: Path) -> None:
    """A later revision that rebuilds the parent tables loses no workshop, participant or answer.

    On SQLite a rebuild drops the old table; with foreign keys on, that drop would cascade to
    every participant and answer, which is what `store.migrate` guards against.
    """
    engine = store.make_engine(db_url)
    try:
        _, token = _fill(engine)
        before = _dump(engine)
        future = tmp_path / "migrations"
        shutil.copytree(store.MIGRATIONS_DIR, future, ignore=shutil.ignore_patterns("__pycache__"))
        head = ScriptDirectory(str(store.MIGRATIONS_DIR)).get_current_head()
        (future / "versions" / "9999_future.py").write_text(FUTURE_REVISION.format(head=head))

        store.migrate(engine, future)

        with engine.connect() as conn:
            assert MigrationContext.configure(conn).get_current_revision() == "9999"
            rooms = conn.execute(sa.text("SELECT room FROM workshops")).scalars().all()
            roles = conn.execute(sa.text("SELECT role FROM participants")).scalars().all()
        assert rooms == ["A1"]
        assert roles == [""]
        assert _dump(engine) == before  # store.metadata does not know the new columns
        assert participant_view(engine, token).response.answers["alpha.one"].note == (
            "vi har en politik"
        )
        if engine.dialect.name == "sqlite":
            with engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


# ---------------------------------------------------------------- upserts and keys


def test_levels_outside_the_scale_are_refused_by_the_database(db_url: str) -> None:
    """A check constraint keeps levels within 0–4 even if a caller skips validation."""
    engine = store.make_engine(db_url)
    try:
        _fill(engine)
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.execute(sa.update(assessment_answers).values(level=5))
    finally:
        engine.dispose()


def test_deleting_a_workshop_cascades_to_its_people_and_answers(db_url: str) -> None:
    """Foreign keys are enforced on both backends, so no orphan answers are left behind."""
    engine = store.make_engine(db_url)
    try:
        _fill(engine)
        with engine.begin() as conn:
            conn.execute(sa.delete(workshops))
        assert all(rows == [] for rows in _dump(engine).values())
    finally:
        engine.dispose()


# ---------------------------------------------------------------- from the first release


def _first_release_database(url: str) -> None:
    """A database as release 1.0 left it (revision 0001), with a workshop in full swing."""
    engine = sa.create_engine(store.normalise_url(url))
    try:
        with engine.connect() as conn:
            from alembic import command

            command.upgrade(store.alembic_config(conn), "0001")
            conn.commit()
        stamp = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
        later = stamp + dt.timedelta(minutes=30)
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO workshops (id, title, municipality_code, municipality_name, date,"
                    " language, bank_id, bank_version, join_code, facilitator_token_hash, status,"
                    " created_at, targets, plan_edits) VALUES (1, 'Strategidag', 751, 'Aarhus',"
                    " :day, 'da', 'tiny', '1.0.0', 'ACD347', :fac, 'closed', :at, :targets,"
                    " :edits)"
                ),
                {
                    "day": dt.date(2026, 11, 20),
                    "fac": digest("facilitator-token"),
                    "at": stamp,
                    "targets": '{"alpha": 3.5}',
                    "edits": '{"alpha.one.step0": {"owner": "Mette", "deadline": "2027-02-01",'
                    ' "status": "doing", "dropped": false}}',
                },
            )
            for pid, name, token in ((1, "Ida", "ida-token"), (2, "", "anon-token")):
                conn.execute(
                    sa.text(
                        "INSERT INTO participants (id, workshop_id, name, token_hash, joined_at,"
                        " last_seen) VALUES (:id, 1, :name, :hash, :at, :seen)"
                    ),
                    {"id": pid, "name": name, "hash": digest(token), "at": stamp, "seen": later},
                )
            for pid, qid, level, note in (
                (1, "alpha.one", 3, "vi har en politik"),
                (1, "beta.one", None, "spørg HR"),
                (2, "alpha.one", 1, ""),
            ):
                conn.execute(
                    sa.text(
                        "INSERT INTO answers (participant_id, question_id, level, note, updated_at)"
                        " VALUES (:pid, :qid, :level, :note, :at)"
                    ),
                    {"pid": pid, "qid": qid, "level": level, "note": note, "at": later},
                )
            conn.execute(
                sa.text(
                    "INSERT INTO consensus (workshop_id, question_id, level, note, updated_at)"
                    " VALUES (1, 'alpha.one', 2, 'enige efter debat', :at),"
                    " (1, 'beta.one', NULL, '', :at)"
                ),
                {"at": later},
            )
    finally:
        engine.dispose()


def test_a_first_release_database_is_upgraded_without_losing_anything(db_url: str) -> None:
    """Every workshop, name, answer, note, agreed answer, target and plan edit of release 1.0
    is there after the upgrade; the old links still open; a stored "don't know" stays one."""
    _first_release_database(db_url)
    engine = store.make_engine(db_url)
    try:
        bank = load_bank(TINY)
        key = FacilitatorKey("ACD347", "facilitator-token")
        agreed = consensus_record(engine, bank, key).response
        assert agreed.answers["alpha.one"].level == 2
        assert agreed.answers["alpha.one"].note == "enige efter debat"
        assert agreed.answers["beta.one"].dont_know
        assert agreed.targets == {"alpha": 3.5}
        edit = agreed.plan_edits["alpha.one.step0"]
        assert (edit.owner, edit.deadline, edit.status) == ("Mette", dt.date(2027, 2, 1), "doing")
        ida = participant_view(engine, "ida-token")
        assert ida.name == "Ida"
        assert ida.response.answers["alpha.one"].level == 3
        assert ida.response.answers["alpha.one"].note == "vi har en politik"
        assert ida.response.answers["beta.one"].dont_know
        assert ida.response.answers["beta.one"].note == "spørg HR"
        assert participant_view(engine, "anon-token").response.answers["alpha.one"].level == 1
        board = dashboard(engine, bank, key)
        assert [p.answered for p in board.participants] == [2, 1]
        alpha = next(q for q in board.questions if q.question_id == "alpha.one")
        assert alpha.counts == (0, 1, 0, 1, 0)
        with engine.connect() as conn:
            kinds = conn.execute(sa.select(assessments.c.kind).order_by(assessments.c.id))
            assert sorted(kinds.scalars()) == ["consensus", "participant", "participant"]
            assert conn.scalar(sa.select(sa.func.count()).select_from(participants)) == 2
            diff = compare_metadata(MigrationContext.configure(conn), store.metadata)
        assert diff == []
    finally:
        engine.dispose()
