"""Planning: next-step actions only, priority, prerequisites first, horizons, reasons."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.models import Bank
from assessment.planning import HORIZON_CAPACITY, plan
from assessment.scoring import score
from tests.conftest import MakeResponse


def _plan(bank: Bank, response):
    return plan(bank, score(bank, response), response)


def test_only_the_next_step_for_each_question_is_planned(tiny_bank: Bank, make_tiny: MakeResponse):
    """A question at level 1 gets its 1→2 action, not the steps before or after it."""
    result = _plan(tiny_bank, make_tiny({"beta.one": 1}))
    assert [p.action.id for p in result.actions] == ["beta.one.step1"]
    assert result.actions[0].current_level == 1


def test_no_actions_for_questions_at_target_or_unknown(tiny_bank: Bank, make_tiny: MakeResponse):
    """At or above the target, at 4, or don't-know: nothing to do (yet)."""
    response = make_tiny({"beta.one": 3, "beta.two": 4, "beta.three": None}, targets={"beta": 3})
    assert _plan(tiny_bank, response).actions == []


def test_bigger_gap_ranks_higher(tiny_bank: Bank, make_tiny: MakeResponse):
    """Two same-effort steps: the one further from the target comes first."""
    result = _plan(tiny_bank, make_tiny({"beta.one": 1, "beta.two": 3}, targets={"beta": 4}))
    ids = [p.action.id for p in result.actions]
    assert ids.index("beta.one.step1") < ids.index("beta.two.step3")


def test_prerequisite_comes_before_what_builds_on_it(tiny_bank: Bank, make_tiny: MakeResponse):
    """alpha.two.step0 requires alpha.one.step0, so the latter is ranked first and named."""
    result = _plan(tiny_bank, make_tiny({"alpha.one": 0, "alpha.two": 0}))
    ids = [p.action.id for p in result.actions]
    assert ids.index("alpha.one.step0") < ids.index("alpha.two.step0")
    dependent = next(p for p in result.actions if p.action.id == "alpha.two.step0")
    assert dependent.after == ["alpha.one.step0"]
    assert "Løft alpha.one fra 0" in dependent.reason.da
    assert "Lift alpha.one from 0" in dependent.reason.en


def test_prerequisite_already_reached_is_not_waited_for(tiny_bank: Bank, make_tiny: MakeResponse):
    """alpha.one at 2 means its 0→1 step is done: alpha.two's first step has no wait."""
    result = _plan(tiny_bank, make_tiny({"alpha.one": 2, "alpha.two": 0}))
    dependent = next(p for p in result.actions if p.action.id == "alpha.two.step0")
    assert dependent.after == []
    assert "Bygger på" not in dependent.reason.da


def test_open_prerequisite_not_yet_reachable_puts_action_last(
    tiny_bank: Bank, make_tiny: MakeResponse
):
    """alpha.one unknown: alpha.two's first step says what it builds on and waits 6–12 months."""
    result = _plan(tiny_bank, make_tiny({"alpha.one": None, "alpha.two": 0}))
    (only,) = result.actions
    assert only.horizon == "6-12"
    assert "Bygger på «Løft alpha.one fra 0»" in only.reason.da


def test_quick_win_is_low_effort_and_real_impact(tiny_bank: Bank, make_tiny: MakeResponse):
    """Step 0 is low effort, impact 3: a quick win in 0–3 months, said so in the reason."""
    (first,) = _plan(tiny_bank, make_tiny({"beta.two": 0})).actions
    assert first.quick_win
    assert first.horizon == "0-3"
    assert "hurtig gevinst" in first.reason.da and "quick win" in first.reason.en


def test_each_rank_is_explained_in_both_languages(bank: Bank, make_response: MakeResponse):
    """Every planned action carries a Danish and an English reason naming its dimension."""
    response = make_response(dict.fromkeys(bank.questions_by_id(), 0))
    result = _plan(bank, response)
    assert [p.rank for p in result.actions] == list(range(1, len(result.actions) + 1))
    for p in result.actions:
        name = bank.dimension(p.dimension_id).name
        assert name.da in p.reason.da and name.en in p.reason.en


def test_horizons_respect_capacity_and_prerequisites(bank: Bank, make_response: MakeResponse):
    """The first horizons hold a doable number of actions; none ends before its prerequisite."""
    response = make_response(dict.fromkeys(bank.questions_by_id(), 0), targets={})
    result = _plan(bank, response)
    horizon_of = {p.action.id: p.horizon for p in result.actions}
    order = ["0-3", "3-6", "6-12"]
    assert sum(p.horizon == "0-3" for p in result.actions) <= HORIZON_CAPACITY[0]
    assert sum(p.horizon == "3-6" for p in result.actions) <= HORIZON_CAPACITY[1]
    for p in result.actions:
        for req in p.after:
            assert order.index(horizon_of[req]) <= order.index(p.horizon)


levels = st.one_of(st.none(), st.integers(0, 4))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_plan_properties(data: st.DataObject, bank: Bank, make_response: MakeResponse):
    """Property: deterministic; prerequisites first; a dimension all at 4 gets no actions."""
    answers = {q: data.draw(levels, label=q) for q in bank.questions_by_id()}
    full = data.draw(st.sampled_from([d.id for d in bank.dimensions]), label="full dimension")
    for q in bank.dimension(full).questions:
        answers[q.id] = 4
    targets = {d.id: data.draw(st.sampled_from([2.0, 3.0, 3.5, 4.0])) for d in bank.dimensions}
    response = make_response(answers, targets=targets)
    first, second = _plan(bank, response), _plan(bank, response)
    assert first == second
    assert not any(p.dimension_id == full for p in first.actions)
    position = {p.action.id: p.rank for p in first.actions}
    for p in first.actions:
        assert answers[p.action.question] == p.action.from_level
        for req in p.after:
            assert position[req] < p.rank
