"""What an operator relies on: a log that says what happened (and never a token), a broken
secrets file that stops the app instead of silently using another database, and one line for
the user when that happens."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
import sqlalchemy as sa
import streamlit as st
from streamlit import config
from streamlit.runtime.secrets import Secrets
from streamlit.testing.v1 import AppTest

from assessment import store
from assessment.bank import Bank
from assessment.models import Municipality
from assessment.records import (
    AccessDenied,
    Conflict,
    FacilitatorKey,
    ParticipantLink,
    PrivateLink,
    create_solo,
    set_choice,
)
from assessment.ui import context, pages
from assessment.workshop.rooms import WorkshopNotFound, create_workshop, join_workshop
from tests.conftest import ROOT

AARHUS = Municipality(code=751, name="Aarhus")


@pytest.fixture
def engine(tmp_path: Path) -> sa.Engine:
    made = store.make_engine(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    yield made
    made.dispose()


def test_the_log_says_what_happened_and_never_a_token(
    engine: sa.Engine, tiny_bank: Bank, caplog: pytest.LogCaptureFixture
):
    """Creations, joins, a refused join, a stale write and a closed door are logged; none of the
    tokens appears anywhere in the log."""
    caplog.set_level(logging.INFO, logger="assessment")
    solo = create_solo(engine, tiny_bank, AARHUS)
    set_choice(engine, PrivateLink(solo), tiny_bank, "alpha.one", 2, base=0)
    with pytest.raises(Conflict):
        set_choice(engine, PrivateLink(solo), tiny_bank, "alpha.one", 3, base=0)
    key = create_workshop(
        engine, title="Dag", municipality=AARHUS, date=dt.date(2026, 12, 1), language="da",
        bank=tiny_bank,
    )  # fmt: skip
    person = join_workshop(engine, key.join_code, "Ida")
    with pytest.raises(WorkshopNotFound):
        join_workshop(engine, "RRRRRR" if key.join_code != "RRRRRR" else "TTTTTT")
    with pytest.raises(AccessDenied):
        set_choice(engine, FacilitatorKey(key.join_code, "wrong"), tiny_bank, "alpha.one", 1,
                   base=None)  # fmt: skip
    text = caplog.text
    for expected in (
        "solo assessment",
        "stale page",
        "workshop",
        "participant joined",
        "join refused",
        "AccessDenied",
    ):
        assert expected in text, expected
    for secret in (solo, key.token, person, ParticipantLink(person).token):
        assert secret not in text


def _secrets_file(tmp_path: Path, content: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    path = tmp_path / "secrets.toml"
    path.write_text(content, encoding="utf-8")
    old = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(path)])
    monkeypatch.setattr(st, "secrets", Secrets())
    monkeypatch.setattr(st, "get_option", config.get_option)
    return old


def test_a_broken_secrets_file_stops_the_app_and_says_why_in_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
):
    """A secrets.toml that exists but is not TOML is not silently replaced by a local SQLite
    database: the app refuses to start its storage and logs the reason."""
    old = _secrets_file(tmp_path, 'DATABASE_URL = "postgresql://x\n[broken', monkeypatch)
    try:
        with pytest.raises(context.ConfigurationError):
            context._secrets()
        assert "secrets file cannot be read" in caplog.text
    finally:
        config.set_option("secrets.files", old)


def test_no_secrets_file_means_the_local_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Without any secrets file the app runs on its SQLite default, as documented."""
    old = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(tmp_path / "missing.toml")])
    monkeypatch.setattr(st, "secrets", Secrets())
    try:
        assert context._secrets() == {}
    finally:
        config.set_option("secrets.files", old)


def test_the_user_sees_one_line_when_the_setup_is_broken(monkeypatch: pytest.MonkeyPatch):
    """A page whose storage cannot start shows one line in the user's language, no traceback."""

    def broken() -> dict[str, object]:
        raise context.ConfigurationError

    context.engine.clear()
    monkeypatch.setattr(context, "_secrets", broken)
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params["a"] = "whatever"
        at.switch_page(pages.page_file("questions"))
        at.run()
        assert not at.exception
        assert at.error[0].value.startswith("Værktøjet er ikke sat rigtigt op.")
    finally:
        monkeypatch.undo()
        context.engine.clear()
