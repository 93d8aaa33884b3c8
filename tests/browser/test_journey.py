"""The single-user journey in a real Chromium against `streamlit run app.py`, faults included:
a refresh, the private link in another browser, a language switch on a page with answers, the
keyboard after "Next", and plan edits that must reach the PDF and the answers file. Every test
checks the database as well as the screen."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader

from assessment.bank import load_bank
from assessment.records import PrivateLink, load
from assessment.ui.action_plan import COLUMNS
from tests.browser.conftest import (
    StreamlitServer,
    checked,
    choose_municipality,
    eventually,
    expect_checked,
    new_page,
    pick,
    wait_counted,
)

pytestmark = pytest.mark.browser
BANK = load_bank()
DIMS = BANK.dimensions


def start(page: Page, municipality: str) -> str:
    """Start an assessment from the start page; return its private link's token."""
    expect(page.get_by_text("Hvor moden er kommunens strategi")).to_be_visible()
    choose_municipality(page, municipality)
    page.get_by_role("button", name="Start selvevalueringen").click()
    expect(page.get_by_role("heading", name="1. Om kommunen")).to_be_visible()
    link = page.get_by_test_id("stSidebar").get_by_test_id("stCode").inner_text()
    return link.rsplit("?a=", 1)[1].strip()


def to_questions(page: Page) -> None:
    page.get_by_role("link", name="Videre til spørgsmålene").click()
    expect(page.get_by_role("heading", name=re.compile("Område 1 af 5"))).to_be_visible()


def answers(db: sa.Engine, token: str) -> dict[str, object]:
    return {q: a.level for q, a in load(db, PrivateLink(token)).response.answers.items()}


def edit_cell(page: Page, row: int, column: str, value: str) -> None:
    """Type into one cell of the plan table. The grid is drawn on a canvas; its hidden table
    for screen readers selects a cell when focused, and a key opens the cell's editor."""
    cell_id = f"glide-cell-{COLUMNS.index(column)}-{row}"
    cell = page.get_by_test_id("stDataFrame").first.get_by_test_id(
        cell_id
    )  # the plan, not the backlog
    expect(cell).to_be_attached()
    eventually(lambda: _focused(page, cell, cell_id))
    if column == "deadline":
        page.keyboard.press("Enter")
        editor = page.locator("input[type=date]").first
    else:
        page.keyboard.press("Space")
        editor = page.locator("textarea").first
    editor.fill(value)
    editor.press("Enter")


def _focused(page: Page, cell: Locator, cell_id: str) -> bool:
    """Focus a cell; the grid may still be settling and move focus to its own first cell."""
    cell.focus()
    page.wait_for_timeout(200)
    return page.evaluate("document.activeElement.id") == cell_id


def test_a_whole_journey_with_plan_edits_that_reach_the_pdf_and_the_file(
    browser: Browser, server: StreamlitServer, db: sa.Engine
):
    """Aarhus answers every question, sets the profile, names an owner and a deadline in the
    plan table; both are stored, and both are in the PDF's text and the answers file."""
    page = new_page(browser, server.url, width=1600, height=1000)
    token = start(page, "Aarhus")
    hours = page.get_by_test_id("stNumberInputField")
    hours.fill("12")
    hours.press("Enter")
    expect(page.get_by_test_id("stNumberInputField")).to_have_value("12.00")
    to_questions(page)
    assert load(db, PrivateLink(token)).response.profile.hours_per_week == 12
    for number, dim in enumerate(DIMS, start=1):
        expect(
            page.get_by_role("heading", name=re.compile(f"Område {number} af 5"))
        ).to_be_visible()
        for i, _ in enumerate(dim.questions):
            pick(page, i, (0, 1, 2, 1)[i % 4])
            wait_counted(page, number - 1, i + 1, len(dim.questions))
        if number < len(DIMS):
            page.get_by_role("button", name="Næste").click()
    assert len(answers(db, token)) == len(BANK.questions_by_id())
    page.get_by_role("link", name="Videre til mål").click()
    page.get_by_role("link", name="Se resultatet").click()
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(2)
    page.get_by_role("link", name="Se handlingsplanen").click()
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()

    def edits() -> dict[str, object]:
        return load(db, PrivateLink(token)).response.plan_edits

    edit_cell(page, 0, "owner", "Åse Møller")
    eventually(lambda: bool(edits()))
    edit_cell(page, 0, "deadline", "2027-02-01")
    eventually(lambda: any(e.deadline for e in edits().values()))
    (action_id, edit), *_ = edits().items()
    assert (edit.owner, edit.deadline) == ("Åse Møller", dt.date(2027, 2, 1))

    page.get_by_role("link", name="Hent PDF og filer").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Hent handlingsplan (PDF)").click()
    pdf = info.value.path().read_bytes()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Aarhus" in text and "Åse Møller" in text and "1. februar 2027" in text
    with page.expect_download() as info:
        page.get_by_role("button", name="Hent svarfil (JSON)").click()
    saved = json.loads(info.value.path().read_text(encoding="utf-8"))
    assert saved["plan_edits"][action_id]["owner"] == "Åse Møller"
    assert saved["plan_edits"][action_id]["deadline"] == "2027-02-01"
    assert info.value.suggested_filename.startswith("somemodenhed-aarhus-")


def test_a_refresh_mid_questionnaire_loses_nothing(
    browser: Browser, server: StreamlitServer, db: sa.Engine
):
    """After answers and a note in area 2, a refresh opens area 2 with them all in place."""
    page = new_page(browser, server.url)
    token = start(page, "Holbæk")
    to_questions(page)
    page.get_by_role("button", name="Næste").click()
    expect(page.get_by_role("heading", name=re.compile("Område 2 af 5"))).to_be_visible()
    pick(page, 0, 3)
    wait_counted(page, 1, 1, len(DIMS[1].questions))
    note = page.get_by_test_id("stMain").get_by_label("Note eller dokumentation (valgfrit)").nth(1)
    note.fill("Formålet er »godkendt« – se bilag 2")
    note.press("Tab")
    pick(page, 2, 5)  # "don't know"
    wait_counted(page, 1, 2, len(DIMS[1].questions))
    page.reload()
    expect(page.get_by_role("heading", name=re.compile("Område 2 af 5"))).to_be_visible()
    expect_checked(page, 0, 3)
    expect_checked(page, 2, 5)
    assert checked(page, 2) == "Ved ikke"
    expect(page.get_by_text("Formålet er »godkendt« – se bilag 2")).to_be_visible()
    stored = load(db, PrivateLink(token)).response.answers
    assert stored[DIMS[1].questions[0].id].level == 3
    assert stored[DIMS[1].questions[1].id].note == "Formålet er »godkendt« – se bilag 2"
    assert stored[DIMS[1].questions[2].id].dont_know


def test_the_private_link_continues_in_another_browser(
    browser: Browser, server: StreamlitServer, db: sa.Engine
):
    """The link opened in a second browser (another device) shows the answers, takes new ones,
    and the first browser shows them on its next action."""
    first = new_page(browser, server.url)
    token = start(first, "Vejle")
    to_questions(first)
    pick(first, 0, 2)
    wait_counted(first, 0, 1, len(DIMS[0].questions))
    link = first.get_by_test_id("stSidebar").get_by_test_id("stCode").inner_text().strip()
    other = new_page(browser, link)
    expect(other.get_by_role("heading", name=re.compile("Område 1 af 5"))).to_be_visible()
    expect_checked(other, 0, 2)
    pick(other, 1, 4)
    wait_counted(other, 0, 2, len(DIMS[0].questions))
    assert answers(db, token) == {DIMS[0].questions[0].id: 2, DIMS[0].questions[1].id: 4}
    pick(first, 2, 1)
    wait_counted(first, 0, 3, len(DIMS[0].questions))
    expect_checked(first, 1, 4)


def test_a_language_switch_on_a_page_with_answers_changes_only_the_language(
    browser: Browser, server: StreamlitServer, db: sa.Engine
):
    """English on an area with answers keeps the area and shows every answer chosen; the next
    answer is stored and no error appears (the first release lost the session here)."""
    page = new_page(browser, server.url)
    token = start(page, "Odense")
    to_questions(page)
    page.get_by_role("button", name="Næste").click()
    expect(page.get_by_role("heading", name=re.compile("Område 2 af 5"))).to_be_visible()
    for i in range(3):
        pick(page, i, i + 1)
        wait_counted(page, 1, i + 1, len(DIMS[1].questions))
    page.get_by_test_id("stSidebar").get_by_text("English").click()
    expect(page.get_by_role("heading", name=re.compile("Area 2 of 5"))).to_be_visible()
    for i in range(3):
        expect_checked(page, i, i + 1)
    pick(page, 3, 0)
    wait_counted(page, 1, 4, len(DIMS[1].questions), lang="en")
    expect(page.get_by_test_id("stAlert")).to_have_count(0)
    assert [answers(db, token)[q.id] for q in DIMS[1].questions[:4]] == [1, 2, 3, 0]
    assert "lang=en" in page.evaluate("location.href")


def test_next_opens_the_next_area_at_its_top_with_focus_on_its_heading(
    browser: Browser, server: StreamlitServer
):
    """A keyboard user presses "Next" at the bottom: area 2 opens at the top, focus is on its
    heading, and the next Tab reaches area 2's first question, not "Next" again."""
    page = new_page(browser, server.url)
    start(page, "Aalborg")
    to_questions(page)
    next_button = page.get_by_role("button", name="Næste")
    next_button.focus()
    page.keyboard.press("Enter")
    heading = page.get_by_role("heading", name=re.compile("Område 2 af 5"))
    expect(heading).to_be_focused()
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < 300
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.closest('[data-testid=stMain]') !== null")
    name = page.evaluate("document.activeElement.getAttribute('aria-label') || ''")
    assert focused and "Næste" not in name


def test_phone_width_has_no_sideways_scroll(browser: Browser, server: StreamlitServer):
    """On a 390 px wide phone the start page and the questionnaire fit the screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(server.url)
    start(page, "Læsø")
    to_questions(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    context.close()
