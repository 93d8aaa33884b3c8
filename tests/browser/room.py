"""Steps the workshop browser tests share: create a workshop from its page, join from the join
link, answer a paced question, and read the facilitator's and presenter's links."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Browser, Page, expect

from assessment.records import FacilitatorKey
from tests.browser.conftest import StreamlitServer, new_page


def create(host: Page, *, english: bool = False) -> FacilitatorKey:
    """Create a workshop for Vejle from the create page; return its facilitator key."""
    expect(host.get_by_role("heading", name="Opret en workshop")).to_be_visible()
    host.get_by_test_id("stSelectbox").first.click()
    host.keyboard.type("Vejle")
    host.get_by_role("option", name="Vejle").click()
    if english:
        host.get_by_text("English", exact=True).last.click()
    host.get_by_role("button", name="Opret workshop").click()
    expect(host.get_by_text(re.compile("Gem dit facilitatorlink nu"))).to_be_visible()
    host.get_by_role("button", name="Jeg har gemt linket").click()
    expect(host.get_by_text(re.compile("Gem dit facilitatorlink nu"))).to_have_count(0)
    query = parse_qs(urlparse(host.evaluate("location.href")).query)
    return FacilitatorKey(query["ws"][0], query["key"][0])


def presenter_link(host: Page) -> str:
    """The presenter view's address, as the facilitator's "open the shared screen" button has it."""
    button = host.get_by_role("link", name=re.compile("Åbn storskærmen|Open the shared screen"))
    return str(button.get_attribute("href"))


def join(browser: Browser, server: StreamlitServer, code: str, name: str) -> tuple[Page, str]:
    """Join from the join link in a browser of one's own; return the page and the token."""
    page = new_page(browser, f"{server.url}/join?code={code}")
    if name:
        page.get_by_label(re.compile("Dit fornavn|Your first name")).fill(name)
    page.get_by_role("button", name=re.compile("^(Deltag|Join)$")).click()
    expect(page.get_by_text(re.compile("Du deltager i|You are taking part in"))).to_be_visible()
    token = parse_qs(urlparse(page.evaluate("location.href")).query)["t"][0]
    return page, token


def answer_paced(page: Page, option: int) -> None:
    """Click option `option` (0–4 a level, 5 "don't know") of the question on a paced screen."""
    group = page.get_by_test_id("stMain").get_by_test_id("stRadio").first
    group.get_by_test_id("stRadioOption").nth(option).click()
