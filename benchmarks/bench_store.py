"""How long storing one answer takes while a whole room writes at once; prints p50/p95/p99.

    python benchmarks/bench_store.py [--writers 40] [--answers 30] [--url URL]

Each writer is one workshop participant on their own page: every click stores a choice (or a
note) with the revision the page showed, as the app does. Two rooms are run: a realistic one,
where each person clicks about once a second (0.3–1.7 s apart), and a burst, where all 40 click
as fast as the database lets them (the worst a room can do). Without `--url` it runs on a fresh
SQLite file with the app's settings (WAL, full sync). Goal: p99 < 10 ms with 40 writers in the
realistic room.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assessment import store  # noqa: E402
from assessment.bank import load_bank  # noqa: E402
from assessment.models import Bank, Municipality  # noqa: E402
from assessment.records import ParticipantLink, set_choice, set_note  # noqa: E402
from assessment.workshop.rooms import create_workshop, join_workshop  # noqa: E402


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def room(
    engine: object, bank: Bank, writers: int, answers: int, pause: tuple[float, float]
) -> list[float]:
    """Run one room; return every write's latency in milliseconds."""
    key = create_workshop(
        engine,  # type: ignore[arg-type]
        title="Benchmark",
        municipality=Municipality(code=751, name="Aarhus"),
        date=dt.date(2026, 12, 1),
        language="da",
        bank=bank,
    )
    tokens = [join_workshop(engine, key.join_code, f"P{n}") for n in range(writers)]  # type: ignore[arg-type]
    questions = list(bank.questions_by_id())
    start = threading.Barrier(writers)
    latencies: list[float] = []
    lock = threading.Lock()

    def person(n: int, token: str) -> None:
        door = ParticipantLink(token)
        rng = random.Random(n)  # noqa: S311 - pacing clicks, not secrets
        revision = 0
        start.wait()
        mine = []
        for i in range(answers):
            qid = questions[(n + i) % len(questions)]
            time.sleep(rng.uniform(*pause))
            began = time.perf_counter()
            if i % 5 == 4:
                revision = set_note(engine, door, bank, qid, f"note {i}", base=revision)  # type: ignore[arg-type]
            else:
                revision = set_choice(engine, door, bank, qid, rng.randint(0, 4), base=revision)  # type: ignore[arg-type]
            mine.append((time.perf_counter() - began) * 1000)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=person, args=(n, t)) for n, t in enumerate(tokens)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies


def report(name: str, latencies: list[float]) -> None:
    ordered = sorted(latencies)
    print(
        f"{name:<34} n={len(ordered):5d}  p50 {statistics.median(ordered):6.2f} ms  "
        f"p95 {percentile(ordered, 0.95):6.2f} ms  p99 {percentile(ordered, 0.99):6.2f} ms  "
        f"max {ordered[-1]:7.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=40)
    parser.add_argument("--answers", type=int, default=30, help="writes per person")
    parser.add_argument("--url", help="a database URL (default: a fresh SQLite file)")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-store-')) / 'b.sqlite3'}"
    engine = store.make_engine(url)
    bank = load_bank()
    print(f"{engine.dialect.name}, {args.writers} writers × {args.answers} writes each")
    report(
        "realistic room (0.3–1.7 s apart)",
        room(engine, bank, args.writers, args.answers, (0.3, 1.7)),
    )
    report("burst (no pause)", room(engine, bank, args.writers, args.answers, (0.0, 0.0)))
    engine.dispose()


if __name__ == "__main__":
    main()
