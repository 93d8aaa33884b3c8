"""The report of a workshop: every question's spread, how many said "don't know", and which
questions the participants disagreed on, read back from the PDF; the dashboard carries the
counts the report prints."""

from __future__ import annotations

import datetime as dt
import io

import sqlalchemy as sa
from pypdf import PdfReader
from rooms import answer, people

from assessment.models import Bank, QuestionCounts, Response, RoomSpread
from assessment.records import FacilitatorKey
from assessment.report import report_for
from assessment.workshop.stats import dashboard
from tests.conftest import MakeResponse

pytest_plugins = ["room_fixtures"]  # the `key` fixture (a workshop on the tiny bank)
GENERATED = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


def _text(bank: Bank, response: Response, spread: RoomSpread | None, lang: str = "da") -> str:
    pdf = report_for(bank, response, lang, generated=GENERATED, spread=spread)  # type: ignore[arg-type]
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_dashboard_keeps_each_questions_counts_for_the_report(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    tokens = people(engine, key, "Ida", "Bo", "Anna")
    for token, level in zip(tokens, (0, 4, "dont_know"), strict=True):
        answer(engine, tiny_bank, token, "alpha.one", level)
    questions = {q.question_id: q for q in dashboard(engine, tiny_bank, key).room.questions}
    assert list(questions) == list(tiny_bank.questions_by_id())  # bank order
    one = questions["alpha.one"]
    assert (one.levels, one.dont_know, one.disputed) == ([1, 0, 0, 0, 1], 1, True)


def test_the_report_prints_every_questions_spread_and_dont_know(
    tiny_bank: Bank, make_tiny: MakeResponse
) -> None:
    """One row per question, numbered as in the questionnaire, with counts 0–4, "ved ikke",
    "ikke relevant" and a mark; the intro counts the disputed and uncertain questions."""
    spread = RoomSpread(
        participants=6,
        dimensions=[],
        questions=[
            QuestionCounts(question_id="alpha.one", levels=[1, 1, 0, 1, 3], dont_know=0,
                           not_applicable=0, disputed=True, uncertain=False),
            QuestionCounts(question_id="beta.two", levels=[0, 1, 1, 1, 0], dont_know=3,
                           not_applicable=0, disputed=False, uncertain=True),
        ],
    )  # fmt: skip
    text = _text(tiny_bank, make_tiny({"alpha.one": 3}), spread)
    assert "Svar pr. spørgsmål" in text
    assert "af de 6 deltagere" in text and "uenige om 1 spørgsmål" in text
    assert "1 1 0 1 3 0 0 uenige" in text
    assert "0 1 1 1 0 3 0 mange ved ikke" in text
    assert "1.1 " in text and "2.2 " in text
    english = _text(tiny_bank, make_tiny({"alpha.one": 3}), spread, "en")
    assert "Answers per question" in english and "many don't know" in english


def test_a_report_without_a_room_has_no_such_section(
    tiny_bank: Bank, make_tiny: MakeResponse
) -> None:
    text = _text(tiny_bank, make_tiny({"alpha.one": 3}), None)
    assert "Svar pr. spørgsmål" not in text
