"""Peers: sharing is opt-in per assessment, a distribution needs at least K = 5 distinct
municipalities (4 show nothing, 5 show quartiles), nobody is named, and the simulated data set
and the claim's test method behave as the README says."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from assessment.models import Bank, Municipality
from assessment.municipalities import municipalities, municipality
from assessment.peers.claim import check_claim
from assessment.peers.consent import set_sharing, shared_levels
from assessment.peers.distribution import K, SharedLevels, compare, spread
from assessment.peers.simulated import simulated_levels
from assessment.progress_charts import peer_chart
from assessment.records import AccessDenied, PrivateLink, create_solo, load, set_choice
from assessment.workspace.clients import create_owned
from assessment.workspace.doors import Member, ReadOnly
from assessment.workspace.identity import User
from assessment.workspace.sharing import share

ANN, BO = User("ann@konsulent.dk"), User("bo@kommune.dk")
RURAL = [m for m in municipalities() if m.group_id == 5]
"""Landkommuner: more than enough for any test here (31 of them)."""


def shared_round(engine: sa.Engine, bank: Bank, code: int, level: int, *, share_it=True) -> str:
    """An assessment of municipality `code` with every alpha question at `level`."""
    info = municipality(code)
    token = create_solo(engine, bank, Municipality(code=code, name=info.name))
    door = PrivateLink(token)
    for q in ("alpha.one", "alpha.two"):
        set_choice(engine, door, bank, q, level, base=None)
    if share_it:
        set_sharing(engine, door, True)
    return token


def group_alpha(engine: sa.Engine, bank: Bank, own: int):
    scope = next(s for s in compare(bank, shared_levels(engine, bank), own) if s.kind == "group")
    return scope.areas["alpha"]


def test_four_sharing_municipalities_show_nothing_and_five_show_quartiles(
    engine: sa.Engine, tiny_bank: Bank
):
    """The k threshold: with 4 other rural municipalities sharing, the group shows no number at
    all; the 5th makes a distribution of exactly those five levels."""
    own, *others = RURAL[:6]
    shared_round(engine, tiny_bank, own.code, 0)
    for m, level in zip(others[:4], (1, 2, 3, 4), strict=True):
        shared_round(engine, tiny_bank, m.code, level)
    assert group_alpha(engine, tiny_bank, own.code) is None
    shared_round(engine, tiny_bank, others[4].code, 2)
    found = group_alpha(engine, tiny_bank, own.code)
    assert found is not None
    assert (found.municipalities, found.lower, found.median, found.upper) == (5, 2.0, 2.0, 3.0)


def test_distinct_municipalities_count_not_rounds_and_only_those_that_opted_in(
    engine: sa.Engine, tiny_bank: Bank
):
    """Five rounds of one municipality are one; one that did not opt in or stopped sharing is
    not counted; the viewer's own municipality is never in its own comparison."""
    own, *others = RURAL[:7]
    for level in range(5):
        shared_round(engine, tiny_bank, others[0].code, level)
    for m in others[1:3]:
        shared_round(engine, tiny_bank, m.code, 2)
    shared_round(engine, tiny_bank, others[3].code, 2, share_it=False)
    stopped = shared_round(engine, tiny_bank, others[4].code, 2)
    set_sharing(engine, PrivateLink(stopped), False)
    for _ in range(3):
        shared_round(engine, tiny_bank, own.code, 4)
    assert group_alpha(engine, tiny_bank, own.code) is None
    shared_round(engine, tiny_bank, others[5].code, 3)
    assert group_alpha(engine, tiny_bank, own.code) is None  # 4 others, however many rounds
    shared_round(engine, tiny_bank, others[4].code, 1)
    found = group_alpha(engine, tiny_bank, own.code)
    assert found is not None and found.municipalities == 5
    assert found.upper == 3.0  # the five-round municipality counts with its latest round (4)…
    assert found.median == 2.0  # …once


def test_only_someone_who_may_change_an_assessment_opts_it_in(engine: sa.Engine, tiny_bank: Bank):
    """A viewer's or a wrong link's attempt changes nothing."""
    made = create_owned(
        engine, tiny_bank, Municipality(code=RURAL[0].code, name=RURAL[0].name), ANN
    )
    share(engine, ANN, made, BO.email, "viewer")
    with pytest.raises(ReadOnly):
        set_sharing(engine, Member(BO, made), True)
    with pytest.raises(AccessDenied):
        set_sharing(engine, PrivateLink("made-up"), True)
    assert load(engine, Member(ANN, made)).round.share_peers is False
    set_sharing(engine, Member(ANN, made), True)
    assert load(engine, Member(ANN, made)).round.share_peers is True


def test_the_region_is_compared_as_well_and_a_small_group_never_is(tiny_bank: Bank):
    """Aarhus's group (3 large-city municipalities) can never reach K, so it never shows; its
    region shows once K others in it shared."""
    midt = [m for m in municipalities() if m.region == "Region Midtjylland" and m.code != 751]
    shared = [
        SharedLevels(m.code, {"alpha": 2.0, "beta": None}, 2.0) for m in midt if m.group_id != 2
    ][:K]
    shared += [
        SharedLevels(m.code, {"alpha": 1.0, "beta": 1.0}, 1.0)
        for m in municipalities()
        if m.group_id == 2
    ]
    group, region = compare(tiny_bank, shared, 751)
    assert (group.kind, group.shown) == ("group", False)
    assert region.kind == "region" and region.name_key == "Region Midtjylland"
    assert region.areas["alpha"] is not None and region.areas["beta"] is None


@pytest.mark.parametrize("n", range(K))
def test_fewer_than_k_levels_never_give_a_number(n: int):
    assert spread("alpha", [1.0] * n) is None


def test_the_peer_chart_never_names_a_municipality(tiny_bank: Bank):
    """The chart's data hold quartiles and the viewer's own level: no name or code of a peer."""
    shared = [SharedLevels(m.code, {"alpha": 2.5, "beta": 1.0}, 1.8) for m in RURAL[1:9]]
    group = compare(tiny_bank, shared, RURAL[0].code)[0]
    spec = json.dumps(peer_chart(tiny_bank, group, {"alpha": 3.0}, "da", simulated=False).to_dict())
    for m in RURAL[1:9]:
        assert m.name not in spec and str(m.code) not in spec
    assert "SIMULERET" not in spec
    simulated = peer_chart(tiny_bank, group, {"alpha": 3.0}, "da", simulated=True).to_dict()
    assert json.dumps(simulated["title"]).startswith('{"text": "SIMULERET:')


# ---------------------------------------------------------------- simulated data and the claim


def test_the_simulated_set_is_fixed_and_exercises_the_k_rule(tiny_bank: Bank):
    """The same seed gives the same data; the large-city group (3 municipalities) shows nothing
    while the rural group shows every area."""
    data = simulated_levels(tiny_bank)
    assert data == simulated_levels(tiny_bank)
    assert len({s.municipality_code for s in data}) == len(data) > 2 * K
    aarhus = compare(tiny_bank, data, 751)[0]
    assert not aarhus.shown
    rural = compare(tiny_bank, data, RURAL[0].code)[0]
    assert all(s is not None for s in rural.areas.values())


def test_the_claim_test_finds_no_difference_that_is_not_there_and_one_that_is(tiny_bank: Bank):
    """On the default simulated set (no built-in difference) the one-sided test does not reject;
    with the mid-sized groups planted 0.6 lower it does, with an interval below zero; the same
    data give the same p-value."""
    null = check_claim(simulated_levels(tiny_bank))
    assert null.enough and null.p_value is not None and null.p_value > 0.05
    planted = check_claim(simulated_levels(tiny_bank, mid_effect=-0.6))
    assert planted.p_value is not None and planted.p_value < 0.01
    assert planted.difference is not None and planted.difference < 0
    assert planted.interval is not None and planted.interval[1] < 0
    assert check_claim(simulated_levels(tiny_bank, mid_effect=-0.6)) == planted


def test_the_claim_test_needs_k_municipalities_on_each_side(tiny_bank: Bank):
    few = [
        s
        for s in simulated_levels(tiny_bank)
        if municipality(s.municipality_code).group_id in (3, 4)
    ]
    few += [SharedLevels(m.code, {}, 2.0) for m in RURAL[: K - 1]]
    result = check_claim(few)
    assert not result.enough and result.others == K - 1
    assert (result.difference, result.p_value) == (None, None)
