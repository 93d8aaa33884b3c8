"""The facilitator's page with AppTest: moving the room, revealing, re-voting, approving notes,
deciding, the roster, a new key, retention and deleting. Each test checks the page and the
database, and that a stale second window is refused rather than obeyed."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from assessment.records import AccessDenied, FacilitatorKey, ParticipantLink, set_choice, set_note
from assessment.store.schema import workshop_rounds, workshops
from assessment.ui.room.decisions import question_numbers
from assessment.workshop.access import presenter_token
from assessment.workshop.consensus import consensus_record
from assessment.workshop.notes import approve_note, notes_for
from assessment.workshop.pacing import (
    facilitator_room,
    set_mode,
    set_revealed,
    set_show_names,
    set_step,
)
from assessment.workshop.rooms import facilitator_workshop, join_workshop, participant_view
from assessment.workshop.screen import screen
from tests.app_workshop import (
    BANK,
    FIRST,
    QUESTIONS,
    app_engine,
    facilitator,
    new_workshop,
    open_page,
    shown,
    within,
)

DENIED = "Linket giver ikke adgang. Brug det link, du fik."


@pytest.fixture(scope="module")
def engine() -> Iterator[sa.Engine]:
    made = app_engine()
    yield made
    made.dispose()


@pytest.fixture
def key(engine: sa.Engine) -> FacilitatorKey:
    return new_workshop(engine)


def _answer(engine: sa.Engine, key: FacilitatorKey, question: str, *levels: object) -> list[str]:
    tokens = [join_workshop(engine, key.join_code, f"P{i}") for i in range(len(levels))]
    for token, level in zip(tokens, levels, strict=True):
        set_choice(engine, ParticipantLink(token), BANK, question, level, base=None)
    return tokens


def test_the_facilitator_page_refuses_a_wrong_or_missing_key(key: FacilitatorKey):
    """A wrong key, the presenter link's token, or no key at all gets one line, no tabs."""
    for params in (
        {"ws": key.join_code, "key": "wrong"},
        {"ws": key.join_code, "key": presenter_token(key)},
        {"ws": key.join_code},
        {},
    ):
        at = open_page("facilitator", **params)
        assert at.error[0].value == DENIED
        assert not at.tabs


def test_next_and_reveal_move_the_shared_screen(engine: sa.Engine, key: FacilitatorKey):
    """From the lobby, "Næste" puts the first question on screen, hidden; "Vis resultatet"
    reveals it; the presenter view shows what the database now says."""
    _answer(engine, key, QUESTIONS[0], 1, 3)
    at = facilitator(key)
    at.button(key="r.forward").click().run()
    assert (facilitator_room(engine, key).step, facilitator_room(engine, key).revealed) == (
        QUESTIONS[0], False
    )  # fmt: skip
    at.button(key="r.reveal").click().run()
    assert facilitator_room(engine, key).revealed
    assert 'class="sm-count">1<' in shown(open_page("screen", s=presenter_token(key)))


def test_a_stale_facilitator_window_cannot_move_the_room_back(
    engine: sa.Engine, key: FacilitatorKey
):
    """The laptop moves on twice; the projector-side window, drawn before, presses "Forrige":
    it is refused with a line, the room stays, and the window then shows where the room is."""
    set_step(engine, BANK, key, QUESTIONS[1], base=None)
    stale = facilitator(key)
    laptop = facilitator(key)
    laptop.button(key="r.forward").click().run()
    laptop.button(key="r.forward").click().run()
    stale.button(key="r.back").click().run()
    assert "ændret i et andet vindue" in shown(stale)
    assert facilitator_room(engine, key).step == QUESTIONS[3]
    number = question_numbers(BANK)[QUESTIONS[3]].replace(".", "\\.")
    assert f"{number} {BANK.question(QUESTIONS[3]).text('da')}" in shown(stale)


def test_a_decision_is_recorded_only_when_the_facilitator_makes_it(
    engine: sa.Engine, key: FacilitatorKey
):
    """The median is a suggestion (and is not counted) until "Beslut" stores it."""
    _answer(engine, key, FIRST[0].id, 1, 3)
    at = facilitator(key, "Uenighed og beslutninger")
    assert at.radio(key=f"c.{FIRST[0].id}").value is None
    assert f"0 af {len(QUESTIONS)}" in shown(
        at
    ) and "Deltagernes forslag (medianen rundet ned): 2" in shown(at)
    assert consensus_record(engine, BANK, key).response.answers == {}
    at.button(key=f"cc.{FIRST[0].id}").click().run()
    assert consensus_record(engine, BANK, key).response.answers[FIRST[0].id].level == 2
    assert f"1 af {len(QUESTIONS)}" in shown(at) and "Besluttet: **2**" in shown(at)


def test_a_stale_facilitator_window_cannot_overwrite_a_decision(
    engine: sa.Engine, key: FacilitatorKey
):
    """The laptop records a decision and a note; the other window, open since before, is
    refused when it changes the same decision, and shows what the laptop recorded."""
    other = facilitator(key, "Uenighed og beslutninger")
    laptop = facilitator(key, "Uenighed og beslutninger")
    laptop.radio(key=f"c.{FIRST[0].id}").set_value(2).run()
    laptop.text_input(key=f"cn.{FIRST[0].id}").input("Ejer på skrift, ingen stedfortræder").run()
    other.radio(key=f"c.{FIRST[0].id}").set_value(3).run()
    assert "ændret i et andet vindue" in other.warning[0].value
    assert other.radio(key=f"c.{FIRST[0].id}").value == 2
    agreed = consensus_record(engine, BANK, key).response.answers[FIRST[0].id]
    assert (agreed.level, agreed.note) == (2, "Ejer på skrift, ingen stedfortræder")


def test_disputed_and_uncertain_questions_come_first_and_are_marked(
    engine: sa.Engine, key: FacilitatorKey
):
    """A 0-to-4 split and a "don't know" half are marked; an adjacent split is not."""
    people = [join_workshop(engine, key.join_code, f"P{i}") for i in range(6)]
    designs = {
        QUESTIONS[5]: (0, 4, 1, 3, 2, 4),
        QUESTIONS[6]: (1, 2, 1, 2, 1, 2),
        QUESTIONS[7]: ("dont_know", 2, "dont_know", 3, 1, "dont_know"),
    }
    for qid, levels in designs.items():
        for token, level in zip(people, levels, strict=True):
            set_choice(engine, ParticipantLink(token), BANK, qid, level, base=None)
    at = facilitator(key, "Uenighed og beslutninger")
    assert "2 spørgsmål er markeret" in shown(at)
    cards = [m.value for m in at.markdown if re.match(r"\*\*\d\.\d+ ", m.value)]
    numbers = question_numbers(BANK)
    assert cards[0].startswith(f"**{numbers[QUESTIONS[5]]} ")
    assert cards[1].startswith(f"**{numbers[QUESTIONS[7]]} ")
    badges = [m.value for m in at.markdown if "-badge[" in m.value]
    assert badges[:3] == [  # three people gave levels 1, 2 and 3 on the "don't know" one
        ":orange-badge[Uenige]", ":orange-badge[Uenige]", ":orange-badge[Mange ved ikke]"
    ]  # fmt: skip


def test_a_revote_asks_everyone_again_after_a_second_click(engine: sa.Engine, key: FacilitatorKey):
    """The first click only asks; the second keeps the counts and takes the choices back."""
    tokens = _answer(engine, key, QUESTIONS[0], 0, 4)
    set_step(engine, BANK, key, QUESTIONS[0], base=None)
    at = facilitator(key)
    at.button(key="r.revote").click().run()
    assert "Alle svar på spørgsmålet tages tilbage" in shown(at)
    with engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(workshop_rounds)) == 0
    at.button(key="r.revote.yes").click().run()
    with engine.connect() as conn:
        levels = conn.execute(sa.select(workshop_rounds.c.levels)).scalars().all()
    assert [list(x) for x in levels] == [[1, 0, 0, 0, 1]]
    assert participant_view(engine, tokens[0]).response.answers[QUESTIONS[0]].level is None
    assert facilitator_room(engine, key).paced


def test_a_note_reaches_the_screen_only_after_approval_and_as_plain_text(
    engine: sa.Engine, key: FacilitatorKey
):
    """The facilitator sees the note as typed (no Markdown rendered) and approves it."""
    (token,) = _answer(engine, key, QUESTIONS[0], 2)
    text = "![x](https://evil.example/t.png) **fed**"
    set_note(engine, ParticipantLink(token), BANK, QUESTIONS[0], text, base=None)
    set_step(engine, BANK, key, QUESTIONS[0], base=None)
    at = facilitator(key)
    assert any(text in t.value for t in at.text)
    assert not any("evil.example" in m.value for m in at.markdown)
    assert screen(engine, BANK, presenter_token(key)).questions[0].notes == ()
    note = notes_for(engine, key, [QUESTIONS[0]])[0]
    at.button(key=f"r.note.show.{note.participant_id}.{QUESTIONS[0]}").click().run()
    assert screen(engine, BANK, presenter_token(key)).questions[0].notes == (("", text),)


def test_two_people_of_one_name_are_told_apart_wherever_names_appear(
    engine: sa.Engine, key: FacilitatorKey
):
    """Two Mettes and someone anonymous write notes: the facilitator's approval list names them
    as the roster does, and with names on the shared screen tells the Mettes apart beside their
    notes and under the bars, in type large enough to read from the back of the room."""
    tokens = [join_workshop(engine, key.join_code, n) for n in ("Mette", "Mette", "")]
    for token, level in zip(tokens, (1, 3, 3), strict=True):
        set_choice(engine, ParticipantLink(token), BANK, QUESTIONS[0], level, base=None)
        set_note(engine, ParticipantLink(token), BANK, QUESTIONS[0], f"Note {level}", base=None)
    set_step(engine, BANK, key, QUESTIONS[0], base=None)
    listed = [t.value for t in facilitator(key).text if t.value.startswith(("Mette", "Anonym"))]
    assert listed == ["Mette (1): Note 1", "Mette (2): Note 3", "Anonym 1: Note 3"]
    for note in notes_for(engine, key, [QUESTIONS[0]]):
        approve_note(engine, key, note.participant_id, QUESTIONS[0], note.revision)
    set_revealed(engine, key, True, base=None)
    set_show_names(engine, key, True, base=None)
    page = shown(open_page("screen", s=presenter_token(key)))
    assert "»Note 1« – Mette (1)" in page and "»Note 3« – Mette (2)" in page
    assert "»Note 3«\n" in page + "\n" and "Anonym" not in page
    assert ">Mette (1)</div>" in page and ">Mette (2)</div>" in page
    voters = re.search(r"\.sm-voters \{ font-size: ([\d.]+)vw", page)
    assert voters is not None and float(voters[1]) * 12.8 >= 20  # px at 1280×720


def test_the_roster_tells_people_apart_and_removes_after_confirming(
    engine: sa.Engine, key: FacilitatorKey
):
    mette, _, _ = (join_workshop(engine, key.join_code, n) for n in ("Mette", "Mette", ""))
    at = facilitator(key, "Deltagere")
    names = list(at.dataframe[0].value.iloc[:, 0])
    assert names == ["Mette (1)", "Mette (2)", "Anonym 1"]
    first = participant_view(engine, mette).participant_id
    at.selectbox(key="r.remove.who").set_value(first).run()
    at.button(key="r.remove").click().run()
    assert participant_view(engine, mette).name == "Mette"  # not yet
    at.button(key="r.remove.yes").click().run()
    with pytest.raises(AccessDenied):
        participant_view(engine, mette)
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["Mette", "Anonym 1"]


def test_merging_two_entries_counts_one_person_once(engine: sa.Engine, key: FacilitatorKey):
    old, new = _answer(engine, key, QUESTIONS[0], 1, 3)
    at = facilitator(key, "Deltagere")
    at.selectbox(key="r.merge.old").set_value(participant_view(engine, old).participant_id)
    at.selectbox(key="r.merge.new").set_value(participant_view(engine, new).participant_id)
    at.run()
    at.button(key="r.merge").click().run()
    assert len(at.dataframe[0].value) == 1
    assert participant_view(engine, new).response.answers[QUESTIONS[0]].level == 3


def test_a_new_key_locks_out_the_old_one(engine: sa.Engine, key: FacilitatorKey):
    """Two clicks make a new key; the page carries on under it; the old link opens nothing."""
    at = facilitator(key, "Data og adgang")
    at.button(key="m.rotate").click().run()
    at.button(key="m.rotate.yes").click().run()
    fresh = FacilitatorKey(at.query_params["ws"], at.query_params["key"])
    assert fresh.token != key.token
    assert facilitator_workshop(engine, fresh).join_code == key.join_code
    assert open_page("facilitator", ws=key.join_code, key=key.token).error[0].value == DENIED


def test_the_facilitator_sets_how_long_the_workshop_is_kept(engine: sa.Engine, key: FacilitatorKey):
    at = facilitator(key, "Data og adgang")
    at.selectbox(key="m.retention").set_value("7").run()
    at.button(key="m.retention.save").click().run()
    assert facilitator_workshop(engine, key).delete_after == within(7)
    at.selectbox(key="m.retention").set_value("forever").run()
    at.button(key="m.retention.save").click().run()
    assert facilitator_workshop(engine, key).delete_after is None


def test_deleting_needs_the_code_typed_and_then_leaves_nothing(
    engine: sa.Engine, key: FacilitatorKey
):
    token = _answer(engine, key, QUESTIONS[0], 2)[0]
    at = facilitator(key, "Data og adgang")
    assert at.button(key="m.delete").disabled
    at.text_input(key="m.delete.code").input(key.join_code.lower()).run()
    at.button(key="m.delete").click().run()
    with engine.connect() as conn:
        assert (
            conn.scalar(sa.select(sa.func.count()).where(workshops.c.join_code == key.join_code))
            == 0
        )
    with pytest.raises(AccessDenied):
        participant_view(engine, token)
    assert "Workshoppen og alle dens data er slettet." in shown(at)


def test_the_facilitator_page_speaks_english(engine: sa.Engine, key: FacilitatorKey):
    set_mode(engine, BANK, key, "paced", "area", base=None)
    set_step(engine, BANK, key, BANK.dimensions[0].id, base=None)
    at = open_page("facilitator", ws=key.join_code, key=key.token, lang="en")
    assert [t.label for t in at.tabs][:2] == ["Run the room", "Disagreement and decisions"]
    assert "On the shared screen" in shown(at)
