"""What the workshop AppTest modules share: the app's own database, a workshop, pages opened as
a new browser session would open them, and what the page shows as text."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from assessment import store
from assessment.bank import load_bank
from assessment.models import Lang, Municipality
from assessment.records import FacilitatorKey
from assessment.store.schema import join_throttle
from assessment.ui import pages
from assessment.workshop.rooms import create_workshop
from tests.conftest import NOW, ROOT

BANK = load_bank()
QUESTIONS = list(BANK.questions_by_id())
FIRST = BANK.dimensions[0].questions
ODENSE = Municipality(code=461, name="Odense")


def app_engine() -> sa.Engine:
    """The app's own database (conftest points SOMEMODENHED_DATA_DIR at a temporary folder)."""
    return store.make_engine(None, data_dir=Path(os.environ["SOMEMODENHED_DATA_DIR"]))


def forget_join_failures(engine: sa.Engine) -> None:
    """AppTest sessions are all one local client: start each test with a clean count."""
    with engine.begin() as conn:
        conn.execute(sa.delete(join_throttle))


def new_workshop(engine: sa.Engine, *, language: Lang = "da", title: str = "Workshop i Odense",
                 **options: object) -> FacilitatorKey:  # fmt: skip
    return create_workshop(
        engine, title=title, municipality=ODENSE, date=NOW.date(), language=language,
        bank=BANK, **options,  # type: ignore[arg-type]
    )  # fmt: skip


def open_page(name: str, **params: str) -> AppTest:
    """A new browser session on one page, as a link, a refresh or a second window opens it."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(pages.page_file(name))
    at.run()
    assert not at.exception
    return at


def facilitator(key: FacilitatorKey, tab: str = "Styring") -> AppTest:
    return open_page("facilitator", ws=key.join_code, key=key.token, **{"f.tab": tab})


def shown(at: AppTest) -> str:
    """Every text the page shows (Markdown, plain text, messages, captions, HTML), in order."""
    parts: list[str] = []
    for kind in ("markdown", "text", "caption", "info", "warning", "error", "success"):
        parts += [str(e.value) for e in at.get(kind)]
    parts += [e.proto.body for e in at.get("html") if "<script" not in e.proto.body]
    return "\n".join(parts)


def within(days: int) -> dt.date:
    return NOW.date() + dt.timedelta(days=days)
