"""The workspace in a real Chromium against `streamlit run`, signed in through a real OpenID
Connect provider started here (`oidc-provider-mock`): Streamlit's own `st.login` flow, the
provider's form, its signed tokens and the identity cookie, with nothing of `st.user` mocked.

Checks what the screen shows and what the server's database holds: two users cannot see each
other's clients by page or by link; sharing, a viewer's read-only page, the next round with a
one-click confirm, and the PDF's progress page."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Locator, Page, expect
from pypdf import PdfReader

from assessment.bank import load_bank
from assessment.records import load
from assessment.workspace.clients import workspace
from assessment.workspace.doors import Member
from assessment.workspace.identity import User
from tests.browser.conftest import (
    StreamlitServer,
    _free_port,
    eventually,
    new_page,
    pick,
)

pytestmark = pytest.mark.browser
BANK = load_bank()
ANN, BO = User("ann@konsulent.dk"), User("bo@kommune.dk")


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real OpenID Connect provider on a free port; its discovery URL."""
    port = _free_port()
    log = tmp_path_factory.mktemp("oidc") / "provider.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "oidc_provider_mock", "--port", str(port)],
            stdout=out,
            stderr=out,
        )
    discovery = f"http://127.0.0.1:{port}/.well-known/openid-configuration"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(discovery, timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise RuntimeError(f"the provider did not start:\n{log.read_text()}") from None
            time.sleep(0.2)
    yield discovery
    proc.terminate()
    proc.wait(timeout=15)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, provider: str) -> Iterator[StreamlitServer]:
    """The app with an `[auth]` section in a secrets file of its own."""
    srv = StreamlitServer(tmp_path_factory.mktemp("app-data"))
    secrets = srv.data_dir / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "{srv.url}/oauth2callback"\n'
        'cookie_secret = "browser-test-cookie-secret-0123456789"\n'
        'client_id = "somemodenhed"\n'
        'client_secret = "browser-test-secret"\n'
        f'server_metadata_url = "{provider}"\n'
    )
    srv.args = ["--secrets.files", str(secrets)]
    srv.start()
    yield srv
    srv.stop()


def sign_in(browser: Browser, server: StreamlitServer, user: User) -> Page:
    """A new browser signed in as `user` through the provider's own form, on the workspace
    (Streamlit brings a user back to the start page after the sign-in)."""
    page = new_page(browser, f"{server.url}/workspace", width=1400, height=1000)
    page.get_by_role("button", name="Log ind").first.click()
    page.locator("input[name=sub]").fill(user.email)
    page.get_by_role("button", name="Authorize").click()
    expect(page.get_by_test_id("stSidebar").get_by_text("Logget ind som")).to_be_visible()
    # The address is shown as text, not as a mailto: link Markdown made of it.
    expect(page.get_by_test_id("stSidebar").locator("a[href^='mailto:']")).to_have_count(0)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Mit overblik").click()
    expect(page.get_by_role("heading", name="Mit overblik")).to_be_visible()
    return page


def start_in_workspace(page: Page, server: StreamlitServer, municipality: str) -> int:
    """Start an assessment from the workspace page; its number, from the URL."""
    page.goto(f"{server.url}/workspace")
    expect(page.get_by_role("heading", name="Mit overblik")).to_be_visible()
    page.get_by_role("combobox", name="Kommune", exact=True).click()
    page.keyboard.type(municipality)
    page.get_by_role("option", name=re.compile(f"^{municipality}")).first.click()
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.get_by_role("heading", name="1. Om kommunen")).to_be_visible()
    return int(re.search(r"[?&]id=(\d+)", page.url).group(1))  # type: ignore[union-attr]


def answer_first(page: Page, option: int) -> None:
    page.get_by_role("link", name="Videre til spørgsmålene").click()
    expect(page.get_by_role("heading", name=re.compile("Område 1 af 5"))).to_be_visible()
    pick(page, 0, option)


def test_two_users_cannot_see_each_others_clients_by_page_or_by_link(
    browser: Browser, server: StreamlitServer, db: sa.Engine
):
    """Ann signs in through the provider and starts Aalborg; it is hers in the database. Bo,
    signed in elsewhere, sees no Aalborg in his workspace and gets one line, not the questions,
    when he opens Ann's assessment's address; signed out, the address asks for sign-in."""
    ann = sign_in(browser, server, ANN)
    made = start_in_workspace(ann, server, "Aalborg")
    answer_first(ann, 2)
    eventually(lambda: BANK.dimensions[0].questions[0].id in _answers(db, ANN, made))
    assert [c.municipality.name for c in workspace(db, ANN).clients] == ["Aalborg"]

    bo = sign_in(browser, server, BO)
    expect(bo.get_by_text("Du har ingen vurderinger endnu")).to_be_visible()
    expect(bo.get_by_role("heading", name="Aalborg")).to_have_count(0)
    bo.goto(f"{server.url}/questions?id={made}")
    expect(bo.get_by_text(re.compile("^Linket"))).to_be_visible()
    expect(bo.get_by_test_id("stMain").get_by_test_id("stRadio")).to_have_count(0)
    assert workspace(db, BO).clients == [] and workspace(db, BO).shared == []

    stranger = new_page(browser, f"{server.url}/questions?id={made}")
    expect(stranger.get_by_text("Log ind for at åbne denne vurdering")).to_be_visible()
    assert load(db, Member(ANN, made)).revision == 1

    bo.get_by_test_id("stSidebar").get_by_role("button", name="Log ud").click()
    bo.get_by_role("button", name="End session").click()  # the provider's own sign-out page
    expect(bo.get_by_test_id("stSidebar").get_by_role("button", name="Log ind")).to_be_visible()
    bo.goto(f"{server.url}/questions?id={made}")
    expect(bo.get_by_text("Log ind for at åbne denne vurdering")).to_be_visible()


def test_a_shared_viewer_reads_only_and_the_next_round_reaches_the_pdf(
    browser: Browser, server: StreamlitServer, db: sa.Engine
):
    """Ann shares Odense with Bo as viewer: Bo finds it, and its answers cannot be changed
    there. Ann starts the next round: the answer is marked as carried over, one click confirms
    it, and the PDF she downloads has the progress page."""
    ann = sign_in(browser, server, ANN)
    made = start_in_workspace(ann, server, "Odense")
    answer_first(ann, 1)
    eventually(lambda: bool(_answers(db, ANN, made)))

    ann.goto(f"{server.url}/workspace")
    card = client_card(ann, "Odense")
    card.get_by_text("Del med kolleger").click()
    card.get_by_label("Kollegaens e-mailadresse").fill(BO.email)
    card.get_by_text("kan se", exact=True).click()
    card.get_by_role("button", name="Del", exact=True).click()
    # On screen the address carries an invisible word joiner after "@" (no mailto: link).
    shared = re.escape(f"Delt med {BO.email}").replace("@", "@\u2060?")
    expect(ann.get_by_text(re.compile(shared))).to_be_visible()

    bo = sign_in(browser, server, BO)
    expect(bo.get_by_role("heading", name="Delt med dig")).to_be_visible()
    bo.get_by_role("link", name="Åbn").click()
    expect(bo.get_by_text("Du kan se denne vurdering, men ikke ændre den")).to_be_visible()
    first = bo.get_by_test_id("stMain").get_by_test_id("stRadio").nth(1)
    expect(first.locator("input").nth(1)).to_be_checked()
    expect(first.locator("input").nth(3)).to_be_disabled()

    ann.goto(f"{server.url}/workspace")
    client_card(ann, "Odense").get_by_role("button", name="Start næste runde").click()
    expect(ann.get_by_role("heading", name="1. Om kommunen")).to_be_visible()
    second = int(re.search(r"[?&]id=(\d+)", ann.url).group(1))  # type: ignore[union-attr]
    assert load(db, Member(ANN, second)).round.carried == {BANK.dimensions[0].questions[0].id}
    ann.get_by_role("link", name="Videre til spørgsmålene").click()
    expect(ann.get_by_text("1 svar er overført fra sidste runde")).to_be_visible()
    ann.get_by_role("button", name="Bekræft").click()
    eventually(lambda: load(db, Member(ANN, second)).round.carried == frozenset())
    expect(ann.get_by_role("button", name="Bekræft")).to_have_count(0)

    ann.get_by_test_id("stSidebar").get_by_role("link", name="6. Hent filer").click()
    with ann.expect_download() as info:
        ann.get_by_role("button", name="Hent handlingsplan (PDF)").click()
    pdf = PdfReader(io.BytesIO(Path(info.value.path()).read_bytes()))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Udvikling siden sidste runde" in text
    assert "Runde 2" in text


def client_card(page: Page, municipality: str) -> Locator:
    """The workspace's card of one client (the innermost block with its heading)."""
    heading = page.get_by_role("heading", name=municipality, exact=True)
    expect(heading).to_be_visible()
    return page.get_by_test_id("stVerticalBlock").filter(has=heading).last


def _answers(db: sa.Engine, user: User, made: int) -> dict[str, object]:
    return dict(load(db, Member(user, made)).response.answers)
