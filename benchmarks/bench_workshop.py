"""Speed of the workshop store; prints medians of repeated runs.

    python benchmarks/bench_workshop.py [--repeat N] [--workshops N] [--url URL]

Without `--url` it runs on a fresh SQLite file in a temporary folder (the default setup, with
WAL and full sync). Goals: the dashboard for 40 people × all questions under 50 ms, storing one
answer on SQLite under 10 ms, what the shared screen reads every second under 10 ms, and a
participant page's "has the room moved?" poll under 2 ms. The whole room over the app's own
websocket is `bench_room.py`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from timing import median_ms  # noqa: E402 - benchmarks/ is on the path when run as a script

from assessment import store  # noqa: E402
from assessment.bank import BankError, load_bank  # noqa: E402
from assessment.models import Bank, Municipality  # noqa: E402
from assessment.records import ParticipantLink, digest, set_choice, set_note  # noqa: E402
from assessment.store.schema import (  # noqa: E402
    assessment_answers,
    assessments,
    participants,
    workshops,
)
from assessment.workshop.access import presenter_token  # noqa: E402
from assessment.workshop.export import export_rows, to_csv  # noqa: E402
from assessment.workshop.pacing import room_state, set_revealed, set_step  # noqa: E402
from assessment.workshop.rooms import create_workshop, join_workshop  # noqa: E402
from assessment.workshop.screen import screen  # noqa: E402
from assessment.workshop.stats import dashboard  # noqa: E402

ROOM = 40
PEOPLE_PER_STORED_WORKSHOP = 5
AARHUS = Municipality(code=751, name="Aarhus")


def bank_to_use() -> Bank:
    try:
        return load_bank()
    except BankError:
        print("(the real bank does not load: using the tiny test bank)")
        return load_bank(ROOT / "tests" / "data" / "tiny_bank")


def level(i: int) -> int | str:
    return "dont_know" if i % 11 == 0 else (i * 7) % 5


def record_answer(engine: sa.Engine, bank: Bank, token: str, qid: str, choice: object,
                  note: str = "") -> None:  # fmt: skip
    """A choice and a note, written as the questionnaire writes them."""
    door = ParticipantLink(token)
    set_choice(engine, door, bank, qid, choice, base=None)  # type: ignore[arg-type]
    if note:
        set_note(engine, door, bank, qid, note, base=None)


def seed_stored_workshops(engine: sa.Engine, bank: Bank, count: int) -> None:
    """Many finished workshops, bulk-inserted (the setup, not what is measured)."""
    now = dt.datetime.now(dt.UTC)
    questions = list(bank.questions_by_id())
    sheet = {
        "kind": "participant", "municipality_code": AARHUS.code,
        "municipality_name": AARHUS.name, "respondent_name": "", "respondent_role": "",
        "details_rev": 0, "profile": {}, "profile_rev": 0, "language": "da",
        "bank_id": bank.id, "bank_version": bank.version, "revision": 1, "created_at": now,
        "updated_at": now,
    }  # fmt: skip
    with engine.begin() as conn:
        ids = _insert(
            conn,
            workshops,
            [
                {
                    "title": f"Workshop {w}",
                    "municipality_code": AARHUS.code,
                    "municipality_name": AARHUS.name,
                    "date": now.date(),
                    "language": "da",
                    "bank_id": bank.id,
                    "bank_version": bank.version,
                    "join_code": f"B{w:05d}",
                    "facilitator_token_hash": digest(f"f{w}"),
                    "status": "closed",
                    "created_at": now,
                }
                for w in range(count)
            ],
        )
        per = PEOPLE_PER_STORED_WORKSHOP
        sheets = _insert(
            conn, assessments, [{**sheet, "workshop_id": w} for w in ids for _ in range(per)]
        )
        _insert(
            conn,
            participants,
            [
                {
                    "workshop_id": ids[i // per],
                    "assessment_id": s,
                    "name": f"Deltager {i % per}",
                    "token_hash": digest(f"p{s}"),
                    "joined_at": now,
                }
                for i, s in enumerate(sheets)
            ],
        )
        conn.execute(
            sa.insert(assessment_answers),
            [
                {
                    "assessment_id": s,
                    "question_id": q,
                    "choice": "dont_know" if isinstance(level(s + i), str) else "level",
                    "level": None if isinstance(level(s + i), str) else level(s + i),
                    "level_rev": 1,
                    "note": "=1+1" if i == 0 else "",
                    "note_rev": 1 if i == 0 else 0,
                    "updated_at": now,
                }
                for s in sheets
                for i, q in enumerate(questions)
            ],
        )


def _insert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, object]]) -> list[int]:
    """Insert many rows in batches and return their new ids in order."""
    stmt = sa.insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(conn.execute(stmt, rows).scalars())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--workshops", type=int, default=1000)
    parser.add_argument("--url", help="an empty database's URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    bank = bank_to_use()
    questions = list(bank.questions_by_id())
    with tempfile.TemporaryDirectory() as tmp:
        engine = store.make_engine(args.url, data_dir=Path(tmp))
        print(f"backend {engine.dialect.name}, bank {bank.id} ({len(questions)} questions)")
        key = create_workshop(
            engine,
            title="Benchmark",
            municipality=AARHUS,
            date=dt.date.today(),
            language="da",
            bank=bank,
        )
        tokens = [join_workshop(engine, key.join_code, f"P{n}") for n in range(ROOM)]
        start = time.perf_counter()
        for n, token in enumerate(tokens):
            for i, qid in enumerate(questions):
                record_answer(engine, bank, token, qid, level(n + i), "note")
        seeded = (time.perf_counter() - start) * 1000 / (ROOM * len(questions))
        print(f"room of {ROOM} × {len(questions)} answers stored, {seeded:.2f} ms per answer")

        ms = median_ms(
            lambda i: record_answer(
                engine, bank, tokens[i % ROOM], questions[i % len(questions)], i % 5, "ny"
            ),
            args.repeat * 10,
        )
        print(f"store one answer (upsert, committed):        {ms:7.2f} ms  (goal < 10)")
        ms = median_ms(lambda _: dashboard(engine, bank, key), args.repeat)
        print(f"dashboard, {ROOM} people × all questions:        {ms:7.2f} ms  (goal < 50)")
        set_step(engine, bank, key, questions[0], base=None)
        set_revealed(engine, key, True, base=None)
        link = presenter_token(key)
        ms = median_ms(lambda _: screen(engine, bank, link), args.repeat * 5)
        print(f"shared screen's read, {ROOM} people:            {ms:7.2f} ms  (goal < 10)")
        workshop_id = screen(engine, bank, link).workshop.id
        ms = median_ms(lambda _: room_state(engine, workshop_id), args.repeat * 10)
        print(f"participant's room poll:                     {ms:7.2f} ms  (goal < 2)")

        seed_stored_workshops(engine, bank, args.workshops)
        if engine.dialect.name == "postgresql":  # what autovacuum does soon after a bulk load
            with engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
        rows: list[dict[str, object]] = []
        ms = median_ms(lambda _: rows.__setitem__(slice(None), export_rows(engine, bank)), 5)
        print(f"export rows, {args.workshops + 1} workshops ({len(rows)} rows): {ms:7.0f} ms")
        ms = median_ms(lambda _: to_csv(rows), 5)
        print(f"  … as CSV bytes:                            {ms:7.0f} ms")
        ms = median_ms(lambda _: dashboard(engine, bank, key), args.repeat)
        print(f"dashboard with {args.workshops} other workshops stored: {ms:7.2f} ms")
        engine.dispose()


if __name__ == "__main__":
    main()
