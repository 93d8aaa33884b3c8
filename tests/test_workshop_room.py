"""Running the room: pacing and reveal, the shared screen, approved notes, re-votes and the
presenter link. Every state lives in the database, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from db_backends import backend_url
from rooms import answer, create, people

from assessment import store
from assessment.models import Answer, Bank
from assessment.records import (
    AccessDenied,
    Conflict,
    FacilitatorKey,
    ParticipantLink,
    set_choice,
    set_note,
)
from assessment.store.schema import workshops
from assessment.workshop.access import presenter_token, rotate_key
from assessment.workshop.notes import approve_note, notes_for, withdraw_note
from assessment.workshop.pacing import (
    facilitator_room,
    neighbour,
    set_mode,
    set_revealed,
    set_show_names,
    set_step,
)
from assessment.workshop.rooms import facilitator_workshop, participant_view
from assessment.workshop.rounds import Counts, start_revote
from assessment.workshop.screen import facilitator_screen, screen
from assessment.workshop.stats import question_spread

pytest_plugins = ["room_fixtures"]  # the `key` fixture (a workshop on the tiny bank)


def test_a_new_workshop_waits_in_the_lobby_self_paced_with_names_hidden(
    engine: sa.Engine, key: FacilitatorKey
) -> None:
    """Nothing is on the shared screen, nobody is moved and no name is shown until the
    facilitator says so."""
    room = facilitator_room(engine, key)
    assert (room.mode, room.step, room.revealed, room.show_names) == ("self", None, False, False)


def test_results_stay_hidden_until_revealed_and_hide_again_on_the_next_step(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Hidden-then-reveal: each new step starts hidden, so nobody anchors on the others."""
    rev = set_mode(engine, tiny_bank, key, "paced", "question", base=0)
    rev = set_step(engine, tiny_bank, key, "alpha.one", base=rev)
    assert facilitator_room(engine, key).revealed is False
    rev = set_revealed(engine, key, True, base=rev)
    assert facilitator_room(engine, key).revealed is True
    set_step(engine, tiny_bank, key, "alpha.two", base=rev)
    room = facilitator_room(engine, key)
    assert (room.step, room.revealed, room.paced) == ("alpha.two", False, True)


def test_a_stale_facilitator_window_cannot_move_the_room(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Two windows showed revision 0; the laptop moves on, the projector's older move is
    refused and the room stays where the laptop put it."""
    set_step(engine, tiny_bank, key, "beta.one", base=0)
    with pytest.raises(Conflict):
        set_step(engine, tiny_bank, key, "alpha.one", base=0)
    with pytest.raises(Conflict):
        set_revealed(engine, key, True, base=0)
    room = facilitator_room(engine, key)
    assert (room.step, room.revealed, room.revision) == ("beta.one", False, 1)


def test_a_wrong_key_moves_nothing(engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey) -> None:
    """A key with a wrong token is refused as access, not as a stale window."""
    wrong = FacilitatorKey(key.join_code, "not-the-token")
    with pytest.raises(AccessDenied):
        set_step(engine, tiny_bank, wrong, "alpha.one", base=0)
    with pytest.raises(AccessDenied):
        set_show_names(engine, wrong, True, base=None)
    assert facilitator_room(engine, key).step is None


def test_the_step_follows_a_change_of_pace(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """From a question to its area and back to the area's first question."""
    set_step(engine, tiny_bank, key, "beta.two", base=None)
    set_mode(engine, tiny_bank, key, "paced", "area", base=None)
    assert facilitator_room(engine, key).step == "beta"
    set_mode(engine, tiny_bank, key, "paced", "question", base=None)
    assert facilitator_room(engine, key).step == "beta.one"


def test_steps_walk_the_bank_in_order(tiny_bank: Bank) -> None:
    """Forward from the lobby is the first step; past the last there is none."""
    assert neighbour(tiny_bank, "question", None, 1) == "alpha.one"
    assert neighbour(tiny_bank, "question", "alpha.two", 1) == "beta.one"
    assert neighbour(tiny_bank, "question", "alpha.one", -1) is None
    assert neighbour(tiny_bank, "question", "beta.three", 1) is None
    assert neighbour(tiny_bank, "area", "alpha", 1) == "beta"


def test_unknown_steps_are_refused(engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey) -> None:
    with pytest.raises(ValueError, match="unknown step"):
        set_step(engine, tiny_bank, key, "gamma.one", base=None)


def test_the_screen_counts_the_question_on_it(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Levels, "don't know" and "not applicable" are counted apart; "x of y have answered"
    counts the people in the room."""
    ida, bo, anna, _ = people(engine, key, "Ida", "Bo", "Anna", "")
    answer(engine, tiny_bank, ida, "alpha.one", 2)
    answer(engine, tiny_bank, bo, "alpha.one", 2)
    answer(engine, tiny_bank, anna, "alpha.one", "dont_know")
    set_step(engine, tiny_bank, key, "alpha.one", base=None)
    shown = screen(engine, tiny_bank, presenter_token(key))
    (question,) = shown.questions
    assert question.counts == Counts((0, 0, 2, 0, 0), dont_know=1, not_applicable=0)
    assert (question.counts.answered, shown.participants, shown.complete) == (3, 4, 3)
    assert (question.agreed, question.earlier) == (None, ())


def test_an_area_on_screen_counts_who_answered_all_of_it(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    ida, bo = people(engine, key, "Ida", "Bo")
    for qid in ("alpha.one", "alpha.two"):
        answer(engine, tiny_bank, ida, qid, 3)
    answer(engine, tiny_bank, bo, "alpha.one", 1)
    set_mode(engine, tiny_bank, key, "paced", "area", base=None)
    set_step(engine, tiny_bank, key, "alpha", base=None)
    shown = facilitator_screen(engine, tiny_bank, key)
    assert [q.question_id for q in shown.questions] == ["alpha.one", "alpha.two"]
    assert shown.complete == 1


def test_the_screen_shows_the_agreed_level_once_it_is_decided(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    set_step(engine, tiny_bank, key, "beta.one", base=None)
    assert facilitator_screen(engine, tiny_bank, key).questions[0].agreed is None
    set_choice(engine, key, tiny_bank, "beta.one", 3, base=None)
    assert facilitator_screen(engine, tiny_bank, key).questions[0].agreed == 3


def test_only_approved_notes_reach_the_screen_and_an_edited_note_waits_again(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """The facilitator sees every note; the screen only the approved wording, without names."""
    ida, bo = people(engine, key, "Ida", "Bo")
    answer(engine, tiny_bank, ida, "alpha.one", 1, "Ingen stedfortræder")
    answer(engine, tiny_bank, bo, "alpha.one", 3, "Kirsten Ødegård er ejer")
    set_step(engine, tiny_bank, key, "alpha.one", base=None)
    listed = notes_for(engine, key, ["alpha.one"])
    assert [(n.name, n.text, n.approved) for n in listed] == [
        ("Ida", "Ingen stedfortræder", False),
        ("Bo", "Kirsten Ødegård er ejer", False),
    ]
    assert screen(engine, tiny_bank, presenter_token(key)).questions[0].notes == ()

    first = listed[0]
    approve_note(engine, key, first.participant_id, "alpha.one", first.revision)
    assert screen(engine, tiny_bank, presenter_token(key)).questions[0].notes == (
        ("", "Ingen stedfortræder"),
    )
    set_note(engine, ParticipantLink(ida), tiny_bank, "alpha.one", "Ændret", base=None)
    assert screen(engine, tiny_bank, presenter_token(key)).questions[0].notes == ()
    assert not notes_for(engine, key, ["alpha.one"])[0].approved

    again = notes_for(engine, key, ["alpha.one"])[0]
    approve_note(engine, key, again.participant_id, "alpha.one", again.revision)
    withdraw_note(engine, key, again.participant_id, "alpha.one")
    assert screen(engine, tiny_bank, presenter_token(key)).questions[0].notes == ()


def test_names_reach_the_screen_only_when_the_facilitator_turns_them_on(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    (ida,) = people(engine, key, "Ida")
    answer(engine, tiny_bank, ida, "alpha.one", 2, "Vi mangler en politik")
    note = notes_for(engine, key, ["alpha.one"])[0]
    approve_note(engine, key, note.participant_id, "alpha.one", note.revision)
    set_step(engine, tiny_bank, key, "alpha.one", base=None)
    hidden = screen(engine, tiny_bank, presenter_token(key)).questions[0]
    assert (hidden.notes, hidden.voters) == ((("", "Vi mangler en politik"),), {})
    set_show_names(engine, key, True, base=None)
    named = screen(engine, tiny_bank, presenter_token(key)).questions[0]
    assert named.notes == (("Ida", "Vi mangler en politik"),)
    assert named.voters == {"2": ("Ida",)}


def test_notes_of_another_workshop_cannot_be_approved(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    other = create(engine, tiny_bank)
    (ida,) = people(engine, other, "Ida")
    answer(engine, tiny_bank, ida, "alpha.one", 2, "Hemmelig")
    stranger = notes_for(engine, other, ["alpha.one"])[0]
    with pytest.raises(AccessDenied):
        approve_note(engine, key, stranger.participant_id, "alpha.one", stranger.revision)
    assert notes_for(engine, key, ["alpha.one"]) == []


def test_a_revote_keeps_the_counts_and_asks_everyone_again(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """The counts before are kept; every choice on the question is taken back (notes stay); the
    room is paced on it with results hidden; the screen shows before and after."""
    tokens = people(engine, key, "Ida", "Bo", "Anna")
    for token, level in zip(tokens, (0, 4, 2), strict=True):
        answer(engine, tiny_bank, token, "alpha.one", level, "min grund")
    answer(engine, tiny_bank, tokens[0], "alpha.two", 3)
    start_revote(engine, tiny_bank, key, "alpha.one", base=None)

    room = facilitator_room(engine, key)
    assert (room.mode, room.pace, room.step, room.revealed) == (
        "paced",
        "question",
        "alpha.one",
        False,
    )
    mine = participant_view(engine, tokens[0]).response.answers
    assert (mine["alpha.one"].level, mine["alpha.one"].note, mine["alpha.two"].level) == (
        None,
        "min grund",
        3,
    )
    for token, level in zip(tokens[:2], (2, 2), strict=True):
        answer(engine, tiny_bank, token, "alpha.one", level)
    (question,) = facilitator_screen(engine, tiny_bank, key).questions
    assert question.earlier == (Counts((1, 0, 1, 0, 1)),)
    assert question.counts == Counts((0, 0, 2, 0, 0))


def test_a_page_still_showing_the_first_vote_cannot_store_it_again(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """A participant page drawn before the re-vote is refused, so an old vote is never stored
    again as if it were a new one."""
    (ida,) = people(engine, key, "Ida")
    door = ParticipantLink(ida)
    shown = set_choice(engine, door, tiny_bank, "alpha.one", 1, base=0)
    start_revote(engine, tiny_bank, key, "alpha.one", base=None)
    with pytest.raises(Conflict):
        set_choice(engine, door, tiny_bank, "alpha.one", 1, base=shown)
    assert participant_view(engine, ida).response.answers["alpha.one"].level is None


def test_the_presenter_link_opens_the_screen_and_nothing_else(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """The presenter token is not the facilitator's key, and the key is not a presenter link."""
    link = presenter_token(key)
    assert link != key.token and key.token not in link
    assert screen(engine, tiny_bank, link).workshop.join_code == key.join_code
    with pytest.raises(AccessDenied):
        facilitator_workshop(engine, FacilitatorKey(key.join_code, link))
    with pytest.raises(AccessDenied):
        screen(engine, tiny_bank, key.token)


def test_rotating_the_key_closes_the_old_key_and_presenter_link(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    fresh = rotate_key(engine, key)
    assert fresh.join_code == key.join_code and fresh.token != key.token
    with pytest.raises(AccessDenied):
        facilitator_workshop(engine, key)
    with pytest.raises(AccessDenied):
        screen(engine, tiny_bank, presenter_token(key))
    assert screen(engine, tiny_bank, presenter_token(fresh)).workshop.join_code == key.join_code


def test_a_workshop_from_before_presenter_links_gets_one_from_its_key(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Only the key can derive the link: the first time the facilitator opens the workshop."""
    with engine.begin() as conn:
        conn.execute(sa.update(workshops).values(presenter_token_hash=None))
    with pytest.raises(AccessDenied):
        screen(engine, tiny_bank, presenter_token(key))
    facilitator_workshop(engine, key)
    assert screen(engine, tiny_bank, presenter_token(key)).participants == 0


@pytest.mark.postgres
def test_a_replica_can_serve_a_room_of_forty_at_once(tmp_path: Path) -> None:
    """Forty pages running at once each get a PostgreSQL connection without queueing."""
    with backend_url("postgresql", tmp_path) as url:
        made = store.make_engine(url)
        try:
            assert made.pool.size() + made.pool._max_overflow >= 40  # type: ignore[attr-defined]
        finally:
            made.dispose()


@pytest.mark.parametrize(
    ("given", "disputed", "uncertain"),
    [
        ((0, 4, 1, 3, 2, 4), True, False),
        (("dont_know", 2, "dont_know", 3, 1, "dont_know"), True, True),
        ((2, 2, 2, 3, 2, 2), False, False),
        ((1, 2, 1, 2, 1, 2), False, False),
        ((3, 3, 3, 3, 3, 0), False, False),
        ((0, 0, 4, 4) + (2,) * 36, False, False),  # 40 people: 2 at each end is no dispute
        ((0,) * 8 + (4,) * 8 + (2,) * 24, True, False),  # but a fifth at each end is
    ],
)
def test_the_disputed_rule_the_readme_states(
    given: tuple[object, ...], disputed: bool, uncertain: bool
) -> None:
    """The README's patterns from a 6-person room, and a 40-person room's, flagged as stated."""
    spread = question_spread("q", "d", [Answer(level=level) for level in given])  # type: ignore[arg-type]
    assert (spread.disputed, spread.uncertain) == (disputed, uncertain)
