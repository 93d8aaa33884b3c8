"""The PDF report: its text, language, outline, fonts and determinism, read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from assessment.models import (
    Answer,
    Bank,
    DimensionSpread,
    Lang,
    PlanEdit,
    Respondent,
    Response,
    RoomSpread,
)
from assessment.planning import plan
from assessment.report import build_report
from assessment.report.pdf import FALLBACK, FONT_DIR, printable
from assessment.scoring import score
from tests.conftest import MakeResponse

ROOT = Path(__file__).resolve().parents[1]
GENERATED = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
NOTE = "Vi har en “politik” – men den er fra 2019 … og koster 100 € for Ærø og Åbenrå"


@pytest.fixture
def response(make_tiny: MakeResponse) -> Response:
    """Half the tiny bank answered, one 'don't know', a note with Danish typography."""
    answered = make_tiny({"alpha.one": 1, "alpha.two": None, "beta.one": 2})
    answers = {**answered.answers, "beta.one": Answer(level=2, note=NOTE)}
    return answered.model_copy(
        update={"answers": answers, "respondent": Respondent(name="Mette Ørsted", role="Chef")}
    )


def _pdf(bank: Bank, response: Response, lang: Lang = "da", **kwargs: object) -> bytes:
    card = score(bank, response)
    return build_report(
        bank, response, card, plan(bank, card, response), lang, generated=GENERATED, **kwargs
    )


def _read(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def _titles(outline: list) -> list[str]:
    """Every bookmark title, nested ones included, in order."""
    out: list[str] = []
    for item in outline:
        out.extend(_titles(item) if isinstance(item, list) else [item.title])
    return out


def test_report_names_the_municipality_and_the_top_action(tiny_bank: Bank, response: Response):
    """The cover names the municipality, and the first action of the plan is in the report."""
    card = score(tiny_bank, response)
    top = plan(tiny_bank, card, response).actions[0].action.title("da")
    _, text = _read(_pdf(tiny_bank, response))
    assert "København" in text
    assert top in text
    assert "Mette Ørsted" in text


@pytest.mark.parametrize(
    ("lang", "present", "absent"),
    [
        (
            "da",
            [
                "Direktionens",
                "Handlingsplan for de næste 12 måneder",
                "Bilag D: Alle svar",
                "Side 1 af",
            ],
            ["Action plan"],
        ),
        (
            "en",
            ["Action plan for the next 12 months", "Appendix D: All answers", "Page 1 of"],
            ["Handlingsplan"],
        ),
    ],
)
def test_headings_and_page_numbers_follow_the_language(
    tiny_bank: Bank, response: Response, lang: Lang, present: list[str], absent: list[str]
):
    """A Danish report reads 'Side 1 af N' and Danish headings; an English one, English."""
    reader, text = _read(_pdf(tiny_bank, response, lang))
    for phrase in present:
        assert phrase in text
    for phrase in absent:
        assert phrase not in text
    page = "Side" if lang == "da" else "Page"
    of = "af" if lang == "da" else "of"
    assert f"{page} 1 {of} {len(reader.pages)}" in text


def test_danish_letters_quotes_dashes_and_euro_print(tiny_bank: Bank, response: Response):
    """A note with æøå, typographic quotes, an en dash, an ellipsis and € comes out as written."""
    _, text = _read(_pdf(tiny_bank, response))
    assert NOTE in text.replace("\n", " ")


def test_characters_the_font_lacks_show_a_visible_fallback(tiny_bank: Bank, response: Response):
    """An emoji or a Chinese character does not crash the report; it prints as U+FFFD."""
    answers = {**response.answers, "alpha.one": Answer(level=1, note="Godt 🦄 漢 arbejde 👍")}
    _, text = _read(_pdf(tiny_bank, response.model_copy(update={"answers": answers})))
    assert f"Godt {FALLBACK} {FALLBACK} arbejde {FALLBACK}" in text


def test_printable_keeps_what_the_font_has_and_replaces_the_rest():
    """Only characters missing from the embedded font are replaced, one for one."""
    assert printable("æøå “–” … € • →") == "æøå “–” … € • →"
    assert printable("a🦄b\tc") == f"a{FALLBACK}b c"


def test_outline_lists_every_section(tiny_bank: Bank, response: Response):
    """The PDF's bookmarks take a reader to each section and each area."""
    reader, _ = _read(_pdf(tiny_bank, response, spread=_spread()))
    titles = _titles(reader.outline)
    assert titles[:5] == [
        "Direktionens resumé",
        "Direktionen bedes beslutte",
        "Handlingsplan for de næste 12 måneder",
        "Bilag A: Backlog",
        "Bilag B: Nu og mål",
    ]
    for section in ("Spredning i deltagernes svar", "Bilag C: Områderne", "Bilag D: Alle svar"):
        assert section in titles
    assert titles.count("Dimension alpha") == 2  # under the areas and in the answers


def _spread() -> RoomSpread:
    return RoomSpread(
        participants=7,
        dimensions=[
            DimensionSpread(dimension_id="alpha", participants=7, minimum=0, median=1.5, maximum=3),
            DimensionSpread(dimension_id="beta", participants=6, minimum=1, median=2, maximum=4),
        ],
    )


def test_room_spread_section_only_for_a_workshop(tiny_bank: Bank, response: Response):
    """With a room's spread the report shows participants, minimum, median and maximum."""
    _, with_spread = _read(_pdf(tiny_bank, response, "en", spread=_spread()))
    assert "Spread of participants' answers" in with_spread
    assert "Participants" in with_spread
    assert "Widest spread: Dimension alpha, where the answers ran from 0 to 3." in with_spread
    _, without = _read(_pdf(tiny_bank, response, "en"))
    assert "Spread of participants' answers" not in without


@pytest.mark.parametrize("note", ["Lang note om æøå. " * 110, "x" * 1996])
def test_a_2000_character_note_wraps(tiny_bank: Bank, response: Response, note: str):
    """A very long note, even one long word, wraps over lines instead of running off the page."""
    answers = {**response.answers, "alpha.one": Answer(level=1, note=note + "SLUT")}
    _, text = _read(_pdf(tiny_bank, response.model_copy(update={"answers": answers})))
    assert "SLUT" in text
    lines = [line for line in text.splitlines() if "Lang note" in line or "xxx" in line]
    assert len(lines) > 15
    assert max(len(line) for line in lines) < 120


def test_dropped_actions_are_left_out(tiny_bank: Bank, response: Response):
    """An action dropped in the plan table does not appear; the others keep their place."""
    card = score(tiny_bank, response)
    actions = plan(tiny_bank, card, response).actions
    dropped, kept = actions[0].action, actions[1].action
    edited = response.model_copy(update={"plan_edits": {dropped.id: PlanEdit(dropped=True)}})
    _, text = _read(_pdf(tiny_bank, edited))
    assert dropped.title("da") not in text
    assert kept.title("da") in text
    assert "1 fravalgt handling er udeladt" in text.replace("\n", " ")


def test_plan_edits_show_owner_deadline_and_status(tiny_bank: Bank, response: Response):
    """The owner people typed replaces the default role, with the deadline and status."""
    card = score(tiny_bank, response)
    top = plan(tiny_bank, card, response).actions[0].action
    edit = PlanEdit(owner="Anne Ærbo", deadline=dt.date(2027, 3, 1), status="doing")
    _, text = _read(_pdf(tiny_bank, response.model_copy(update={"plan_edits": {top.id: edit}})))
    assert "Anne Ærbo" in text
    assert "1. marts 2027" in text
    assert "i gang" in text


def _brief(bank: Bank, response: Response, lang: Lang = "da") -> str:
    """Page 1 of the PDF, its lines joined."""
    reader = PdfReader(io.BytesIO(_pdf(bank, response, lang)))
    return " ".join(reader.pages[0].extract_text().split())


def test_summary_counts_dont_know_and_unanswered(tiny_bank: Bank, response: Response):
    """The brief tells the director how many answers are missing evidence; the find-out step
    is first in this plan, so the brief says the plan starts with it; unanswered questions get
    no step, and the brief says so."""
    assert (
        "1 spørgsmål er besvaret med »ved ikke« og 2 spørgsmål er ikke besvaret. De tæller ikke "
        "med i niveauet. Planen begynder med at undersøge spørgsmålet med »ved ikke« (nr. 1). "
        "De ubesvarede spørgsmål får ikke et næste skridt i planen, før de er besvaret."
    ) in _brief(tiny_bank, response)


def test_only_not_applicable_promises_no_find_out(tiny_bank: Bank, make_tiny: MakeResponse):
    """Everything answered but one question that does not apply: nothing is missing, so the
    brief says what is left out of the level and nothing about finding answers."""
    response = make_tiny(
        {
            "alpha.one": 2,
            "alpha.two": 2,
            "beta.one": 2,
            "beta.two": 2,
            "beta.three": "not_applicable",
        }
    )
    brief = _brief(tiny_bank, response)
    assert "1 spørgsmål er ikke relevant. Det tæller ikke med i niveauet." in brief
    assert "Planen begynder" not in brief and "»ved ikke«" not in brief


def test_unanswered_questions_promise_no_find_out(tiny_bank: Bank, make_tiny: MakeResponse):
    """Unanswered questions get no find-out step: the brief does not claim the plan finds them."""
    brief = _brief(tiny_bank, make_tiny({"alpha.one": 2, "beta.one": 2}))
    assert "3 spørgsmål er ikke besvaret. De tæller ikke med i niveauet." in brief
    assert "Planen begynder" not in brief and "undersøges" not in brief
    assert "De ubesvarede spørgsmål får ikke et næste skridt i planen" in brief


def test_a_find_out_step_after_a_red_flag_is_not_said_to_come_first(
    tiny_bank: Bank, make_tiny: MakeResponse
):
    """A red flag ranks first, so the brief gives the find-out step's own number instead."""
    response = make_tiny(
        {"alpha.one": None, "alpha.two": 2, "beta.one": 2, "beta.two": 0, "beta.three": 2}
    )
    brief = _brief(tiny_bank, response)
    assert "Spørgsmålet med »ved ikke« undersøges i planens nr. 2." in brief
    assert "Planen begynder" not in brief


def test_the_brief_counts_in_english_singular_and_plural(tiny_bank: Bank, make_tiny: MakeResponse):
    """Two "don't know" answers that the plan looks into first, one unanswered question and one
    that does not apply: proper English singular and plural, never "question(s)"."""
    response = make_tiny(
        {"alpha.one": None, "alpha.two": None, "beta.one": 2, "beta.three": "not_applicable"},
        targets={"beta": 2},
    )
    brief = _brief(tiny_bank, response, "en")
    assert (
        "2 questions were answered “don't know”, 1 question was not answered and 1 question "
        "does not apply. They do not count towards the level. The plan starts by looking "
        "into the questions answered “don't know” (actions 1 and 2). The unanswered question "
        "gets no next step in the plan until it is answered."
    ) in brief
    assert "(s)" not in brief


def test_a_plan_of_fewer_than_three_actions_is_not_called_the_three_priorities(
    tiny_bank: Bank, make_tiny: MakeResponse
):
    """Two actions are the whole plan: the brief lists them under their own heading."""
    response = make_tiny({"alpha.one": 4, "alpha.two": 4, "beta.one": 2, "beta.two": 4})
    brief = _brief(tiny_bank, response)
    assert "De tre vigtigste handlinger" not in brief
    assert "Handlingerne i planen" in brief


def test_area_section_explains_cap_and_names_strongest_and_weakest(
    tiny_bank: Bank, make_tiny: MakeResponse
):
    """A basic duty below level 2 caps the area, and the report says so beside the findings."""
    _, text = _read(_pdf(tiny_bank, make_tiny({"alpha.one": 1, "alpha.two": 4})))
    flat = text.replace("\n", " ")
    assert "Niveauet er sat ned til 2" in flat
    assert "Stærkest" in flat
    assert "Niveau 4: alpha.two niveau 4" in flat
    assert "Svagest" in flat
    assert "Niveau 1: alpha.one niveau 1" in flat


@pytest.mark.parametrize("lang", ["da", "en"])
def test_real_bank_report_builds(bank: Bank, make_response: MakeResponse, lang: Lang):
    """The shipped question bank gives a complete report in both languages."""
    levels = {qid: i % 5 for i, qid in enumerate(bank.questions_by_id())}
    reader, text = _read(_pdf(bank, make_response(levels), lang))
    assert 8 <= len(reader.pages) <= 30
    for dim in bank.dimensions:
        assert dim.name(lang) in text


def test_empty_response_still_gives_a_report(tiny_bank: Bank, make_tiny: MakeResponse):
    """Nothing answered yet: the report says there is no level and no actions, and builds."""
    _, text = _read(_pdf(tiny_bank, make_tiny({})))
    assert "Intet niveau endnu" in text
    assert "Ingen handlinger" in text


def test_page_count_and_metadata(tiny_bank: Bank, response: Response):
    """A tiny bank gives a handful of pages; the creation date is the one passed in."""
    reader, _ = _read(_pdf(tiny_bank, response))
    assert 5 <= len(reader.pages) <= 10
    assert reader.metadata.creation_date == GENERATED
    assert "København" in reader.metadata.title


def test_same_inputs_give_the_same_bytes(tiny_bank: Bank, response: Response):
    """Building twice with the same inputs and date gives an identical PDF."""
    assert _pdf(tiny_bank, response, "en") == _pdf(tiny_bank, response, "en")


def test_fonts_ship_with_the_package_and_their_licence():
    """The embedded fonts and their licence live inside the package, not on the system."""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt", "README.md"):
        assert (FONT_DIR / name).is_file()
    assert FONT_DIR.parent.name == "assessment"


def test_report_and_charts_do_not_import_streamlit():
    """The core stays usable without Streamlit: building blocks never import it."""
    code = "import sys, assessment.report, assessment.charts; print('streamlit' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "False"
