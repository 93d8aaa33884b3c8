"""A full room against the running app: 40 participants answering at once, paced by the
facilitator, with the facilitator's window and the presenter view open. Prints figures.

    python benchmarks/bench_room.py [--people 40] [--questions 5] [--url DATABASE_URL]

It starts `streamlit run app.py` on a free port (SQLite in a temporary folder, or the database
at `--url`), creates a workshop and seats the participants through the core, then:
- the facilitator's page and the presenter view are real Chromium pages (headless): the
  facilitator presses "Næste ▶" and the presenter view follows by itself;
- each participant is a client speaking Streamlit's websocket protocol (`room_client.py`): 40
  real browser pages are too heavy for 2 cores, while the server does exactly the same work
  for these clients (the same messages in, the same page runs, the same fragment timers);
- per question, every participant's screen must follow the facilitator, then all answer
  within one second ("at once").

Figures: click-to-stored (the answer's stored time minus the click), click-to-rendered (until
the server has sent the whole redrawn page; a browser adds its paint), the participants'
"follow" delay after "Næste ▶", and the presenter view's delay (from each click until the
shared screen counts that answer). Goals on a 2-core machine: p95 click-to-rendered < 300 ms,
presenter ≤ 2 s behind. A benchmark prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from playwright.async_api import Page, async_playwright  # noqa: E402
from room_client import Session  # noqa: E402 - benchmarks/ is on the path as a script

from assessment import store  # noqa: E402
from assessment.bank import load_bank  # noqa: E402
from assessment.models import Municipality  # noqa: E402
from assessment.records import ParticipantLink, load  # noqa: E402
from assessment.store.schema import assessment_answers  # noqa: E402
from assessment.workshop.access import presenter_token  # noqa: E402
from assessment.workshop.pacing import set_mode  # noqa: E402
from assessment.workshop.rooms import create_workshop, join_workshop  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-dev-shm-usage"]
SPREAD_SECONDS = 1.0
"""All participants click within this second."""
COUNT_WATCH = """() => {
  window.__counts = {};
  const note = () => {
    const m = document.body.innerText.match(/(\\d+) af (\\d+) har svaret/);
    if (m && !(m[1] in window.__counts)) { window.__counts[m[1]] = Date.now() / 1000; }
  };
  new MutationObserver(note).observe(document.body, {subtree: true, childList: true,
    characterData: true});
  note();
}"""
"""Records, in the presenter's page, when each "x af y har svaret" count first appeared."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_app(port: int, data_dir: Path, url: str | None) -> subprocess.Popen[bytes]:
    env = dict(os.environ, SOMEMODENHED_DATA_DIR=str(data_dir), SOMEMODENHED_LOG_LEVEL="WARNING")
    env.pop("DATABASE_URL", None)
    if url:
        env["DATABASE_URL"] = url
    cmd = [
        sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]  # fmt: skip
    log = (data_dir / "streamlit.log").open("ab")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=log)  # noqa: S603
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health") as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("the app did not start; see " + str(data_dir / "streamlit.log"))


def percentiles(name: str, seconds: list[float]) -> None:
    ordered = sorted(seconds)
    if not ordered:
        print(f"{name:44} no data")
        return

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))] * 1000

    print(f"{name:44} p50 {at(0.5):6.0f} ms   p95 {at(0.95):6.0f} ms   p99 {at(0.99):6.0f} ms"
          f"   (n={len(ordered)})")  # fmt: skip


def stored_times(engine: sa.Engine, sheets: list[int], question: str) -> list[float]:
    """When each participant's answer to the question was stored, in the order of `sheets`."""
    a = assessment_answers.c
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(a.assessment_id, a.updated_at).where(
                a.assessment_id.in_(sheets), a.question_id == question
            )
        ).all()
    when = {r.assessment_id: r.updated_at.timestamp() for r in rows}
    return [when[s] for s in sheets]


async def presenter_counts(page: Page) -> dict[int, float]:
    return {int(k): v for k, v in (await page.evaluate("window.__counts")).items()}


async def run(args: argparse.Namespace, base: str, engine: sa.Engine) -> None:
    bank = load_bank()
    key = create_workshop(
        engine, title="Belastningsprøve", municipality=Municipality(code=751, name="Aarhus"),
        date=dt.date.today(), language="da", bank=bank,
    )  # fmt: skip
    tokens = [join_workshop(engine, key.join_code, f"Deltager {n}") for n in range(args.people)]
    set_mode(engine, bank, key, "paced", "question", base=None)
    questions = list(bank.questions_by_id())[: args.questions]
    sessions = [Session(base, "p", f"t={t}&lang=da") for t in tokens]
    await asyncio.gather(*(s.open() for s in sessions))
    print(f"{args.people} participants connected over the websocket protocol")
    sheets = [load(engine, ParticipantLink(t)).id for t in tokens]
    rendered, stored, follow, presenter = [], [], [], []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        host = await (await browser.new_context(viewport={"width": 1440, "height": 900})).new_page()
        await host.goto(f"{base}/facilitator?ws={key.join_code}&key={key.token}")
        screen = await (
            await browser.new_context(viewport={"width": 1280, "height": 720})
        ).new_page()
        await screen.goto(f"{base}/screen?s={presenter_token(key)}")
        await screen.wait_for_selector("text=er med")
        print("facilitator's window and presenter view open in Chromium")
        for number, question in enumerate(questions):
            moved = await next_question(host, bank.question(question).text("da"))
            draws = await asyncio.gather(*(s.drawn(f"q.{question}") for s in sessions))
            follow += [t - moved for t in draws]
            await screen.wait_for_selector(f"text=Spørgsmål {number + 1} af")
            await screen.evaluate(COUNT_WATCH)
            await host.get_by_role("button", name="Vis resultatet").click()
            await host.get_by_role("button", name="Skjul resultatet").wait_for()
            starts = [time.time() + random.uniform(0, SPREAD_SECONDS) for _ in sessions]  # noqa: S311
            sent = await asyncio.gather(
                *(answer(s, question, when, n) for n, (s, when) in
                  enumerate(zip(sessions, starts, strict=True)))
            )  # fmt: skip
            rendered += [done - at for at, done in sent]
            saved = stored_times(engine, sheets, question)
            stored += [s - at for s, (at, _) in zip(saved, sent, strict=True)]
            clicks = sorted(at for at, _ in sent)
            await wait_for_count(screen, args.people)
            counts = await presenter_counts(screen)
            presenter += [
                min(t for n, t in counts.items() if n >= k) - clicks[k - 1]
                for k in range(1, args.people + 1)
            ]
        await browser.close()
    await asyncio.gather(*(s.close() for s in sessions))
    print()
    percentiles("click-to-stored", stored)
    percentiles("click-to-rendered (server sent the page)", rendered)
    percentiles("participants' screens follow 'Næste'", follow)
    percentiles("presenter view shows the answer (behind)", presenter)
    print("goals: p95 click-to-rendered < 300 ms; presenter ≤ 2000 ms behind")


async def next_question(host: Page, text: str) -> float:
    """The facilitator presses "Næste ▶" in the real window; returns when it was pressed."""
    await host.get_by_role("button", name="Næste ▶").wait_for()
    pressed = time.time()
    await host.get_by_role("button", name="Næste ▶").click()
    await host.get_by_text(text, exact=False).first.wait_for()
    return pressed


async def answer(session: Session, question: str, when: float, n: int) -> tuple[float, float]:
    await asyncio.sleep(max(0.0, when - time.time()))
    at = await session.click(f"q.{question}", n % 5)
    return at, await session.full_run_after(at)


async def wait_for_count(screen: Page, people: int) -> None:
    deadline = time.monotonic() + 60
    while people not in await presenter_counts(screen) and time.monotonic() < deadline:
        await asyncio.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=40)
    parser.add_argument("--questions", type=int, default=5)
    parser.add_argument("--url", help="a PostgreSQL URL (default: SQLite in a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir, port = Path(tmp), free_port()
        proc = start_app(port, data_dir, args.url)
        log = data_dir / "streamlit.log"
        engine = store.make_engine(args.url, data_dir=data_dir)
        load_now = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"app on port {port}, {engine.dialect.name} database, {os.cpu_count()} CPUs,"
              f" load average {load_now} before the run")  # fmt: skip
        try:
            asyncio.run(run(args, f"http://127.0.0.1:{port}", engine))
        except (TimeoutError, AssertionError):
            print("the app's log ends with:\n" + log.read_text(errors="replace")[-4000:])
            raise
        finally:
            proc.terminate()
            proc.wait(timeout=20)
            engine.dispose()


if __name__ == "__main__":
    main()
