"""Fixtures of the workshop room tests (a plugin: `pytest_plugins = ["room_fixtures"]`): a
database on each backend and a workshop on the tiny bank."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from db_backends import BACKENDS, backend_url
from rooms import create

from assessment import store
from assessment.models import Bank
from assessment.records import FacilitatorKey


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sa.Engine]:
    with backend_url(request.param, tmp_path) as url:
        made = store.make_engine(url)
        yield made
        made.dispose()


@pytest.fixture
def key(engine: sa.Engine, tiny_bank: Bank) -> FacilitatorKey:
    return create(engine, tiny_bank)
