"""Shared fixtures: small in-memory banks and responses built from them."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from assessment.answers import new_response
from assessment.bank import load_bank
from assessment.models import Answer, Bank, Municipality, Response

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
TINY_BANK_DIR = DATA / "tiny_bank"
NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)

MakeResponse = Callable[..., Response]


def pytest_configure(config: pytest.Config) -> None:
    """The app's SQLite file goes to a throwaway folder, never the working tree's data/."""
    os.environ.setdefault("SOMEMODENHED_DATA_DIR", tempfile.mkdtemp(prefix="somemodenhed-test-"))


@pytest.fixture(scope="session")
def tiny_bank() -> Bank:
    return load_bank(TINY_BANK_DIR)


@pytest.fixture(scope="session")
def bank() -> Bank:
    """The real bank shipped in questions/."""
    return load_bank()


def _make(bank: Bank, levels: dict[str, int | None] | None = None, **fields: object) -> Response:
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
    return re.sub(r"\\(.)", r"\1", markdown)
