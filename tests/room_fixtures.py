"""Fixtures of the workshop room tests (a plugin: `pytest_plugins = ["room_fixtures"]`): a
workshop on the tiny bank, in conftest's database on each backend."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from rooms import create

from assessment.models import Bank
from assessment.records import FacilitatorKey


@pytest.fixture
def key(engine: sa.Engine, tiny_bank: Bank) -> FacilitatorKey:
    return create(engine, tiny_bank)
