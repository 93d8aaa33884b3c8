"""The single-user pages, driven with AppTest: every page is a view of the stored assessment.

Each test checks what a user would see on the page and what the database holds; a "fresh"
AppTest on the same private link is a refresh, another browser or a second window.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from assessment import records, store
from assessment.answers import dump_answers
from assessment.bank import load_bank
from assessment.edited_plan import edited_plan
from assessment.models import Answer, Municipality, PlanEdit, Profile
from assessment.planning import plan
from assessment.records import PrivateLink, create_solo, load
from assessment.scoring import score
from assessment.ui import pages
from assessment.ui.action_plan import edit_from, plan_frame
from tests.conftest import ROOT, MakeResponse, shown

BANK = load_bank()
FIRST = BANK.dimensions[0]
SECOND = BANK.dimensions[1]
Q1, Q2 = FIRST.questions[0].id, FIRST.questions[1].id
AARHUS = Municipality(code=751, name="Aarhus")


@pytest.fixture(scope="module")
def engine() -> Iterator[sa.Engine]:
    """The app's own database (conftest points SOMEMODENHED_DATA_DIR at a temporary folder)."""
    made = store.make_engine(None, data_dir=Path(os.environ["SOMEMODENHED_DATA_DIR"]))
    yield made
    made.dispose()


@pytest.fixture
def token(engine: sa.Engine) -> str:
    return create_solo(engine, BANK, AARHUS)


def stored(engine: sa.Engine, token: str) -> records.Record:
    return load(engine, PrivateLink(token))


def open_page(name: str, token: str | None = None, **params: str) -> AppTest:
    """A new browser session on one page, as a refresh or a second window opens it."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if token is not None:
        at.query_params["a"] = token
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(pages.page_file(name))
    at.run()
    assert not at.exception
    return at


def choose(at: AppTest, question_id: str, level: object) -> AppTest:
    at.radio(key=f"q.{question_id}").set_value(level).run()
    assert not at.exception
    return at


# ---------------------------------------------------------------- start


def test_start_page_explains_in_danish_by_default():
    """A new user sees the Danish explanation and cannot start before choosing a municipality."""
    at = open_page("start")
    assert at.title[0].value == "Hvor moden er kommunens strategi for sociale medier?"
    assert at.button(key="start.begin").disabled
    assert len(at.selectbox(key="start.municipality").options) == 98


def test_begin_stores_the_assessment_and_opens_it_by_its_private_link(engine: sa.Engine):
    """Starting for Aarhus stores an assessment at once; the URL carries its private link."""
    at = open_page("start")
    at.selectbox(key="start.municipality").set_value(751).run()
    at.button(key="start.begin").click().run()
    assert not at.exception
    token = at.query_params["a"]
    assert stored(engine, token).response.municipality.name == "Aarhus"
    assert at.header[0].value == "1. Om kommunen"
    link = next(c.value for c in at.sidebar.get("code"))
    assert link.endswith(f"/?a={token}")
    # on a phone the sidebar is folded away: the first page shows the link too
    assert [c.value for c in at.main.get("code")] == [link]
    english = open_page("about", token, lang="en")
    assert next(c.value for c in english.sidebar.get("code")).endswith(f"/?a={token}&lang=en")


def test_the_private_link_continues_where_the_work_stands(engine: sa.Engine, token: str):
    """`/?a=…` opens the first area with open questions while some are open, and the results
    once every question is answered."""
    door = PrivateLink(token)
    for q in FIRST.questions:
        records.set_choice(engine, door, BANK, q.id, 2, base=None)
    second = BANK.dimensions[1]
    at = open_page("start", token)
    assert at.query_params["area"] == second.id
    assert at.header[0].value.endswith(second.name("da"))
    for q in BANK.questions_by_id():
        records.set_choice(engine, door, BANK, q, 1, base=None)
    at = open_page("start", token)
    assert at.header[0].value == "4. Resultat"
    assert at.query_params["a"] == token


@pytest.mark.parametrize("name", ["start", *pages.SOLO, "join", "workshop", "p", "facilitator"])
def test_every_page_opens_without_a_link_with_one_line(name: str):
    """Opened without (or with a made-up) link, every page shows a line, never a traceback."""
    for params in ({}, {"a": "made-up", "t": "made-up", "ws": "ACD347", "key": "made-up"}):
        at = open_page(name, **params)
        assert not at.exception


def test_a_page_opened_by_its_link_needs_no_session(token: str):
    """Each step opens straight from its URL (a bookmark, a refresh, another computer)."""
    for name in pages.SOLO:
        at = open_page(name, token)
        assert at.header, name
        assert not at.error, name


# ---------------------------------------------------------------- the questionnaire


def test_a_choice_is_stored_at_once_and_survives_a_refresh(engine: sa.Engine, token: str):
    """Choosing a level writes it; a new session on the same link shows it chosen."""
    choose(open_page("questions", token), Q1, 3)
    assert stored(engine, token).response.answers[Q1].level == 3
    again = open_page("questions", token)
    assert again.radio(key=f"q.{Q1}").value == 3
    assert again.radio(key="q.area").value == FIRST.id


def test_a_note_before_a_level_and_dont_know_are_stored(engine: sa.Engine, token: str):
    """A note typed before any choice is kept; "don't know" keeps it too."""
    at = open_page("questions", token)
    at.text_area(key=f"n.{Q2}").input("Spørg HR – se »bilag 3«").run()
    assert stored(engine, token).response.answers[Q2] == Answer(note="Spørg HR – se »bilag 3«")
    choose(at, Q2, "dont_know")
    assert stored(engine, token).response.answers[Q2] == Answer(
        level="dont_know", note="Spørg HR – se »bilag 3«"
    )
    assert open_page("questions", token).text_area(key=f"n.{Q2}").value.startswith("Spørg HR")


def test_the_area_lives_in_the_url(token: str):
    """ "Next" opens area 2 and puts it in the URL, so a refresh opens area 2 again."""
    at = open_page("questions", token)
    at.button(key=f"q.next.{FIRST.id}").click().run()
    assert at.query_params["area"] == SECOND.id
    assert at.header[0].value.startswith("Område 2 af 5")
    assert open_page("questions", token, area=SECOND.id).header[0].value.startswith("Område 2 af 5")
    assert open_page("questions", token, area="nonsense").header[0].value.startswith("Område 1")


def test_the_area_counts_follow_the_database(engine: sa.Engine, token: str):
    """The area selector counts what is stored, also what another window stored."""
    at = choose(open_page("questions", token), Q1, 2)
    records.set_choice(engine, PrivateLink(token), BANK, Q2, 1, base=None)  # another window
    at.run()
    assert f"2 af {len(FIRST.questions)} besvaret" in at.radio(key="q.area").proto.captions[0]


def test_switching_language_changes_only_the_language(engine: sa.Engine, token: str):
    """On an area with answers, English keeps the area and every answer; the next choice is
    stored (the first release lost the session here)."""
    at = open_page("questions", token)
    at.button(key=f"q.next.{FIRST.id}").click().run()
    q = SECOND.questions[0].id
    choose(at, q, 2)
    at.sidebar.radio(key="sidebar.lang").set_value("en").run()
    assert not at.exception
    assert at.header[0].value.startswith("Area 2 of 5")
    assert at.radio(key=f"q.{q}").value == 2
    choose(at, SECOND.questions[1].id, 4)
    answers = stored(engine, token).response.answers
    assert (answers[q].level, answers[SECOND.questions[1].id].level) == (2, 4)
    assert at.query_params["lang"] == "en"


def test_a_stale_window_cannot_overwrite_and_shows_what_is_stored(engine: sa.Engine, token: str):
    """Two windows on one assessment: the older one's change of the same answer is refused with
    a message, and it then shows the stored answer."""
    window_a = open_page("questions", token)
    window_b = open_page("questions", token)
    choose(window_a, Q1, 3)
    choose(window_b, Q1, 1)
    assert "ændret i et andet vindue" in window_b.warning[0].value
    assert window_b.radio(key=f"q.{Q1}").value == 3
    assert stored(engine, token).response.answers[Q1].level == 3
    choose(window_b, Q2, 4)  # another question is fine from the same window
    assert stored(engine, token).response.answers[Q2].level == 4


def test_a_database_outage_keeps_the_choice_and_says_not_saved(
    engine: sa.Engine, token: str, monkeypatch: pytest.MonkeyPatch
):
    """While the database refuses writes the user gets one line and the widget keeps the choice;
    the next action after it is back stores it."""
    at = open_page("questions", token)

    def locked(*_args: object, **_kwargs: object) -> int:
        raise sa.exc.OperationalError("UPDATE", {}, Exception("database is locked"))

    monkeypatch.setattr(records, "set_choice", locked)
    monkeypatch.setattr("assessment.ui.questionnaire.set_choice", locked)
    choose(at, Q1, 2)
    assert at.error[0].value.startswith("Ikke gemt")
    assert at.radio(key=f"q.{Q1}").value == 2
    assert Q1 not in stored(engine, token).response.answers
    monkeypatch.undo()
    at.text_area(key=f"n.{Q2}").input("senere").run()
    assert stored(engine, token).response.answers[Q1].level == 2


def test_a_note_typed_while_the_database_is_down_comes_back_and_is_stored(
    engine: sa.Engine, token: str, monkeypatch: pytest.MonkeyPatch
):
    """When the database cannot even be read, the page is one line with "Prøv igen" and none of
    its fields: the note typed just before is kept all the same, is back in its field once the
    database answers, and is stored then, as the message promised."""
    at = open_page("questions", token)
    down = sa.exc.OperationalError("SELECT", {}, Exception("unable to open database file"))

    def unreachable(*_args: object, **_kwargs: object) -> object:
        raise down

    monkeypatch.setattr("assessment.ui.questionnaire.set_note", unreachable)
    monkeypatch.setattr("assessment.ui.binding.load", unreachable)
    at.text_area(key=f"n.{Q1}").input("Spørg HR om stillingsbeskrivelsen").run()
    assert at.error[0].value == "Databasen svarer ikke lige nu. Prøv igen om lidt."
    assert not at.text_area  # the page could not be drawn
    monkeypatch.undo()
    at.button(key="db.retry").click().run()
    assert at.text_area(key=f"n.{Q1}").value == "Spørg HR om stillingsbeskrivelsen"
    assert stored(engine, token).response.answers[Q1].note == "Spørg HR om stillingsbeskrivelsen"


def test_a_full_connection_pool_is_one_line_not_streamlits_error(
    token: str, monkeypatch: pytest.MonkeyPatch
):
    """Any database failure in a field's callback (here SQLAlchemy's "pool exhausted") is the
    same one line as an outage, in the user's language."""
    at = open_page("questions", token, lang="en")

    def exhausted(*_args: object, **_kwargs: object) -> int:
        raise sa.exc.TimeoutError("QueuePool limit of size 5 overflow 10 reached")

    monkeypatch.setattr("assessment.ui.questionnaire.set_note", exhausted)
    at.text_area(key=f"n.{Q1}").input("later").run()
    assert not at.exception
    assert at.error[0].value.startswith("Not saved: the database is not answering")
    assert at.text_area(key=f"n.{Q1}").value == "later"


def test_while_the_database_is_locked_a_click_tries_it_once(
    engine: sa.Engine, token: str, monkeypatch: pytest.MonkeyPatch
):
    """Each try may wait for the database's busy timeout, so a click tries once, not once more
    for every field still waiting to be saved."""
    at = open_page("questions", token)
    tries: list[str] = []

    def locked(*args: object, **_kwargs: object) -> int:
        tries.append(str(args[3]))
        raise sa.exc.OperationalError("UPDATE", {}, Exception("database is locked"))

    monkeypatch.setattr("assessment.ui.questionnaire.set_choice", locked)
    for question in (Q1, Q2, FIRST.questions[2].id):
        tries.clear()
        choose(at, question, 1)
        assert tries == [question]
        assert at.error[0].value.startswith("Ikke gemt")
    monkeypatch.undo()
    at.text_area(key=f"n.{Q1}").input("nu").run()
    assert [stored(engine, token).response.answers[q.id].level for q in FIRST.questions[:3]] == [
        1,
        1,
        1,
    ]


# ---------------------------------------------------------------- about, targets, results


def test_profile_and_respondent_are_stored(engine: sa.Engine, token: str):
    """Hours, platforms, a recent incident, name and role are written as they are set."""
    at = open_page("about", token)
    at.number_input(key="about.hours").set_value(7.5).run()
    at.multiselect(key="about.platforms").set_value(["Facebook", "LinkedIn"]).run()
    at.radio(key="about.incident").set_value(True).run()
    at.text_input(key="about.name").input("Mette").run()
    assert not at.exception
    response = stored(engine, token).response
    assert response.profile.hours_per_week == 7.5
    assert response.profile.platforms == ["Facebook", "LinkedIn"]
    assert response.profile.recent_incident is True
    assert response.respondent.name == "Mette"


def test_targets_default_and_change(engine: sa.Engine, token: str):
    """Targets start at 3 and a change is stored for that area only."""
    at = open_page("targets", token)
    slider = at.select_slider(key=f"t.{FIRST.id}")
    assert slider.value == 3.0
    slider.set_value(3.5).run()
    assert stored(engine, token).response.targets == {FIRST.id: 3.5}


def test_results_warn_when_they_rest_on_few_answers(engine: sa.Engine, token: str):
    """One answered question gives a level, with a warning that it rests on 1 of 35."""
    records.set_choice(engine, PrivateLink(token), BANK, Q1, 2, base=None)
    at = open_page("results", token)
    assert "1 af 43" in at.warning[0].value
    assert at.metric[0].value.startswith("2")


# ---------------------------------------------------------------- the plan and downloads


def test_the_plan_table_round_trips_owner_deadline_status_and_drop(make_response: MakeResponse):
    """Owner, deadline, status and drop typed in a row become that row's plan edit."""
    response = make_response({q.id: 0 for q in FIRST.questions})
    action_plan = plan(BANK, score(BANK, response), response)
    frame = plan_frame(BANK, edited_plan(action_plan, {}), "da")
    first, second = frame.index[0], frame.index[1]
    frame.loc[first, ["owner", "status"]] = ["Mette", "doing"]
    frame.loc[first, "deadline"] = pd.Timestamp("2027-03-01")
    frame.loc[second, "drop"] = True
    role = action_plan.actions[0].action.owner_role("da")
    assert edit_from(frame.loc[first], role) == PlanEdit(
        owner="Mette", deadline=dt.date(2027, 3, 1), status="doing"
    )
    second_role = action_plan.actions[1].action.owner_role("da")
    assert edit_from(frame.loc[second], second_role) == PlanEdit(dropped=True)
    untouched = frame.index[2]
    assert edit_from(frame.loc[untouched], action_plan.actions[2].action.owner_role("da")) == (
        PlanEdit()
    )


def test_plan_page_numbers_the_plan_as_edited(engine: sa.Engine, token: str):
    """A dropped action is left out of the count and the next ones move up."""
    door = PrivateLink(token)
    for q in FIRST.questions:
        records.set_choice(engine, door, BANK, q.id, 0, base=None)
    at = open_page("plan", token)
    count = int(at.caption[0].value.split()[0])
    first = plan(BANK, score(BANK, stored(engine, token).response), stored(engine, token).response)
    records.set_plan_edit(
        engine, door, BANK, first.actions[0].action.id, PlanEdit(dropped=True), base=None
    )
    at = open_page("plan", token)
    assert int(at.caption[0].value.split()[0]) == count - 1


def test_downloads_page_offers_every_file(token: str):
    """PDF, answers file, CSV and Excel are offered, named without æøå."""
    at = open_page("downloads", token)
    keys = {b.key for b in at.get("download_button")}
    assert {"e.pdf", "e.json", "e.csv_answers", "e.csv_plan", "e.xlsx"} <= keys


# ---------------------------------------------------------------- upload


def test_an_uploaded_file_becomes_a_new_stored_assessment(
    engine: sa.Engine, make_response: MakeResponse
):
    """Uploading an answers file stores it under a new private link and opens it."""
    earlier = make_response({Q1: 4}, targets={FIRST.id: 3.5})
    at = open_page("start")
    at.file_uploader(key="start.upload").upload("svar.json", dump_answers(earlier).encode()).run()
    assert not at.exception
    token = at.query_params["a"]
    assert stored(engine, token).response.answers[Q1].level == 4
    assert stored(engine, token).response.targets == {FIRST.id: 3.5}
    assert "indlæst (1 spørgsmål besvaret)" in at.success[0].value


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG not json", "Filen er ikke en svarfil: den indeholder ikke gyldig JSON."),
        (b'{"hello": 1}', "Filen er ikke en svarfil fra dette værktøj"),
        ("version", "Svarfilen har skemaversion 9"),
        ("unknown", "Svarfilen nævner spørgsmål, som spørgsmålsbanken ikke kender: nope.nope."),
        ("range", "Svarfilen har et ugyldigt niveau i"),
        ("other_bank", "Svarfilen hører til spørgsmålsbanken another"),
        (b" " * 2_000_001, "Filen er for stor"),
    ],
)
def test_a_bad_upload_gives_one_line_and_stores_nothing(
    engine: sa.Engine, make_response: MakeResponse, content: bytes | str, expected: str
):
    """A bad file gets one clear Danish line; no assessment is stored for it."""
    raw = json.loads(dump_answers(make_response({Q1: 1})))
    variants = {
        "version": {**raw, "schema_version": 9},
        "unknown": {**raw, "answers": {"nope.nope": {"level": 1, "note": ""}}},
        "range": {**raw, "answers": {Q1: {"level": 5, "note": ""}}},
        "other_bank": {**raw, "bank_id": "another"},
    }
    if isinstance(content, str):
        content = json.dumps(variants[content]).encode()
    with engine.connect() as conn:
        before = conn.scalar(sa.select(sa.func.count()).select_from(records.assessments))
    at = open_page("start")
    at.file_uploader(key="start.upload").upload("svar.json", content).run()
    assert not at.exception
    assert shown(at.error[0].value).startswith(expected)
    assert "\n" not in at.error[0].value
    with engine.connect() as conn:
        after = conn.scalar(sa.select(sa.func.count()).select_from(records.assessments))
    assert after == before


# ---------------------------------------------------------------- links of the first release


@pytest.mark.parametrize(
    ("params", "page"),
    [
        ({"p": "tok"}, "Dine svar"),
        ({"ws": "ACD347", "key": "k"}, "Facilitator"),
        ({"join": "ACD347"}, "Deltag i en workshop"),
    ],
)
def test_first_release_links_are_sent_on(params: dict[str, str], page: str):
    """`?p=`, `?ws=&key=` and `?join=` on the root still reach their pages."""
    at = open_page("start", **params)
    assert not at.exception
    assert (
        not at.title or at.title[0].value != "Hvor moden er kommunens strategi for sociale medier?"
    )


# ---------------------------------------------------------------- the bank's own rules in the app

NA_QUESTION = next(q for d in BANK.dimensions for q in d.questions if q.not_applicable_when)
NA_AREA = BANK.dimension_of(NA_QUESTION.id).id


def test_not_applicable_is_offered_only_where_the_bank_allows_it(engine: sa.Engine, token: str):
    """A question that may not apply offers "Ikke relevant" and says when; others do not."""
    at = open_page("questions", token, area=NA_AREA)
    radio = at.radio(key=f"q.{NA_QUESTION.id}")
    assert "Ikke relevant" in radio.options
    assert "Vælg »Ikke relevant«, hvis dette gælder" in radio.help
    other = next(q for q in BANK.dimension(NA_AREA).questions if not q.not_applicable_when)
    assert "Ikke relevant" not in at.radio(key=f"q.{other.id}").options
    radio.set_value("not_applicable").run()
    assert stored(engine, token).response.answers[NA_QUESTION.id].not_applicable


def test_a_first_release_file_opens_with_its_answers_moved_and_says_so(engine: sa.Engine):
    """An answers file saved with bank 1.0.0 is moved to the new ids on upload, with one line
    naming what could not be carried over."""
    at = open_page("start")
    data = (ROOT / "tests" / "data" / "answers-bank-1.0.0.json").read_bytes()
    at.file_uploader(key="start.upload").upload("gammel.json", data).run()
    assert not at.exception
    response = stored(engine, at.query_params["a"]).response
    assert response.bank_version == BANK.version
    assert set(response.answers) <= set(BANK.questions_by_id())
    assert any("spørgsmålsbank 1.0.0" in shown(w.value) for w in at.warning)


def test_a_stored_assessment_of_bank_1_0_0_is_carried_over_when_opened(engine: sa.Engine):
    """An assessment stored by the release before bank 2.0.0 opens with its answers under the
    new ids and a line saying so; nothing is left under an old id."""
    token = create_solo(engine, BANK, AARHUS)
    with engine.begin() as conn:
        aid = conn.scalar(
            sa.select(records.assessments.c.id).order_by(records.assessments.c.id.desc())
        )
        conn.execute(
            sa.update(records.assessments)
            .where(records.assessments.c.id == aid)
            .values(bank_version="1.0.0")
        )
    old = json.loads((ROOT / "tests" / "data" / "answers-bank-1.0.0.json").read_text())
    moved = {"guidelines.records", "delegation.owner"}  # kept ids, and one that moved below
    for question_id, answer in old["answers"].items():
        if question_id in moved or question_id == "guidelines.data_protection":
            _store_old_answer(engine, aid, question_id, answer)
    at = open_page("questions", token)
    assert any("spørgsmålsbank 1.0.0" in shown(w.value) for w in at.warning)
    after = stored(engine, token).response
    assert after.bank_version == BANK.version
    assert set(after.answers) <= set(BANK.questions_by_id())


def _store_old_answer(engine: sa.Engine, aid: int, question_id: str, answer: dict) -> None:
    with engine.begin() as conn:
        conn.execute(
            sa.insert(records.assessment_answers).values(
                assessment_id=aid,
                question_id=question_id,
                choice="level" if answer["level"] is not None else "dont_know",
                level=answer["level"],
                level_rev=1,
                note=answer.get("note", ""),
                note_rev=1,
                updated_at=dt.datetime.now(dt.UTC),
            )
        )


def test_roles_the_municipality_lacks_change_the_plans_owners(engine: sa.Engine, token: str):
    """Removing "Community manager" from the roles stores it, and no planned action is then
    owned by a community manager."""
    door = PrivateLink(token)
    for q in BANK.questions_by_id():
        records.set_choice(engine, door, BANK, q, 0, base=None)
    at = open_page("about", token)
    roles = at.multiselect(key="about.roles")
    roles.set_value([r for r in roles.value if r != "community-manager"]).run()
    response = stored(engine, token).response
    assert "community-manager" not in response.profile.roles
    owners = {
        p.action.owner_role("da") for p in plan(BANK, score(BANK, response), response).actions
    }
    assert "Community manager" not in owners


def test_the_plan_page_shows_cost_details_and_backlog(engine: sa.Engine, token: str):
    """With everything at level 0 and few hours, the page says what the plan costs against the
    hours, what to do and when it is done, and lists what waits in the backlog."""
    door = PrivateLink(token)
    for q in BANK.questions_by_id():
        records.set_choice(engine, door, BANK, q, 0, base=None)
    records.set_profile(engine, door, BANK, Profile(hours_per_week=5), base=None)
    at = open_page("plan", token)
    captions = " ".join(c.value for c in at.caption)
    assert "timer" in captions and "5 timer om ugen" in captions
    assert "Færdig, når:" in captions and "Det skal gøres:" in captions
    assert at.subheader[0].value == "Backlog"
    assert len(at.dataframe[0].value) > 0


def test_the_plan_page_costs_the_plan_as_edited_as_the_pdf_does(engine: sa.Engine, token: str):
    """Drop the three first actions: the page's cost counts what is left, in the PDF's words."""
    door = PrivateLink(token)
    for q in BANK.questions_by_id():
        records.set_choice(engine, door, BANK, q, 0, base=None)
    response = stored(engine, token).response
    first = plan(BANK, score(BANK, response), response).actions[:3]
    for p in first:
        records.set_plan_edit(engine, door, BANK, p.action.id, PlanEdit(dropped=True), base=None)
    response = stored(engine, token).response
    full = plan(BANK, score(BANK, response), response)
    kept = edited_plan(full, response.plan_edits).kept
    at = open_page("plan", token)
    cost = next(c.value for c in at.caption if "Hele planen" in c.value)
    assert f"Hele planen for de næste 12 måneder har {len(kept)} handlinger" in cost
    top = sum(row.planned.hours for row in kept[:3])
    assert cost.startswith(f"De tre vigtigste handlinger koster ca. {top:.0f} timer.")
    assert len(kept) == len(full.actions) - 3


@pytest.mark.parametrize(("language", "day"), [("da", "DD.MM.YYYY"), ("en", "D MMM YYYY")])
def test_the_plan_table_writes_deadlines_as_the_language_does_and_empty_cells_empty(
    engine: sa.Engine, token: str, language: str, day: str
):
    """A deadline reads 01.02.2027 in Danish and 1 Feb 2027 in English; a cell nobody filled in
    is blank, not Streamlit's default "None"."""
    for q in BANK.questions_by_id():
        records.set_choice(engine, PrivateLink(token), BANK, q, 0, base=None)
    table = open_page("plan", token, lang=language).dataframe[0].proto
    assert json.loads(table.columns)["deadline"]["type_config"]["format"] == day
    assert table.placeholder == ""


def test_after_the_first_run_the_libraries_are_out_of_the_collectors_way():
    """The server's first run freezes what is alive (pandas, Altair, the bank), so a rerun's
    full garbage collection does not scan them (the workspace's slow tenth rerun)."""
    AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert gc.get_freeze_count() > 10_000
