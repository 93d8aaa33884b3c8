"""A workshop in real browsers: a facilitator and three participants, a refresh, a `kill -9` of
the server with the pages left open, two facilitator windows, and the PDF. Every step checks
the database as well as the screen."""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader

from assessment.bank import load_bank
from assessment.records import FacilitatorKey, ParticipantLink, load
from assessment.workshop.consensus import consensus_record
from tests.browser.conftest import (
    StreamlitServer,
    eventually,
    expect_checked,
    new_page,
    pick,
    wait_counted,
)

pytestmark = pytest.mark.browser
BANK = load_bank()
FIRST, SECOND = BANK.dimensions[0], BANK.dimensions[1]


def create(host: Page) -> FacilitatorKey:
    """Create a workshop for Vejle from the create page; return its facilitator key."""
    expect(host.get_by_role("heading", name="Opret en workshop")).to_be_visible()
    host.get_by_test_id("stSelectbox").first.click()
    host.keyboard.type("Vejle")
    host.get_by_role("option", name="Vejle").click()
    host.get_by_role("button", name="Opret workshop").click()
    expect(host.get_by_text(re.compile(r"^Kode: "))).to_be_visible()
    query = parse_qs(urlparse(host.evaluate("location.href")).query)
    return FacilitatorKey(query["ws"][0], query["key"][0])


def join(browser: Browser, server: StreamlitServer, code: str, name: str) -> tuple[Page, str]:
    page = new_page(browser, f"{server.url}/join?code={code}")
    if name:
        page.get_by_label(re.compile("Dit fornavn")).fill(name)
    page.get_by_role("button", name="Deltag", exact=True).click()
    expect(page.get_by_text(re.compile("Du deltager i"))).to_be_visible()
    token = parse_qs(urlparse(page.evaluate("location.href")).query)["t"][0]
    return page, token


def levels(db: sa.Engine, token: str) -> dict[str, object]:
    return {q: a.level for q, a in load(db, ParticipantLink(token)).response.answers.items()}


def test_a_room_answers_survives_a_crash_and_agrees_without_overwrites(
    browser: Browser, server: StreamlitServer, db: sa.Engine
):
    """Three people answer; one refreshes; the server is killed and restarted with every page
    left open, and the first click after it on each page is stored in the area it was in; a
    stale facilitator window cannot overwrite the laptop's decision; the PDF has the spread."""
    host = new_page(browser, f"{server.url}/workshop")
    key = create(host)
    facilitator_url = host.evaluate("location.href")
    people = [join(browser, server, key.join_code, name) for name in ("Anna", "Bo", "")]
    plan = ((0, 1, 2), (2, 2, 2), (4, 3, 5))  # 5 = "don't know"
    for (page, _), choices in zip(people, plan, strict=True):
        for i, option in enumerate(choices):
            pick(page, i, option)
            wait_counted(page, 0, i + 1, len(FIRST.questions))

    bo, bo_token = people[1]
    bo.reload()
    expect(bo.get_by_text(re.compile("Du deltager i"))).to_be_visible()
    expect_checked(bo, 0, 2)
    bo.get_by_role("button", name="Næste").click()
    expect(bo.get_by_role("heading", name=re.compile("Område 2 af 5"))).to_be_visible()
    pick(bo, 0, 1)
    wait_counted(bo, 1, 1, len(SECOND.questions))

    server.crash_and_restart()
    anna, anna_token = people[0]
    pick(anna, 0, 3)  # the first click after the restart, on a page left open
    eventually(lambda: levels(db, anna_token)[FIRST.questions[0].id] == 3)
    pick(bo, 1, 4)  # Bo is still in area 2, and his click lands there
    eventually(lambda: levels(db, bo_token).get(SECOND.questions[1].id) == 4)
    expect(bo.get_by_role("heading", name=re.compile("Område 2 af 5"))).to_be_visible()
    assert levels(db, bo_token)[FIRST.questions[0].id] == 2  # nothing else was touched

    projector = new_page(browser, facilitator_url, width=1920, height=1080)
    host.goto(facilitator_url)
    expect(host.get_by_test_id("stMetricValue").first).to_have_text("3", timeout=20_000)
    for window in (projector, host):
        window.get_by_role("tab", name="Enighed").click()
    question = FIRST.questions[0].id

    def agreed(window: Page) -> Locator:
        """The first question's "agreed level" choices on a facilitator window."""
        return window.get_by_role("radiogroup", name="Enighed").first

    agreed(host).get_by_text("2", exact=True).click()
    eventually(lambda: question in consensus_record(db, BANK, key).response.answers)
    note = host.get_by_label("Note fra drøftelsen").first
    note.fill("Ejer på skrift, ingen stedfortræder")
    note.press("Enter")
    eventually(lambda: consensus_record(db, BANK, key).response.answers[question].note != "")

    agreed(projector).get_by_text("3", exact=True).click()  # the stale window
    expect(projector.get_by_text(re.compile("ændret i et andet vindue"))).to_be_visible()
    decided = consensus_record(db, BANK, key).response.answers[question]
    assert (decided.level, decided.note) == (2, "Ejer på skrift, ingen stedfortræder")
    checked_label = agreed(projector).evaluate(
        "g => g.querySelector('input:checked').closest('label').innerText"
    )
    assert checked_label == "2"

    host.get_by_role("tab", name="Resultat og plan").click()
    with host.expect_download() as info:
        host.get_by_role("button", name=re.compile("Hent handlingsplan med spredningen")).click()
    pdf = info.value.path().read_bytes()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Vejle" in text and "Spredning i deltagernes svar" in text
    for page in (*(p for p, _ in people), host, projector):
        page.context.close()
