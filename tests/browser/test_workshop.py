"""A workshop in real browsers, every step checked on screen and in the database:
- a paced room: the presenter view on a 1280×720 projector and three participants who follow
  the facilitator without reloading, results hidden until revealed, and a re-vote shown before
  and after;
- a self-paced room through a `kill -9` of the server with every page left open, two
  facilitator windows (the stale one refused), and the PDF with the spread per question;
- an area paced onto the projector: every question of the largest area on one screen."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader

from assessment.bank import load_bank
from assessment.models import Municipality
from assessment.records import ParticipantLink, load, set_choice
from assessment.store.schema import workshop_rounds
from assessment.workshop.access import presenter_token
from assessment.workshop.consensus import consensus_record
from assessment.workshop.pacing import facilitator_room, set_mode, set_revealed, set_step
from assessment.workshop.rooms import create_workshop, join_workshop
from tests.browser.conftest import (
    StreamlitServer,
    eventually,
    expect_checked,
    new_page,
    pick,
    wait_counted,
)
from tests.browser.room import answer_paced, create, join, presenter_link
from tests.browser.test_journey import edit_cell

pytestmark = pytest.mark.browser
BANK = load_bank()
FIRST, SECOND = BANK.dimensions[0], BANK.dimensions[1]
Q1 = FIRST.questions[0]


def levels(db: sa.Engine, token: str) -> dict[str, object]:
    return {q: a.level for q, a in load(db, ParticipantLink(token)).response.answers.items()}


def bar(screen: Page, option: int) -> Locator:
    """The count above one bar of the shared screen (0–4 a level, 5 "don't know")."""
    return screen.locator(".sm-large .sm-count").nth(option)


def test_a_paced_room_follows_the_facilitator_with_reveal_and_revote(
    browser: Browser, server: StreamlitServer, db: sa.Engine
):
    host = new_page(browser, f"{server.url}/workshop", width=1440, height=900)
    key = create(host)
    screen = new_page(browser, presenter_link(host), width=1280, height=720)
    code = f"{key.join_code[:3]} {key.join_code[3:]}"
    expect(screen.get_by_text(code, exact=True)).to_be_visible()
    assert key.token not in screen.evaluate("location.href") + screen.content()
    people = [join(browser, server, key.join_code, name) for name in ("Anna", "Bo", "Carl")]
    expect(screen.get_by_text("3 er med")).to_be_visible()

    paced = host.get_by_role("button", name="Samlet, ét spørgsmål ad gangen")
    paced.click()
    expect(paced).to_be_disabled()  # the room is paced (as a person sees before moving on)
    for page, _ in people:
        expect(page.get_by_text(re.compile("Facilitatoren går igennem"))).to_be_visible()
    host.get_by_role("button", name="Næste ▶").click()
    question = screen.get_by_text(Q1.text("da"), exact=True)
    expect(question).to_be_visible()
    expect(screen.get_by_text(re.compile("Resultatet vises, når"))).to_be_visible()
    for (page, _), option in zip(people, (0, 4, 4), strict=True):  # nobody reloads
        expect(
            page.get_by_text(re.compile(f"Spørgsmål 1 af {len(BANK.questions_by_id())}"))
        ).to_be_visible()
        answer_paced(page, option)
    expect(screen.get_by_text("3 af 3", exact=True)).to_be_visible()
    assert screen.locator(".sm-count").count() == 0  # still hidden
    box = question.bounding_box()
    assert box is not None and box["y"] + box["height"] < 720  # above the fold on a projector

    host.get_by_role("button", name="Vis resultatet").click()
    expect(bar(screen, 4)).to_have_text("2")
    expect(bar(screen, 0)).to_have_text("1")
    assert not {"Anna", "Bo", "Carl"} & set(re.findall(r"\w+", screen.inner_text("body")))

    host.get_by_role("button", name="Genafstem dette spørgsmål").click()
    host.get_by_role("button", name="Ja, genafstem").click()
    eventually(lambda: _rounds(db) == [[1, 0, 0, 0, 2]])
    expect(screen.get_by_text(re.compile("Resultatet vises, når"))).to_be_visible()
    for (page, token), option in zip(people, (2, 2, 3), strict=True):
        expect(page.get_by_test_id("stMain").get_by_test_id("stRadio").first.locator(
            "input:checked")).to_have_count(0)  # fmt: skip
        answer_paced(page, option)
        eventually(lambda t=token, o=option: levels(db, t).get(Q1.id) == o)
    host.get_by_role("button", name="Vis resultatet").click()
    expect(screen.get_by_text("Før genafstemningen")).to_be_visible()
    expect(screen.locator(".sm-count").nth(6 + 2)).to_have_text("2")  # "now": two said 2
    expect(screen.locator(".sm-count").nth(4)).to_have_text("2")  # "before": two said 4
    room = facilitator_room(db, key)
    assert (room.mode, room.step, room.revealed) == ("paced", Q1.id, True)
    for page in (*(p for p, _ in people), host, screen):
        page.context.close()


def _rounds(db: sa.Engine) -> list[list[int]]:
    with db.connect() as conn:
        return [list(x) for x in conn.execute(sa.select(workshop_rounds.c.levels)).scalars()]


def test_a_room_survives_a_crash_and_agrees_without_overwrites(
    browser: Browser, server: StreamlitServer, db: sa.Engine
):
    """Three people answer; one refreshes; the server is killed and restarted with every page
    left open, and the first click after it on each page is stored in the area it was in; a
    stale facilitator window cannot overwrite the laptop's decision; the room's plan is edited
    in the workshop; the PDF has the plan edit, the spread of every question and how many did
    not know."""
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

    decisions = f"{facilitator_url}&f.tab=Uenighed+og+beslutninger"
    other = new_page(browser, decisions, width=1920, height=1080)
    host.goto(decisions)
    question = FIRST.questions[0].id

    def agreed(window: Page) -> Locator:
        """The first question's "agreed level" choices on a facilitator window."""
        return window.locator(f".st-key-c-{question.replace('.', '-')}").get_by_role("radiogroup")

    agreed(host).get_by_text("2", exact=True).click()
    eventually(lambda: question in consensus_record(db, BANK, key).response.answers)
    note = host.locator(f".st-key-cn-{question.replace('.', '-')}").get_by_role("textbox")
    note.fill("Ejer på skrift, ingen stedfortræder")
    note.press("Enter")
    eventually(lambda: consensus_record(db, BANK, key).response.answers[question].note != "")

    agreed(other).get_by_text("3", exact=True).click()  # the stale window
    expect(other.get_by_text(re.compile("ændret i et andet vindue"))).to_be_visible()
    decided = consensus_record(db, BANK, key).response.answers[question]
    assert (decided.level, decided.note) == (2, "Ejer på skrift, ingen stedfortræder")
    checked_label = agreed(other).evaluate(
        "g => g.querySelector('input:checked').closest('label').innerText"
    )
    assert checked_label == "2"

    host.goto(f"{facilitator_url}&f.tab=Resultat+og+plan")
    expect(host.get_by_test_id("stDataFrame")).to_be_visible()
    edit_cell(host, 0, "owner", "Kirsten Ødegård")  # the room's plan, edited in the workshop
    eventually(
        lambda: any(e.owner for e in consensus_record(db, BANK, key).response.plan_edits.values())
    )
    host.reload()  # the page redrew itself after the edit; download from a settled page
    expect(host.get_by_test_id("stDataFrame")).to_be_visible()
    with host.expect_download() as info:
        host.get_by_role("button", name=re.compile("Hent rapporten med deltagernes")).click()
    pdf = info.value.path().read_bytes()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Vejle" in text and "Spredning i deltagernes svar" in text
    assert "Svar pr. spørgsmål" in text
    assert "1.1 " in text and "svarede »ved ikke«" in text
    assert "Kirsten Ødegård" in text
    for page in (*(p for p, _ in people), host, other):
        page.context.close()


def test_an_area_on_the_projector_fits_one_screen_readable_from_the_back(
    browser: Browser, server: StreamlitServer, db: sa.Engine
):
    """Pacing by area puts the area's largest (12 questions) on the shared screen as one line
    per question: all of them visible without scrolling at 1280×720 and 1920×1080, the titles
    at least 20 px, the counts once revealed and the agreed level framed."""
    area = max(BANK.dimensions, key=lambda d: len(d.questions))
    assert len(area.questions) >= 12
    key = create_workshop(db, title="Områder", municipality=Municipality(code=630, name="Vejle"),
                          date=dt.date.today(), language="da", bank=BANK)  # fmt: skip
    tokens = [join_workshop(db, key.join_code, name) for name in ("Anna", "Bo", "")]
    for token, level in zip(tokens, (1, 3, 3), strict=True):
        for question in area.questions:
            set_choice(db, ParticipantLink(token), BANK, question.id, level, base=None)
    set_choice(db, key, BANK, area.questions[0].id, 3, base=None)
    set_mode(db, BANK, key, "paced", "area", base=None)
    set_step(db, BANK, key, area.id, base=None)
    for revealed in (False, True):
        set_revealed(db, key, revealed, base=None)
        for width, height in ((1280, 720), (1920, 1080)):
            screen = new_page(browser, f"{server.url}/screen?s={presenter_token(key)}",
                              width=width, height=height)  # fmt: skip
            rows = screen.locator(".sm-overview tbody tr")
            expect(rows).to_have_count(len(area.questions))
            expect(rows.first).to_contain_text(area.questions[0].title("da"))
            last = rows.last.bounding_box()
            assert last is not None and last["y"] + last["height"] <= height
            title = screen.locator(".sm-overview td.sm-q").first
            assert float(title.evaluate("e => getComputedStyle(e).fontSize")[:-2]) >= 20
            first = rows.first.locator("td")
            if revealed:
                expect(first.nth(3 + 3)).to_have_text("2")  # two chose 3
                expect(first.nth(3 + 3)).to_have_class(re.compile("sm-agreed"))
                expect(first.last).to_have_text("3")
            else:
                expect(first.nth(3 + 3)).to_have_text("")
                expect(screen.get_by_text(re.compile("Resultatet vises, når"))).to_be_visible()
            screen.context.close()
