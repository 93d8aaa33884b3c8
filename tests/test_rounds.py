"""Rounds over time: the next round starts from the last one (answers carried over until
confirmed, targets, the plan's status), every round knows the ones before it, and progress
between two rounds is computed as the README says; the PDF gets a progress page."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from assessment.i18n import t
from assessment.models import Answer, Bank, Municipality, PlanEdit, Respondent, Response
from assessment.progress import RoundInput, progress
from assessment.records import (
    AccessDenied,
    PrivateLink,
    create_solo,
    load,
    set_choice,
    set_note,
    set_plan_edit,
    set_target,
)
from assessment.report import report_for
from assessment.store.schema import assessments
from assessment.workspace.clients import create_owned, workspace
from assessment.workspace.doors import Member, ReadOnly
from assessment.workspace.identity import User
from assessment.workspace.rounds import (
    NotLatest,
    as_current,
    history,
    is_latest,
    progress_of,
    start_next_round,
)
from assessment.workspace.sharing import grants_of, share
from tests.conftest import NOW, MakeResponse

AARHUS = Municipality(code=751, name="Aarhus")
ANN, BO = User("ann@konsulent.dk"), User("bo@kommune.dk")


def first_round(engine: sa.Engine, bank: Bank) -> int:
    """Aarhus's first round: two levels, a "don't know" with a note, a target, a plan."""
    made = create_owned(engine, bank, AARHUS, ANN, respondent=Respondent(name="Ann"))
    door = Member(ANN, made)
    set_choice(engine, door, bank, "alpha.one", 1, base=None)
    set_choice(engine, door, bank, "alpha.two", 2, base=None)
    set_choice(engine, door, bank, "beta.one", "dont_know", base=None)
    set_note(engine, door, bank, "beta.one", "Spørg HR", base=None)
    set_target(engine, door, bank, "alpha", 3.5, base=None)
    done = PlanEdit(owner="Mette", status="done")
    set_plan_edit(engine, door, bank, "alpha.one.step1", done, base=None)
    set_plan_edit(engine, door, bank, "alpha.two.step2", PlanEdit(status="doing"), base=None)
    return made


# ---------------------------------------------------------------- the next round


def test_the_next_round_starts_from_the_last_with_answers_marked_as_carried(
    engine: sa.Engine, tiny_bank: Bank
):
    """Answers and notes, targets, the plan's status and who answered come along; every chosen
    answer is marked as not yet confirmed; each action remembers the status it came with; the
    round points back and belongs to the same client."""
    made = first_round(engine, tiny_bank)
    share(engine, ANN, made, BO.email, "viewer")
    nxt = start_next_round(engine, Member(ANN, made), tiny_bank)
    assert nxt.token is None
    old, new = load(engine, Member(ANN, made)), load(engine, Member(ANN, nxt.id))
    assert new.response.answers == old.response.answers
    assert new.response.answers["beta.one"] == Answer(level="dont_know", note="Spørg HR")
    assert new.response.targets == {"alpha": 3.5}
    assert new.response.plan_edits == old.response.plan_edits
    assert new.response.respondent.name == "Ann"
    assert new.round.carried == {"alpha.one", "alpha.two", "beta.one"}
    assert dict(new.round.carried_status) == {"alpha.one.step1": "done", "alpha.two.step2": "doing"}
    assert (new.round.previous_id, new.round.client_id) == (made, old.round.client_id)
    assert old.round.carried == frozenset()
    assert [(g.email, g.role) for g in grants_of(engine, ANN, nxt.id)] == [(BO.email, "viewer")]
    listed = workspace(engine, ANN).clients[0].assessments
    assert [(x.record.id, x.round_number) for x in listed] == [(made, 1), (nxt.id, 2)]


def test_choosing_or_confirming_clears_the_mark_of_that_question_only(
    engine: sa.Engine, tiny_bank: Bank
):
    """Confirming is storing the same choice again (one click); choosing another level also
    confirms; a note does not; the other questions stay marked."""
    made = first_round(engine, tiny_bank)
    door = Member(ANN, start_next_round(engine, Member(ANN, made), tiny_bank).id)
    set_choice(engine, door, tiny_bank, "alpha.one", 1, base=1)  # confirm as it was
    set_choice(engine, door, tiny_bank, "alpha.two", 3, base=2)  # changed
    set_note(engine, door, tiny_bank, "beta.one", "HR svarer i maj", base=3)
    record = load(engine, door)
    assert record.round.carried == {"beta.one"}
    assert record.response.answers["alpha.one"].level == 1


def test_a_viewer_cannot_start_a_round_and_a_private_link_gets_its_own(
    engine: sa.Engine, tiny_bank: Bank
):
    """Starting a round writes, so a viewer is refused; a round started from a private link
    has a new link of its own, and the old link still opens the old round."""
    made = first_round(engine, tiny_bank)
    share(engine, ANN, made, BO.email, "viewer")
    with pytest.raises(ReadOnly):
        start_next_round(engine, Member(BO, made), tiny_bank)
    token = create_solo(engine, tiny_bank, AARHUS)
    set_choice(engine, PrivateLink(token), tiny_bank, "alpha.one", 4, base=None)
    nxt = start_next_round(engine, PrivateLink(token), tiny_bank, private_link=True)
    assert nxt.token is not None and nxt.token != token
    assert load(engine, PrivateLink(nxt.token)).round.carried == {"alpha.one"}
    assert load(engine, PrivateLink(token)).round.previous_id is None
    with pytest.raises(AccessDenied):
        start_next_round(engine, PrivateLink("made-up"), tiny_bank)


def test_a_round_shows_the_rounds_before_it_and_not_after(engine: sa.Engine, tiny_bank: Bank):
    """History runs back from the round a door opens, oldest first; opening round 2 shows
    rounds 1 and 2, opening round 1 shows round 1 alone."""
    one = first_round(engine, tiny_bank)
    two = start_next_round(engine, Member(ANN, one), tiny_bank).id
    three = start_next_round(engine, Member(ANN, two), tiny_bank).id
    assert [r.id for r in history(engine, Member(ANN, three))] == [one, two, three]
    assert [r.id for r in history(engine, Member(ANN, two))] == [one, two]
    assert [r.id for r in history(engine, Member(ANN, one))] == [one]
    with pytest.raises(AccessDenied):
        history(engine, Member(BO, three))


def test_a_next_round_is_started_once_from_a_round_and_only_from_the_latest(
    engine: sa.Engine, tiny_bank: Bank
):
    """Starting again from round 1 once round 2 exists is refused with one line in each
    language, also through round 1's private link; the workspace lists rounds 1, 2 and 3, not
    two rounds 2."""
    one = first_round(engine, tiny_bank)
    two = start_next_round(engine, Member(ANN, one), tiny_bank).id
    with pytest.raises(NotLatest) as refused:
        start_next_round(engine, Member(ANN, one), tiny_bank)
    assert t(refused.value.key, "da") == (
        "Der er allerede startet en ny runde fra denne; åbn den nyeste."
    )
    assert t(refused.value.key, "en") == (
        "A new round has already been started from this one; open the latest."
    )
    assert (is_latest(engine, Member(ANN, one)), is_latest(engine, Member(ANN, two))) == (
        False,
        True,
    )
    three = start_next_round(engine, Member(ANN, two), tiny_bank).id
    listed = workspace(engine, ANN).clients[0].assessments
    assert [(x.record.id, x.round_number) for x in listed] == [(one, 1), (two, 2), (three, 3)]
    token = create_solo(engine, tiny_bank, AARHUS)
    start_next_round(engine, PrivateLink(token), tiny_bank, private_link=True)
    with pytest.raises(NotLatest):
        start_next_round(engine, PrivateLink(token), tiny_bank, private_link=True)
    with engine.connect() as conn:
        starts = conn.scalar(
            sa.select(sa.func.count()).where(assessments.c.previous_id.is_not(None))
        )
    assert starts == 3


def test_an_action_reopened_in_this_round_is_not_done_since_the_last(
    engine: sa.Engine, tiny_bank: Bank
):
    """Round 1 had step1 done; round 2 set it back to "todo": this round's own status wins, so
    it is not listed as done. step2 came into round 2 as "doing" and was marked done in round
    1 afterwards: done. beta.one.step0, new in round 2 and done there: done."""
    one = first_round(engine, tiny_bank)
    two = Member(ANN, start_next_round(engine, Member(ANN, one), tiny_bank).id)
    reopened = PlanEdit(owner="Mette", status="todo")
    set_plan_edit(engine, two, tiny_bank, "alpha.one.step1", reopened, base=None)
    done = PlanEdit(status="done")
    set_plan_edit(engine, Member(ANN, one), tiny_bank, "alpha.two.step2", done, base=None)
    set_plan_edit(engine, two, tiny_bank, "beta.one.step0", done, base=None)
    found = progress_of(tiny_bank, history(engine, two))
    assert found is not None
    assert found.done == ["alpha.two.step2", "beta.one.step0"]


def test_an_action_done_before_and_reopened_now_is_not_done(
    tiny_bank: Bank, make_tiny: MakeResponse
):
    """The auditor's case: done in round 1, carried into round 2 as done, set back to "todo"
    in round 2: nothing is done since the last round."""
    before = make_tiny(plan_edits={"alpha.one.step0": PlanEdit(status="done")})
    now = make_tiny(
        created_at=NOW + dt.timedelta(days=365),
        plan_edits={"alpha.one.step0": PlanEdit(status="todo")},
    )
    found = progress(
        tiny_bank,
        [RoundInput(before), RoundInput(now, carried_status={"alpha.one.step0": "done"})],
    )
    assert found is not None and found.done == []


def test_a_round_of_an_older_bank_comes_through_the_banks_migration(
    tiny_bank: Bank, make_tiny: MakeResponse
):
    """An answer stored under a question id the bank has since renamed is read under the new
    id; what the bank no longer knows is left out."""
    migration = tiny_bank.migrations[0]
    old_id, new_id = next((k, v) for k, v in migration.questions.items() if v)
    old = make_tiny(
        bank_version=migration.from_version,
        answers={old_id: Answer(level=2), "gone.question": Answer(level=1)},
        targets={"alpha": 3.0, "gone": 2.0},
    )
    moved = as_current(tiny_bank, old)
    assert moved.bank_version == tiny_bank.version
    assert moved.answers == {new_id: Answer(level=2)}
    assert moved.targets == {"alpha": 3.0}


# ---------------------------------------------------------------- progress


def rounds(make_tiny: MakeResponse) -> tuple[Response, Response]:
    before = make_tiny(
        {"alpha.one": 1, "alpha.two": 1, "beta.one": 3, "beta.two": 2, "beta.three": 2},
        plan_edits={
            "alpha.one.step0": PlanEdit(status="done"),  # came in as done: not new
            "alpha.one.step1": PlanEdit(status="done"),  # done during the last round
            "alpha.two.step1": PlanEdit(status="doing"),
        },
    )
    now = make_tiny(
        {"alpha.one": 3, "alpha.two": 1, "beta.one": 1, "beta.two": 3, "beta.three": None},
        created_at=NOW + dt.timedelta(days=365),
        plan_edits={
            "alpha.one.step0": PlanEdit(status="done"),
            "alpha.one.step1": PlanEdit(status="done"),
            "alpha.two.step1": PlanEdit(status="done"),  # done in this round
            "beta.one.step0": PlanEdit(status="todo"),
        },
    )
    return before, now


def test_progress_states_the_change_per_area_and_question_as_promised(
    tiny_bank: Bank, make_tiny: MakeResponse
):
    """Literal values: alpha 1 → 1.67 (weights 1 and 2), beta 2.4 → 2 (weight 0.5 on
    beta.three, whose "don't know" is then left out); the most improved is alpha.one (+2) then
    beta.two (+1), the most fallen beta.one (−2); "don't know" has no change; done since the
    last round began are the two actions not carried into it as done."""
    before, now = rounds(make_tiny)
    found = progress(
        tiny_bank,
        [
            RoundInput(before, carried_status={"alpha.one.step0": "done"}),
            RoundInput(now, carried=frozenset({"alpha.two"})),
        ],
    )
    assert found is not None
    areas = {c.id: (c.before, c.after, c.delta) for c in found.areas}
    assert areas == {"alpha": (1.0, 1.67, 0.67), "beta": (2.4, 2.0, -0.4)}
    assert [q.question_id for q in found.improved] == ["alpha.one", "beta.two"]
    assert [q.question_id for q in found.fallen] == ["beta.one"]
    three = next(q for q in found.questions if q.question_id == "beta.three")
    assert (three.before, three.after, three.delta) == (2, "dont_know", None)
    assert next(q for q in found.questions if q.question_id == "alpha.two").carried
    assert found.done == ["alpha.one.step1", "alpha.two.step1"]
    assert found.unconfirmed == 1
    assert [r.day for r in found.rounds] == [NOW.date(), (NOW + dt.timedelta(days=365)).date()]


def test_a_first_round_has_no_progress(tiny_bank: Bank, make_tiny: MakeResponse):
    assert progress(tiny_bank, [RoundInput(make_tiny({"alpha.one": 1}))]) is None


def test_the_pdf_of_a_later_round_has_a_progress_page(tiny_bank: Bank, make_tiny: MakeResponse):
    """The page is in the outline and says, in the reader's text, the rounds' dates, each
    area's change, what moved most and what was done; a first round's PDF has no such page."""
    before, now = rounds(make_tiny)
    found = progress(tiny_bank, [RoundInput(before), RoundInput(now)])
    generated = dt.datetime(2027, 11, 24, 12, tzinfo=dt.UTC)
    pdf = PdfReader(
        io.BytesIO(report_for(tiny_bank, now, "da", generated=generated, progress=found))
    )
    titles = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert "Udvikling siden sidste runde" in titles
    page = next(
        p.extract_text() for p in pdf.pages if "Udvikling siden sidste runde" in p.extract_text()
    )
    assert "Runde 2 (24. november 2027) sammenlignet med runden før (24. november 2026)" in page
    assert "+0,7" in page and "-0,4" in page
    assert "Niveau 1 → 3" in page and "Niveau 3 → 1" in page
    assert "Gennemført siden sidste runde (3)" in page
    plain = PdfReader(io.BytesIO(report_for(tiny_bank, now, "da", generated=generated)))
    assert all("Udvikling siden" not in p.extract_text() for p in plain.pages)
