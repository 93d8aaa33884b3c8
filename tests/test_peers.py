"""Peers: sharing is opt-in per assessment in a signed-in workspace, a distribution needs at
least K = 5 distinct municipalities from K distinct accounts (4 show nothing, 5 show quartiles),
everyone sees the same distribution, nobody is named, and the simulated data set and the
claim's test method behave as the README says."""

from __future__ import annotations

import json
import logging

import pytest
import sqlalchemy as sa

from assessment.models import Bank, Municipality
from assessment.municipalities import municipalities, municipality
from assessment.peers.claim import check_claim
from assessment.peers.consent import SignInToShare, set_sharing, shared_levels
from assessment.peers.distribution import K, Scope, SharedLevels, compare, spread
from assessment.peers.simulated import simulated_levels
from assessment.progress_charts import peer_chart
from assessment.records import AccessDenied, PrivateLink, create_solo, load, set_choice
from assessment.store.schema import assessments
from assessment.workspace.clients import claim, create_owned
from assessment.workspace.doors import Member, ReadOnly
from assessment.workspace.identity import User
from assessment.workspace.sharing import share

ANN, BO = User("ann@konsulent.dk"), User("bo@kommune.dk")
MALLORY = User("mallory@example.dk")
RURAL = [m for m in municipalities() if m.group_id == 5]
"""Landkommuner: more than enough for any test here (31 of them)."""


def lead(code: int) -> User:
    """The municipality's own communication lead: one account per municipality."""
    return User(f"lead.{code}@kommune.dk")


def shared_round(
    engine: sa.Engine,
    bank: Bank,
    code: int,
    level: int,
    *,
    user: User | None = None,
    share_it: bool = True,
) -> Member:
    """A signed-in workspace's assessment of municipality `code` with every alpha question at
    `level`, shared with peers (by the municipality's lead unless `user` says who)."""
    who = user or lead(code)
    made = create_owned(engine, bank, Municipality(code=code, name=municipality(code).name), who)
    door = Member(who, made)
    for q in ("alpha.one", "alpha.two"):
        set_choice(engine, door, bank, q, level, base=None)
    if share_it:
        set_sharing(engine, door, True)
    return door


def link_round(engine: sa.Engine, bank: Bank, code: int, level: int) -> str:
    """What anyone can make without signing in: a private-link assessment of any municipality."""
    token = create_solo(engine, bank, Municipality(code=code, name=municipality(code).name))
    for q in ("alpha.one", "alpha.two"):
        set_choice(engine, PrivateLink(token), bank, q, level, base=None)
    return token


def group_scope(engine: sa.Engine, bank: Bank, viewer: int) -> Scope:
    return next(s for s in compare(bank, shared_levels(engine, bank), viewer) if s.kind == "group")


def group_alpha(engine: sa.Engine, bank: Bank, viewer: int):
    return group_scope(engine, bank, viewer).areas["alpha"]


def test_four_sharing_municipalities_show_nothing_and_five_show_quartiles(
    engine: sa.Engine, tiny_bank: Bank
):
    """The k threshold, the viewer's own municipality counted like any other: with 4 rural
    municipalities sharing (the viewer's among them), the group shows no number at all; the
    5th makes a distribution of exactly those five levels."""
    own, *others = RURAL[:5]
    shared_round(engine, tiny_bank, own.code, 0)
    for m, level in zip(others[:3], (1, 2, 3), strict=True):
        shared_round(engine, tiny_bank, m.code, level)
    assert group_alpha(engine, tiny_bank, own.code) is None
    shared_round(engine, tiny_bank, others[3].code, 2)
    found = group_alpha(engine, tiny_bank, own.code)
    assert found is not None
    assert (found.municipalities, found.lower, found.median, found.upper) == (5, 1.0, 2.0, 2.0)


def test_distinct_municipalities_count_not_rounds_and_only_those_that_opted_in(
    engine: sa.Engine, tiny_bank: Bank
):
    """Five rounds of one municipality are one, counted with its latest round; one that did not
    opt in or stopped sharing is not counted."""
    viewer, *others = RURAL[:7]
    for level in range(5):
        shared_round(engine, tiny_bank, others[0].code, level)
    for m in others[1:3]:
        shared_round(engine, tiny_bank, m.code, 2)
    shared_round(engine, tiny_bank, others[3].code, 2, share_it=False)
    stopped = shared_round(engine, tiny_bank, others[4].code, 2)
    set_sharing(engine, stopped, False)
    assert group_alpha(engine, tiny_bank, viewer.code) is None
    shared_round(engine, tiny_bank, others[5].code, 3)
    assert group_alpha(engine, tiny_bank, viewer.code) is None  # 4, however many rounds
    shared_round(engine, tiny_bank, others[4].code, 1)
    found = group_alpha(engine, tiny_bank, viewer.code)
    assert found is not None and found.municipalities == 5
    assert found.upper == 3.0  # the five-round municipality counts with its latest round (4)…
    assert found.median == 2.0  # …once


def test_the_distribution_is_the_same_whichever_municipality_views_it(
    engine: sa.Engine, tiny_bank: Bank
):
    """The auditor's attack: with exactly 5 sharers, viewing as each rural municipality in turn
    found the 5 (they alone saw "too few"); with 6, the quartiles moved only for a sharer. Now
    every member of the group, sharer or not, sees the same figures, so looking reveals no one."""
    sharers = RURAL[3:8]
    for m, level in zip(sharers, (0, 1, 2, 3, 4), strict=True):
        shared_round(engine, tiny_bank, m.code, level)
    seen = {m.code: group_scope(engine, tiny_bank, m.code) for m in RURAL}
    assert len(set(map(repr, seen.values()))) == 1
    alpha = seen[RURAL[0].code].areas["alpha"]
    assert alpha is not None and (alpha.lower, alpha.median, alpha.upper) == (1.0, 2.0, 3.0)
    shared_round(engine, tiny_bank, RURAL[9].code, 4)
    seen = {m.code: group_scope(engine, tiny_bank, m.code) for m in RURAL}
    assert len(set(map(repr, seen.values()))) == 1
    alpha = seen[RURAL[0].code].areas["alpha"]
    assert alpha is not None and alpha.municipalities == 6


def test_made_up_private_link_shares_do_not_count_and_do_not_replace_a_real_one(
    engine: sa.Engine, tiny_bank: Bank
):
    """The auditor's attack: without signing in, anyone made private-link assessments for four
    rural municipalities at levels 0, 0, 4 and 4 and opted them in, so the group's median was
    the one real municipality's level; sharing again under its code replaced it. Now a private
    link cannot opt in, an opt-in stored before this rule does not count, and the real
    municipality alone shows nothing."""
    real, *made_up = RURAL[:5]
    shared_round(engine, tiny_bank, real.code, 3)
    tokens = [
        link_round(engine, tiny_bank, m.code, level)
        for m, level in zip(made_up, (0, 0, 4, 4), strict=True)
    ]
    tokens.append(link_round(engine, tiny_bank, real.code, 0))
    for token in tokens:
        with pytest.raises(SignInToShare):
            set_sharing(engine, PrivateLink(token), True)
        assert load(engine, PrivateLink(token)).round.share_peers is False
    with engine.begin() as conn:  # opted in before the rule: stored, but not counted
        conn.execute(
            sa.update(assessments).where(assessments.c.client_id.is_(None)).values(share_peers=True)
        )
    assert [s.municipality_code for s in shared_levels(engine, tiny_bank)] == [real.code]
    assert group_alpha(engine, tiny_bank, RURAL[10].code) is None


def test_one_account_cannot_make_up_the_crowd_or_speak_for_a_municipality_that_shares(
    engine: sa.Engine, tiny_bank: Bank
):
    """Signed in, Mallory makes clients of four rural municipalities at 0, 0, 4 and 4 beside
    one real sharer: five municipalities, but two accounts, so nothing is shown. Her share
    under the real municipality's name does not replace its levels: the workspace that has
    had a municipality longest speaks for it. Three more real sharers make it show, with the
    real municipality's level, not hers."""
    real, *made_up = RURAL[:5]
    shared_round(engine, tiny_bank, real.code, 3)
    for m, level in zip(made_up, (0, 0, 4, 4), strict=True):
        shared_round(engine, tiny_bank, m.code, level, user=MALLORY)
    assert group_alpha(engine, tiny_bank, RURAL[10].code) is None
    shared_round(engine, tiny_bank, real.code, 0, user=MALLORY)
    (ours,) = [s for s in shared_levels(engine, tiny_bank) if s.municipality_code == real.code]
    assert ours.levels["alpha"] == 3.0
    for m in RURAL[5:7]:
        shared_round(engine, tiny_bank, m.code, 3)
    assert group_alpha(engine, tiny_bank, RURAL[10].code) is None  # 7 municipalities, 4 accounts
    shared_round(engine, tiny_bank, RURAL[7].code, 3)
    found = group_alpha(engine, tiny_bank, RURAL[10].code)
    assert found is not None and found.municipalities == 8  # 3 3 3 3 (not 0) and 0 0 4 4
    assert (found.lower, found.median, found.upper) == (2.25, 3.0, 3.25)


def test_only_a_signed_in_user_who_may_change_an_assessment_opts_it_in(
    engine: sa.Engine, tiny_bank: Bank, caplog: pytest.LogCaptureFixture
):
    """A viewer's or a wrong link's attempt changes nothing; the private link of an assessment
    in a workspace cannot opt it in either (the opt-in needs a signed-in user, whom the log
    names by pseudonym, never by address) but can stop it. An opt-in made on the link alone is
    dropped when the assessment is added to a workspace."""
    token = link_round(engine, tiny_bank, RURAL[0].code, 2)
    with engine.begin() as conn:  # opted in on the link alone, before the rule
        conn.execute(sa.update(assessments).values(share_peers=True))
    made = claim(engine, PrivateLink(token), ANN)
    assert load(engine, Member(ANN, made)).round.share_peers is False  # not Ann's opt-in
    share(engine, ANN, made, BO.email, "viewer")
    with pytest.raises(ReadOnly):
        set_sharing(engine, Member(BO, made), True)
    with pytest.raises(AccessDenied):
        set_sharing(engine, PrivateLink("made-up"), True)
    with pytest.raises(SignInToShare):
        set_sharing(engine, PrivateLink(token), True)
    assert load(engine, Member(ANN, made)).round.share_peers is False
    with caplog.at_level(logging.INFO, logger="assessment.peers.consent"):
        set_sharing(engine, Member(ANN, made), True)
    assert load(engine, Member(ANN, made)).round.share_peers is True
    assert f"assessment {made} shares its levels with peers (by {ANN.tag})" in caplog.text
    assert ANN.email not in caplog.text
    set_sharing(engine, PrivateLink(token), False)
    assert load(engine, Member(ANN, made)).round.share_peers is False


def test_the_region_is_compared_as_well_and_a_small_group_never_is(tiny_bank: Bank):
    """Aarhus's group (3 large-city municipalities) can never reach K, so it never shows; its
    region shows once K in it shared."""
    midt = [m for m in municipalities() if m.region == "Region Midtjylland" and m.group_id != 2]
    shared = [SharedLevels(m.code, {"alpha": 2.0, "beta": None}, 2.0, f"u:{m.code}") for m in midt]
    shared = shared[:K]
    shared += [
        SharedLevels(m.code, {"alpha": 1.0, "beta": 1.0}, 1.0, f"u:{m.code}")
        for m in municipalities()
        if m.group_id == 2 and m.region != "Region Midtjylland"
    ]
    group, region = compare(tiny_bank, shared, 751)
    assert (group.kind, group.shown) == ("group", False)
    assert region.kind == "region" and region.name_key == "Region Midtjylland"
    assert region.areas["alpha"] is not None and region.areas["beta"] is None


@pytest.mark.parametrize("n", range(K))
def test_fewer_than_k_levels_or_accounts_never_give_a_number(n: int):
    """n levels from n accounts, or K levels from n accounts: no number."""
    assert spread("alpha", [(f"u:{i}", 1.0) for i in range(n)]) is None
    assert spread("alpha", [(f"u:{i % max(n, 1)}", 1.0) for i in range(K)]) is None
    assert spread("alpha", [(f"u:{i}", 1.0) for i in range(K)]) is not None


def test_the_peer_chart_never_names_a_municipality(tiny_bank: Bank):
    """The chart's data hold quartiles and the viewer's own level: no name or code of a peer."""
    shared = [
        SharedLevels(m.code, {"alpha": 2.5, "beta": 1.0}, 1.8, f"u:{m.code}") for m in RURAL[1:9]
    ]
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
    few += [SharedLevels(m.code, {}, 2.0, f"u:{m.code}") for m in RURAL[: K - 1]]
    result = check_claim(few)
    assert not result.enough and result.others == K - 1
    assert (result.difference, result.p_value) == (None, None)
    mid = [s for s in few if municipality(s.municipality_code).group_id in (3, 4)]
    one_account = mid + [SharedLevels(m.code, {}, 2.0, "u:one") for m in RURAL[: 2 * K]]
    result = check_claim(one_account)
    assert not result.enough and result.others > K
    assert (result.difference, result.p_value) == (None, None)
