"""Real-browser fixtures: `streamlit run app.py` on a free port, the system's Chromium, and
the server's own database, so each test checks what is stored as well as what is shown."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Page, expect

from assessment import store

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]


def _missing(what: str) -> None:
    """CI has every part, so a missing one fails there; on a laptop it skips with the reason."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing; .ci/run should have installed it")
    pytest.skip(f"{what} is missing (Debian: apt install chromium)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """A `streamlit run app.py` process that can be restarted on the same port and data folder."""

    def __init__(self, data_dir: Path, database_url: str | None = None) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.data_dir = data_dir
        self.database_url = database_url
        """None: the SQLite file in `data_dir`; else the database every replica shares."""
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = data_dir / f"streamlit-{self.port}.log"
        self.args: list[str] = []
        """More `streamlit run` options (a secrets file with sign-in set up)."""

    def start(self) -> None:
        env = dict(os.environ, SOMEMODENHED_DATA_DIR=str(self.data_dir))
        env.pop("DATABASE_URL", None)
        if self.database_url is not None:
            env["DATABASE_URL"] = self.database_url
        cmd = [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.headless", "true", "--server.address", "127.0.0.1",
            "--server.port", str(self.port), "--browser.gatherUsageStats", "false",
            "--server.fileWatcherType", "none", *self.args,
        ]  # fmt: skip
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=log)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:  # noqa: S310
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"streamlit did not start:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
            self.proc = None

    def crash_and_restart(self) -> None:
        """`kill -9` the server, as a crash or an OOM kill does, and start it again."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=15)
        self.proc = None
        self.start()

    def engine(self) -> sa.Engine:
        """The server's database, for checking what was stored."""
        return store.make_engine(self.database_url, data_dir=self.data_dir)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    srv = StreamlitServer(tmp_path_factory.mktemp("app-data"))
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        _missing("Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def db(server: StreamlitServer) -> Iterator[sa.Engine]:
    engine = server.engine()
    yield engine
    engine.dispose()


def new_page(browser: Browser, url: str, *, width: int = 1280, height: int = 900) -> Page:
    """A page in a browser context of its own (its own cookies: another device)."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(url)
    return page


def choose_municipality(page: Page, name: str) -> None:
    page.get_by_test_id("stSelectbox").first.click()
    page.keyboard.type(name)
    page.get_by_role("option", name=re.compile(f"^{name}")).first.click()


def pick(page: Page, question: int, option: int) -> None:
    """Click option `option` (0–4 a level, 5 "don't know") of the area's `question`-th question
    (the area selector is radio group 0)."""
    group = page.get_by_test_id("stMain").get_by_test_id("stRadio").nth(question + 1)
    group.get_by_test_id("stRadioOption").nth(option).click()


def wait_counted(page: Page, area: int, done: int, total: int, *, lang: str = "da") -> None:
    """Wait until the area selector counts `done` answers in area `area` (0-based): the
    server has stored them and drawn the page again."""
    text = f"{done} af {total} besvaret" if lang == "da" else f"{done} of {total} answered"
    selector = page.get_by_test_id("stMain").get_by_test_id("stRadio").first
    expect(selector.get_by_test_id("stRadioCaption").nth(area)).to_have_text(text)


def expect_checked(page: Page, question: int, option: int) -> None:
    """Wait until the area's `question`-th question shows option `option` as chosen."""
    group = page.get_by_test_id("stMain").get_by_test_id("stRadio").nth(question + 1)
    expect(group.locator("input").nth(option)).to_be_checked()


def checked(page: Page, question: int) -> str | None:
    """The label of the option shown as chosen for the area's `question`-th question."""
    group = page.get_by_test_id("stMain").get_by_test_id("stRadio").nth(question + 1)
    return group.evaluate(
        "g => { const i = g.querySelector('input:checked');"
        " return i ? i.closest('label').innerText : null; }"
    )


def eventually(check: Callable[[], bool], *, seconds: float = 15) -> None:
    """Wait until `check()` holds (what the server stores arrives a moment after the click)."""
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("the expected state was not reached in time")
        time.sleep(0.1)
