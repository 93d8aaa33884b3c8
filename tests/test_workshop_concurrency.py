"""A full room at once: 40 people answering together lose and duplicate nothing."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import sqlalchemy as sa
from alembic.migration import MigrationContext

from assessment import store
from assessment.bank import BankError, load_bank
from assessment.models import Bank, Municipality
from assessment.records import FacilitatorKey, ParticipantLink, set_choice, set_note
from assessment.store.schema import assessment_answers, participants
from assessment.workshop.rooms import create_workshop, join_workshop, participant_view
from assessment.workshop.stats import dashboard

TINY = Path(__file__).parent / "data" / "tiny_bank"
PEOPLE = 40
ROUNDS = 3
"""Everyone answers every question this many times, changing their mind each time."""
PROCESSES = 8


def _bank() -> Bank:
    """The real bank when it loads (more questions, more contention), else the tiny one."""
    try:
        return load_bank()
    except BankError:
        return load_bank(TINY)


def _level(person: int, question: int, round_: int) -> int | str:
    """A deterministic answer; every seventh is "don't know"."""
    value = (person + question + round_) % 7
    return "dont_know" if value == 6 else value % 5


def _answer_everything(engine: sa.Engine, bank: Bank, token: str, person: int) -> None:
    """Each choice and note written as the page writes them: one value at a time, each with
    the revision the page showed (this person's own page, so never a conflict)."""
    door = ParticipantLink(token)
    revision = 0
    for round_ in range(ROUNDS):
        for i, qid in enumerate(bank.questions_by_id()):
            revision = set_choice(engine, door, bank, qid, _level(person, i, round_), base=revision)
            revision = set_note(engine, door, bank, qid, f"p{person} r{round_}", base=revision)


def _check_room(engine: sa.Engine, bank: Bank, tokens: dict[int, str]) -> None:
    """Exactly one row per person and question, holding that person's last answer."""
    questions = list(bank.questions_by_id())
    with engine.connect() as conn:
        stored = conn.scalar(sa.select(sa.func.count()).select_from(assessment_answers))
        people = conn.scalar(sa.select(sa.func.count()).select_from(participants))
    assert (people, stored) == (len(tokens), len(tokens) * len(questions))
    last = ROUNDS - 1
    for person, token in tokens.items():
        answers = participant_view(engine, token).response.answers
        assert {q: (a.level, a.note) for q, a in answers.items()} == {
            q: (_level(person, i, last), f"p{person} r{last}") for i, q in enumerate(questions)
        }


def _new_workshop(engine: sa.Engine, bank: Bank) -> FacilitatorKey:
    return create_workshop(
        engine,
        title="Fuldt lokale",
        municipality=Municipality(code=101, name="København"),
        date=dt.date(2026, 12, 1),
        language="da",
        bank=bank,
    )


def test_forty_threads_answering_at_once_lose_nothing(engine: sa.Engine) -> None:
    """40 people join and answer every question three times at once while the dashboard polls."""
    bank = _bank()
    key = _new_workshop(engine, bank)
    start = threading.Barrier(PEOPLE + 1)
    done = threading.Event()

    def person(n: int) -> tuple[int, str]:
        token = join_workshop(engine, key.join_code, f"Deltager {n}")
        start.wait(timeout=60)
        _answer_everything(engine, bank, token, n)
        return n, token

    def facilitator() -> int:
        start.wait(timeout=60)
        polls = 0
        while not done.is_set():
            board = dashboard(engine, bank, key)
            assert len(board.participants) == PEOPLE
            polls += 1
        return polls

    with ThreadPoolExecutor(max_workers=PEOPLE + 1) as pool:
        watcher = pool.submit(facilitator)
        people = [pool.submit(person, n) for n in range(PEOPLE)]
        tokens = dict(f.result(timeout=240) for f in people)
        done.set()
        assert watcher.result(timeout=60) > 0
    _check_room(engine, bank, tokens)


def _process_room(url: str, first: int, count: int, join_code: str, start: object) -> None:
    """One process's share of the room: join, wait for the others, answer everything."""
    bank = _bank()
    engine = store.make_engine(url)
    tokens = [
        (n, join_workshop(engine, join_code, f"Deltager {n}")) for n in range(first, first + count)
    ]
    start.wait(timeout=120)  # type: ignore[attr-defined]
    with ThreadPoolExecutor(max_workers=count) as pool:
        for f in [pool.submit(_answer_everything, engine, bank, t, n) for n, t in tokens]:
            f.result()
    engine.dispose()


def test_forty_people_in_several_processes_share_one_sqlite_file(tmp_path: Path) -> None:
    """Eight processes (as with several app workers) write to one SQLite file; nothing is lost."""
    url = f"sqlite:///{tmp_path / 'room.sqlite3'}"
    engine = store.make_engine(url)
    bank = _bank()
    key = _new_workshop(engine, bank)
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(PROCESSES)
    share = PEOPLE // PROCESSES
    procs = [
        ctx.Process(target=_process_room, args=(url, i * share, share, key.join_code, start))
        for i in range(PROCESSES)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=240)
    assert [p.exitcode for p in procs] == [0] * PROCESSES
    with engine.connect() as conn:
        names = conn.execute(sa.select(participants.c.name, participants.c.token_hash))
        assert sorted(n for n, _ in names) == sorted(f"Deltager {n}" for n in range(PEOPLE))
        a = assessment_answers.c
        stored = conn.scalar(
            sa.select(sa.func.count()).select_from(assessment_answers).where(a.choice.is_not(None))
        )
        distinct = conn.scalar(
            sa.select(sa.func.count()).select_from(
                sa.select(a.assessment_id, a.question_id).distinct().subquery()
            )
        )
    assert stored == distinct == PEOPLE * len(bank.questions_by_id())
    board = dashboard(engine, bank, key)
    assert all(p.answered == p.total for p in board.participants)
    engine.dispose()


def _first_start(url: str, start: object) -> None:
    start.wait(timeout=120)  # type: ignore[attr-defined]
    store.make_engine(url).dispose()


def test_several_processes_starting_on_a_fresh_file_migrate_once(tmp_path: Path) -> None:
    """App workers starting together on a new database all come up; the schema is made once."""
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    ctx = mp.get_context("spawn")
    start = ctx.Barrier(PROCESSES)
    procs = [ctx.Process(target=_first_start, args=(url, start)) for _ in range(PROCESSES)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=240)
    assert [p.exitcode for p in procs] == [0] * PROCESSES
    engine = store.make_engine(url)
    with engine.connect() as conn:
        versions = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
        assert MigrationContext.configure(conn).get_current_revision() == versions[0][0]
    assert len(versions) == 1
    engine.dispose()
