"""Two app servers against one PostgreSQL database, as a hosted deployment runs replicas: the
facilitator on one, the participants and the shared screen on the other. Pacing, reveal, the
dashboard and the presenter view work across them, because nothing of the room lives in one
server's memory."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from db_backends import backend_url
from playwright.sync_api import Browser, expect

from assessment.bank import load_bank
from tests.browser.conftest import StreamlitServer, new_page
from tests.browser.room import answer_paced, create, join, presenter_link

pytestmark = [pytest.mark.browser, pytest.mark.postgres]
BANK = load_bank()


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[StreamlitServer]]:
    folder: Path = tmp_path_factory.mktemp("replicas")
    with backend_url("postgresql", folder) as url:
        servers = [StreamlitServer(folder, database_url=url) for _ in range(2)]
        try:
            for server in servers:
                server.start()
            yield servers
        finally:
            for server in servers:
                server.stop()


def test_the_room_runs_across_two_replicas(browser: Browser, replicas: list[StreamlitServer]):
    facilitator_side, room_side = replicas
    host = new_page(browser, f"{facilitator_side.url}/workshop", width=1440, height=900)
    key = create(host)
    screen_url = presenter_link(host).replace(facilitator_side.url, room_side.url)
    screen = new_page(browser, screen_url, width=1280, height=720)
    expect(
        screen.get_by_text(f"{key.join_code[:3]} {key.join_code[3:]}", exact=True)
    ).to_be_visible()
    people = [join(browser, room_side, key.join_code, name) for name in ("Anna", "Bo", "Carl")]
    expect(screen.get_by_text("3 er med")).to_be_visible()

    paced = host.get_by_role("button", name="Samlet, ét spørgsmål ad gangen")
    paced.click()
    expect(paced).to_be_disabled()  # the room is paced (as a person sees before moving on)
    host.get_by_role("button", name="Næste ▶").click()
    for (page, _), option in zip(people, (1, 1, 3), strict=True):
        expect(
            page.get_by_text(re.compile(f"Spørgsmål 1 af {len(BANK.questions_by_id())}"))
        ).to_be_visible()
        answer_paced(page, option)
    expect(host.get_by_text("3 af 3", exact=True)).to_be_visible()  # the facilitator's live view
    expect(screen.get_by_text("3 af 3", exact=True)).to_be_visible()
    assert screen.locator(".sm-count").count() == 0

    host.get_by_role("button", name="Vis resultatet").click()
    expect(screen.locator(".sm-large .sm-count").nth(1)).to_have_text("2")
    host.get_by_role("button", name="Næste ▶").click()
    for page, _ in people:
        expect(
            page.get_by_text(re.compile(f"Spørgsmål 2 af {len(BANK.questions_by_id())}"))
        ).to_be_visible()
    expect(screen.get_by_text("0 af 3", exact=True)).to_be_visible()

    host.goto(f"{host.evaluate('location.href')}&f.tab=Deltagere")
    expect(host.get_by_text(re.compile("3 deltagere"))).to_be_visible()
    for page in (*(p for p, _ in people), host, screen):
        page.context.close()
