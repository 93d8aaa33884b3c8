"""Planning: next steps only, the priority formula, what ranks first whatever the arithmetic,
prerequisites, owners from the municipality's roles, and reasons that name the question.

Rule tests assert the literal values the README's "How the numbers are made" states, on tiny
banks where the rule changes the answer; they never recompute a value from the constant.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.models import Bank, Profile, Response
from assessment.planning import plan
from assessment.scoring import score
from tests.conftest import MakeResponse, Variant, make_for

BIG = Profile(hours_per_week=400)
"""Enough hours that capacity never decides: these tests are about rank, not room."""


def _plan(bank: Bank, response: Response):
    return plan(bank, score(bank, response), response)


def _ids(result) -> list[str]:
    return [p.action.id for p in result.actions]


def test_only_the_next_step_for_each_question_is_planned(tiny_bank: Bank, make_tiny: MakeResponse):
    """A question at level 1 gets its 1→2 action, not the steps before or after it."""
    result = _plan(tiny_bank, make_tiny({"beta.one": 1}, profile=BIG))
    assert _ids(result) == ["beta.one.step1"]
    assert result.actions[0].current_level == 1


def test_no_actions_for_questions_at_target_or_unknown(tiny_bank: Bank, make_tiny: MakeResponse):
    """At or above the target, at 4, or not applicable: nothing to do."""
    response = make_tiny(
        {"beta.one": 3, "beta.two": 4, "beta.three": "not_applicable"}, targets={"beta": 3}
    )
    assert _plan(tiny_bank, response).actions == []


@pytest.mark.parametrize(
    ("target", "planned"),
    [(3.4, []), (3.45, []), (3.46, ["beta.one.step3"]), (3.5, ["beta.one.step3"])],
)
def test_a_step_needs_the_target_half_a_level_above(
    tiny_bank: Bank, make_tiny: MakeResponse, target: float, planned: list[str]
):
    """README: a question gets its next step only when the target, as shown with one decimal,
    is at least half a level above it; a target of 3.4 (or 3.45, shown 3,4) over a question at
    3 plans nothing, 3.5 (or 3.46, shown 3,5) does."""
    response = make_tiny({"beta.one": 3}, targets={"beta": target}, profile=BIG)
    result = _plan(tiny_bank, response)
    assert _ids(result) == planned
    assert all(p.priority > 0 for p in result.actions)


def test_priority_formula_and_critical_boost(tiny_bank: Bank, make_tiny: MakeResponse):
    """README: priority = gap × question weight × dimension weight × impact ÷ effort cost,
    × 1.5 for a core requirement below 2. alpha.one (critical) and beta.one stand at 1 with
    the same medium, impact-2 step: 2 × 1 × 1 × 2 ÷ 2 = 2.0, and 3.0 with the boost."""
    result = _plan(tiny_bank, make_tiny({"alpha.one": 1, "beta.one": 1}, profile=BIG))
    priority = {p.action.id: p.priority for p in result.actions}
    assert priority == {"alpha.one.step1": 3.0, "beta.one.step1": 2.0}
    assert _ids(result) == ["alpha.one.step1", "beta.one.step1"]


def test_critical_boost_stops_at_level_two(tiny_bank: Bank, make_tiny: MakeResponse):
    """At level 2 alpha.one is no longer below the floor: its high, impact-2 step gets
    1 × 1 × 1 × 2 ÷ 3 = 0.667, no boost."""
    (only,) = _plan(tiny_bank, make_tiny({"alpha.one": 2}, profile=BIG)).actions
    assert only.priority == 0.667


def test_dimension_weight_multiplies_priority(tiny_variant: Variant):
    """README: the dimension's weight is a factor. With beta weighing 2, beta.one's 1→2 step
    gets 2 × 1 × 2 × 2 ÷ 2 = 4.0."""
    bank = tiny_variant("beta.yaml", lambda d: d.update(weight=2.0))
    (only,) = _plan(bank, make_for(bank, {"beta.one": 1}, profile=BIG)).actions
    assert only.priority == 4.0


def test_prerequisite_is_pulled_forward_past_a_stronger_action(
    tiny_bank: Bank, make_tiny: MakeResponse
):
    """README: an action others build on is pulled forward and ranked before them. On its own
    alpha.one's first step (2 × 3 × 1.5 = 9) ranks below beta.one's (3.5 × 3 = 10.5); alpha.two's
    first step (2 × 2 × 3 = 12) builds on it and lifts it to 12, so it comes first."""
    response = make_tiny(
        {"alpha.one": 0, "alpha.two": 0, "beta.one": 0},
        targets={"alpha": 2, "beta": 3.5},
        profile=BIG,
    )
    result = _plan(tiny_bank, response)
    assert _ids(result) == ["alpha.one.step0", "alpha.two.step0", "beta.one.step0"]
    first, second = result.actions[0], result.actions[1]
    assert (first.priority, second.priority) == (9.0, 12.0)
    assert "Rykket frem, fordi »Løft alpha.two fra 0« bygger på den." in first.reason.da
    assert second.after == ["alpha.one.step0"]


def test_prerequisite_already_reached_is_not_waited_for(tiny_bank: Bank, make_tiny: MakeResponse):
    """alpha.one at 2 means its 0→1 step is done: alpha.two's first step has no wait."""
    result = _plan(tiny_bank, make_tiny({"alpha.one": 2, "alpha.two": 0}, profile=BIG))
    dependent = next(p for p in result.actions if p.action.id == "alpha.two.step0")
    assert dependent.after == []
    assert "Bygger på" not in dependent.reason.da


def test_unanswered_prerequisite_waits_in_the_last_period(tiny_bank: Bank, make_tiny: MakeResponse):
    """alpha.one unanswered: alpha.two's first step says what it builds on and is in 6–12
    months, and the reason speaks of the period, never of a place in the list."""
    result = _plan(tiny_bank, make_tiny({"alpha.two": 0}, profile=BIG))
    (only,) = result.actions
    assert only.horizon == "6-12"
    assert "Bygger på »Løft alpha.one fra 0«" in only.reason.da
    assert "sidst" not in only.reason.da and "last" not in only.reason.en


def test_dont_know_becomes_a_find_out_step_that_others_wait_for(
    tiny_bank: Bank, make_tiny: MakeResponse
):
    """A "don't know" gives a find-out step, ranked as if the question stood at 0 (3 × 1 × 2
    × 1.5 for the critical alpha.one = 9.0); what builds on that question comes after it in the
    plan, not pushed to the last period."""
    result = _plan(tiny_bank, make_tiny({"alpha.one": None, "alpha.two": 0}, profile=BIG))
    find_out, dependent = result.actions
    assert find_out.action.id == "alpha.one.find-out"
    assert find_out.kind == "find_out"
    assert find_out.priority == 9.0
    assert (find_out.hours, find_out.horizon) == (2.0, "0-3")
    assert find_out.action.title.da == "Find ud af, hvor I står: Ejer (alpha.one)"
    assert dependent.after == ["alpha.one.find-out"]
    assert dependent.horizon == "0-3"


@pytest.mark.parametrize(("target", "priority"), [(2.0, 6.0), (4.0, 12.0)])
def test_a_find_out_step_is_ranked_as_if_the_question_stood_at_0(
    tiny_bank: Bank, make_tiny: MakeResponse, target: float, priority: float
):
    """README: a "don't know" becomes a find-out step (low effort, impact 2) ranked as if the
    question stood at 0, so its gap is the area's target. For the critical alpha.one:
    target × 1 × 1 × 2 ÷ 1 × 1.5, which is 6.0 at target 2 and 12.0 at target 4."""
    response = make_tiny({"alpha.one": None}, targets={"alpha": target}, profile=BIG)
    (only,) = _plan(tiny_bank, response).actions
    assert (only.action.id, only.priority) == ("alpha.one.find-out", priority)
    assert (only.action.effort.value, only.action.impact) == ("low", 2)


def test_red_flag_ranks_first_whatever_the_arithmetic(tiny_bank: Bank, make_tiny: MakeResponse):
    """beta.two at 0 is a red flag: with beta's target at 1 its step has a tiny priority, yet it
    ranks before alpha's far stronger steps, and says why."""
    response = make_tiny(
        {"alpha.one": 0, "alpha.two": 0, "beta.two": 0}, targets={"beta": 1}, profile=BIG
    )
    result = _plan(tiny_bank, response)
    first = result.actions[0]
    assert first.action.id == "beta.two.step0"
    assert first.red_flag
    assert first.priority < result.actions[1].priority
    assert first.reason.da.startswith("Rødt flag: »Lytning (beta.two)« står på niveau 0")


def test_a_red_flag_is_planned_whatever_the_target_with_the_same_priority(
    tiny_bank: Bank, make_tiny: MakeResponse
):
    """README: a red flag ranks first whatever the arithmetic, so it is planned even with a
    target too low for any other step; its priority is the same formula, gap × weights ×
    impact ÷ effort: beta.two's low, impact-3 step at target 0.2 gets 0.2 × 1 × 1 × 3 = 0.6."""
    response = make_tiny({"beta.one": 0, "beta.two": 0}, targets={"beta": 0.2}, profile=BIG)
    (only,) = _plan(tiny_bank, response).actions
    assert (only.action.id, only.red_flag, only.priority) == ("beta.two.step0", True, 0.6)


def test_incident_actions_follow_red_flags(tiny_bank: Bank, make_tiny: MakeResponse):
    """After a recent incident the recovery action is planned whatever the levels, right after
    any red flag and before the rest; without an incident it is not planned."""
    levels = {"alpha.one": 0, "alpha.two": 4, "beta.two": 0}
    after = _plan(
        tiny_bank, make_tiny(levels, profile=Profile(hours_per_week=400, recent_incident=True))
    )
    assert _ids(after)[:3] == ["beta.two.step0", "alpha.two.after-incident", "alpha.one.step0"]
    assert after.actions[1].kind == "incident"
    calm = _plan(tiny_bank, make_tiny(levels, profile=BIG))
    assert "alpha.two.after-incident" not in _ids(calm)


@pytest.mark.parametrize(
    ("roles", "owner"),
    [
        (None, "Kommunikationschef"),
        (["lead"], "Kommunikationschef"),
        ([], "Kommunikationsmedarbejder"),
    ],
)
def test_owner_is_a_role_the_municipality_has(
    tiny_bank: Bank, make_tiny: MakeResponse, roles: list[str] | None, owner: str
):
    """beta.one's 1→2 step belongs to the head of communication; a municipality that says it has
    no such role gets the role that stands in (comms), and one that has not said keeps it."""
    profile = Profile(hours_per_week=400, roles=roles)
    (only,) = _plan(tiny_bank, make_tiny({"beta.one": 1}, profile=profile)).actions
    assert only.action.owner_role.da == owner


def test_reason_names_the_question_and_the_finding(tiny_bank: Bank, make_tiny: MakeResponse):
    """The why names the question by its title, its level and the level's text, in both
    languages, and says what the action costs in hours."""
    (only,) = _plan(tiny_bank, make_tiny({"beta.one": 1}, profile=BIG)).actions
    assert (
        only.finding.da == "»Husregler (beta.one)« står på niveau 1 (Sporadisk): beta.one niveau 1"
    )
    assert only.finding.en == "“Title beta.one” is at level 1 (Ad hoc): beta.one level 1"
    assert only.reason.da.startswith(only.finding.da)
    assert "(ca. 24 timer)" in only.reason.da and "(about 24 hours)" in only.reason.en


def test_not_applicable_prerequisite_is_not_waited_for(tiny_variant: Variant):
    """A step that builds on a question that does not apply is planned as usual."""

    def change(data: dict) -> None:
        for action in data["actions"]:
            if action["id"] == "beta.one.step0":
                action["requires"] = ["beta.three.step0"]

    bank = tiny_variant("actions.yaml", change)
    response = make_for(bank, {"beta.one": 0, "beta.three": "not_applicable"}, profile=BIG)
    (only,) = _plan(bank, response).actions
    assert only.action.id == "beta.one.step0"
    assert (only.after, only.horizon) == ([], "0-3")


def test_each_rank_is_explained_in_both_languages(bank: Bank, make_response: MakeResponse):
    """Every planned action carries a Danish and an English reason naming its question."""
    result = _plan(bank, make_response(dict.fromkeys(bank.questions_by_id(), 0)))
    everything = result.actions + result.backlog
    assert sorted(p.rank for p in everything) == list(range(1, len(everything) + 1))
    for p in everything:
        title = bank.question(p.action.question).title
        assert f"»{title.da}«" in p.reason.da and f"“{title.en}”" in p.reason.en


levels = st.one_of(st.none(), st.integers(0, 4))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_plan_properties(data: st.DataObject, bank: Bank, make_response: MakeResponse):
    """Property: deterministic; prerequisites first; a dimension all at 4 gets no actions; the
    plan and the backlog together rank every candidate once."""
    answers = {q: data.draw(levels, label=q) for q in bank.questions_by_id()}
    full = data.draw(st.sampled_from([d.id for d in bank.dimensions]), label="full dimension")
    for q in bank.dimension(full).questions:
        answers[q.id] = 4
    targets = {d.id: data.draw(st.sampled_from([2.0, 3.0, 3.5, 4.0])) for d in bank.dimensions}
    hours = data.draw(st.sampled_from([None, 0.0, 5.0, 40.0]), label="hours")
    response = make_response(answers, targets=targets, profile=Profile(hours_per_week=hours))
    first, second = _plan(bank, response), _plan(bank, response)
    assert first == second
    everything = first.actions + first.backlog
    assert not any(p.dimension_id == full for p in everything)
    position = {p.action.id: p.rank for p in everything}
    for p in everything:
        if p.kind == "step":
            assert answers[p.action.question] == p.action.from_level
        for req in p.after:
            assert position[req] < p.rank
