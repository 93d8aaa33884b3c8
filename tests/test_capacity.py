"""What fits in 12 months: hours from the profile, periods, the backlog and the quick-win mark.

Each test asserts the literal numbers the README's "How the numbers are made" promises.
"""

from __future__ import annotations

import pytest

from assessment.capacity import capacity
from assessment.models import Bank, Profile
from assessment.planning import plan
from assessment.scoring import score
from tests.conftest import MakeResponse, Variant, make_for


@pytest.mark.parametrize(
    ("hours", "yearly", "periods", "assumed"),
    [
        (10, 115.0, (28.75, 28.75, 57.5), False),
        (0, 0.0, (0.0, 0.0, 0.0), False),
        (None, 230.0, (57.5, 57.5, 115.0), True),
    ],
)
def test_hours_a_week_give_the_years_plan_hours(hours, yearly, periods, assumed):
    """README: a quarter of the weekly social-media hours over 46 weeks, split a quarter, a
    quarter and a half over 0–3, 3–6 and 6–12 months; 20 hours a week when not stated."""
    cap = capacity(Profile(hours_per_week=hours))
    assert (cap.yearly_hours, cap.period_hours, cap.assumed) == (yearly, periods, assumed)


def test_what_has_no_hours_goes_to_the_backlog(tiny_bank: Bank, make_tiny: MakeResponse):
    """2 hours a week give 23 plan hours (5.75, 5.75, 11.5). The strongest one-day (8-hour) step
    does not fit in 0–3 months but in 3–6 with what 0–3 left; the next fits in 6–12; then the
    year is full, and the rest waits in the backlog with a reason that says so."""
    response = make_tiny(
        {"alpha.one": 1, "alpha.two": 0, "beta.one": 0, "beta.three": 0},
        profile=Profile(hours_per_week=2),
    )
    result = plan(tiny_bank, score(tiny_bank, response), response)
    assert [(p.action.id, p.horizon) for p in result.actions] == [
        ("alpha.two.step0", "3-6"),
        ("beta.one.step0", "6-12"),
    ]
    assert result.hours == 16.0
    assert "Flyttet til en senere periode" in result.actions[0].reason.da
    assert [p.action.id for p in result.backlog] == ["beta.three.step0", "alpha.one.step1"]
    assert all(p.horizon is None for p in result.backlog)
    assert "Ligger i backloggen: de timer" in result.backlog[0].reason.da


def test_red_flags_stay_in_the_plan_beyond_the_budget(tiny_bank: Bank, make_tiny: MakeResponse):
    """With no hours at all, a red flag and a find-out step are still planned; the rest waits."""
    response = make_tiny(
        {"beta.two": 0, "alpha.one": None, "beta.one": 0}, profile=Profile(hours_per_week=0)
    )
    result = plan(tiny_bank, score(tiny_bank, response), response)
    assert [p.action.id for p in result.actions] == ["beta.two.step0", "alpha.one.find-out"]
    assert [p.action.id for p in result.backlog] == ["beta.one.step0"]


def test_a_backlogged_prerequisite_takes_its_dependants_along(tiny_variant: Variant):
    """A step whose planned prerequisite is in the backlog cannot be planned either."""

    def change(data: dict) -> None:
        for action in data["actions"]:
            if action["id"] == "beta.one.step0":
                action["requires"] = ["beta.three.step0"]

    bank = tiny_variant("actions.yaml", change)
    response = make_for(
        bank,
        {"beta.one": 0, "beta.three": 0},
        targets={"beta": 1},
        profile=Profile(hours_per_week=0),
    )
    result = plan(bank, score(bank, response), response)
    assert result.actions == []
    dependant = next(p for p in result.backlog if p.action.id == "beta.one.step0")
    assert "noget, den bygger på, også gør det" in dependant.reason.da


def test_the_plan_holds_at_most_twenty_actions(bank: Bank, make_response: MakeResponse):
    """README: however many hours, the 12-month plan holds 20 actions; the rest is backlog."""
    response = make_response(
        dict.fromkeys(bank.questions_by_id(), 1), profile=Profile(hours_per_week=400)
    )
    result = plan(bank, score(bank, response), response)
    assert len(result.actions) == 20
    assert result.backlog
    assert "allerede 20 handlinger" in result.backlog[0].reason.da


@pytest.mark.parametrize(("impact", "quick"), [(1, False), (2, True)])
def test_quick_win_threshold(tiny_variant: Variant, impact: int, quick: bool):
    """README: a quick win is low effort with impact 2 or more, in the first three months."""

    def change(data: dict) -> None:
        for action in data["actions"]:
            if action["id"] == "beta.one.step0":
                action["impact"] = impact

    bank = tiny_variant("actions.yaml", change)
    response = make_for(bank, {"beta.one": 0}, profile=Profile(hours_per_week=400))
    (only,) = plan(bank, score(bank, response), response).actions
    assert (only.horizon, only.quick_win) == ("0-3", quick)
    assert ("En hurtig gevinst." in only.reason.da) is quick


def test_no_quick_win_after_the_first_three_months(tiny_bank: Bank, make_tiny: MakeResponse):
    """A low-effort, impact-3 step pushed to a later period by its prerequisite's period is
    not marked a quick win, and its reason does not call it one."""
    response = make_tiny(
        {"alpha.one": 1, "alpha.two": 0, "beta.one": 3}, profile=Profile(hours_per_week=400)
    )
    result = plan(tiny_bank, score(tiny_bank, response), response)
    late = [p for p in result.actions if p.horizon != "0-3"]
    assert late
    for p in late:
        assert not p.quick_win
        assert "hurtig gevinst" not in p.reason.da


def test_each_effort_costs_its_hours(tiny_bank: Bank, make_tiny: MakeResponse):
    """README: effort costs 8 hours (low), 24 (medium) or 60 (high), a find-out step 2.
    beta.three's 0→1 step is low, beta.one's 1→2 medium, alpha.one's 2→3 high; alpha.two is a
    "don't know"."""
    response = make_tiny(
        {"alpha.one": 2, "alpha.two": None, "beta.one": 1, "beta.three": 0},
        profile=Profile(hours_per_week=400),
    )
    result = plan(tiny_bank, score(tiny_bank, response), response)
    hours = {p.action.id: p.hours for p in result.actions}
    assert hours == {
        "beta.three.step0": 8.0,
        "beta.one.step1": 24.0,
        "alpha.one.step2": 60.0,
        "alpha.two.find-out": 2.0,
    }
    assert result.hours == 94.0


@pytest.mark.parametrize(
    ("levels", "action", "horizon"),
    [
        ({"beta.three": 0}, "beta.three.step0", "0-3"),  # low
        ({"beta.one": 1}, "beta.one.step1", "3-6"),  # medium
        ({"beta.one": 2}, "beta.one.step2", "6-12"),  # high
    ],
)
def test_each_effort_starts_in_its_period(
    tiny_bank: Bank, make_tiny: MakeResponse, levels: dict, action: str, horizon: str
):
    """README: low effort starts in 0–3 months, medium in 3–6, high in 6–12, even when the
    hours would allow it sooner."""
    response = make_tiny(levels, profile=Profile(hours_per_week=400))
    (only,) = plan(tiny_bank, score(tiny_bank, response), response).actions
    assert (only.action.id, only.horizon) == (action, horizon)


def test_a_quick_win_moved_to_3_6_months_for_want_of_hours_is_none(
    tiny_bank: Bank, make_tiny: MakeResponse
):
    """README: a quick win is low effort, impact 2 or more, and in the first three months. With
    2 hours a week alpha.two's first step (low, impact 3) has no room in 0–3 months and goes to
    3–6: it is not a quick win there; beta.one's identical step in 6–12 is not either."""
    response = make_tiny(
        {"alpha.one": 1, "alpha.two": 0, "beta.one": 0}, profile=Profile(hours_per_week=2)
    )
    result = plan(tiny_bank, score(tiny_bank, response), response)
    marks = {p.action.id: (p.horizon, p.quick_win) for p in result.actions}
    assert marks == {"alpha.two.step0": ("3-6", False), "beta.one.step0": ("6-12", False)}
    with_room = make_tiny({"alpha.two": 0, "alpha.one": 1}, profile=Profile(hours_per_week=400))
    (first,) = plan(tiny_bank, score(tiny_bank, with_room), with_room).actions[:1]
    assert (first.action.id, first.horizon, first.quick_win) == ("alpha.two.step0", "0-3", True)
