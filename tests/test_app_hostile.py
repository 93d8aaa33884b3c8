"""Hostile input through the app itself (AppTest): uploads, form fields past their limits and
query parameters. Each gets one line in the user's language, shown as plain text, nothing is
stored that should not be, and no traceback reaches the page. The core's own corpus is in
`test_hostile.py`; this is the same classes where a user meets them in the browser."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from pydantic import ValidationError
from streamlit.testing.v1 import AppTest

from assessment import store
from assessment.answers import dump_answers
from assessment.bank import load_bank
from assessment.models import Answer, Municipality, Profile, Respondent
from assessment.records import PrivateLink, TooLong, create_solo, import_response, load
from assessment.store.schema import assessments
from assessment.ui import pages
from assessment.workshop.rooms import create_workshop, join_workshop
from tests.conftest import ROOT, MakeResponse
from tests.conftest import shown as read
from tests.hostile import ENGLISH

BANK = load_bank()
Q1 = BANK.dimensions[0].questions[0].id
UNESCAPED_LINK = re.compile(r"(?<!\\)\]\s*(?<!\\)\(")
"""Markdown's `](`: a link or an image, unless its brackets are escaped."""


@pytest.fixture(scope="module")
def engine() -> Iterator[sa.Engine]:
    made = store.make_engine(None, data_dir=Path(os.environ["SOMEMODENHED_DATA_DIR"]))
    yield made
    made.dispose()


def open_page(name: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(pages.page_file(name))
    at.run()
    assert not at.exception
    return at


def count(engine: sa.Engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(sa.select(sa.func.count()).select_from(assessments)) or 0


def _file(make_response: MakeResponse) -> dict[str, object]:
    return json.loads(dump_answers(make_response({Q1: 2})))


def _with(raw: dict[str, object], path: str, value: object) -> bytes:
    node: dict[str, object] = raw
    *parents, last = path.split("/")
    for part in parents:
        node = node[part]  # type: ignore[assignment]
    node[last] = value
    return json.dumps(raw, ensure_ascii=False).encode("utf-8", "surrogatepass")


UPLOADS = {
    # tracebacks in the first release
    "deep-nesting": lambda raw: b"[" * 100_000,
    "5000-digit-level": lambda raw: _with(raw, f"answers/{Q1}/level", 0).replace(
        b'"level": 0', b'"level": ' + b"7" * 5000
    ),
    "lone-surrogate-in-note": lambda raw: _with(raw, f"answers/{Q1}/note", "\ud800 note"),
    "binary-garbage": lambda raw: bytes(range(256)) * 4,
    # silent acceptance in the first release
    "level-as-text": lambda raw: _with(raw, f"answers/{Q1}/level", "3"),
    "naive-time": lambda raw: _with(raw, "created_at", "2026-11-24T09:30:00"),
    "name-not-the-codes": lambda raw: _with(raw, "municipality/name", "Hackerby"),
    "duplicate-key": lambda raw: dump_answers_with_duplicate(raw),
    # Markdown injection through a refused value
    "markdown-name": lambda raw: _with(
        raw, "municipality/name", "![x](https://evil.example/m.png) [Log ind med MitID](https://x)"
    ),
    "markdown-schema-version": lambda raw: _with(raw, "schema_version", "![x](https://e.x/s.png)"),
    # messages: a huge value must not be echoed
    "megabyte-key": lambda raw: _with(raw, "x" * 1_000_000, 1),
    "too-large": lambda raw: b" " * 2_000_001,
    # accepted, then broke the about page on every visit
    "role-every-municipality-has": lambda raw: _with(raw, "profile/roles", ["lawyer", "director"]),
    "role-path-like": lambda raw: _with(raw, "profile/roles", ["../../etc"]),
    # accepted, then failed with the generic error (year 1 at +14:00 cannot be stored in UTC)
    "created-year-1": lambda raw: _with(raw, "created_at", "0001-01-01T00:00:00+14:00"),
    "updated-before-created": lambda raw: _with(raw, "updated_at", "2026-11-23T09:30:00Z"),
    # accepted silently
    "platform-empty": lambda raw: _with(raw, "profile/platforms", ["Facebook", "\x00"]),
    "platform-twice": lambda raw: _with(raw, "profile/platforms", ["LinkedIn", "LinkedIn"]),
    "bank-version-that-never-was": lambda raw: _with(raw, "bank_version", "0.0.1"),
}
SAYS = {
    "role-every-municipality-has": "ikke kan vælges til eller fra: director.",
    "role-path-like": "ikke kender: ../../etc.",
    "created-year-1": "Tidspunktet i created_at ligger uden for årene 2000–2100",
    "updated-before-created": "før den blev oprettet",
    "platform-empty": "profile.platforms.1 i svarfilen er tomt.",
    "platform-twice": "nævner »LinkedIn« to gange i profile.platforms.",
    "bank-version-that-never-was": "lavet med version 0.0.1 af spørgsmålsbanken",
}
"""What the line must say, for the cases that were accepted before (any one line passed)."""


def dump_answers_with_duplicate(raw: dict[str, object]) -> bytes:
    text = json.dumps(raw, ensure_ascii=False)
    return text.replace('"format": ', '"format": "other", "format": ', 1).encode()


@pytest.mark.parametrize("name", sorted(UPLOADS))
def test_a_hostile_upload_gets_one_plain_line_and_stores_nothing(
    name: str, engine: sa.Engine, make_response: MakeResponse
):
    """Each hostile answers file gets one line in Danish, without English fragments, without a
    live link or image, under 300 characters; no assessment is stored for it."""
    data = UPLOADS[name](_file(make_response))
    before = count(engine)
    at = open_page("start")
    at.file_uploader(key="start.upload").upload("svar.json", data).run()
    assert not at.exception
    assert len(at.error) == 1, name
    shown = at.error[0].value
    assert "\n" not in shown and len(shown) < 300
    assert not UNESCAPED_LINK.search(shown)
    assert not ENGLISH.search(re.sub(r"\\.", "", shown).replace("dont_know", "")), shown
    assert SAYS.get(name, "") in read(shown)
    assert count(engine) == before


@pytest.mark.parametrize(
    ("roles", "platforms", "shown_roles", "shown_platforms"),
    [
        (["director", "lawyer"], [], ["lawyer"], []),
        (["../../etc"], ["Facebook"], [], ["Facebook"]),
        (None, ["", "Facebook", "facebook", "TikTok"], None, ["Facebook", "TikTok"]),
    ],
)
def test_the_about_page_opens_a_profile_stored_before_it_was_checked(
    engine: sa.Engine,
    make_response: MakeResponse,
    roles: list[str] | None,
    platforms: list[str],
    shown_roles: list[str] | None,
    shown_platforms: list[str],
):
    """An upload stored a role the page does not offer ("director", "../../etc"), an empty or
    a repeated platform; the about page then failed on every visit. It opens, and shows only
    what it can offer (every optional role when none were stated)."""
    profile = Profile.model_construct(roles=roles, platforms=platforms)
    token = import_response(
        engine, BANK, make_response({Q1: 2}).model_copy(update={"profile": profile})
    )
    at = open_page("about", a=token)
    assert not at.error
    offered = [r.id for r in BANK.roles if r.otherwise is not None]
    assert at.multiselect(key="about.roles").value == (
        offered if shown_roles is None else shown_roles
    )
    assert at.multiselect(key="about.platforms").value == shown_platforms


def test_after_a_bad_upload_a_good_one_still_works(engine: sa.Engine, make_response: MakeResponse):
    """A refused file changes nothing: the next, valid file is stored and opened."""
    at = open_page("start")
    at.file_uploader(key="start.upload").upload("bad.json", b"{").run()
    assert at.error
    good = dump_answers(make_response({Q1: 3})).encode()
    at.file_uploader(key="start.upload").upload("svar.json", good).run()
    assert not at.exception
    assert load(engine, PrivateLink(at.query_params["a"])).response.answers[Q1].level == 3


def test_every_text_field_on_every_page_has_a_limit(engine: sa.Engine):
    """No text field takes unbounded text: each has `max_chars` (Streamlit enforces it on the
    server too, so a modified browser cannot send more)."""
    token = create_solo(engine, BANK, Municipality(code=751, name="Aarhus"))
    seen = 0
    for name in ("start", *pages.SOLO, "join", "workshop"):
        at = open_page(name, a=token)
        for field in (*at.text_input, *at.text_area):
            assert field.max_chars, (name, field.key)
            seen += 1
    assert seen > 10


def _workshop(engine: sa.Engine, title: str = "Workshop") -> str:
    """A new workshop's join code."""
    key = create_workshop(
        engine,
        title=title,
        municipality=Municipality(code=751, name="Aarhus"),
        date=dt.date(2026, 11, 24),
        language="da",
        bank=BANK,
    )
    return key.join_code


KEPT_BY: dict[str, Callable[[sa.Engine, str], object]] = {
    "about.name": lambda _, text: Respondent(name=text),
    "about.role": lambda _, text: Respondent(role=text),
    "n.": lambda _, text: Answer(note=text),  # a note on every question
    "join.name": lambda engine, text: join_workshop(engine, _workshop(engine), text),
    "ws.c.name": lambda engine, text: _workshop(engine, title=text),
}
"""Where each form's text is kept (the model, or the store's own write), by widget key or its
start; a form not named here fails the test below until it is."""
NOT_KEPT = {"page-revision", "join.code"}
"""A hidden field of the page (binding) and the join code, which is looked up, never stored."""


def test_every_form_takes_exactly_what_is_kept(engine: sa.Engine):
    """A form's `max_chars` is the longest text its model or store keeps: one character more
    is refused there. A form that allowed more lost the note (a participant's 4,000 against the
    store's 2,000); one that allowed less would cut what the file and the store can hold."""
    token = create_solo(engine, BANK, Municipality(code=751, name="Aarhus"))
    checked: set[str] = set()
    for name in ("start", *pages.SOLO, "join", "workshop"):
        at = open_page(name, a=token)
        for field in (*at.text_input, *at.text_area):
            if field.key in NOT_KEPT:
                continue
            keep = next(k for start, k in KEPT_BY.items() if field.key.startswith(start))
            limit = field.max_chars
            keep(engine, "é" * limit)  # kept
            with pytest.raises((ValidationError, TooLong)):
                keep(engine, "é" * (limit + 1))
            checked.add(field.key.split(".")[0])
    assert checked == {"about", "n", "join", "ws"}


def test_streamlit_shows_no_traceback_and_no_unneutralised_csv():
    """`.streamlit/config.toml` keeps tracebacks from users (`showErrorDetails = "none"`: they
    see our one line, the log has the details) and turns off the tables' own "Download as CSV",
    which wrote names like `=HYPERLINK(…)` as formulas (`disableDataExport`)."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["disableDataExport"] is True


@pytest.mark.parametrize(
    ("page", "params"),
    [
        ("questions", {"a": "x" * 100_000}),
        ("questions", {"a": "' OR 1=1 --"}),
        ("questions", {"a": "ok", "area": "<script>alert(1)</script>"}),
        ("start", {"lang": "xx"}),
        ("start", {"lang": "en" * 50_000}),
        ("p", {"t": "\u0000" * 10}),
        ("facilitator", {"ws": "A" * 100_000, "key": "k" * 100_000}),
        ("join", {"code": "![x](https://evil.example/j.png)" * 1000}),
        ("start", {"p": "x" * 10_000}),
    ],
)
def test_hostile_query_parameters_get_one_line_or_a_sane_default(page: str, params: dict[str, str]):
    """Garbage, huge or malicious query parameters never reach a traceback or a rendered link;
    a page either shows its one-line refusal or falls back (Danish, the first area)."""
    at = open_page(page, **params)
    assert not at.exception
    for element in (*at.error, *at.warning, *at.info, *at.markdown, *at.title):
        assert not UNESCAPED_LINK.search(element.value)
        assert len(element.value) < 2000
