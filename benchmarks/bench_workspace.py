"""Speed of a consultant's workspace, rounds and peers; prints median, p90 and max of repeated runs.

    python benchmarks/bench_workspace.py [--clients 30] [--rounds 4] [--repeat 10] [--url URL]

Builds a consultant with CLIENTS municipalities of ROUNDS fully answered rounds each (the next
round always started from the last), every round shared with a colleague, and every
municipality's latest round shared with peers; then times what the pages do: the workspace's
read, the whole workspace page in AppTest, one round's history and progress, starting a round,
the peers' read and comparison, and the PDF with and without its progress page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import tail_ms, times_ms  # noqa: E402 - benchmarks/ is on sys.path

from assessment import store  # noqa: E402
from assessment.bank import load_bank  # noqa: E402
from assessment.charts import warm_up  # noqa: E402
from assessment.models import Municipality  # noqa: E402
from assessment.municipalities import municipalities  # noqa: E402
from assessment.peers.consent import set_sharing, shared_levels  # noqa: E402
from assessment.peers.distribution import compare  # noqa: E402
from assessment.records import set_choice  # noqa: E402
from assessment.report import report_for  # noqa: E402
from assessment.workspace.clients import create_owned, workspace  # noqa: E402
from assessment.workspace.doors import Member  # noqa: E402
from assessment.workspace.identity import User  # noqa: E402
from assessment.workspace.rounds import history, progress_of, start_next_round  # noqa: E402
from assessment.workspace.sharing import share  # noqa: E402

CONSULTANT = User("konsulent@example.dk")
NOW = dt.datetime(2026, 11, 28, tzinfo=dt.UTC)


def build(engine, bank, clients: int, rounds: int) -> list[int]:
    """The consultant's data; returns the latest round of each client."""
    latest = []
    questions = list(bank.questions_by_id())
    for n, m in enumerate(municipalities()[:clients]):
        made = create_owned(engine, bank, Municipality(code=m.code, name=m.name), CONSULTANT)
        share(engine, CONSULTANT, made, f"kollega{n}@kommune.dk", "viewer")
        for r in range(rounds):
            door = Member(CONSULTANT, made)
            for i, q in enumerate(questions):
                set_choice(engine, door, bank, q, (i + n + r) % 5, base=None)
            if r < rounds - 1:
                made = start_next_round(engine, door, bank).id
        set_sharing(engine, Member(CONSULTANT, made), True)
        latest.append(made)
    return latest


def report(label: str, times: list[float]) -> None:
    median, p90, top = tail_ms(times)
    print(f"{label:34} {median:9.2f} {p90:9.2f} {top:9.2f} ms")


def page_ms(repeat: int) -> list[float]:
    """The workspace page, rerun in one AppTest session (what a click there costs)."""
    from streamlit.logger import set_log_level
    from streamlit.testing.v1 import AppTest

    from assessment.ui import pages

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.secrets["auth"] = {
        "redirect_uri": "http://x/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "x",
        "client_secret": "x",
        "server_metadata_url": "http://x/.well-known/openid-configuration",
    }
    at.user = {"is_logged_in": True, "email": CONSULTANT.email}
    at.switch_page(pages.page_file("workspace"))
    at.run()
    assert not at.exception, at.exception
    # AppTest's first run sets Streamlit's log level from its config; after it, quiet the
    # "missing ScriptRunContext" warnings that reading a session from outside a server logs.
    set_log_level("error")
    return times_ms(lambda _: at.run(), repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--url", help="a database URL (default: a new SQLite file)")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="bench-workspace-"))
    os.environ["SOMEMODENHED_DATA_DIR"] = str(data)
    engine = store.make_engine(args.url, data_dir=data)
    if args.url:
        os.environ["DATABASE_URL"] = args.url
    bank = load_bank()
    latest = build(engine, bank, args.clients, args.rounds)
    total = args.clients * args.rounds
    print(f"{args.clients} clients × {args.rounds} rounds = {total} assessments, "
          f"{len(bank.questions_by_id())} answers each, on {engine.dialect.name}")  # fmt: skip
    door = Member(CONSULTANT, latest[0])
    rows = [
        ("workspace read (all clients)", lambda _: workspace(engine, CONSULTANT)),
        ("history + progress of a round", lambda _: progress_of(bank, history(engine, door))),
        ("peers: shared levels (all)", lambda _: shared_levels(engine, bank)),
        ("peers: compare one", lambda _: compare(bank, shared_levels(engine, bank), 751)),
    ]
    print(f"{'':34} {'median':>9} {'p90':>9} {'max':>9}")
    for label, fn in rows:
        report(label, times_ms(fn, args.repeat))

    def next_round(i: int) -> None:
        start_next_round(engine, Member(CONSULTANT, latest[i % len(latest)]), bank)

    report("start next round", times_ms(next_round, args.repeat))
    warm_up()
    found = progress_of(bank, history(engine, door))
    response = history(engine, door)[-1].response
    for label, prog in (("PDF without progress page", None), ("PDF with progress page", found)):
        times = times_ms(
            lambda i, prog=prog: report_for(
                bank, response, "da", generated=NOW + dt.timedelta(seconds=i), progress=prog
            ),
            max(3, args.repeat // 2),
        )
        report(label, times)
    report("workspace page rerun (AppTest)", page_ms(args.repeat))
    engine.dispose()


if __name__ == "__main__":
    main()
