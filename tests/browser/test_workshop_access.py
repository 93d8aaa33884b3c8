"""Who gets in, in real browsers: an English workshop seen by its participants, the same device
joining again as the same person, deleting a workshop while its pages are open, the join
throttle, and Streamlit's connection dialog in Danish when the server is gone."""

from __future__ import annotations

import re
import signal

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, expect

from assessment.store.schema import join_throttle, participants, workshops
from assessment.workshop import throttle
from tests.browser.conftest import StreamlitServer, eventually, new_page
from tests.browser.room import create, join, presenter_link

pytestmark = pytest.mark.browser
DENIED = "Linket giver ikke adgang. Brug det link, du fik."


def _people(db: sa.Engine) -> int:
    with db.connect() as conn:
        return int(conn.scalar(sa.select(sa.func.count()).select_from(participants)))


def _failures(db: sa.Engine) -> int:
    with db.connect() as conn:
        most = sa.func.coalesce(sa.func.max(join_throttle.c.failures), 0)
        return int(conn.scalar(sa.select(most)))


def test_an_english_workshop_speaks_english_to_its_participants(
    browser: Browser, server: StreamlitServer
):
    """Created in English from a Danish page: the join link, the participant's page and the
    shared screen are English."""
    host = new_page(browser, f"{server.url}/workshop")
    key = create(host, english=True)
    screen = new_page(browser, presenter_link(host), width=1280, height=720)
    expect(screen.get_by_text(re.compile("Join at"))).to_be_visible()
    page, _ = join(browser, server, key.join_code, "Ann")
    expect(page.get_by_text(re.compile("You are taking part in"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Area 1 of 5"))).to_be_visible()
    expect(page.get_by_text(re.compile("Who sees what"))).to_be_visible()
    for window in (host, screen, page):
        window.context.close()


def test_the_same_device_joins_again_as_the_same_person(
    browser: Browser, server: StreamlitServer, db: sa.Engine
):
    """Jørgen closes his tab and scans the QR code again: he is offered to carry on as himself,
    and typing the code again also resumes him; he is counted once."""
    host = new_page(browser, f"{server.url}/workshop")
    key = create(host)
    page, token = join(browser, server, key.join_code, "Jørgen")
    before = _people(db)
    device = page.context
    page.close()  # the lost tab; the device (its cookies) stays
    again = device.new_page()
    again.goto(f"{server.url}/join?code={key.join_code}")
    expect(again.get_by_text(re.compile("allerede med i workshoppen som »Jørgen«"))).to_be_visible()
    again.get_by_role("button", name="Fortsæt som »Jørgen«").click()
    expect(again.get_by_text(re.compile("Du deltager i"))).to_be_visible()
    assert f"t={token}" in again.evaluate("location.href")

    again.goto(f"{server.url}/join")
    again.get_by_label("Workshopkode").fill(key.join_code.lower())
    again.get_by_role("button", name="Deltag", exact=True).click()
    expect(again.get_by_text(re.compile("Velkommen tilbage, Jørgen"))).to_be_visible()
    assert f"t={token}" in again.evaluate("location.href")
    assert _people(db) == before
    device.close()
    host.context.close()


def test_deleting_a_workshop_takes_everything_and_every_open_page_knows(
    browser: Browser, server: StreamlitServer, db: sa.Engine
):
    """The facilitator types the code and deletes: nothing of the workshop is left, and the
    participant's and the shared screen's open pages say the link opens nothing, unreloaded."""
    host = new_page(browser, f"{server.url}/workshop")
    key = create(host)
    screen = new_page(browser, presenter_link(host))
    page, _ = join(browser, server, key.join_code, "Ida")
    host.goto(f"{host.evaluate('location.href')}&f.tab=Data+og+adgang")
    delete = host.get_by_role("button", name="Slet workshoppen og alle data")
    expect(delete).to_be_disabled()
    host.get_by_label(re.compile("Skriv koden")).fill(key.join_code)
    host.get_by_label(re.compile("Skriv koden")).press("Enter")
    expect(delete).to_be_enabled()
    delete.click()
    expect(host.get_by_text("Workshoppen og alle dens data er slettet.")).to_be_visible()
    with db.connect() as conn:
        assert conn.scalar(
            sa.select(sa.func.count()).where(workshops.c.join_code == key.join_code)
        ) == 0  # fmt: skip
    expect(page.get_by_text(DENIED)).to_be_visible()
    expect(screen.get_by_text(DENIED)).to_be_visible()
    for window in (host, screen, page):
        window.context.close()


def test_guessing_codes_is_throttled(browser: Browser, server: StreamlitServer, db: sa.Engine):
    """Ten wrong codes from one browser, then even the right code is refused there, with a line
    that says how long to wait; a phone on the same address (every browser here is 127.0.0.1)
    scanning the QR code still joins."""
    host = new_page(browser, f"{server.url}/workshop")
    key = create(host)
    before = _people(db)
    guesser = new_page(browser, f"{server.url}/join")
    code = guesser.get_by_label("Workshopkode")
    wrong = "TTTTTT" if key.join_code != "TTTTTT" else "RRRRRR"
    for tries in range(1, throttle.DEVICE_FAILURES + 1):
        code.fill(wrong)
        guesser.get_by_role("button", name="Deltag", exact=True).click()
        eventually(lambda n=tries: _failures(db) == n)
    expect(guesser.get_by_text(re.compile("Der er ingen workshop med den kode"))).to_be_visible()
    code.fill(key.join_code)
    guesser.get_by_role("button", name="Deltag", exact=True).click()
    expect(guesser.get_by_text(re.compile("for mange gange i dette vindue"))).to_be_visible()
    assert _people(db) == before
    phone, _ = join(browser, server, key.join_code, "Ida")
    assert _people(db) == before + 1
    with db.begin() as conn:  # the other tests share this local address
        conn.execute(sa.delete(join_throttle))
    for window in (host, guesser, phone):
        window.context.close()


def test_the_connection_dialog_speaks_the_page_language(browser: Browser, server: StreamlitServer):
    """With the server gone, Streamlit's English "Connection error" dialog reads in Danish, and
    the developer's command is hidden; the page reconnects once the server is back."""
    page = new_page(browser, f"{server.url}/join")
    expect(page.get_by_role("heading", name="Deltag i en workshop")).to_be_visible()
    # The page has loaded its script (a page killed before it loads stays in English).
    page.wait_for_function("window.__somemodenhedConnection === true", timeout=30_000)
    assert server.proc is not None
    server.proc.send_signal(signal.SIGKILL)
    server.proc.wait(timeout=15)
    server.proc = None
    try:
        dialog = page.get_by_role("dialog")
        expect(dialog.get_by_text("Forbindelsen er afbrudt")).to_be_visible(timeout=60_000)
        expect(dialog).not_to_contain_text("streamlit run")
        expect(dialog).not_to_contain_text("Connection error")
    finally:
        server.start()
    eventually(lambda: page.get_by_role("dialog").count() == 0, seconds=60)
    page.context.close()
