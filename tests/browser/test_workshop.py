"""A workshop in real browsers: a facilitator and three participants, a refresh and a restart."""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from assessment.bank import load_bank

pytestmark = pytest.mark.browser
BANK = load_bank()
FIRST = BANK.dimensions[0]


def new_page(browser: Browser, url: str) -> Page:
    context = browser.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(url)
    return page


def answer(page: Page, offset: int, level: int, answered_after: int) -> None:
    """Click a level and wait until the area button counts it (the server has stored it)."""
    group = page.get_by_test_id("stMain").get_by_test_id("stRadio").nth(offset)
    group.get_by_test_id("stRadioOption").nth(level).click()
    total = len(FIRST.questions)
    expect(page.get_by_role("button", name=f"1 · {answered_after}/{total}")).to_be_visible()


def test_room_answers_refreshes_survives_restart_and_agrees(browser: Browser, server):
    """Three join by code and answer; one refreshes and the server restarts; consensus → PDF."""
    host = new_page(browser, server.url)
    host.get_by_role("button", name="Opret en workshop").click()
    expect(host.get_by_role("heading", name="Opret en workshop")).to_be_visible()
    host.get_by_test_id("stSelectbox").first.click()
    host.keyboard.type("Vejle")
    host.get_by_role("option", name="Vejle").click()
    host.get_by_role("button", name="Opret workshop").click()
    expect(host.get_by_text(re.compile(r"^Kode: "))).to_be_visible()
    query = parse_qs(urlparse(host.url).query)
    code = query["ws"][0]
    facilitator_url = host.url

    people = []
    for name, levels in (("Anna", (0, 1, 2)), ("Bo", (2, 2, 2)), ("", (4, 3, 2))):
        page = new_page(browser, f"{server.url}/?join={code}")
        if name:
            page.get_by_label(re.compile("Dit fornavn")).fill(name)
        page.get_by_role("button", name="Deltag", exact=True).click()
        expect(page.get_by_text(re.compile("Du deltager i"))).to_be_visible()
        people.append((page, levels))

    for page, levels in people:
        answer(page, 0, levels[0], 1)
        answer(page, 1, levels[1], 2)

    bo = people[1][0]
    bo.reload()  # a refresh mid-way keeps what Bo answered
    expect(bo.get_by_role("button", name=f"1 · 2/{len(FIRST.questions)}")).to_be_visible()

    server.stop()  # a server restart loses nothing either
    server.start()
    for page, levels in people:
        page.reload()
        expect(page.get_by_role("button", name=f"1 · 2/{len(FIRST.questions)}")).to_be_visible()
        answer(page, 2, levels[2], 3)
        radios = page.get_by_test_id("stMain").get_by_test_id("stRadio")
        expect(radios.nth(0).locator("input").nth(levels[0])).to_be_checked()

    host.goto(facilitator_url)
    expect(host.get_by_test_id("stMetricValue").first).to_have_text("3", timeout=20_000)
    expect(host.get_by_text("Størst uenighed – tag dem først")).to_be_visible()
    spread = host.get_by_text("Fordeling 0–4: 1 · 0 · 1 · 0 · 1 · ved ikke 0 · median 2")
    expect(spread.first).to_be_visible()
    expect(host.get_by_text("Anonym 3")).to_be_attached()  # a cell of the data grid

    host.get_by_role("tab", name="Enighed").click()
    host.get_by_role("button", name=re.compile("Brug rummets forslag")).click()
    expect(host.get_by_text("3 af 35 spørgsmål har en fælles beslutning.")).to_be_visible()

    host.get_by_role("tab", name="Resultat og plan").click()
    with host.expect_download() as info:
        host.get_by_role("button", name=re.compile("Hent handlingsplan med rummets")).click()
    pdf = info.value.path().read_bytes()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Vejle" in text
    assert "Rummets spredning" in text

    for page, _ in people:
        page.context.close()
    host.context.close()
