"""Workshops: codes, tokens, joining, answering, the dashboard, consensus and exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from assessment import store
from assessment.answers import check_answers, dump_answers, parse_answers
from assessment.limits import MAX_NOTE, MAX_PARTICIPANT
from assessment.models import Answer, Bank, Municipality, PlanEdit
from assessment.planning import plan
from assessment.records import (
    AccessDenied,
    FacilitatorKey,
    ParticipantLink,
    TooLong,
    WorkshopClosed,
    WrongBank,
    set_choice,
    set_note,
    set_plan_edit,
    set_target,
)
from assessment.scoring import score
from assessment.store.schema import assessment_answers
from assessment.workshop.codes import (
    JOIN_ALPHABET,
    JOIN_CODE_LENGTH,
    WorkshopNotFound,
    format_join_code,
    new_join_code,
    normalise_join_code,
)
from assessment.workshop.consensus import (
    close_workshop,
    consensus_record,
    delete_workshop,
    reopen_workshop,
)
from assessment.workshop.export import (
    COLUMNS,
    export_rows,
    neutralise_formula,
    to_csv,
    workshop_rows,
)
from assessment.workshop.model import Workshop
from assessment.workshop.rooms import (
    create_workshop,
    facilitator_workshop,
    join_workshop,
    list_workshops,
    participant_view,
)
from assessment.workshop.stats import Person, dashboard, summarise

AARHUS = Municipality(code=751, name="Aarhus")
DAY = dt.date(2026, 12, 1)


def _create(engine: sa.Engine, bank: Bank, title: str = "Strategidag") -> FacilitatorKey:
    return create_workshop(
        engine, title=title, municipality=AARHUS, date=DAY, language="da", bank=bank
    )


@pytest.fixture
def key(engine: sa.Engine, tiny_bank: Bank) -> FacilitatorKey:
    return _create(engine, tiny_bank)


@contextmanager
def _statements(engine: sa.Engine) -> Iterator[list[str]]:
    """The SQL statements run on `engine` inside the block."""
    seen: list[str] = []

    def listener(*args: object) -> None:
        seen.append(str(args[2]))

    sa.event.listen(engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        sa.event.remove(engine, "before_cursor_execute", listener)


def record_answer(
    engine: sa.Engine, bank: Bank, token: str, qid: str, level: int | None, note: str = ""
) -> None:
    """A participant's choice (None: "don't know") and note, as the questionnaire stores them."""
    door = ParticipantLink(token)
    set_choice(engine, door, bank, qid, "dont_know" if level is None else level, base=None)
    if note:
        set_note(engine, door, bank, qid, note, base=None)


def record_consensus(
    engine: sa.Engine, bank: Bank, key: FacilitatorKey, qid: str, level: int | None, note: str = ""
) -> None:
    """The room's agreed choice and note, as the facilitator stores them."""
    set_choice(engine, key, bank, qid, "dont_know" if level is None else level, base=None)
    set_note(engine, key, bank, qid, note, base=None)


def _answers(engine: sa.Engine, token: str) -> dict[str, Answer]:
    return participant_view(engine, token).response.answers


def _answer_all(engine: sa.Engine, bank: Bank, token: str, levels: dict[str, int | None]) -> None:
    for qid, level in levels.items():
        record_answer(engine, bank, token, qid, level)


# ---------------------------------------------------------------- join codes


def test_join_alphabet_has_no_confusable_characters() -> None:
    """Codes never contain characters people misread: 0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, 6/G, U/V."""
    assert not set(JOIN_ALPHABET) & set("0OQ1IL2Z5S8BGUV")
    assert len(set(JOIN_ALPHABET)) == len(JOIN_ALPHABET)


def test_new_join_codes_are_short_and_from_the_alphabet() -> None:
    """A code has six characters from the alphabet, and codes differ from call to call."""
    codes = {new_join_code() for _ in range(200)}
    assert len(codes) > 190
    assert all(len(c) == JOIN_CODE_LENGTH and set(c) <= set(JOIN_ALPHABET) for c in codes)


@pytest.mark.parametrize("typed", ["k7rmxp", " K7R MXP ", "k7r-mxp", "K7R\tmxp", "k 7 r - m x p"])
def test_join_codes_are_case_and_separator_tolerant(typed: str) -> None:
    """Lower case, spaces and dashes typed with a code do not matter."""
    assert normalise_join_code(typed) == "K7RMXP"


@pytest.mark.parametrize("typed", ["", "K7RMX", "K7RMXPP", "K7RMX0", "KIRMXP", "<b>ab</b>"])
def test_impossible_join_codes_are_not_found(typed: str) -> None:
    """A code of the wrong length or with characters outside the alphabet finds nothing."""
    with pytest.raises(WorkshopNotFound):
        normalise_join_code(typed)


def test_join_code_is_shown_in_two_groups() -> None:
    """The code on the projector reads as two groups of three."""
    assert format_join_code("K7RMXP") == "K7R MXP"


def test_a_taken_join_code_is_drawn_again(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a new code collides with a stored one, another is drawn instead of failing."""
    codes = iter([key.join_code, key.join_code, "RRRRRR"])
    monkeypatch.setattr("assessment.workshop.rooms.new_join_code", lambda: next(codes))
    assert _create(engine, tiny_bank).join_code == "RRRRRR"
    assert {w.join_code for w in list_workshops(engine)} == {key.join_code, "RRRRRR"}


# ---------------------------------------------------------------- tokens and access


def test_tokens_are_long_and_stored_only_as_hashes(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Neither the facilitator token nor a participant token appears anywhere in the database."""
    tokens = [key.token, *(join_workshop(engine, key.join_code, f"P{i}") for i in range(3))]
    assert all(len(t) >= 43 for t in tokens)  # token_urlsafe(32): 256 bits
    with engine.connect() as conn:
        cells = [
            str(v)
            for t in store.metadata.sorted_tables
            for r in conn.execute(sa.select(t))
            for v in r
        ]
    for token in tokens:
        assert not any(token in cell for cell in cells)
    if engine.dialect.name == "sqlite":
        db_file = Path(engine.url.database or "")
        raw = b"".join(p.read_bytes() for p in db_file.parent.glob(db_file.name + "*"))
        assert not any(token.encode() in raw for token in tokens)


def test_facilitator_key_hides_its_token_in_repr(key: FacilitatorKey) -> None:
    """A key printed in a log or traceback does not give the token away."""
    assert key.token not in repr(key)


def test_facilitator_key_opens_its_workshop(
    engine: sa.Engine, key: FacilitatorKey, tiny_bank: Bank
) -> None:
    """The right key, with the code typed loosely, opens the workshop it was made for."""
    typed = FacilitatorKey(format_join_code(key.join_code).lower(), key.token)
    ws = facilitator_workshop(engine, typed)
    assert (ws.title, ws.municipality, ws.date, ws.language) == ("Strategidag", AARHUS, DAY, "da")
    assert (ws.bank_id, ws.bank_version, ws.status) == (tiny_bank.id, tiny_bank.version, "open")


def test_wrong_facilitator_keys_are_denied(
    engine: sa.Engine, key: FacilitatorKey, tiny_bank: Bank
) -> None:
    """A wrong or borrowed token, or an unknown or impossible code, all get AccessDenied."""
    other = _create(engine, tiny_bank, "Anden workshop")
    participant = join_workshop(engine, key.join_code)
    for wrong in (
        FacilitatorKey(key.join_code, key.token + "x"),
        FacilitatorKey(key.join_code, other.token),
        FacilitatorKey(key.join_code, participant),
        FacilitatorKey("RRRRRR" if key.join_code != "RRRRRR" else "TTTTTT", key.token),
        FacilitatorKey("0000", key.token),
    ):
        with pytest.raises(AccessDenied):
            facilitator_workshop(engine, wrong)
        with pytest.raises(AccessDenied):
            dashboard(engine, tiny_bank, wrong)
        with pytest.raises(AccessDenied):
            close_workshop(engine, wrong)
        with pytest.raises(AccessDenied):
            workshop_rows(engine, tiny_bank, wrong)


# ---------------------------------------------------------------- joining and answering


def test_join_and_resume_with_a_name_or_anonymously(engine: sa.Engine, key: FacilitatorKey) -> None:
    """A participant joins with a first name or none, and their token brings them back."""
    named = participant_view(engine, join_workshop(engine, key.join_code, "  Ida \n "))
    anonymous = participant_view(engine, join_workshop(engine, key.join_code.lower()))
    assert (named.name, anonymous.name) == ("Ida", "")
    assert named.workshop.join_code == key.join_code
    assert named.response.answers == anonymous.response.answers == {}
    assert named.participant_id != anonymous.participant_id


def test_names_are_plain_text_with_a_length_limit(engine: sa.Engine, key: FacilitatorKey) -> None:
    """Markup in a name is kept as typed (the UI shows it as text); control characters go."""
    token = join_workshop(engine, key.join_code, "<b>Bo</b>\x00 &amp;")
    assert participant_view(engine, token).name == "<b>Bo</b> &amp;"
    with pytest.raises(TooLong):
        join_workshop(engine, key.join_code, "x" * (MAX_PARTICIPANT + 1))


def test_unknown_code_cannot_be_joined(engine: sa.Engine, key: FacilitatorKey) -> None:
    """A well-formed code that no workshop has raises WorkshopNotFound."""
    unused = "RRRRRR" if key.join_code != "RRRRRR" else "TTTTTT"
    with pytest.raises(WorkshopNotFound):
        join_workshop(engine, unused)


def test_closed_workshop_refuses_joins_and_answers_until_reopened(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Closing stops new people and new answers but keeps what was given; reopening resumes."""
    token = join_workshop(engine, key.join_code, "Ida")
    record_answer(engine, tiny_bank, token, "alpha.one", 2)
    close_workshop(engine, key)
    with pytest.raises(WorkshopNotFound):  # the same reply as for a code nobody has
        join_workshop(engine, key.join_code)
    with pytest.raises(WorkshopClosed):
        record_answer(engine, tiny_bank, token, "alpha.one", 4)
    view = participant_view(engine, token)
    assert view.workshop.status == "closed" and not view.workshop.is_open
    assert view.response.answers == {"alpha.one": Answer(level=2)}
    reopen_workshop(engine, key)
    record_answer(engine, tiny_bank, token, "alpha.one", 4)
    assert participant_view(engine, join_workshop(engine, key.join_code)).workshop.is_open
    assert _answers(engine, token)["alpha.one"].level == 4


def test_an_answer_is_overwritten_not_duplicated(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Changing one's mind replaces the stored answer; "don't know" is a choice of its own."""
    token = join_workshop(engine, key.join_code)
    record_answer(engine, tiny_bank, token, "alpha.one", 1, "usikker")
    record_answer(engine, tiny_bank, token, "alpha.one", 3, "tjekket")
    record_answer(engine, tiny_bank, token, "beta.one", None)
    assert _answers(engine, token) == {
        "alpha.one": Answer(level=3, note="tjekket"),
        "beta.one": Answer(level="dont_know"),
    }
    with engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(assessment_answers)) == 2


def test_notes_keep_line_breaks_and_markup_but_lose_control_characters(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """A note is stored as plain text; NUL (which PostgreSQL refuses) and the like are dropped."""
    token = join_workshop(engine, key.join_code)
    note = "Linje 1\r\nLinje 2\x00\x07\t<script>alert(1)</script> & æøå"
    record_answer(engine, tiny_bank, token, "alpha.one", 2, note)
    record_consensus(engine, tiny_bank, key, "alpha.one", 2, note)
    expected = "Linje 1\nLinje 2\t<script>alert(1)</script> & æøå"
    assert _answers(engine, token)["alpha.one"].note == expected
    assert consensus_record(engine, tiny_bank, key).response.answers["alpha.one"].note == expected


def test_a_token_reaches_only_its_own_answers(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Two people's answers never mix, and an unknown token opens nothing."""
    ida, bo = (
        join_workshop(engine, key.join_code, "Ida"),
        join_workshop(engine, key.join_code, "Bo"),
    )
    record_answer(engine, tiny_bank, ida, "alpha.one", 4, "Idas note")
    record_answer(engine, tiny_bank, bo, "alpha.one", 0)
    assert _answers(engine, ida) == {"alpha.one": Answer(level=4, note="Idas note")}
    assert _answers(engine, bo) == {"alpha.one": Answer(level=0)}
    for wrong in ("", "nope", key.token, ida + "x"):
        with pytest.raises(AccessDenied):
            participant_view(engine, wrong)
        with pytest.raises(AccessDenied):
            record_answer(engine, tiny_bank, wrong, "alpha.one", 1)


@pytest.mark.parametrize(
    ("question", "level"),
    [
        ("alpha.nope", 1),
        ("alpha.one", 5),
        ("alpha.one", -1),
        ("alpha.one", True),
        ("alpha.one", 2.0),
    ],
)
def test_invalid_choices_are_refused(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey, question: str, level: object
) -> None:
    """An unknown question or a level outside 0–4 (or not an int) is refused; nothing is stored."""
    token = join_workshop(engine, key.join_code)
    with pytest.raises(ValueError):  # noqa: PT011 - the message names the field
        record_answer(engine, tiny_bank, token, question, level)  # type: ignore[arg-type]
    assert _answers(engine, token) == {}


def test_an_overlong_note_is_refused_and_the_choice_kept(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """A note over the limit is refused as a whole (never cut); the level chosen stays."""
    token = join_workshop(engine, key.join_code)
    with pytest.raises(TooLong):
        record_answer(engine, tiny_bank, token, "alpha.one", 2, "x" * (MAX_NOTE + 1))
    assert _answers(engine, token) == {"alpha.one": Answer(level=2)}


def test_answers_against_another_bank_are_refused(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """An app whose bank differs from the workshop's cannot store answers or consensus in it."""
    other = tiny_bank.model_copy(update={"id": "other"})
    token = join_workshop(engine, key.join_code)
    with pytest.raises(WrongBank):
        record_answer(engine, other, token, "alpha.one", 2)
    with pytest.raises(WrongBank):
        record_consensus(engine, other, key, "alpha.one", 2)
    with pytest.raises(WrongBank):
        dashboard(engine, other, key)


# ---------------------------------------------------------------- the dashboard

ROOM = [
    {"alpha.one": 0, "alpha.two": 2, "beta.one": 3, "beta.two": None},
    {"alpha.one": 4, "alpha.two": 2, "beta.one": 3, "beta.two": None},
    {"alpha.one": 1, "alpha.two": 3, "beta.one": 3},
    {"alpha.one": 3, "alpha.two": 2, "beta.one": 2, "beta.two": 1},
]


def _room(engine: sa.Engine, bank: Bank, key: FacilitatorKey) -> list[str]:
    tokens = [join_workshop(engine, key.join_code, f"P{i}") for i in range(len(ROOM))]
    for token, levels in zip(tokens, ROOM, strict=True):
        _answer_all(engine, bank, token, levels)
    return tokens


def test_dashboard_shows_progress_per_participant(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Each person's count of answered questions (don't know included) out of all questions."""
    _room(engine, tiny_bank, key)
    join_workshop(engine, key.join_code)  # joined, answered nothing yet
    board = dashboard(engine, tiny_bank, key)
    assert [(p.person.number, p.person.name) for p in board.participants][:2] == [
        (1, "P0"),
        (2, "P1"),
    ]
    assert [(p.answered, p.total) for p in board.participants] == [
        (4, 5),
        (4, 5),
        (3, 5),
        (4, 5),
        (0, 5),
    ]


def test_dashboard_spreads_and_sorts_questions_by_disagreement(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Per question: level counts, don't-know, median, IQR, range and the suggestion; the
    disputed question first, then the one where the room mostly does not know."""
    _room(engine, tiny_bank, key)
    board = dashboard(engine, tiny_bank, key)
    by_id = {q.question_id: q for q in board.questions}
    a1 = by_id["alpha.one"]
    assert (a1.counts, a1.dont_know, a1.median, a1.iqr, a1.range) == (
        (1, 1, 0, 1, 1),
        0,
        2.0,
        2.5,
        4,
    )
    assert a1.suggested == Answer(level=2)
    b1 = by_id["beta.one"]
    assert (b1.median, b1.suggested, b1.dimension_id) == (3.0, Answer(level=3), "beta")
    b2 = by_id["beta.two"]
    assert (b2.counts, b2.dont_know, b2.median, b2.suggested) == (
        (0, 1, 0, 0, 0),
        2,
        1.0,
        Answer(level=1),
    )
    a2 = by_id["alpha.two"]
    assert (a2.median, a2.suggested) == (2.0, Answer(level=2))
    b3 = by_id["beta.three"]
    assert (b3.counts, b3.median, b3.suggested) == ((0,) * 5, None, None)
    assert (a1.disputed, b2.uncertain, a2.flagged, b1.flagged) == (True, True, False, False)
    assert [q.question_id for q in board.questions] == [
        "alpha.one", "beta.two", "alpha.two", "beta.one", "beta.three"
    ]  # fmt: skip


def test_median_between_two_levels_is_suggested_rounded_down(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """A room split 1/1/2/2 has median 1.5 and is offered level 1 as its consensus draft."""
    for level in (1, 1, 2, 2):
        record_answer(engine, tiny_bank, join_workshop(engine, key.join_code), "alpha.one", level)
    board = dashboard(engine, tiny_bank, key)
    spread = next(q for q in board.questions if q.question_id == "alpha.one")
    assert (spread.median, spread.suggested) == (1.5, Answer(level=1))
    assert board.room_response.answers["alpha.one"] == Answer(level=1)


def test_dashboard_room_spread_scores_each_person(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Per dimension the min, median and max of the levels `score` gives each person alone."""
    _room(engine, tiny_bank, key)
    board = dashboard(engine, tiny_bank, key)
    template = board.room_response
    alpha = sorted(
        score(
            tiny_bank,
            template.model_copy(
                update={
                    "answers": {
                        q: Answer(level="dont_know" if lv is None else lv) for q, lv in r.items()
                    }
                }
            ),
        )
        .dimension("alpha")
        .level
        for r in ROOM
    )
    spread = {d.dimension_id: d for d in board.room.dimensions}
    assert board.room.participants == len(ROOM)
    assert (spread["alpha"].minimum, spread["alpha"].maximum) == (alpha[0], alpha[-1])
    assert spread["alpha"].median == pytest.approx((alpha[1] + alpha[2]) / 2)
    assert spread["alpha"].participants == 4
    assert (spread["beta"].minimum, spread["beta"].maximum) == (1.5, 3.0)  # (2 + 1) / 2


def test_room_response_is_a_normal_response_of_medians(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """The room's medians form a Response that the scoring and the answers file accept."""
    _room(engine, tiny_bank, key)
    response = dashboard(engine, tiny_bank, key).room_response
    assert response.answers == {
        "alpha.one": Answer(level=2),
        "alpha.two": Answer(level=2),
        "beta.one": Answer(level=3),
        "beta.two": Answer(level=1),
    }
    check_answers(tiny_bank, response)
    assert score(tiny_bank, response).overall is not None


def test_dashboard_needs_one_query_per_table_whatever_the_room_size(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Loading the dashboard takes three statements for 4 or 12 people (no query per person)."""
    counts = []
    for rooms in (1, 2):
        for _ in range(rooms):
            _room(engine, tiny_bank, key)
        with _statements(engine) as statements:
            board = dashboard(engine, tiny_bank, key)
        counts.append((len(board.participants), len(statements)))
    assert counts == [(4, 3), (12, 3)]


@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["alpha.one", "alpha.two", "beta.one", "beta.two", "beta.three"]),
            st.one_of(st.none(), st.integers(0, 4)),
        ),
        max_size=12,
    )
)
def test_summary_invariants_hold_for_any_room(
    tiny_bank: Bank, room: list[dict[str, int | None]]
) -> None:
    """Counts add up to the people who answered, and median and suggestion lie within the range."""
    now = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)
    ws = Workshop(1, "W", AARHUS, DAY, "da", tiny_bank.id, tiny_bank.version, "K7RMXP", "open", now)
    people = [Person(i, i, "", now, now) for i in range(1, len(room) + 1)]
    given_ = {
        i: {q: Answer(level="dont_know" if lv is None else lv) for q, lv in r.items()}
        for i, r in enumerate(room, 1)
    }
    board = summarise(tiny_bank, ws, people, given_)
    for q in board.questions:
        answered = sum(q.question_id in r for r in room)
        assert sum(q.counts) + q.dont_know == answered
        if q.median is not None:
            levels = [lv for lv, n in enumerate(q.counts) for _ in range(n)]
            assert min(levels) <= q.median <= max(levels)
            assert q.suggested is not None and q.suggested.value is not None
            assert min(levels) <= q.suggested.value <= q.median
            assert 0 <= (q.iqr or 0) <= (q.range or 0)
    for d in board.room.dimensions:
        assert d.minimum <= d.median <= d.maximum


# ---------------------------------------------------------------- consensus


def test_consensus_is_recorded_overwritten_and_kept_after_closing(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """The room's agreed answers are stored per question, also once the workshop is closed."""
    record_consensus(engine, tiny_bank, key, "alpha.one", 1, "første bud")
    close_workshop(engine, key)
    record_consensus(engine, tiny_bank, key, "alpha.one", 2, "enige")
    record_consensus(engine, tiny_bank, key, "beta.one", None, "ved ikke")
    assert consensus_record(engine, tiny_bank, key).response.answers == {
        "alpha.one": Answer(level=2, note="enige"),
        "beta.one": Answer(level="dont_know", note="ved ikke"),
    }


def test_consensus_response_feeds_the_normal_pipeline(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """The consensus is a Response with bank, municipality, language, targets and plan edits."""
    _room(engine, tiny_bank, key)
    for qid, answer in dashboard(engine, tiny_bank, key).room_response.answers.items():
        set_choice(engine, key, tiny_bank, qid, answer.level, base=None)
    record_consensus(engine, tiny_bank, key, "beta.three", 0, "ingen")
    set_target(engine, key, tiny_bank, "alpha", 3.5, base=None)
    set_target(engine, key, tiny_bank, "beta", 3, base=None)
    edit = PlanEdit(owner="Kommunikation", deadline=dt.date(2027, 3, 1), status="doing")
    set_plan_edit(engine, key, tiny_bank, "alpha.one.step2", edit, base=None)

    response = consensus_record(engine, tiny_bank, key).response
    assert (response.bank_id, response.bank_version) == (tiny_bank.id, tiny_bank.version)
    assert (response.municipality, response.language) == (AARHUS, "da")
    assert response.respondent.name == "Strategidag"
    assert response.answers["beta.three"] == Answer(level=0, note="ingen")
    assert len(response.answers) == 5
    assert response.targets == {"alpha": 3.5, "beta": 3.0}
    assert response.plan_edits == {"alpha.one.step2": edit}
    assert response.updated_at >= response.created_at
    check_answers(tiny_bank, response)
    assert parse_answers(dump_answers(response)) == response
    card = score(tiny_bank, response)
    assert card.dimension("alpha").target == 3.5
    assert plan(tiny_bank, card, response).actions


def test_targets_and_plan_edits_are_validated(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Targets name real dimensions within 0–4, and plan edits name real actions."""
    for dimension, target in (("gamma", 2.0), ("alpha", 4.5), ("alpha", -1.0)):
        with pytest.raises(ValueError):  # noqa: PT011 - the message names the field
            set_target(engine, key, tiny_bank, dimension, target, base=None)
    with pytest.raises(ValueError, match="unknown action"):
        set_plan_edit(engine, key, tiny_bank, "nope", PlanEdit(), base=None)
    assert consensus_record(engine, tiny_bank, key).response.targets == {}


def test_an_empty_consensus_is_still_a_valid_response(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Before the room agrees anything, the consensus Response has no answers and scores to None."""
    response = consensus_record(engine, tiny_bank, key).response
    assert response.answers == {}
    assert score(tiny_bank, response).overall is None


def test_deleting_a_workshop_erases_people_answers_and_consensus(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """After deletion no row of the workshop is left and its tokens open nothing."""
    tokens = _room(engine, tiny_bank, key)
    record_consensus(engine, tiny_bank, key, "alpha.one", 2)
    delete_workshop(engine, key)
    with engine.connect() as conn:
        for table in store.metadata.sorted_tables:
            assert conn.scalar(sa.select(sa.func.count()).select_from(table)) == 0
    with pytest.raises(AccessDenied):
        participant_view(engine, tokens[0])
    with pytest.raises(AccessDenied):
        facilitator_workshop(engine, key)


# ---------------------------------------------------------------- exports


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+45 12 34", "'+45 12 34"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Vi har en politik", "Vi har en politik"),
        ("", ""),
        (" =1", "' =1"),  # some spreadsheets skip leading spaces
        ("a=b", "a=b"),
    ],
)
def test_neutralise_formula(text: str, expected: str) -> None:
    """Only text that a spreadsheet would run as a formula gets the leading apostrophe."""
    assert neutralise_formula(text) == expected


def test_export_rows_hold_every_answer_with_neutralised_text(
    engine: sa.Engine, tiny_bank: Bank
) -> None:
    """Workshop title, participant name and note are neutralised; numbers and dates stay typed."""
    key = _create(engine, tiny_bank, '=HYPERLINK("x")')
    token = join_workshop(engine, key.join_code, "@Ida")
    record_answer(engine, tiny_bank, token, "alpha.one", 3, "=1+1")
    record_answer(engine, tiny_bank, token, "beta.two", None, "-- ved ikke")
    anonymous = join_workshop(engine, key.join_code)
    record_answer(engine, tiny_bank, anonymous, "alpha.one", 1)

    rows = workshop_rows(engine, tiny_bank, key)
    assert [tuple(r) for r in rows] == [COLUMNS] * 3
    first = rows[0]
    assert first["workshop"] == '\'=HYPERLINK("x")'
    assert (first["name"], first["note"], first["choice"], first["level"]) == (
        "'@Ida",
        "'=1+1",
        "level",
        3,
    )
    assert (first["participant"], first["question_id"], first["dimension_id"]) == (
        1,
        "alpha.one",
        "alpha",
    )
    assert (first["municipality_code"], first["municipality"], first["date"]) == (
        751,
        "Aarhus",
        DAY,
    )
    assert isinstance(first["updated_at"], dt.datetime)
    assert (rows[1]["choice"], rows[1]["level"], rows[1]["note"]) == (
        "dont_know",
        None,
        "'-- ved ikke",
    )
    assert (rows[2]["participant"], rows[2]["name"]) == (2, "")


def test_export_spans_many_workshops_in_one_query(engine: sa.Engine, tiny_bank: Bank) -> None:
    """All stored workshops export together (or a chosen few), each person numbered per workshop."""
    keys = [_create(engine, tiny_bank, f"W{i}") for i in range(3)]
    for k in keys:
        for _ in range(2):
            _answer_all(engine, tiny_bank, join_workshop(engine, k.join_code), {"alpha.one": 2})
    with _statements(engine) as statements:
        rows = export_rows(engine, tiny_bank)
    assert len(statements) == 1
    assert [(r["workshop"], r["participant"]) for r in rows] == [
        (f"W{i}", n) for i in range(3) for n in (1, 2)
    ]
    first_id = facilitator_workshop(engine, keys[0]).id
    assert {r["workshop"] for r in export_rows(engine, tiny_bank, [first_id])} == {"W0"}
    assert export_rows(engine, tiny_bank, []) == []


def test_csv_opens_in_danish_excel_without_running_formulas(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """The CSV has a byte-order mark, `;` separators, æøå intact and no cell starting with `=`."""
    token = join_workshop(engine, key.join_code, "Søren")
    record_answer(engine, tiny_bank, token, "alpha.one", 2, "=cmd|' /C calc'!A0; æøå")
    data = to_csv(workshop_rows(engine, tiny_bank, key))
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert table[0] == list(COLUMNS)
    assert table[1][COLUMNS.index("name")] == "Søren"
    assert table[1][COLUMNS.index("note")] == "'=cmd|' /C calc'!A0; æøå"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in table for cell in row)


def test_list_workshops_newest_first(engine: sa.Engine, tiny_bank: Bank) -> None:
    """The overview lists every workshop, the most recently created first."""
    for title in ("Første", "Anden", "Tredje"):
        _create(engine, tiny_bank, title)
    assert [w.title for w in list_workshops(engine)] == ["Tredje", "Anden", "Første"]
