"""Scoring: weighted means per dimension, don't-know as missing evidence, caps and gaps."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessment.i18n import fmt_number
from assessment.models import Bank
from assessment.scoring import default_target, score
from tests.conftest import MakeResponse, Variant, make_for


def test_level_is_weighted_mean_of_answered_questions(tiny_bank: Bank, make_tiny: MakeResponse):
    """alpha.two weighs 2, so (1·3 + 2·4) / 3 gives 3.67 for alpha."""
    card = score(tiny_bank, make_tiny({"alpha.one": 3, "alpha.two": 4}))
    alpha = card.dimension("alpha")
    assert alpha.level == pytest.approx(3.67)
    assert alpha.maturity is not None and alpha.maturity.level == 3
    assert (alpha.answered, alpha.total) == (2, 2)


def test_dont_know_is_left_out_of_the_mean_and_listed(tiny_bank: Bank, make_tiny: MakeResponse):
    """A don't-know is neither zero nor hidden: the mean ignores it and it is reported."""
    card = score(tiny_bank, make_tiny({"beta.one": 4, "beta.two": None}))
    beta = card.dimension("beta")
    assert beta.level == 4.0
    assert beta.dont_know == 1
    assert beta.unanswered == 1
    assert card.dont_know == ["beta.two"]
    assert card.unanswered == ["alpha.one", "alpha.two", "beta.three"]


def test_dimension_without_answers_has_no_level(tiny_bank: Bank, make_tiny: MakeResponse):
    """No answered question means no level, and the whole target is the gap."""
    card = score(tiny_bank, make_tiny({"beta.one": None}, targets={"alpha": 3.5}))
    alpha = card.dimension("alpha")
    assert alpha.level is None and alpha.maturity is None
    assert alpha.gap == 3.5
    assert card.overall is None


def test_critical_question_below_two_caps_the_dimension(tiny_bank: Bank, make_tiny: MakeResponse):
    """alpha.one is critical: at level 1 it holds alpha at 2 however good the rest is."""
    card = score(tiny_bank, make_tiny({"alpha.one": 1, "alpha.two": 4}))
    alpha = card.dimension("alpha")
    assert alpha.level == 2.0
    assert alpha.capped_by == ["alpha.one"]


def test_a_cap_that_changes_nothing_is_not_reported(tiny_bank: Bank, make_tiny: MakeResponse):
    """When the mean is already below 2 the critical question is not named as a cap."""
    card = score(tiny_bank, make_tiny({"alpha.one": 1, "alpha.two": 1}))
    assert card.dimension("alpha").capped_by == []


def test_targets_give_the_gap_and_default_to_established(tiny_bank: Bank, make_tiny: MakeResponse):
    """A chosen target gives target − level; without one the target is 3."""
    card = score(
        tiny_bank, make_tiny({"alpha.one": 2, "alpha.two": 2, "beta.one": 1}, targets={"alpha": 4})
    )
    assert card.dimension("alpha").gap == 2.0
    assert card.dimension("beta").target == 3.0
    assert card.dimension("beta").gap == 2.0


def test_overall_is_mean_of_dimensions_with_a_level(tiny_bank: Bank, make_tiny: MakeResponse):
    """The overall level averages the dimensions that have answers."""
    card = score(tiny_bank, make_tiny({"alpha.one": 4, "alpha.two": 4, "beta.one": 2}))
    assert card.overall == 3.0
    assert card.overall_maturity is not None and card.overall_maturity.level == 3


@pytest.mark.parametrize(
    ("level", "target"), [(None, 3.0), (2.9, 3.0), (3.0, 3.5), (3.2, 3.5), (3.5, 4.0), (4.0, 4.0)]
)
def test_default_target_is_established_or_half_a_step_up(level, target):
    """README: the default target is 3, or half a step above a level already at 3 or more."""
    assert default_target(level) == target


def test_default_target_in_a_scorecard(tiny_bank: Bank, make_tiny: MakeResponse):
    """A dimension at 3.33 aims for 3.5 without a chosen target; one at 2 aims for 3."""
    card = score(tiny_bank, make_tiny({"alpha.one": 4, "alpha.two": 3, "beta.one": 2}))
    assert (card.dimension("alpha").level, card.dimension("alpha").target) == (3.33, 3.5)
    assert card.dimension("beta").target == 3.0


def test_overall_level_is_weighted_by_dimension_weight(tiny_variant: Variant):
    """README: the overall level weighs each dimension by its weight. With beta weighing 2,
    alpha at 4 and beta at 2 give (4 + 2 × 2) ÷ 3 = 2.67, not the plain mean 3."""
    bank = tiny_variant("beta.yaml", lambda d: d.update(weight=2.0))
    card = score(bank, make_for(bank, {"alpha.one": 4, "alpha.two": 4, "beta.one": 2}))
    assert card.overall == 2.67
    assert card.overall_maturity is not None and card.overall_maturity.level == 2


def test_not_applicable_is_left_out_and_listed(tiny_bank: Bank, make_tiny: MakeResponse):
    """ "Not applicable" is neither a zero nor missing evidence: left out of the mean, listed."""
    card = score(tiny_bank, make_tiny({"beta.one": 4, "beta.three": "not_applicable"}))
    beta = card.dimension("beta")
    assert (beta.level, beta.not_applicable, beta.answered) == (4.0, 1, 1)
    assert card.not_applicable == ["beta.three"]
    assert card.dont_know == []


@pytest.mark.parametrize(
    ("weight", "level", "shown", "named"),
    [
        (24.0, 0.96, "1", "Sporadisk"),
        (19.0, 0.95, "1", "Sporadisk"),
        (0.94, 0.48, "0,5", "Fraværende"),
    ],
)
def test_a_level_is_named_as_the_number_shown(
    tiny_variant: Variant, weight: float, level: float, shown: str, named: str
):
    """README: a level's name is the name of the number shown. alpha.one at 0 (weight 1) and
    alpha.two at 1 (weight 24) give 24 ÷ 25 = 0.96, shown as "1" and so named Sporadisk, never
    "1 · Fraværende" (the PDF bug); 0.95 rounds half to even the same way in both; 0.48 is
    shown as "0,5" and named Fraværende. The overall level is named the same way."""
    bank = tiny_variant("alpha.yaml", lambda d: d["questions"][1].update(weight=weight))
    card = score(bank, make_for(bank, {"alpha.one": 0, "alpha.two": 1}))
    alpha = card.dimension("alpha")
    assert alpha.level == level
    assert fmt_number(level, "da") == shown
    assert alpha.maturity is not None and alpha.maturity.name.da == named
    assert card.overall_maturity is not None and card.overall_maturity.name.da == named


levels = st.one_of(st.none(), st.integers(0, 4))


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_raising_an_answer_never_lowers_its_dimension(
    data: st.DataObject, bank: Bank, make_response
):
    """Property: lifting one answered question one or more levels never lowers its dimension."""
    qids = list(bank.questions_by_id())
    answers = {q: data.draw(levels, label=q) for q in qids}
    qid = data.draw(
        st.sampled_from(
            [q for q, lvl in answers.items() if lvl is not None and lvl < 4] or [qids[0]]
        )
    )
    if answers[qid] is None or answers[qid] == 4:
        answers[qid] = 0
    raised = dict(answers, **{qid: data.draw(st.integers(answers[qid] + 1, 4))})
    dim = bank.dimension_of(qid).id
    before = score(bank, make_response(answers)).dimension(dim).level
    after = score(bank, make_response(raised)).dimension(dim).level
    assert after is not None and before is not None
    assert after >= before
