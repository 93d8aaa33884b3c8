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
from assessment.workshop.rooms import (
    create_workshop,
    join_workshop,
    participant_view,
    record_answer,
)

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
    record_answer(engine, bank, token, "alpha.one", 3, "vi har en politik")
    record_answer(engine, bank, token, "beta.two", None)
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
            "answers",
            "consensus",
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
            created = conn.scalar(sa.select(store.workshops.c.created_at))
        assert created is not None and created.utcoffset() == dt.timedelta(0)
        with pytest.raises(sa.exc.StatementError, match="naive datetime"), engine.begin() as conn:
            conn.execute(sa.update(store.workshops).values(created_at=dt.datetime(2026, 1, 1)))
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
        assert participant_view(engine, token).answers["alpha.one"].level == 3
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
        assert participant_view(engine, token).answers["alpha.one"].note == "vi har en politik"
        if engine.dialect.name == "sqlite":
            with engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


# ---------------------------------------------------------------- upserts and keys


def test_upsert_overwrites_instead_of_duplicating(db_url: str) -> None:
    """Writing the same (workshop, question) twice leaves one row with the last value."""
    engine = store.make_engine(db_url)
    try:
        _fill(engine)
        with engine.connect() as conn:
            workshop_id = conn.scalar(sa.select(store.workshops.c.id))
        for level, note in ((1, "først"), (2, "så")):
            stmt = store.upsert(engine, store.consensus).values(
                workshop_id=workshop_id,
                question_id="alpha.one",
                level=level,
                note=note,
                updated_at=dt.datetime.now(dt.UTC),
            )
            with engine.begin() as conn:
                conn.execute(
                    stmt.on_conflict_do_update(
                        index_elements=["workshop_id", "question_id"],
                        set_={"level": stmt.excluded.level, "note": stmt.excluded.note},
                    )
                )
        with engine.connect() as conn:
            rows = conn.execute(sa.select(store.consensus.c.level, store.consensus.c.note)).all()
        assert [tuple(r) for r in rows] == [(2, "så")]
    finally:
        engine.dispose()


def test_levels_outside_the_scale_are_refused_by_the_database(db_url: str) -> None:
    """A check constraint keeps levels within 0–4 even if a caller skips validation."""
    engine = store.make_engine(db_url)
    try:
        _fill(engine)
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.execute(sa.update(store.answers).values(level=5))
    finally:
        engine.dispose()


def test_deleting_a_workshop_cascades_to_its_people_and_answers(db_url: str) -> None:
    """Foreign keys are enforced on both backends, so no orphan answers are left behind."""
    engine = store.make_engine(db_url)
    try:
        _fill(engine)
        with engine.begin() as conn:
            conn.execute(sa.delete(store.workshops))
        assert all(rows == [] for rows in _dump(engine).values())
    finally:
        engine.dispose()
