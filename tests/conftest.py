"""Shared fixtures: small in-memory banks and responses built from them."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml

from assessment import store
from assessment.answers import new_response
from assessment.bank import load_bank
from assessment.models import Answer, Bank, Municipality, Response
from tests.db_backends import BACKENDS, backend_url

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
TINY_BANK_DIR = DATA / "tiny_bank"
NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)

MakeResponse = Callable[..., Response]
Variant = Callable[..., Bank]


def pytest_configure(config: pytest.Config) -> None:
    """The app's SQLite file goes to a throwaway folder, never the working tree's data/."""
    os.environ.setdefault("SOMEMODENHED_DATA_DIR", tempfile.mkdtemp(prefix="somemodenhed-test-"))


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sa.Engine]:
    """An empty store on each backend (a module that drives the app defines its own)."""
    with backend_url(request.param, tmp_path) as url:
        made = store.make_engine(url)
        yield made
        made.dispose()


@pytest.fixture(scope="session")
def tiny_bank() -> Bank:
    return load_bank(TINY_BANK_DIR)


@pytest.fixture(scope="session")
def bank() -> Bank:
    """The real bank shipped in questions/."""
    return load_bank()


def _make(
    bank: Bank, levels: dict[str, int | str | None] | None = None, **fields: object
) -> Response:
    response = new_response(bank, Municipality(code=101, name="København"), now=NOW)
    answers = {
        qid: Answer(level="dont_know" if lvl is None else lvl)
        for qid, lvl in (levels or {}).items()
    }
    return response.model_copy(update={"answers": answers, **fields})


@pytest.fixture(scope="session")
def make_tiny(tiny_bank: Bank) -> MakeResponse:
    """Build a tiny-bank response from `{question id: level or None}` and model fields."""
    return lambda levels=None, **fields: _make(tiny_bank, levels, **fields)


@pytest.fixture(scope="session")
def make_response(bank: Bank) -> MakeResponse:
    """Build a real-bank response from `{question id: level or None}` and model fields."""
    return lambda levels=None, **fields: _make(bank, levels, **fields)


def shown(markdown: str) -> str:
    """What a reader sees of Markdown source whose punctuation the app escaped (`ui.text.plain`)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


@pytest.fixture
def tiny_variant(tmp_path: Path) -> Variant:
    """A tiny bank with one file changed, loaded from disk: a rule test's own small bank.
    (Copying a loaded `Bank` would keep its cached lookups from before the change.)"""
    counter = iter(range(1000))

    def build(file: str, change: Callable[[dict], None]) -> Bank:
        root = tmp_path / f"bank{next(counter)}"
        shutil.copytree(TINY_BANK_DIR, root)
        path = root / file
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return load_bank(root)

    return build


def make_for(bank: Bank, levels: dict[str, int | str | None] | None = None, **fields: object):
    """A response to any bank; None means "don't know", a word is used as it is."""
    return _make(bank, levels, **fields)
