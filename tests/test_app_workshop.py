"""The workshop pages with AppTest: create, join, answer, the facilitator's consensus, and what
a wrong link or a closed room gets. Each test checks the page and the database."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from assessment import records, store
from assessment.bank import load_bank
from assessment.models import Municipality
from assessment.records import FacilitatorKey, ParticipantLink, set_choice, set_note
from assessment.ui import pages
from assessment.workshop.consensus import close_workshop, consensus_record
from assessment.workshop.rooms import create_workshop, join_workshop, participant_view
from tests.conftest import NOW, ROOT

BANK = load_bank()
FIRST = BANK.dimensions[0].questions
ODENSE = Municipality(code=461, name="Odense")


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


@pytest.fixture
def key(engine: sa.Engine) -> FacilitatorKey:
    return create_workshop(
        engine,
        title="Workshop i Odense",
        municipality=ODENSE,
        date=NOW.date(),
        language="da",
        bank=BANK,
    )


def facilitator(key: FacilitatorKey) -> AppTest:
    return open_page("facilitator", ws=key.join_code, key=key.token)


def test_a_facilitator_creates_a_workshop_and_gets_code_link_and_qr():
    """The create form makes a workshop and opens its private page with code, link and QR."""
    at = open_page("workshop")
    at.selectbox(key="ws.c.municipality").set_value(461)
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    code, token = at.query_params["ws"], at.query_params["key"]
    assert len(code) == 6 and len(token) >= 43  # 32 random bytes, base64url
    assert at.title[0].value == "Workshop om sociale medier"
    assert any(f"join?code={code}" in c.value for c in at.code)
    assert at.get("image")  # the QR code


def test_a_participant_joins_by_code_and_answers_are_stored(engine: sa.Engine, key: FacilitatorKey):
    """Typing the code loosely and a name opens the participant's own page; a choice is stored."""
    at = open_page("join")
    at.text_input(key="join.code").input(key.join_code.lower()[:3] + "-" + key.join_code[3:])
    at.text_input(key="join.name").input("Ida")
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    token = at.query_params["t"]
    at.radio(key=f"q.{FIRST[0].id}").set_value(2).run()
    view = participant_view(engine, token)
    assert (view.name, view.response.answers[FIRST[0].id].level) == ("Ida", 2)


def test_a_join_link_prefills_the_code(key: FacilitatorKey):
    """The QR code's link (`/join?code=…`) opens the form with the code filled in."""
    at = open_page("join", code=key.join_code)
    assert at.text_input(key="join.code").value == f"{key.join_code[:3]} {key.join_code[3:]}"


def test_a_participant_continues_after_a_refresh(engine: sa.Engine, key: FacilitatorKey):
    """A new session on the participant's link shows their stored answers and notes."""
    token = join_workshop(engine, key.join_code, "Bo")
    door = ParticipantLink(token)
    set_choice(engine, door, BANK, FIRST[0].id, 3, base=None)
    set_note(engine, door, BANK, FIRST[1].id, "kun en note", base=None)
    at = open_page("p", t=token)
    assert at.radio(key=f"q.{FIRST[0].id}").value == 3
    assert at.text_area(key=f"n.{FIRST[1].id}").value == "kun en note"


def test_an_english_workshop_speaks_english_to_its_participants(engine: sa.Engine):
    """Joining an English workshop opens the participant's page in English."""
    english = create_workshop(
        engine, title="Strategy day", municipality=ODENSE, date=NOW.date(), language="en",
        bank=BANK,
    )  # fmt: skip
    at = open_page("join", code=english.join_code)
    at.get("form_submit_button")[0].click().run()
    assert at.query_params["lang"] == "en"
    assert at.header[0].value.startswith("Area 1 of 5")


def test_unknown_and_closed_codes_get_the_same_reply(engine: sa.Engine, key: FacilitatorKey):
    """A code nobody has and a closed room's code are refused with the same line."""
    replies = []
    for code in ("RRRRRR" if key.join_code != "RRRRRR" else "TTTTTT", key.join_code):
        if code == key.join_code:
            close_workshop(engine, key)
        at = open_page("join", code=code)
        at.get("form_submit_button")[0].click().run()
        assert not at.exception
        replies.append(at.error[0].value)
    assert (
        replies[0] == replies[1] == "Der er ingen workshop med den kode. Tjek koden og prøv igen."
    )


def test_a_closed_workshop_shows_answers_that_cannot_be_changed(
    engine: sa.Engine, key: FacilitatorKey
):
    """After closing, the participant's choices are shown disabled, with a line saying why."""
    token = join_workshop(engine, key.join_code, "Ida")
    set_choice(engine, ParticipantLink(token), BANK, FIRST[0].id, 2, base=None)
    close_workshop(engine, key)
    at = open_page("p", t=token)
    assert "lukket" in at.warning[0].value
    radio = at.radio(key=f"q.{FIRST[0].id}")
    assert radio.disabled and radio.value == 2


def test_a_participant_token_opens_only_its_own_answers(engine: sa.Engine, key: FacilitatorKey):
    """A made-up token gets one line; a real one shows only that person's answers."""
    ida = join_workshop(engine, key.join_code, "Ida")
    bo = join_workshop(engine, key.join_code, "Bo")
    set_choice(engine, ParticipantLink(ida), BANK, FIRST[0].id, 4, base=None)
    assert open_page("p", t=bo).radio(key=f"q.{FIRST[0].id}").value is None
    wrong = open_page("p", t="not-a-token")
    assert wrong.error[0].value == "Linket giver ikke adgang. Brug det link, du fik."


def test_the_facilitator_page_refuses_a_wrong_or_missing_key(key: FacilitatorKey):
    """A wrong key, a participant's token or no key at all gets one line and nothing else."""
    for params in ({"ws": key.join_code, "key": "wrong"}, {"ws": key.join_code}, {}):
        at = open_page("facilitator", **params)
        assert at.error[0].value == "Linket giver ikke adgang. Brug det link, du fik."
        assert not at.tabs


def test_a_decision_is_recorded_only_when_the_facilitator_makes_it(
    engine: sa.Engine, key: FacilitatorKey
):
    """The room's median is shown as a suggestion; nothing is recorded until it is chosen."""
    for level in (1, 3):
        person = ParticipantLink(join_workshop(engine, key.join_code))
        set_choice(engine, person, BANK, FIRST[0].id, level, base=None)
    at = facilitator(key)
    radio = at.radio(key=f"c.{FIRST[0].id}")
    assert radio.value is None
    assert any("forslag" in c.value and ": 2" in c.value for c in at.caption)
    assert consensus_record(engine, BANK, key).response.answers == {}
    radio.set_value(2).run()
    assert consensus_record(engine, BANK, key).response.answers[FIRST[0].id].level == 2


def test_a_stale_facilitator_window_cannot_overwrite_a_decision(
    engine: sa.Engine, key: FacilitatorKey
):
    """The laptop records a decision and a note; the projector window, open since before,
    is refused when it changes the same decision, and shows what the laptop recorded."""
    projector = facilitator(key)
    laptop = facilitator(key)
    laptop.radio(key=f"c.{FIRST[0].id}").set_value(2).run()
    laptop.text_input(key=f"cn.{FIRST[0].id}").input("Ejer på skrift, ingen stedfortræder").run()
    projector.radio(key=f"c.{FIRST[0].id}").set_value(3).run()
    assert "ændret i et andet vindue" in projector.warning[0].value
    assert projector.radio(key=f"c.{FIRST[0].id}").value == 2
    agreed = consensus_record(engine, BANK, key).response.answers[FIRST[0].id]
    assert (agreed.level, agreed.note) == (2, "Ejer på skrift, ingen stedfortræder")


def test_adopting_suggestions_leaves_decisions_made_elsewhere(
    engine: sa.Engine, key: FacilitatorKey
):
    """ "Use the room's suggestions" fills only what is undecided; a decision another window
    made after this page was drawn is kept."""
    for levels in ((1, 1), (3, 1)):
        person = ParticipantLink(join_workshop(engine, key.join_code))
        for qid, level in zip((FIRST[0].id, FIRST[1].id), levels, strict=True):
            set_choice(engine, person, BANK, qid, level, base=None)
    at = facilitator(key)
    set_choice(engine, key, BANK, FIRST[1].id, 4, base=None)  # decided in another window
    at.button(key="c.adopt").click().run()
    assert not at.exception
    agreed = consensus_record(engine, BANK, key).response.answers
    assert (agreed[FIRST[0].id].level, agreed[FIRST[1].id].level) == (2, 4)


def test_the_consensus_shows_participants_notes_as_plain_text(
    engine: sa.Engine, key: FacilitatorKey
):
    """Markdown and HTML in a note are shown as typed, never rendered."""
    door = ParticipantLink(join_workshop(engine, key.join_code))
    set_choice(engine, door, BANK, FIRST[0].id, 1, base=None)
    set_note(engine, door, BANK, FIRST[0].id, "![x](https://evil.example/t.png) **fed**", base=None)
    at = facilitator(key)
    texts = [t.value for t in at.text]
    assert any("![x](https://evil.example/t.png) **fed**" in t for t in texts)
    assert not any("evil.example" in m.value for m in at.markdown)


def test_the_workshop_title_is_shown_as_typed(engine: sa.Engine):
    """A title made of Markdown (an image and a link) is escaped on every page."""
    title = "![x](https://evil.example/t.png) [Log ind med MitID](https://evil.example)"
    made = create_workshop(
        engine, title=title, municipality=ODENSE, date=NOW.date(), language="da", bank=BANK
    )
    token = join_workshop(engine, made.join_code)
    for at in (facilitator(made), open_page("p", t=token)):
        shown = [*(t.value for t in at.title), *(i.value for i in at.info)]
        assert all("](" not in s or "\\]\\(" in s for s in shown)
        assert any("evil" in s for s in shown)


def test_records_of_one_room_stay_in_it(engine: sa.Engine, key: FacilitatorKey):
    """The facilitator's key opens the room's agreed answers, not a participant's sheet."""
    person = join_workshop(engine, key.join_code)
    assert records.load(engine, key).kind == "consensus"
    assert records.load(engine, ParticipantLink(person)).kind == "participant"
