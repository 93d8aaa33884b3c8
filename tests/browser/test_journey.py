"""A new user's whole journey in a real Chromium against `streamlit run app.py`."""

from __future__ import annotations

import io
import json
import re

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from assessment.bank import load_bank
from assessment.models import Answer
from assessment.planning import plan
from assessment.scoring import score
from tests.conftest import NOW

pytestmark = pytest.mark.browser
BANK = load_bank()


def level_for(index: int) -> int:
    """A varied but fixed pattern of answers, so the plan has a clear top action."""
    return (0, 1, 2, 1)[index % 4]


@pytest.fixture
def page(browser, server) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(server.url)
    yield page
    context.close()


def choose_municipality(page: Page, name: str) -> None:
    page.get_by_test_id("stSelectbox").first.click()
    page.keyboard.type(name)
    page.get_by_role("option", name=re.compile(f"^{name}")).first.click()


def answer_area(page: Page, questions, start: int) -> None:
    """Answer each question; wait until the server has counted it (the sidebar's progress)."""
    total = len(BANK.questions_by_id())
    for offset, _ in enumerate(questions):
        level = level_for(start + offset)
        group = page.get_by_test_id("stMain").get_by_test_id("stRadio").nth(offset)
        group.get_by_test_id("stRadioOption").nth(level).click()
        answered = start + offset + 1
        expect(page.get_by_text(f"{answered} af {total} spørgsmål besvaret")).to_be_visible()


def test_new_user_goes_from_first_question_to_pdf(page: Page):
    """Pick Aarhus, answer every question, set targets, see results, download and read the PDF."""
    expect(page.get_by_text("Hvor moden er kommunens strategi")).to_be_visible()
    choose_municipality(page, "Aarhus")
    page.get_by_role("button", name="Gå til spørgsmålene").click()

    index = 0
    for number, dim in enumerate(BANK.dimensions, start=1):
        expect(
            page.get_by_role("heading", name=re.compile(f"Område {number} af 5"))
        ).to_be_visible()
        answer_area(page, dim.questions, index)
        index += len(dim.questions)
        last = number == len(BANK.dimensions)
        page.get_by_role("button", name="Videre til mål" if last else "Næste").click()
    expect(page.get_by_text("Alle spørgsmål er besvaret.")).to_have_count(0)  # left the page

    expect(page.get_by_role("heading", name="3. Mål")).to_be_visible()
    page.get_by_role("button", name="Se resultatet").click()
    expect(page.get_by_text("Samlet niveau")).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(2)

    page.get_by_role("button", name="Se handlingsplanen").click()
    expect(page.get_by_text("hurtige gevinster")).to_be_visible()
    page.get_by_role("button", name="Hent PDF og filer").click()

    with page.expect_download() as info:
        page.get_by_role("button", name="Hent handlingsplan (PDF)").click()
    pdf = info.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)

    questions = [q for d in BANK.dimensions for q in d.questions]
    expected = {q.id: Answer(level=level_for(i)) for i, q in enumerate(questions)}
    with page.expect_download() as info:
        page.get_by_role("button", name="Hent svarfil (JSON)").click()
    saved = json.loads(info.value.path().read_text(encoding="utf-8"))
    assert saved["municipality"]["name"] == "Aarhus"
    assert {k: Answer(**v) for k, v in saved["answers"].items()} == expected

    from assessment.answers import parse_answers

    response = parse_answers(json.dumps(saved))
    top = plan(BANK, score(BANK, response), response).actions[0]
    assert "Aarhus" in text
    assert " ".join(top.action.title.da.split()) in text
    assert response.created_at >= NOW.replace(year=2020)


def test_english_user_sees_english_everywhere(page: Page):
    """Switching to English changes the start page, the questions and the buttons."""
    page.get_by_text("English").click()
    expect(
        page.get_by_text("How mature is the municipality's social media strategy?")
    ).to_be_visible()
    choose_municipality(page, "Læsø")
    page.get_by_role("button", name="Go to the questions").click()
    expect(page.get_by_role("heading", name=re.compile("Area 1 of 5"))).to_be_visible()
    expect(page.get_by_text("Don't know").first).to_be_visible()


def test_phone_width_has_no_sideways_scroll(browser, server):
    """On a 390 px wide phone the start page and the questionnaire fit the screen."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(server.url)
    expect(page.get_by_text("Hvor moden er kommunens strategi")).to_be_visible()
    choose_municipality(page, "Odense")
    page.get_by_role("button", name="Gå til spørgsmålene").click()
    expect(page.get_by_test_id("stMain").get_by_test_id("stRadio").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    context.close()
