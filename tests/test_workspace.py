"""The workspace: a signed-in user's clients, who may open what (checked in SQL), sharing by
e-mail address, adding a private-link assessment, deleting a client, and the export."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
import sqlalchemy as sa

from assessment.bank_upgrade import read_as_current, upgrade
from assessment.models import Bank, Municipality, PlanEdit, Respondent
from assessment.records import (
    AccessDenied,
    FacilitatorKey,
    PrivateLink,
    TooLong,
    create_solo,
    digest,
    load,
    set_choice,
    set_note,
    set_plan_edit,
    set_target,
)
from assessment.store.schema import (
    assessment_answers,
    assessments,
    clients,
    grants,
    participants,
    workshops,
)
from assessment.tables import to_csv
from assessment.workshop.access import presenter_token
from assessment.workshop.rooms import create_workshop, join_workshop
from assessment.workspace.clients import (
    AlreadyOwned,
    NoSuchClient,
    claim,
    create_owned,
    delete_client,
    workspace,
)
from assessment.workspace.doors import Member, ReadOnly
from assessment.workspace.export import clients_table
from assessment.workspace.identity import BadEmail, User, parse_email, user_from_claims
from assessment.workspace.sharing import SelfShare, grants_of, revoke, share
from assessment.workspace.workshops import claim_workshop, in_workspace, reissue_key

AARHUS = Municipality(code=751, name="Aarhus")
ODENSE = Municipality(code=461, name="Odense")
ANN = User("ann@konsulent.dk")
BO = User("bo@kommune.dk")
CARL = User("carl@kommune.dk")


def count(engine: sa.Engine, table: sa.Table) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0)


# ---------------------------------------------------------------- identity


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ({"email": "Ann@Konsulent.DK", "sub": "x"}, "ann@konsulent.dk"),
        ({"email": "ann@konsulent.dk", "email_verified": True}, "ann@konsulent.dk"),
        ({"email": "ann@konsulent.dk", "email_verified": False}, None),
        ({"sub": "ann@konsulent.dk"}, None),
        ({"email": "not an address"}, None),
        ({"email": ["ann@konsulent.dk"]}, None),
    ],
)
def test_a_user_is_the_verified_address_the_provider_gives(claims, expected):
    """The identity is the `email` claim in lower case; an address the provider says it has not
    verified, a missing one or a malformed one signs nobody in."""
    user = user_from_claims(claims)
    assert (user.email if user else None) == expected


@pytest.mark.parametrize(
    "text", ["", "ann", "ann@", "@x.dk", "a b@x.dk", "ann@x", "a@@x.dk", "a@x.dk\x00"]
)
def test_what_is_not_an_address_is_refused(text: str):
    """A share to a typo is refused rather than stored for nobody."""
    with pytest.raises(BadEmail):
        parse_email(text)


def test_an_address_over_its_limit_is_refused():
    with pytest.raises(TooLong):
        parse_email("a" * 250 + "@x.dk")


# ---------------------------------------------------------------- owning and opening


def test_an_assessment_begun_signed_in_is_the_users_and_has_no_private_link(
    engine: sa.Engine, tiny_bank: Bank
):
    """It sits in the user's client for its municipality; only its owner opens it by number,
    and no private link (token) exists for it."""
    made = create_owned(engine, tiny_bank, AARHUS, ANN, respondent=Respondent(name="Ann"))
    record = load(engine, Member(ANN, made))
    assert record.response.municipality == AARHUS
    assert record.round.client_id is not None
    with engine.connect() as conn:
        assert conn.scalar(sa.select(assessments.c.token_hash)) is None
    space = workspace(engine, ANN)
    assert [c.municipality for c in space.clients] == [AARHUS]
    assert [(x.record.id, x.role, x.round_number) for x in space.clients[0].assessments] == [
        (made, "owner", 1)
    ]


def test_two_users_cannot_see_each_others_clients_by_page_or_by_link(
    engine: sa.Engine, tiny_bank: Bank
):
    """Bo's workspace lists nothing of Ann's and Ann's nothing of Bo's; Bo opening Ann's
    assessment by its number (as a link would) reads and writes nothing, with the same
    refusal as a number that does not exist."""
    ann_id = create_owned(engine, tiny_bank, AARHUS, ANN)
    bo_id = create_owned(engine, tiny_bank, ODENSE, BO)
    set_choice(engine, Member(ANN, ann_id), tiny_bank, "alpha.one", 2, base=None)
    assert [c.municipality for c in workspace(engine, ANN).clients] == [AARHUS]
    assert [c.municipality for c in workspace(engine, BO).clients] == [ODENSE]
    assert workspace(engine, BO).shared == []
    for door in (Member(BO, ann_id), Member(ANN, bo_id), Member(BO, 9999)):
        with pytest.raises(AccessDenied):
            load(engine, door)
        with pytest.raises(AccessDenied):
            set_choice(engine, door, tiny_bank, "alpha.one", 4, base=None)
    assert load(engine, Member(ANN, ann_id)).response.answers["alpha.one"].level == 2
    assert load(engine, Member(ANN, ann_id)).revision == 1


def test_a_workshop_in_the_workspace_opens_its_agreed_answers_never_one_persons(
    engine: sa.Engine, tiny_bank: Bank
):
    """The facilitator's key puts a workshop in the user's workspace (once: nobody else can take
    it); its agreed answers then open from there, one participant's answers never do."""
    key = create_workshop(
        engine,
        title="Strategidag",
        municipality=AARHUS,
        date=dt.date(2026, 12, 1),
        language="da",
        bank=tiny_bank,
    )
    join_workshop(engine, key.join_code, "Ida")
    claim_workshop(engine, key, ANN)
    assert claim_workshop(engine, key, ANN) == claim_workshop(engine, key, ANN)
    with pytest.raises(AlreadyOwned):
        claim_workshop(engine, key, BO)
    with pytest.raises(AccessDenied):
        claim_workshop(engine, FacilitatorKey(key.join_code, "made-up"), BO)
    with engine.connect() as conn:
        kinds = dict(conn.execute(sa.select(assessments.c.id, assessments.c.kind)).all())
    for assessment_id, kind in kinds.items():
        if kind == "participant":
            with pytest.raises(AccessDenied):
                load(engine, Member(ANN, assessment_id))
        else:
            assert load(engine, Member(ANN, assessment_id)).kind == "consensus"
    listed = workspace(engine, ANN).clients[0]
    assert [w.title for w in listed.workshops] == ["Strategidag"]
    assert [x.record.kind for x in listed.assessments] == ["consensus"]
    assert in_workspace(engine, key, ANN) and not in_workspace(engine, key, BO)


def test_a_lost_facilitator_link_is_replaced_from_the_workspace(engine: sa.Engine, tiny_bank: Bank):
    """The owner gets a new key that opens the room; the old key and presenter link open
    nothing from then on; nobody else can get a key for the owner's workshop."""
    key = create_workshop(
        engine, title="Dag", municipality=AARHUS, date=dt.date(2026, 12, 1), language="da",
        bank=tiny_bank,
    )  # fmt: skip
    workshop = claim_workshop(engine, key, ANN)
    with pytest.raises(AccessDenied):
        reissue_key(engine, BO, workshop)
    assert load(engine, key).kind == "consensus"
    new = reissue_key(engine, ANN, workshop)
    assert new.join_code == key.join_code and new.token != key.token
    assert load(engine, new).kind == "consensus"
    with pytest.raises(AccessDenied):
        load(engine, key)
    with engine.connect() as conn:
        presenter = conn.scalar(sa.select(workshops.c.presenter_token_hash))
    assert presenter == digest(presenter_token(new))


def test_a_workshops_agreed_answers_are_shared_like_an_assessment(
    engine: sa.Engine, tiny_bank: Bank
):
    """Its owner lets a colleague see the agreed answers; a participant's answers are never
    shared, and nobody else shares the workshop's."""
    key = create_workshop(
        engine, title="Dag", municipality=AARHUS, date=dt.date(2026, 12, 1), language="da",
        bank=tiny_bank,
    )  # fmt: skip
    join_workshop(engine, key.join_code, "Ida")
    claim_workshop(engine, key, ANN)
    with engine.connect() as conn:
        kinds = dict(conn.execute(sa.select(assessments.c.kind, assessments.c.id)).all())
    with pytest.raises(AccessDenied):
        share(engine, BO, kinds["consensus"], CARL.email, "viewer")
    share(engine, ANN, kinds["consensus"], BO.email, "viewer")
    assert load(engine, Member(BO, kinds["consensus"])).kind == "consensus"
    with pytest.raises(AccessDenied):
        share(engine, ANN, kinds["participant"], BO.email, "viewer")


# ---------------------------------------------------------------- sharing


def test_a_viewer_sees_and_cannot_change(engine: sa.Engine, tiny_bank: Bank):
    """Shared as viewer, Bo reads the assessment and finds it under "shared with you"; each
    kind of write is refused as read-only and changes nothing, not even the revision."""
    made = create_owned(engine, tiny_bank, AARHUS, ANN)
    set_choice(engine, Member(ANN, made), tiny_bank, "alpha.one", 2, base=None)
    share(engine, ANN, made, " Bo@Kommune.DK ", "viewer")
    bo = Member(BO, made)
    assert load(engine, bo).response.answers["alpha.one"].level == 2
    writes = [
        lambda: set_choice(engine, bo, tiny_bank, "alpha.one", 4, base=None),
        lambda: set_note(engine, bo, tiny_bank, "alpha.one", "nej", base=None),
        lambda: set_target(engine, bo, tiny_bank, "alpha", 4.0, base=None),
        lambda: set_plan_edit(engine, bo, tiny_bank, "alpha.one.step0", PlanEdit(), base=None),
    ]
    for attempt in writes:
        with pytest.raises(ReadOnly):
            attempt()
    record = load(engine, Member(ANN, made))
    assert record.revision == 1 and record.response.answers["alpha.one"].level == 2
    assert [(x.record.id, x.role) for x in workspace(engine, BO).shared] == [(made, "viewer")]
    assert workspace(engine, BO).clients == []


def test_a_viewer_opening_an_assessment_of_an_older_bank_writes_nothing(
    engine: sa.Engine, tiny_bank: Bank
):
    """Bo, a viewer, opens Ann's assessment made with bank version 0.0: nothing is stored (the
    revision and version stay), and he reads it moved to the new ids all the same. Ann's next
    open, as owner, carries it over in the store."""
    made = create_owned(engine, tiny_bank, AARHUS, ANN)
    share(engine, ANN, made, BO.email, "viewer")
    with engine.begin() as conn:
        conn.execute(
            sa.update(assessments).where(assessments.c.id == made).values(bank_version="0.0")
        )
        conn.execute(
            sa.insert(assessment_answers).values(
                assessment_id=made, question_id="alpha.first", choice="level", level=2,
                level_rev=0, note="", note_rev=0, updated_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            )
        )  # fmt: skip
    assert upgrade(engine, Member(BO, made), tiny_bank) == []
    stored = load(engine, Member(BO, made))
    assert (stored.revision, stored.response.bank_version) == (0, "0.0")
    shown = read_as_current(tiny_bank, stored)
    assert shown.response.bank_version == tiny_bank.version
    assert {q: a.level for q, a in shown.response.answers.items()} == {"alpha.one": 2}
    with pytest.raises(AccessDenied):
        upgrade(engine, Member(CARL, made), tiny_bank)
    upgrade(engine, Member(ANN, made), tiny_bank)
    moved = load(engine, Member(BO, made))
    assert (moved.revision, moved.response.bank_version) == (1, tiny_bank.version)
    assert set(moved.response.answers) == {"alpha.one"}


def test_an_editor_changes_and_a_revoked_colleague_is_out_at_once(
    engine: sa.Engine, tiny_bank: Bank
):
    """An editor's change is stored; after the owner removes them, their next read and write
    are refused. Carl, never let in, is refused throughout."""
    made = create_owned(engine, tiny_bank, AARHUS, ANN)
    share(engine, ANN, made, BO.email, "editor")
    set_choice(engine, Member(BO, made), tiny_bank, "alpha.one", 3, base=None)
    assert load(engine, Member(ANN, made)).response.answers["alpha.one"].level == 3
    with pytest.raises(AccessDenied):
        load(engine, Member(CARL, made))
    assert revoke(engine, ANN, made, "BO@kommune.dk") is True
    assert revoke(engine, ANN, made, BO.email) is False
    with pytest.raises(AccessDenied):
        load(engine, Member(BO, made))
    with pytest.raises(AccessDenied):
        set_choice(engine, Member(BO, made), tiny_bank, "alpha.one", 1, base=None)
    assert grants_of(engine, ANN, made) == []


def test_only_the_owner_shares_and_never_with_themselves(engine: sa.Engine, tiny_bank: Bank):
    """An editor cannot let a third person in or out; sharing again changes the role; a share
    to oneself or to a typo is refused."""
    made = create_owned(engine, tiny_bank, AARHUS, ANN)
    share(engine, ANN, made, BO.email, "editor")
    with pytest.raises(AccessDenied):
        share(engine, BO, made, CARL.email, "editor")
    assert revoke(engine, BO, made, BO.email) is False
    assert grants_of(engine, BO, made) == []
    share(engine, ANN, made, BO.email, "viewer")
    assert [(g.email, g.role) for g in grants_of(engine, ANN, made)] == [(BO.email, "viewer")]
    with pytest.raises(SelfShare):
        share(engine, ANN, made, "ANN@konsulent.dk", "viewer")
    with pytest.raises(BadEmail):
        share(engine, ANN, made, "bo at kommune", "viewer")
    with pytest.raises(ValueError, match="role"):
        share(engine, ANN, made, CARL.email, "admin")
    assert count(engine, grants) == 1


# ---------------------------------------------------------------- private links


def test_a_private_link_assessment_can_be_added_and_the_link_keeps_working(
    engine: sa.Engine, tiny_bank: Bank
):
    """Whoever has the link adds it to their workspace; the link still opens it; a second user
    with the link cannot take it from the first."""
    token = create_solo(engine, tiny_bank, AARHUS)
    set_choice(engine, PrivateLink(token), tiny_bank, "alpha.one", 1, base=None)
    made = claim(engine, PrivateLink(token), ANN)
    assert claim(engine, PrivateLink(token), ANN) == made
    assert load(engine, Member(ANN, made)).response.answers["alpha.one"].level == 1
    set_choice(engine, PrivateLink(token), tiny_bank, "alpha.one", 2, base=None)
    assert load(engine, Member(ANN, made)).response.answers["alpha.one"].level == 2
    with pytest.raises(AlreadyOwned):
        claim(engine, PrivateLink(token), BO)
    with pytest.raises(AccessDenied):
        claim(engine, PrivateLink("made-up"), BO)
    assert workspace(engine, BO).clients == []


def test_an_editor_never_becomes_the_owner_by_adding_to_their_workspace(
    engine: sa.Engine, tiny_bank: Bank
):
    """Ann shares her workshop's agreed answers and her own assessment with Bo as editor: Bo's
    "add to my workspace" is refused as someone else's, he gets no client, and Ann still owns
    both (only she shares them; Bo cannot let Carl in)."""
    key = create_workshop(
        engine, title="Dag", municipality=AARHUS, date=dt.date(2026, 12, 1), language="da",
        bank=tiny_bank,
    )  # fmt: skip
    claim_workshop(engine, key, ANN)
    (agreed,) = workspace(engine, ANN).clients[0].assessments
    own = create_owned(engine, tiny_bank, ODENSE, ANN)
    for made in (agreed.record.id, own):
        share(engine, ANN, made, BO.email, "editor")
        with pytest.raises(AlreadyOwned):
            claim(engine, Member(BO, made), BO)
        with pytest.raises(AccessDenied):
            share(engine, BO, made, CARL.email, "editor")
        assert claim(engine, Member(ANN, made), ANN) == made  # the owner's: already there
    assert workspace(engine, BO).clients == []
    assert {x.role for x in workspace(engine, BO).shared} == {"editor"}
    owned = [(x.record.id, x.role) for c in workspace(engine, ANN).clients for x in c.assessments]
    assert sorted(owned) == sorted([(agreed.record.id, "owner"), (own, "owner")])
    with engine.connect() as conn:  # still owned through the workshop, not by a client
        found = conn.scalar(
            sa.select(assessments.c.client_id).where(assessments.c.id == agreed.record.id)
        )
    assert found is None


# ---------------------------------------------------------------- deleting a client


def test_deleting_a_client_deletes_all_its_data_and_nothing_else(
    engine: sa.Engine, tiny_bank: Bank, caplog: pytest.LogCaptureFixture
):
    """Its assessments, answers, targets, plan, shares and workshops (with their participants)
    are gone; another client and another user's data stay; the log says what went and who,
    without an e-mail address."""
    gone = create_owned(engine, tiny_bank, AARHUS, ANN)
    kept = create_owned(engine, tiny_bank, ODENSE, ANN)
    theirs = create_owned(engine, tiny_bank, AARHUS, BO)
    for made, who in ((gone, ANN), (kept, ANN), (theirs, BO)):
        door = Member(who, made)
        set_choice(engine, door, tiny_bank, "alpha.one", 2, base=None)
        set_note(engine, door, tiny_bank, "alpha.one", "note", base=None)
        set_target(engine, door, tiny_bank, "alpha", 3.0, base=None)
        set_plan_edit(engine, door, tiny_bank, "alpha.one.step0", PlanEdit(owner="X"), base=None)
    share(engine, ANN, gone, CARL.email, "viewer")
    key = create_workshop(
        engine, title="Dag", municipality=AARHUS, date=dt.date(2026, 12, 1), language="da",
        bank=tiny_bank,
    )  # fmt: skip
    join_workshop(engine, key.join_code, "Ida")
    claim_workshop(engine, key, ANN)
    aarhus = next(c.id for c in workspace(engine, ANN).clients if c.municipality == AARHUS)
    with pytest.raises(NoSuchClient):
        delete_client(engine, BO, aarhus)
    caplog.set_level(logging.INFO, logger="assessment")
    deleted = delete_client(engine, ANN, aarhus)
    assert (deleted.municipality, deleted.assessments, deleted.workshops) == (AARHUS, 1, 1)
    with pytest.raises(AccessDenied):
        load(engine, Member(ANN, gone))
    assert (count(engine, workshops), count(engine, participants), count(engine, grants)) == (
        0,
        0,
        0,
    )
    assert count(engine, assessments) == 2
    assert load(engine, Member(ANN, kept)).response.answers["alpha.one"].note == "note"
    assert load(engine, Member(BO, theirs)).response.plan_edits["alpha.one.step0"].owner == "X"
    assert count(engine, clients) == 2
    assert "deleted by u:" in caplog.text and "1 assessment(s) and 1 workshop(s)" in caplog.text
    assert "@" not in caplog.text
    with pytest.raises(NoSuchClient):
        delete_client(engine, ANN, aarhus)


def test_the_log_names_users_by_tag_never_by_address(
    engine: sa.Engine, tiny_bank: Bank, caplog: pytest.LogCaptureFixture
):
    """Creating, sharing, revoking and adding a link's assessment are logged with pseudonyms."""
    caplog.set_level(logging.INFO, logger="assessment")
    made = create_owned(engine, tiny_bank, AARHUS, ANN)
    share(engine, ANN, made, BO.email, "viewer")
    revoke(engine, ANN, made, BO.email)
    claim(engine, PrivateLink(create_solo(engine, tiny_bank, ODENSE)), ANN)
    assert ANN.tag in caplog.text and BO.tag in caplog.text
    assert "@" not in caplog.text


# ---------------------------------------------------------------- export


def test_the_export_has_a_row_per_assessment_of_every_client_and_neutral_text(
    engine: sa.Engine, tiny_bank: Bank
):
    """Two clients, three assessments: three rows with the municipality, round and levels; a
    respondent's name that a spreadsheet would run as a formula is written as text."""
    first = create_owned(engine, tiny_bank, AARHUS, ANN, respondent=Respondent(name="=HYPERLINK()"))
    set_choice(engine, Member(ANN, first), tiny_bank, "alpha.one", 2, base=None)
    set_choice(engine, Member(ANN, first), tiny_bank, "alpha.two", 2, base=None)
    create_owned(engine, tiny_bank, AARHUS, ANN)
    create_owned(engine, tiny_bank, ODENSE, ANN)
    create_owned(engine, tiny_bank, ODENSE, BO)  # someone else's: not in Ann's export
    table = clients_table(tiny_bank, workspace(engine, ANN), "da")
    assert list(table["Kommune"]) == ["Aarhus", "Aarhus", "Odense"]
    assert list(table["Samlet niveau"].isna()) == [False, True, True]
    assert list(table["Dimension alpha"].fillna(-1)) == [2.0, -1, -1]
    text = to_csv(table).decode("utf-8-sig")
    assert "'=HYPERLINK()" in text
    assert "Storbykommuner" in text
