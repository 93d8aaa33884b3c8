"""The workspace pages, driven with AppTest: without sign-in set up the app runs on private links
as before; with it, a signed-in user's assessments, shares, rounds, peers and deletions, checked
on the page and in the database.

AppTest sets who is signed in through its own `user` and `secrets` (what `st.user` and
`st.secrets` read in a run); the real sign-in through an OpenID Connect provider is driven in
`tests/browser/test_workspace.py`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from assessment import store
from assessment.answers import dump_answers
from assessment.bank import load_bank
from assessment.models import Municipality
from assessment.records import (
    AccessDenied,
    FacilitatorKey,
    PrivateLink,
    create_solo,
    load,
    set_choice,
)
from assessment.store.schema import assessment_answers, assessments, clients, grants
from assessment.ui import pages
from assessment.workshop.rooms import create_workshop
from assessment.workspace.clients import create_owned, workspace
from assessment.workspace.doors import Member
from assessment.workspace.identity import User
from assessment.workspace.rounds import start_next_round
from assessment.workspace.sharing import share
from tests.conftest import ROOT, MakeResponse, shown

BANK = load_bank()
Q1 = BANK.dimensions[0].questions[0].id
AARHUS = Municipality(code=751, name="Aarhus")
AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret-of-some-length",
    "client_id": "somemodenhed",
    "client_secret": "secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


@pytest.fixture(scope="module")
def engine() -> Iterator[sa.Engine]:
    made = store.make_engine(None, data_dir=Path(os.environ["SOMEMODENHED_DATA_DIR"]))
    yield made
    made.dispose()


@pytest.fixture
def ann(request: pytest.FixtureRequest) -> User:
    """A user of this test only (the app's database is shared by the module's tests)."""
    return User(f"ann.{request.node.name[:40].lower()}@konsulent.dk".replace("[", "-"))


def open_page(name: str, user: User | None = None, *, auth: bool = True, **params: str) -> AppTest:
    """A new session on one page, signed in as `user` (None: signed out)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if auth:
        at.secrets["auth"] = AUTH
    at.user = {"is_logged_in": True, "email": user.email} if user else {"is_logged_in": False}
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(pages.page_file(name))
    at.run()
    assert not at.exception
    return at


def texts(at: AppTest) -> str:
    return " ".join(e.value for e in [*at.markdown, *at.caption, *at.info, *at.warning, *at.error])


# ---------------------------------------------------------------- without sign-in set up


def test_without_an_auth_section_nothing_asks_anyone_to_sign_in(engine: sa.Engine):
    """The workspace page says private links are the way in; no page shows a sign-in button;
    starting an assessment gives a private link as before."""
    at = open_page("workspace", auth=False)
    assert "Log-ind er ikke sat op her" in at.info[0].value
    assert not [b for b in at.button if b.key and "login" in b.key]
    start = open_page("start", auth=False)
    assert not [b for b in start.sidebar.button if b.key and "login" in b.key]
    start.selectbox(key="start.municipality").set_value(751).run()
    start.button(key="start.begin").click().run()
    token = start.query_params["a"]
    assert load(engine, PrivateLink(token)).round.client_id is None


@pytest.mark.parametrize("name", ["workspace", "progress", "peers"])
@pytest.mark.parametrize("auth", [True, False])
def test_the_new_pages_open_without_a_link_with_one_line(name: str, auth: bool):
    """Signed out, with a made-up link: a line (or the way to sign in), never a traceback."""
    at = open_page(name, auth=auth, id="12345", a="made-up")
    assert not at.exception
    assert at.info or at.error or [b for b in at.button if b.key == "wsp.login"]


# ---------------------------------------------------------------- signed in


def test_signed_out_a_number_link_asks_to_sign_in(engine: sa.Engine, ann: User):
    made = create_owned(engine, BANK, AARHUS, ann)
    at = open_page("questions", None, id=str(made))
    assert "Log ind for at åbne" in at.info[0].value
    assert at.button(key="solo.login")
    assert not at.main.radio


def test_begun_signed_in_the_assessment_is_the_users_and_has_no_private_link(
    engine: sa.Engine, ann: User
):
    """The URL carries the assessment's number, the sidebar no private link; the database has
    it in the user's client for the municipality."""
    at = open_page("start", ann)
    assert "lægges i dit overblik" in texts(at)
    at.selectbox(key="start.municipality").set_value(751).run()
    at.button(key="start.begin").click().run()
    assert not at.exception
    assert "a" not in at.query_params
    made = int(at.query_params["id"])
    assert at.header[0].value == "1. Om kommunen"
    assert not at.sidebar.get("code")
    assert f"Logget ind som {ann.email}" in shown(" ".join(c.value for c in at.sidebar.caption))
    with engine.connect() as conn:
        owner = conn.scalar(
            sa.select(clients.c.owner_email)
            .join(assessments, assessments.c.client_id == clients.c.id)
            .where(assessments.c.id == made)
        )
    assert owner == ann.email


def test_an_answers_file_uploaded_signed_in_goes_to_the_workspace_without_a_link(
    engine: sa.Engine, ann: User, make_response: MakeResponse
):
    """The upload opens by number; the stored assessment is the user's and has no token."""
    at = open_page("start", ann)
    upload = dump_answers(make_response({Q1: 4})).encode()
    at.file_uploader(key="start.upload").upload("svar.json", upload).run()
    assert not at.exception
    made = int(at.query_params["id"])
    assert load(engine, Member(ann, made)).response.answers[Q1].level == 4
    with engine.connect() as conn:
        assert (
            conn.scalar(sa.select(assessments.c.token_hash).where(assessments.c.id == made)) is None
        )


def test_another_user_opening_the_number_gets_one_line_and_nothing(engine: sa.Engine, ann: User):
    """Bo, signed in, types Ann's assessment's number into the URL: the same line as a wrong
    link, no question shown, nothing stored."""
    made = create_owned(engine, BANK, AARHUS, ann)
    at = open_page("questions", User("bo.intruder@kommune.dk"), id=str(made))
    assert at.error[0].value.startswith("Linket")
    assert not [r for r in at.radio if r.key == f"q.{Q1}"]
    assert load(engine, Member(ann, made)).revision == 0


def test_a_viewer_opening_an_assessment_of_an_older_bank_reads_it_moved_and_writes_nothing(
    engine: sa.Engine, ann: User
):
    """Ann's assessment was stored by the release before bank 2.0.0. Bo, her viewer, opens its
    questions: he sees the answer where the new bank asks it, and the store is as it was (the
    old version and revision); Ann opening it carries it over."""
    made = create_owned(engine, BANK, AARHUS, ann)
    with engine.begin() as conn:
        conn.execute(
            sa.update(assessments).where(assessments.c.id == made).values(bank_version="1.0.0")
        )
        for question, level in (("delegation.owner", 2), ("guidelines.data_protection", 1)):
            conn.execute(
                sa.insert(assessment_answers).values(
                    assessment_id=made, question_id=question, choice="level", level=level,
                    level_rev=0, note="", note_rev=0, updated_at=dt.datetime.now(dt.UTC),
                )
            )  # fmt: skip
    bo = User(f"bo.{made}@kommune.dk")
    share(engine, ann, made, bo.email, "viewer")
    page = open_page("questions", bo, id=str(made), area="delegation")
    radio = next(r for r in page.radio if r.key == "q.delegation.owner")
    assert radio.disabled and radio.value == 2
    stored = load(engine, Member(ann, made))
    assert (stored.revision, stored.response.bank_version) == (0, "1.0.0")
    open_page("questions", ann, id=str(made), area="delegation")
    assert load(engine, Member(ann, made)).response.bank_version == BANK.version


def test_the_workspace_lists_the_clients_and_shares_by_address(engine: sa.Engine, ann: User):
    """Ann's workspace shows Aarhus with its round; sharing with Bo as viewer stores the grant,
    and Bo finds it under "shared with you", opens it read-only and cannot change it."""
    made = create_owned(engine, BANK, AARHUS, ann)
    set_choice(engine, Member(ann, made), BANK, Q1, 2, base=None)
    at = open_page("workspace", ann)
    assert [s.value for s in at.subheader][:2] == ["Dine kommuner", "Aarhus"]
    assert "Runde 1" in texts(at)
    bo = User(f"bo.{made}@kommune.dk")
    at.text_input(key=f"wsp.share.email.{made}").input(bo.email.upper())
    at.radio(key=f"wsp.share.role.{made}").set_value("viewer")
    at.button(key=f"wsp.share.submit.{made}").click().run()
    assert not at.exception
    with engine.connect() as conn:
        assert conn.execute(
            sa.select(grants.c.email, grants.c.role).where(grants.c.assessment_id == made)
        ).all() == [(bo.email, "viewer")]
    theirs = open_page("workspace", bo)
    assert "Delt med dig" in [s.value for s in theirs.subheader]
    page = open_page("questions", bo, id=str(made))
    assert "kan se denne vurdering, men ikke ændre" in texts(page)
    radio = next(r for r in page.radio if r.key == f"q.{Q1}")
    assert radio.disabled and radio.value == 2


def test_one_table_lists_every_client_and_the_url_says_which_one_is_open(
    engine: sa.Engine, ann: User
):
    """Two clients are two rows of one table; the one changed last opens in detail, another
    opens by choosing it, and the URL keeps the choice (`?client=`) for a refresh."""
    aarhus = create_owned(engine, BANK, AARHUS, ann)
    for question, level in zip(BANK.dimensions[0].questions, (2, 3), strict=False):
        set_choice(engine, Member(ann, aarhus), BANK, question.id, level, base=None)
    create_owned(engine, BANK, Municipality(code=461, name="Odense"), ann)
    at = open_page("workspace", ann)
    table = at.dataframe[0].value
    assert sorted(table["municipality"]) == ["Aarhus", "Odense"]
    assert '"Kommune"' in at.dataframe[0].proto.columns
    level = table.set_index("municipality").loc["Aarhus", "overall"]
    assert re.fullmatch(r"[0-4],\d", level), level  # written as a Dane writes it
    assert at.subheader[1].value == "Odense"
    aarhus_client = next(c.id for c in workspace(engine, ann).clients if c.municipality == AARHUS)
    at.selectbox(key="wsp.client").set_value(str(aarhus_client)).run()
    assert at.subheader[1].value == "Aarhus"
    assert at.query_params["client"] == str(aarhus_client)
    again = open_page("workspace", ann, client=str(aarhus_client))
    assert again.subheader[1].value == "Aarhus"
    assert [b for b in again.button if b.key == f"wsp.next.{aarhus}"]


def test_the_next_round_starts_from_the_progress_page_and_one_click_confirms(
    engine: sa.Engine, ann: User
):
    """Round 1's progress page says it is the first; "start next round" opens round 2, whose
    questionnaire marks the carried answer; "confirm" clears the mark in the database."""
    made = create_owned(engine, BANK, AARHUS, ann)
    set_choice(engine, Member(ann, made), BANK, Q1, 2, base=None)
    at = open_page("progress", ann, id=str(made))
    assert "første runde" in texts(at)
    at.button(key="prog.next").click().run()
    assert not at.exception
    new = int(at.query_params["id"])
    assert new != made
    assert load(engine, Member(ann, new)).round.carried == {Q1}
    page = open_page("questions", ann, id=str(new), area=BANK.dimensions[0].id)
    assert "1 svar er overført fra sidste runde" in texts(page)
    page.button(key=f"q.confirm.{Q1}").click().run()
    assert not page.exception
    assert load(engine, Member(ann, new)).round.carried == frozenset()
    assert not [b for b in page.button if b.key == f"q.confirm.{Q1}"]
    progress = open_page("progress", ann, id=str(new))
    assert "Runde 2" in texts(progress)
    assert len(progress.get("vega_lite_chart")) == 1


def test_the_next_round_is_offered_on_the_latest_round_only(engine: sa.Engine, ann: User):
    """Round 1's progress page, once round 2 exists, says so and has no button; round 2's has."""
    made = create_owned(engine, BANK, AARHUS, ann)
    nxt = start_next_round(engine, Member(ann, made), BANK).id
    old = open_page("progress", ann, id=str(made))
    assert not [b for b in old.button if b.key == "prog.next"]
    assert "Der er allerede startet en ny runde fra denne" in texts(old)
    latest = open_page("progress", ann, id=str(nxt))
    assert [b for b in latest.button if b.key == "prog.next"]
    assert "allerede startet" not in texts(latest)


def test_the_peers_page_opts_in_and_labels_the_simulated_set(engine: sa.Engine, ann: User):
    """One click shares the levels (stored), another stops; the simulated set is shown only on
    request, under its label on every chart and line."""
    made = create_owned(engine, BANK, AARHUS, ann)
    at = open_page("peers", ann, id=str(made))
    assert "Endnu ikke nok kommuner" in at.info[0].value
    at.button(key="peers.consent").click().run()
    assert load(engine, Member(ann, made)).round.share_peers is True
    at.button(key="peers.consent").click().run()
    assert load(engine, Member(ann, made)).round.share_peers is False
    assert not at.get("vega_lite_chart")
    at.toggle(key="peers.simulated").set_value(True).run()
    assert not at.exception
    assert at.warning[0].value.startswith("SIMULEREDE DATA")
    charts = at.get("vega_lite_chart")
    assert charts
    assert all("SIMULERET" in c.proto.spec for c in charts)
    assert any(m.value.startswith("**SIMULERET:**") for m in at.markdown)


def test_a_private_link_assessment_sees_the_comparison_and_cannot_share(
    engine: sa.Engine, ann: User
):
    """Opened by its private link (signed in or not), the peers page says in one line why it
    cannot share and offers no button; the comparison is there; nothing is stored."""
    token = create_solo(engine, BANK, AARHUS)
    for user in (None, ann):
        at = open_page("peers", user, a=token)
        assert not [b for b in at.button if b.key == "peers.consent"]
        assert "Kun en vurdering i et overblik, åbnet derfra af en, der er logget ind" in (
            at.info[0].value
        )
        assert "Sammenligning" in [s.value for s in at.subheader]
    assert load(engine, PrivateLink(token)).round.share_peers is False


def test_a_private_link_assessment_is_added_from_the_sidebar(engine: sa.Engine, ann: User):
    """Signed in on a private link: one click puts it in the workspace; the link still works."""
    token = create_solo(engine, BANK, AARHUS)
    at = open_page("about", ann, a=token)
    at.sidebar.button(key="sidebar.claim").click().run()
    assert not at.exception
    listed = workspace(engine, ann).clients[0].assessments
    assert [x.record.id for x in listed] == [load(engine, PrivateLink(token)).id]
    assert not [b for b in at.sidebar.button if b.key == "sidebar.claim"]


def test_deleting_a_client_needs_its_name_and_removes_it(engine: sa.Engine, ann: User):
    made = create_owned(engine, BANK, AARHUS, ann)
    share(engine, ann, made, "carl@kommune.dk", "editor")
    client = workspace(engine, ann).clients[0].id
    at = open_page("workspace", ann)
    assert at.button(key=f"wsp.delete.{client}").disabled
    at.text_input(key=f"wsp.delete.name.{client}").input("aarhus").run()
    at.button(key=f"wsp.delete.{client}").click().run()
    assert not at.exception
    assert at.success[0].value == "Aarhus er slettet med 1 vurdering og 0 workshops."
    assert workspace(engine, ann).clients == []
    with engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).where(assessments.c.id == made)) == 0


# ---------------------------------------------------------------- workshops


def test_a_workshop_begun_signed_in_is_in_the_workspace_and_its_page_opens_again(
    engine: sa.Engine, ann: User
):
    """Creating a workshop signed in puts it in the workspace; there, "open the facilitator
    page" gives a new key that opens the room and asks to keep the link; the old key opens
    nothing; the agreed answers are listed, open by number and are shared like an assessment."""
    at = open_page("workshop", ann)
    at.selectbox(key="ws.c.municipality").set_value(461)
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    old = FacilitatorKey(at.query_params["ws"], at.query_params["key"])
    client = workspace(engine, ann).clients[0]
    assert client.municipality.name == "Odense"
    (room,) = client.workshops
    (agreed,) = client.assessments
    assert agreed.record.kind == "consensus" and agreed.role == "owner"
    space = open_page("workspace", ann)
    space.button(key=f"wsp.room.{room.id}").click().run()
    assert not space.exception
    new = FacilitatorKey(space.query_params["ws"], space.query_params["key"])
    assert new.token != old.token
    assert "Gem dit facilitatorlink nu" in texts(space)
    with pytest.raises(AccessDenied):
        load(engine, old)
    assert load(engine, new).id == agreed.record.id
    page = open_page("results", ann, id=str(agreed.record.id))
    assert not page.error
    bo = User("bo.workshop@kommune.dk")
    space = open_page("workspace", ann)
    space.text_input(key=f"wsp.share.email.{agreed.record.id}").input(bo.email)
    space.radio(key=f"wsp.share.role.{agreed.record.id}").set_value("viewer")
    space.button(key=f"wsp.share.submit.{agreed.record.id}").click().run()
    assert not space.exception
    theirs = open_page("questions", bo, id=str(agreed.record.id))
    assert "kan se denne vurdering, men ikke ændre" in texts(theirs)


def test_a_signed_in_facilitator_adds_an_older_workshop_from_its_page(engine: sa.Engine, ann: User):
    key = create_workshop(
        engine, title="Dag", municipality=AARHUS, date=dt.date(2026, 12, 1), language="da",
        bank=BANK,
    )  # fmt: skip
    at = open_page("facilitator", ann, ws=key.join_code, key=key.token)
    at.button(key="f.claim").click().run()
    assert not at.exception
    assert [w.title for w in workspace(engine, ann).clients[0].workshops] == ["Dag"]
    assert not [b for b in at.button if b.key == "f.claim"]
    assert not [b for b in open_page("facilitator", None, ws=key.join_code, key=key.token).button
                if b.key == "f.claim"]  # fmt: skip


@pytest.mark.parametrize(
    "params",
    [
        {"id": "1 OR 1=1"},
        {"id": "-1"},
        {"id": "9" * 40},
        {"id": "１２"},
        {"client": "<script>"},
        {"client": "1' --", "lang": "en"},
    ],
)
@pytest.mark.parametrize("name", ["workspace", "questions", "progress", "peers"])
def test_hostile_numbers_in_the_url_open_nothing_and_never_fail(
    engine: sa.Engine, ann: User, name: str, params: dict[str, str]
):
    """A number that is not one, or one of nobody's, gives one line or the user's own page."""
    create_owned(engine, BANK, AARHUS, ann)
    at = open_page(name, ann, **params)
    assert not at.exception
    assert not [r for r in at.main.radio if r.key and r.key.startswith("q.")]


@pytest.mark.parametrize("name", ["workspace", "progress", "peers", "questions"])
def test_the_workspace_pages_speak_english(engine: sa.Engine, ann: User, name: str):
    made = create_owned(engine, BANK, AARHUS, ann)
    start_next_round(engine, Member(ann, made), BANK)
    at = open_page(name, ann, id=str(made), lang="en")
    assert not at.exception
    page = texts(at) + " ".join(h.value for h in [*at.header, *at.subheader])
    assert "Log ind" not in page and "Runde" not in page and "Del " not in page
