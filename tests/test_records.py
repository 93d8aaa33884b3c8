"""Stored assessments: every change written at once, versioned, and never silently overwritten."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from assessment.answers import new_response
from assessment.models import Answer, Bank, Municipality, PlanEdit, Profile, Respondent
from assessment.records import (
    AccessDenied,
    Conflict,
    FacilitatorKey,
    ParticipantLink,
    PrivateLink,
    TooLong,
    WorkshopClosed,
    create_solo,
    import_response,
    load,
    set_choice,
    set_note,
    set_plan_edit,
    set_profile,
    set_respondent,
    set_target,
)
from assessment.store.schema import assessments
from assessment.workshop.consensus import close_workshop
from assessment.workshop.rooms import create_workshop, join_workshop

AARHUS = Municipality(code=751, name="Aarhus")


@pytest.fixture
def door(engine: sa.Engine, tiny_bank: Bank) -> PrivateLink:
    return PrivateLink(create_solo(engine, tiny_bank, AARHUS, respondent=Respondent(name="Ida")))


def test_a_new_assessment_opens_empty_by_its_private_link_only(
    engine: sa.Engine, tiny_bank: Bank, door: PrivateLink
) -> None:
    """The link opens the assessment; a guessed or altered link opens nothing."""
    record = load(engine, door)
    assert record.revision == 0
    assert record.response.municipality == AARHUS
    assert record.response.respondent.name == "Ida"
    assert record.response.answers == {}
    for wrong in ("", door.token[:-1], door.token + "x", "x" * 43):
        with pytest.raises(AccessDenied):
            load(engine, PrivateLink(wrong))


def test_the_token_is_stored_only_as_a_hash(engine: sa.Engine, door: PrivateLink) -> None:
    """A copy of the database lets nobody in: the token itself is nowhere in it."""
    with engine.connect() as conn:
        hashes = conn.execute(sa.select(assessments.c.token_hash)).scalars().all()
    assert len(door.token) >= 43
    assert door.token not in hashes and all(len(h) == 64 for h in hashes)
    assert door.token not in repr(door)


def test_each_change_is_stored_at_once_and_raises_the_revision(
    engine: sa.Engine, tiny_bank: Bank, door: PrivateLink
) -> None:
    """A choice, a note, a target, a plan edit and the profile each count one revision."""
    assert set_choice(engine, door, tiny_bank, "alpha.one", 2, base=0) == 1
    assert set_note(engine, door, tiny_bank, "alpha.one", "Ejer på skrift", base=1) == 2
    assert set_target(engine, door, tiny_bank, "alpha", 3.5, base=2) == 3
    edit = PlanEdit(owner="Mette", deadline=dt.date(2027, 2, 1), status="doing")
    assert set_plan_edit(engine, door, tiny_bank, "alpha.one.step0", edit, base=3) == 4
    assert set_profile(engine, door, tiny_bank, Profile(hours_per_week=6), base=4) == 5
    record = load(engine, door)
    assert record.revision == 5
    assert record.response.answers["alpha.one"] == Answer(level=2, note="Ejer på skrift")
    assert record.response.targets == {"alpha": 3.5}
    assert record.response.plan_edits["alpha.one.step0"] == edit
    assert record.response.profile.hours_per_week == 6
    assert (record.revs.levels["alpha.one"], record.revs.notes["alpha.one"]) == (1, 2)
    assert (record.revs.targets["alpha"], record.revs.plan["alpha.one.step0"]) == (3, 4)


def test_a_note_is_kept_before_any_choice_and_after_it(
    engine: sa.Engine, tiny_bank: Bank, door: PrivateLink
) -> None:
    """A note typed before choosing a level is stored, and choosing later keeps it."""
    set_note(engine, door, tiny_bank, "beta.one", "Spørg HR", base=0)
    answer = load(engine, door).response.answers["beta.one"]
    assert (answer.chosen, answer.note) == (False, "Spørg HR")
    set_choice(engine, door, tiny_bank, "beta.one", "dont_know", base=1)
    answer = load(engine, door).response.answers["beta.one"]
    assert answer.dont_know and answer.note == "Spørg HR"
    set_choice(engine, door, tiny_bank, "beta.one", None, base=2)  # the choice taken back
    answer = load(engine, door).response.answers["beta.one"]
    assert (answer.chosen, answer.note) == (False, "Spørg HR")


def test_a_stale_window_cannot_overwrite_what_another_saved(
    engine: sa.Engine, tiny_bank: Bank, door: PrivateLink
) -> None:
    """Window B still shows revision 0 when window A saves: B's write of the same value is
    refused and nothing changes, not even the revision."""
    set_choice(engine, door, tiny_bank, "alpha.one", 3, base=0)  # window A
    with pytest.raises(Conflict):
        set_choice(engine, door, tiny_bank, "alpha.one", 1, base=0)  # window B
    record = load(engine, door)
    assert (record.response.answers["alpha.one"].level, record.revision) == (3, 1)
    set_target(engine, door, tiny_bank, "alpha", 2.0, base=1)
    with pytest.raises(Conflict):
        set_target(engine, door, tiny_bank, "alpha", 4.0, base=1)
    set_plan_edit(engine, door, tiny_bank, "alpha.one.step0", PlanEdit(owner="A"), base=2)
    with pytest.raises(Conflict):
        set_plan_edit(engine, door, tiny_bank, "alpha.one.step0", PlanEdit(owner="B"), base=2)
    set_profile(engine, door, tiny_bank, Profile(hours_per_week=4), base=3)
    with pytest.raises(Conflict):
        set_profile(engine, door, tiny_bank, Profile(hours_per_week=40), base=3)
    set_respondent(engine, door, tiny_bank, Respondent(name="Ida", role="Chef"), base=4)
    with pytest.raises(Conflict):
        set_respondent(engine, door, tiny_bank, Respondent(name="Bo"), base=4)
    record = load(engine, door)
    assert record.response.targets == {"alpha": 2.0}
    assert record.response.plan_edits["alpha.one.step0"].owner == "A"
    assert record.response.profile.hours_per_week == 4
    assert record.response.respondent == Respondent(name="Ida", role="Chef")


def test_a_stale_window_may_change_what_nobody_else_changed(
    engine: sa.Engine, tiny_bank: Bank, door: PrivateLink
) -> None:
    """Only the value saved elsewhere is protected: an older page may still answer another
    question, or write the note of a question whose level was changed elsewhere."""
    set_choice(engine, door, tiny_bank, "alpha.one", 3, base=0)
    set_choice(engine, door, tiny_bank, "alpha.two", 1, base=0)
    set_note(engine, door, tiny_bank, "alpha.one", "note fra B", base=0)
    answers = load(engine, door).response.answers
    assert answers["alpha.one"] == Answer(level=3, note="note fra B")
    assert answers["alpha.two"].level == 1


def test_bad_values_are_refused_before_anything_is_stored(
    engine: sa.Engine, tiny_bank: Bank, door: PrivateLink
) -> None:
    """Unknown ids, levels outside the scale and overlong notes are refused; nothing changes."""
    for call in (
        lambda: set_choice(engine, door, tiny_bank, "alpha.nine", 1, base=None),
        lambda: set_choice(engine, door, tiny_bank, "alpha.one", 5, base=None),
        lambda: set_choice(engine, door, tiny_bank, "alpha.one", "3", base=None),  # type: ignore[arg-type]
        lambda: set_target(engine, door, tiny_bank, "alpha", 4.5, base=None),
        lambda: set_target(engine, door, tiny_bank, "gamma", 2.0, base=None),
        lambda: set_plan_edit(engine, door, tiny_bank, "nope", PlanEdit(), base=None),
    ):
        with pytest.raises(ValueError):  # noqa: PT011 - each names its own problem
            call()
    with pytest.raises(TooLong) as refused:
        set_note(engine, door, tiny_bank, "alpha.one", "x" * 2001, base=None)
    assert refused.value.params == {"limit": 2000}
    assert load(engine, door).revision == 0


def test_notes_keep_line_breaks_and_markup_but_lose_control_characters(
    engine: sa.Engine, tiny_bank: Bank, door: PrivateLink
) -> None:
    """A note is plain text: Markdown and HTML stay as typed, NUL and escapes go."""
    set_note(engine, door, tiny_bank, "alpha.one", "**fed** <b>x</b>\r\nlinje 2\x00\x1b", base=None)
    assert load(engine, door).response.answers["alpha.one"].note == "**fed** <b>x</b>\nlinje 2"


def test_an_uploaded_file_becomes_a_new_assessment_with_everything_in_it(
    engine: sa.Engine, tiny_bank: Bank
) -> None:
    """Import stores every answer, note, target, plan edit and the profile under a new link."""
    response = new_response(
        tiny_bank,
        AARHUS,
        now=dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
        respondent=Respondent(name="Åse", role="Chef"),
    ).model_copy(
        update={
            "answers": {
                "alpha.one": Answer(level=2, note="«citat» – 😀"),
                "beta.one": Answer(level="dont_know"),
                "beta.two": Answer(note="kun en note"),
            },
            "targets": {"alpha": 3.5},
            "plan_edits": {"alpha.one.step0": PlanEdit(owner="Bo", dropped=True)},
            "profile": Profile(hours_per_week=10, platforms=["Facebook"], recent_incident=True),
        }
    )
    record = load(engine, PrivateLink(import_response(engine, tiny_bank, response)))
    stored = record.response
    assert stored.answers == response.answers
    assert stored.targets == response.targets
    assert stored.plan_edits == response.plan_edits
    assert stored.profile == response.profile
    assert stored.respondent == response.respondent
    assert stored.created_at == response.created_at


def test_a_participant_writes_only_while_the_room_is_open(
    engine: sa.Engine, tiny_bank: Bank
) -> None:
    """After the facilitator closes the room a participant's write is refused as closed, and
    the room's agreed answers can still be recorded with the facilitator's key."""
    key = create_workshop(
        engine, title="Dag", municipality=AARHUS, date=dt.date(2026, 12, 1), language="da",
        bank=tiny_bank,
    )  # fmt: skip
    person = ParticipantLink(join_workshop(engine, key.join_code, "Ida"))
    set_choice(engine, person, tiny_bank, "alpha.one", 2, base=None)
    close_workshop(engine, key)
    with pytest.raises(WorkshopClosed):
        set_choice(engine, person, tiny_bank, "alpha.one", 3, base=None)
    with pytest.raises(WorkshopClosed):
        set_note(engine, person, tiny_bank, "alpha.one", "for sent", base=None)
    assert load(engine, person).response.answers["alpha.one"].level == 2
    set_choice(engine, key, tiny_bank, "alpha.one", 2, base=None)
    assert load(engine, key).response.answers["alpha.one"].level == 2
    with pytest.raises(AccessDenied):
        set_choice(engine, FacilitatorKey(key.join_code, "wrong"), tiny_bank, "alpha.one", 1,
                   base=None)  # fmt: skip
    with pytest.raises(AccessDenied):
        set_choice(engine, ParticipantLink("nobody"), tiny_bank, "alpha.one", 1, base=None)


def test_links_of_one_kind_do_not_open_another(engine: sa.Engine, tiny_bank: Bank) -> None:
    """A participant's token is not a private link, and a private link is not a participant's."""
    key = create_workshop(
        engine, title="Dag", municipality=AARHUS, date=dt.date(2026, 12, 1), language="da",
        bank=tiny_bank,
    )  # fmt: skip
    person = join_workshop(engine, key.join_code)
    solo = create_solo(engine, tiny_bank, AARHUS)
    with pytest.raises(AccessDenied):
        load(engine, PrivateLink(person))
    with pytest.raises(AccessDenied):
        load(engine, ParticipantLink(solo))
    with pytest.raises(AccessDenied):
        load(engine, FacilitatorKey(key.join_code, person))
