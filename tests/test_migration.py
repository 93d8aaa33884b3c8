"""Answers files of an older bank version: ids moved by the bank's migration, and one line that
says what could not be carried over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assessment.answers import AnswersError, check_answers, load_answers
from assessment.cli import main
from assessment.migration import migrate_answers
from assessment.models import Answer, Bank, PlanEdit
from assessment.planning import plan, plannable_ids
from assessment.scoring import score
from tests.conftest import DATA, TINY_BANK_DIR, MakeResponse

V1_FILE = DATA / "answers-bank-1.0.0.json"
"""A file as the first release saved it: schema 1, bank 1.0.0, every question answered and an
edit on every one of its 150 actions."""


def test_ids_move_and_the_lost_are_named_in_one_line(tiny_bank: Bank, make_tiny: MakeResponse):
    """alpha.first is now alpha.one; alpha.gone was dropped: its answer and plan edit are not
    carried over, and one line in each language says which."""
    old = make_tiny(
        bank_version="0.0",
        answers={"alpha.first": Answer(level=2, note="x"), "alpha.gone": Answer(level=1)},
        plan_edits={"alpha.first.step0": PlanEdit(owner="Ib"), "alpha.gone.step0": PlanEdit()},
    )
    moved, (notice,) = migrate_answers(tiny_bank, old)
    assert moved.bank_version == "0.1"
    assert moved.answers == {"alpha.one": Answer(level=2, note="x")}
    assert moved.plan_edits == {"alpha.one.step0": PlanEdit(owner="Ib")}
    check_answers(tiny_bank, moved)
    assert notice.message("da") == (
        "Svarene er lavet med spørgsmålsbank 0.0 og er åbnet med version 0.1. Ikke alt kunne "
        "overføres, fordi spørgsmål er ændret eller handlinger slået sammen – se disse igen: "
        "alpha.gone, alpha.gone.step0."
    )
    assert notice.params["answers"] == 1 and notice.params["edits"] == 1
    assert "\n" not in notice.message("en") and "alpha.gone" in notice.message("en")


def test_same_version_or_other_bank_is_left_alone(tiny_bank: Bank, make_tiny: MakeResponse):
    """A file of this version, or of another bank, is not touched and gets no notice."""
    current = make_tiny({"alpha.one": 1})
    assert migrate_answers(tiny_bank, current) == (current, [])
    other = current.model_copy(update={"bank_id": "other", "bank_version": "0.0"})
    assert migrate_answers(tiny_bank, other) == (other, [])


def test_not_applicable_where_it_no_longer_may_be_is_lost(tiny_bank: Bank, make_tiny: MakeResponse):
    """A 'not applicable' on a question that now always applies is not carried over."""
    old = make_tiny(
        bank_version="0.0",
        answers={
            "alpha.first": Answer(level="not_applicable"),
            "beta.three": Answer(level="not_applicable"),
        },
    )
    moved, (notice,) = migrate_answers(tiny_bank, old)
    assert set(moved.answers) == {"beta.three"}
    assert "alpha.first" in notice.message("en")


def test_a_first_release_file_opens_in_bank_2(bank: Bank):
    """Every 1.0.0 answer and edit lands on a 2.0.0 id or is named: the split data-protection
    question, the re-laddered staff, listening and guidelines questions, and edits of merged
    actions. The result passes the same check as any file."""
    moved, (notice,) = migrate_answers(bank, load_answers(V1_FILE))
    check_answers(bank, moved)
    assert moved.bank_version == "2.0.0"
    assert len(moved.answers) == 30
    assert not set(moved.answers) & {"guidelines.data_protection", "inspiration.listening"}
    assert moved.answers["delegation.owner"].value == 0
    assert "guidelines.moderation" not in moved.answers  # at 3, which now asks for more
    message = notice.message("da")
    assert message.startswith(
        "Svarene er lavet med spørgsmålsbank 1.0.0 og er åbnet med version 2.0.0. Ikke alt"
    )
    assert notice.params["answers"] == 5
    assert "guidelines.staff_private" in message and "guidelines.moderation" in message


def _v1_with(answers: dict[str, Answer]):
    old = load_answers(V1_FILE)
    return old.model_copy(update={"answers": {**old.answers, **answers}, "plan_edits": {}})


def test_moderation_at_0_in_bank_1_is_no_red_flag_in_bank_2(bank: Bank):
    """Bank 1.0.0's moderation level 0 was "each editor's own judgement, no rules, nothing
    recorded"; bank 2.0.0's 0 is the red flag of deleting criticism. The old 0 is not carried
    over: the plan does not open with "Stop sletning af kritik …" as possibly unlawful, the note
    stays, and the one line names the question."""
    note = "Redaktørerne vurderer selv"
    moved, (notice,) = migrate_answers(
        bank, _v1_with({"guidelines.moderation": Answer(level=0, note=note)})
    )
    assert moved.answers["guidelines.moderation"] == Answer(note=note)
    assert "guidelines.moderation" in notice.message("da")
    result = plan(bank, score(bank, moved), moved)
    assert not any(p.red_flag for p in result.actions + result.backlog)
    assert "Stop sletning af kritik" not in result.actions[0].action.title.da


@pytest.mark.parametrize(
    ("qid", "level", "carried"),
    [
        ("guidelines.moderation", 0, False),  # now the red flag
        ("guidelines.moderation", 1, True),
        ("guidelines.moderation", 2, True),
        ("guidelines.moderation", 3, False),  # now also written notice of a block
        ("guidelines.moderation", 4, False),
        ("guidelines.house_rules", 2, True),
        ("guidelines.house_rules", 3, False),  # now also when and how long a block lasts
        ("delegation.training", 2, True),
        ("delegation.training", 3, False),  # now also the dated acknowledgement
        ("inspiration.usp", 3, False),  # now themes from what citizens said
        ("inspiration.usp", 4, True),
        ("crisis.plan", 3, True),  # reworded, same criterion
    ],
)
def test_a_level_whose_meaning_changed_is_not_carried_over(
    bank: Bank, qid: str, level: int, carried: bool
):
    """An old answer keeps its level only where bank 2.0.0's level of that number asks the
    same; otherwise the answer (without a note) is left out and named in the one line."""
    moved, (notice,) = migrate_answers(bank, _v1_with({qid: Answer(level=level)}))
    assert (moved.answers.get(qid) == Answer(level=level)) is carried
    assert (qid in notice.message("en")) is not carried


def test_the_command_line_migrates_and_says_so_on_stderr(capsys):
    """`score` on a first-release file works and prints the notice as one line on stderr."""
    code = main(["score", str(V1_FILE), "--json"])
    out, err = capsys.readouterr()
    assert code == 0
    assert json.loads(out)["bank_id"] == "dk-kommune-somemodenhed"
    assert err.count("\n") == 1 and err.startswith("Svarene er lavet med spørgsmålsbank 1.0.0")


def test_not_applicable_is_refused_where_the_bank_does_not_allow_it(
    tiny_bank: Bank, make_tiny: MakeResponse
):
    """Only a question that says when it may not apply can be answered 'not applicable'."""
    check_answers(tiny_bank, make_tiny({"beta.three": "not_applicable"}))
    with pytest.raises(AnswersError) as exc:
        check_answers(tiny_bank, make_tiny({"alpha.one": "not_applicable"}))
    assert exc.value.message("da") == (
        "Svarfilen svarer »ikke relevant« på spørgsmål, der altid er relevante: alpha.one."
    )


def test_plan_edits_of_find_out_steps_are_accepted(tiny_bank: Bank, make_tiny: MakeResponse):
    """The planner's find-out steps can be given an owner and a deadline like any action; an
    id that is neither a bank action nor a question's find-out step is refused."""
    assert "alpha.one.find-out" in plannable_ids(tiny_bank)
    check_answers(tiny_bank, make_tiny(plan_edits={"alpha.one.find-out": PlanEdit(owner="Ib")}))
    with pytest.raises(AnswersError, match=r"alpha\.nine\.find-out"):
        check_answers(tiny_bank, make_tiny(plan_edits={"alpha.nine.find-out": PlanEdit()}))


def test_the_tiny_bank_migration_is_data(tiny_bank: Bank):
    """The migration is a file in the bank, validated with it."""
    assert (Path(TINY_BANK_DIR) / "migrations" / "from-0.0.yaml").is_file()
    assert [m.from_version for m in tiny_bank.migrations] == ["0.0"]
