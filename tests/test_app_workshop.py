"""The workshop pages with AppTest: create, join, answer, live dashboard, consensus, security."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from assessment.bank import load_bank
from assessment.models import Municipality
from assessment.ui.db import engine
from assessment.workshop.consensus import close_workshop, consensus_response
from assessment.workshop.rooms import (
    FacilitatorKey,
    create_workshop,
    join_workshop,
    participant_view,
    record_answer,
)
from tests.conftest import NOW, ROOT

BANK = load_bank()
FIRST = BANK.dimensions[0].questions


def app(**params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception
    return at


@pytest.fixture
def key() -> FacilitatorKey:
    return create_workshop(
        engine(),
        title="Workshop i Odense",
        municipality=Municipality(code=461, name="Odense"),
        date=NOW.date(),
        language="da",
        bank=BANK,
    )


def test_facilitator_creates_a_workshop_and_gets_code_link_and_qr():
    """The create form makes a workshop and opens its private page with code, link and QR."""
    at = app()
    at.button(key="start.create").click().run()
    at.selectbox(key="ws.c.municipality").set_value(461)
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    code, token = at.query_params["ws"], at.query_params["key"]
    assert len(code) == 6
    assert len(token) >= 43  # 32 random bytes, base64url
    page = app(ws=code, key=token)
    assert page.title[0].value == "Workshop om sociale medier"
    assert any("?join=" + code in c.value for c in page.code)
    assert page.get("image")  # the QR code


def test_participant_joins_by_code_and_answers_are_stored(key: FacilitatorKey):
    """Typing the code (spaces and lower case allowed) joins; each answer lands in the database."""
    at = app(join=key.join_code)
    at.text_input(key="join.code").input(key.join_code[:3].lower() + " " + key.join_code[3:])
    at.text_input(key="join.name").input("Sofie")
    at.button(key="join.submit").click().run()
    token = at.query_params["p"]
    page = app(p=token)
    page.radio(key=f"q.{FIRST[0].id}").set_value(3).run()
    page.text_area(key=f"n.{FIRST[0].id}").input("Se referat 12/3").run()
    view = participant_view(engine(), token)
    assert view.name == "Sofie"
    assert view.answers[FIRST[0].id].level == 3
    assert view.answers[FIRST[0].id].note == "Se referat 12/3"


def test_participant_continues_after_refresh(key: FacilitatorKey):
    """A new session with the same personal link shows the answers given before."""
    token = join_workshop(engine(), key.join_code)
    record_answer(engine(), BANK, token, FIRST[1].id, 2, "")
    page = app(p=token)
    assert page.radio(key=f"q.{FIRST[1].id}").value == 2
    assert "Workshop i Odense" in page.info[0].value


def test_dashboard_shows_participants_spread_and_disagreement(key: FacilitatorKey):
    """Three people who disagree: three joined, the question marked, the median shown."""
    for name, level in (("A", 0), ("B", 2), ("", 4)):
        token = join_workshop(engine(), key.join_code, name)
        record_answer(engine(), BANK, token, FIRST[0].id, level, "")
    page = app(ws=key.join_code, key=key.token)
    assert page.metric[0].value == "3"
    markdown = "\n".join(m.value for m in page.markdown)
    assert FIRST[0].text.da in markdown
    captions = "\n".join(c.value for c in page.caption)
    assert "Fordeling 0–4: 1 · 0 · 1 · 0 · 1 · ved ikke 0 · median 2" in captions


def test_consensus_is_prefilled_with_median_and_recorded(key: FacilitatorKey):
    """Adopting the room's suggestion records the median; a change overrides it."""
    for level in (1, 2, 3):
        record_answer(engine(), BANK, join_workshop(engine(), key.join_code), FIRST[0].id, level)
    page = app(ws=key.join_code, key=key.token)
    assert page.radio(key=f"c.{FIRST[0].id}").value == 2
    page.button(key="c.adopt").click().run()
    page.radio(key=f"c.{FIRST[0].id}").set_value(1).run()
    assert not page.exception
    response = consensus_response(engine(), BANK, key)
    assert response.answers[FIRST[0].id].level == 1
    assert response.municipality.name == "Odense"


def test_dashboard_refuses_a_wrong_or_missing_token(key: FacilitatorKey):
    """Without the right token the facilitator page shows one line and no data."""
    page = app(ws=key.join_code, key="not-the-token")
    assert page.error[0].value == "Linket giver ikke adgang. Brug det link, du fik."
    assert not page.metric
    page = app(ws=key.join_code, key="")
    assert page.error


def test_unknown_code_and_closed_workshop_are_explained(key: FacilitatorKey):
    """An unknown code and a closed workshop each give a clear Danish line."""
    at = app(join="")
    at.text_input(key="join.code").input("XXXXXX")
    at.button(key="join.submit").click().run()
    assert at.error[0].value.startswith("Der er ingen workshop med den kode")
    close_workshop(engine(), key)
    at.text_input(key="join.code").input(key.join_code)
    at.button(key="join.submit").click().run()
    assert at.error[0].value.startswith("Workshoppen er lukket")


def test_participant_of_closed_workshop_cannot_change_answers(key: FacilitatorKey):
    """After closing, an answer is refused with a message and the stored one is kept."""
    token = join_workshop(engine(), key.join_code)
    record_answer(engine(), BANK, token, FIRST[0].id, 1)
    close_workshop(engine(), key)
    page = app(p=token)
    page.radio(key=f"q.{FIRST[0].id}").set_value(4).run()
    assert page.error[0].value.startswith("Workshoppen er lukket")
    assert participant_view(engine(), token).answers[FIRST[0].id].level == 1


def test_participant_token_opens_only_own_answers(key: FacilitatorKey):
    """Two participants: each link shows its own answers, never the other's."""
    mine = join_workshop(engine(), key.join_code, "Mig")
    theirs = join_workshop(engine(), key.join_code, "Dig")
    record_answer(engine(), BANK, theirs, FIRST[0].id, 4)
    page = app(p=mine)
    assert page.radio(key=f"q.{FIRST[0].id}").value is None
    assert not page.metric  # no dashboard for participants
    page = app(p="forged-token")
    assert page.error[0].value == "Linket giver ikke adgang. Brug det link, du fik."


def test_consensus_shows_participants_notes_as_plain_text(key: FacilitatorKey):
    """The room's notes appear beside the question, as text, markup left as typed."""
    token = join_workshop(engine(), key.join_code)
    record_answer(engine(), BANK, token, FIRST[0].id, 2, "<b>Se</b> **referat**")
    page = app(ws=key.join_code, key=key.token)
    assert "– <b>Se</b> **referat**" in [t.value for t in page.text]
