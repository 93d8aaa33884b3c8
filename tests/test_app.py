"""The Streamlit pages, driven with AppTest: the journey from first question to downloads."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from assessment.answers import dump_answers, parse_answers
from assessment.bank import load_bank
from assessment.models import Answer, PlanEdit
from assessment.ui.action_plan import edits_from, plan_frame
from assessment.ui.export import pdf_bytes
from tests.conftest import ROOT, MakeResponse

BANK = load_bank()
FIRST = BANK.dimensions[0]
SECOND = BANK.dimensions[1]


@pytest.fixture
def at() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    app.run()
    assert not app.exception
    return app


def begin(at: AppTest, code: int = 751) -> AppTest:
    at.selectbox(key="start.municipality").set_value(code).run()
    at.text_input(key="start.name").input("Mette")
    at.button(key="start.begin").click().run()
    assert not at.exception
    return at


def answer(at: AppTest, question_id: str, level: int) -> AppTest:
    at.radio(key=f"q.{question_id}").set_value(level).run()
    assert not at.exception
    return at


def test_start_page_explains_in_danish_by_default(at: AppTest):
    """A new user sees the Danish explanation and cannot start before choosing a municipality."""
    assert at.title[0].value == "Hvor moden er kommunens strategi for sociale medier?"
    assert "20–30 minutter" in at.markdown[0].value
    assert at.button(key="start.begin").disabled
    assert len(at.selectbox(key="start.municipality").options) == 98


def test_begin_creates_the_assessment_and_opens_the_first_area(at: AppTest):
    """Choosing Aarhus and starting opens area 1 with its questions and level descriptions."""
    begin(at)
    response = at.session_state["response"]
    assert response.municipality.name == "Aarhus"
    assert response.respondent.name == "Mette"
    assert FIRST.name.da in at.header[0].value
    first_q = FIRST.questions[0]
    radio = at.radio(key=f"q.{first_q.id}")
    assert radio.options[2] == f"2 · {first_q.levels[2].da}"
    assert radio.options[-1] == "Ved ikke"


def test_answers_survive_moving_back_and_forth(at: AppTest):
    """An answer in area 1 is still chosen after going to area 2 and back."""
    begin(at)
    qid = FIRST.questions[0].id
    answer(at, qid, 3)
    at.button(key="q.next.0").click().run()
    assert SECOND.name.da in at.header[0].value
    answer(at, SECOND.questions[0].id, 1)
    at.button(key="q.back.1").click().run()
    assert at.radio(key=f"q.{qid}").value == 3
    assert at.session_state["response"].answers[qid] == Answer(level=3)
    assert at.session_state["response"].answers[SECOND.questions[0].id].level == 1


def test_dont_know_and_note_are_stored(at: AppTest):
    """ "Ved ikke" stores no level, and a note typed before choosing is kept with the answer."""
    begin(at)
    qid = FIRST.questions[1].id
    at.text_area(key=f"n.{qid}").input("Spørg HR – se “bilag 3”").run()
    at.radio(key=f"q.{qid}").set_value(-1).run()
    assert at.session_state["response"].answers[qid] == Answer(
        level="dont_know", note="Spørg HR – se “bilag 3”"
    )


def test_switching_language_keeps_answers(at: AppTest):
    """Switching to English mid-questionnaire shows English text and keeps every answer."""
    begin(at)
    qid = FIRST.questions[0].id
    answer(at, qid, 2)
    at.radio(key="lang").set_value("en").run()
    assert FIRST.name.en in at.header[0].value
    assert at.radio(key=f"q.{qid}").options[-1] == "Don't know"
    assert at.radio(key=f"q.{qid}").value == 2
    assert at.session_state["response"].language == "en"
    at.radio(key="lang").set_value("da").run()
    assert at.session_state["response"].answers[qid].level == 2


def test_unanswered_questions_are_listed_with_a_jump(at: AppTest):
    """The unanswered list names each area with open questions and jumps there."""
    begin(at)
    for q in FIRST.questions:
        answer(at, q.id, 2)
    assert not [b for b in at.button if b.key == f"q.goto.{FIRST.id}"]
    last = BANK.dimensions[-1]
    at.button(key=f"q.goto.{last.id}").click().run()
    assert last.name.da in at.header[0].value


def test_progress_in_the_sidebar(at: AppTest):
    """The sidebar shows how many questions are answered out of all."""
    begin(at)
    answer(at, FIRST.questions[0].id, 1)
    total = len(BANK.questions_by_id())
    assert at.sidebar.get("progress")[0].proto.text == f"1 af {total} spørgsmål besvaret"


def test_targets_default_and_change(at: AppTest):
    """Targets default to 3 and a changed slider becomes the dimension's target."""
    begin(at)
    at.button(key="nav.targets").click().run()
    slider = at.select_slider(key=f"t.{FIRST.id}")
    assert slider.value == 3.0
    slider.set_value(3.5).run()
    assert at.session_state["response"].targets[FIRST.id] == 3.5


def test_results_show_levels_charts_weakest_and_unknowns(at: AppTest):
    """Results show the overall level, both charts, the weakest point and don't-knows."""
    begin(at)
    for q in FIRST.questions:
        answer(at, q.id, 3)
    answer(at, FIRST.questions[0].id, 0)
    at.radio(key=f"q.{FIRST.questions[1].id}").set_value(-1).run()
    at.button(key="nav.results").click().run()
    assert not at.exception
    assert at.metric[0].label == "Samlet niveau"
    assert len(at.get("vega_lite_chart")) == 2
    markdown = "\n".join(m.value for m in at.markdown)
    assert FIRST.questions[0].text.da in markdown  # the weakest point
    assert FIRST.questions[1].text.da in markdown  # listed as missing evidence


def test_plan_page_lists_ranked_actions(at: AppTest):
    """The plan page shows the editable table of ranked actions."""
    begin(at)
    answer(at, FIRST.questions[0].id, 0)
    at.button(key="nav.plan").click().run()
    assert not at.exception
    assert "handlinger" in at.caption[0].value


def test_plan_edits_round_trip_through_the_table(make_response: MakeResponse):
    """Owner, deadline, status and drop typed in the table become plan edits and back."""
    from assessment.planning import plan
    from assessment.scoring import score

    response = make_response({q.id: 0 for q in FIRST.questions})
    action_plan = plan(BANK, score(BANK, response), response)
    frame = plan_frame(BANK, action_plan, response, "da")
    first, second = frame.index[0], frame.index[1]
    frame.loc[first, ["owner", "status"]] = ["Mette", "I gang"]
    frame.loc[first, "deadline"] = pd.Timestamp("2027-03-01")
    frame.loc[second, "drop"] = True
    edits = edits_from(frame, action_plan, "da")
    assert edits[first].owner == "Mette"
    assert edits[first].status == "doing"
    assert str(edits[first].deadline) == "2027-03-01"
    assert edits[second] == PlanEdit(dropped=True)
    assert len(edits) == 2  # untouched rows store nothing
    again = plan_frame(BANK, action_plan, response.model_copy(update={"plan_edits": edits}), "da")
    assert again.loc[first, "owner"] == "Mette"


def test_downloads_pdf_and_answers_file(make_response: MakeResponse):
    """The PDF download starts with %PDF and names the municipality; the JSON round-trips."""
    response = make_response({q.id: 1 for q in FIRST.questions})
    data = pdf_bytes(BANK, response, "da")
    assert data.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "København" in text
    assert parse_answers(dump_answers(response)) == response


def test_export_page_offers_every_download(at: AppTest):
    """PDF, answers file, CSV and Excel are offered."""
    begin(at)
    answer(at, FIRST.questions[0].id, 1)
    at.button(key="nav.export").click().run()
    assert not at.exception
    keys = {b.key for b in at.get("download_button")}
    assert {"e.pdf", "e.json", "e.csv_answers", "e.csv_plan", "e.xlsx"} <= keys


def test_upload_resumes_an_earlier_assessment(at: AppTest, make_response: MakeResponse):
    """Uploading an answers file restores its municipality, answers and language."""
    qid = FIRST.questions[0].id
    earlier = make_response({qid: 4}, language="en")
    at.file_uploader(key="start.upload").upload("svar.json", dump_answers(earlier).encode()).run()
    assert not at.exception
    assert at.session_state["response"].answers[qid].level == 4
    assert at.session_state["lang"] == "en"
    assert "København" in at.success[0].value


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x89PNG not json", "Filen er ikke en svarfil: den indeholder ikke gyldig JSON."),
        (b'{"hello": 1}', "Filen er ikke en svarfil fra dette værktøj"),
        ("version", "Svarfilen har skemaversion 9"),
        ("unknown", "Svarfilen nævner spørgsmål, som spørgebanken ikke kender: nope.nope."),
        ("range", "Svarfilen har et ugyldigt niveau i"),
        ("other_bank", "Svarfilen hører til spørgebanken another"),
        (b" " * 2_000_001, "Filen er for stor"),
    ],
)
def test_bad_upload_gives_a_message_and_keeps_answers(
    at: AppTest, make_response: MakeResponse, content, expected
):
    """A bad file gets one clear Danish line and the answers already given are untouched."""
    begin(at)
    qid = FIRST.questions[0].id
    answer(at, qid, 2)
    at.button(key="nav.start").click().run()
    raw = json.loads(dump_answers(make_response({qid: 1})))
    variants = {
        "version": {**raw, "schema_version": 9},
        "unknown": {**raw, "answers": {"nope.nope": {"level": 1, "note": ""}}},
        "range": {**raw, "answers": {qid: {"level": 5, "note": ""}}},
        "other_bank": {**raw, "bank_id": "another"},
    }
    if isinstance(content, str):
        content = json.dumps(variants[content]).encode()
    at.file_uploader(key="start.upload").upload("svar.json", content).run()
    assert not at.exception
    assert at.error[0].value.startswith(expected)
    assert at.session_state["response"].answers[qid].level == 2
    assert at.session_state["response"].municipality.name == "Aarhus"
