"""Four municipalities from the bank review (`tests/scenarios.py`), and what their director
would check: what the review found wrong in bank 1.0.0, and what the director reads in the PDF.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pytest
from pypdf import PdfReader

from assessment.models import Bank, Lang, Response
from assessment.planning import plan
from assessment.report import build_report
from assessment.scoring import score
from tests.scenarios import NOW, SCENARIOS

ABSENT_IN_LAESOE = {"Kommunikationschef", "Community manager", "Beredskabschef", "IT-sikkerhed"}


@dataclass(frozen=True)
class Case:
    response: Response

    def plan(self, bank: Bank):
        return plan(bank, score(bank, self.response), self.response)

    def pdf(self, bank: Bank, lang: Lang = "da") -> tuple[PdfReader, list[str]]:
        card = score(bank, self.response)
        data = build_report(bank, self.response, card, self.plan(bank), lang, generated=NOW)
        reader = PdfReader(io.BytesIO(data))
        return reader, [page.extract_text() for page in reader.pages]


@pytest.fixture(scope="module")
def laesoe(bank: Bank) -> Case:
    return Case(SCENARIOS["laesoe"](bank))


@pytest.fixture(scope="module")
def aarhus(bank: Bank) -> Case:
    return Case(SCENARIOS["aarhus"](bank))


@pytest.fixture(scope="module")
def holbaek(bank: Bank) -> Case:
    return Case(SCENARIOS["holbaek"](bank))


@pytest.fixture(scope="module")
def vejle(bank: Bank) -> Case:
    return Case(SCENARIOS["vejle"](bank))


CASES = ["laesoe", "aarhus", "holbaek", "vejle"]


@pytest.mark.parametrize("name", CASES)
def test_plan_size_fits_the_hours(bank: Bank, request: pytest.FixtureRequest, name: str):
    """The 12-month plan costs no more than the hours the municipality has, holds at most 20
    actions, and what does not fit is in the backlog, not silently dropped."""
    result = request.getfixturevalue(name).plan(bank)
    assert result.capacity is not None
    assert result.hours <= result.capacity.yearly_hours
    assert len(result.actions) <= 20
    for p in result.backlog:
        assert p.horizon is None


def test_laesoe_gets_a_small_plan_owned_by_people_it_has(bank: Bank, laesoe: Case):
    """Six hours a week give 69 plan hours: a plan of under a dozen actions (not 35), none
    owned by a role Læsø lacks, starting by finding out whether there is a crisis plan."""
    result = laesoe.plan(bank)
    assert result.capacity is not None and result.capacity.yearly_hours == 69.0
    assert 5 <= len(result.actions) <= 12
    owners = {p.action.owner_role.da for p in result.actions + result.backlog}
    assert not owners & ABSENT_IN_LAESOE
    assert "crisis.plan.find-out" in {p.action.id for p in result.actions}
    assert result.actions[0].action.impact >= 2


def test_stand_in_comes_before_a_published_response_time(bank: Bank, laesoe: Case):
    """Publishing a response time waits for an agreed stand-in (review: ranks 7 and 27)."""
    everything = {
        p.action.id: p.rank for p in laesoe.plan(bank).backlog + laesoe.plan(bank).actions
    }
    publish = bank.action("guidelines.response_time.publish")
    assert "delegation.community.backup-cover" in publish.requires
    if (
        "guidelines.response_time.publish" in everything
        and "delegation.community.backup-cover" in everything
    ):
        assert (
            everything["delegation.community.backup-cover"]
            < everything["guidelines.response_time.publish"]
        )


def test_aarhus_exercises_tabletop_before_simulation(bank: Bank, aarhus: Case):
    """A city that has never exercised starts by discussing a scenario; no simulation yet."""
    ids = {p.action.id for p in aarhus.plan(bank).actions}
    assert "crisis.exercise.discuss-scenario" in ids
    assert "crisis.exercise.simulation" not in ids


def test_holbaek_red_flags_first_then_recovery(bank: Bank, holbaek: Case):
    """The loyalty clause and the deleting of critics rank first (review: rank 25), then the
    four recovery steps after the shitstorm, before anything the arithmetic would put first."""
    result = holbaek.plan(bank)
    kinds = [("red" if p.red_flag else p.kind) for p in result.actions[:6]]
    assert kinds == ["red", "red", "incident", "incident", "incident", "incident"]
    assert {p.action.id for p in result.actions[:2]} == {
        "guidelines.staff_private.remove-loyalty",
        "guidelines.moderation.interim-rule",
    }
    assert {p.action.id for p in result.actions[2:6]} == {
        "guidelines.moderation.review-blocks",
        "guidelines.records.record-deletions",
        "crisis.review.evaluate-incident",
        "delegation.staff_safety.debrief",
    }


def test_vejle_gets_outcomes_not_a_yearly_review_flood(bank: Bank, vejle: Case):
    """A mature municipality gets distinct, outcome-oriented steps (review: 36 look-alike
    "review yearly" actions with impact 1 at the top)."""
    result = vejle.plan(bank)
    titles = [p.action.title.da for p in result.actions]
    look_alike = [t for t in titles if re.search(r"hvert år|årlig|revidér", t, re.IGNORECASE)]
    assert len(look_alike) <= 1, look_alike
    assert result.actions[0].action.impact >= 2
    assert len({p.action.question for p in result.actions}) == len(result.actions)


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_pdf_opens_with_a_two_page_brief(
    bank: Bank, request: pytest.FixtureRequest, name: str, lang: Lang
):
    """Pages 1–2 are the brief and the decision with a sign-off; the plan starts on page 3;
    the whole report stays far below the 17 pages a director got from bank 1.0.0."""
    reader, pages = request.getfixturevalue(name).pdf(bank, lang)
    outline = {
        o.title: reader.get_destination_page_number(o) + 1
        for o in reader.outline
        if not isinstance(o, list)  # nested lists are the areas under a section
    }
    plan_title = (
        "Handlingsplan for de næste 12 måneder"
        if lang == "da"
        else "Action plan for the next 12 months"
    )
    assert outline[plan_title] == 3
    assert 9 <= len(pages) <= 16
    signature = "Underskrift" if lang == "da" else "Signature"
    assert signature in pages[1] and signature not in pages[0]


def test_holbaek_brief_says_what_the_director_must_do(bank: Bank, holbaek: Case):
    """The brief names the red flags, the three priorities with hours, the cost of the plan
    against the hours, and asks the board to stop the practice and to follow up."""
    _, pages = holbaek.pdf(bank)
    brief = " ".join(pages[:2]).replace("\n", " ")
    assert "Røde flag" in brief
    assert "2 forhold kan være i strid med loven" in brief
    assert "De tre vigtigste handlinger" in brief
    assert "Fjern ulovlige begrænsninger af ansattes ytringer" in brief
    assert "af de 288 timer, kommunen har til at udvikle" in brief
    assert "straks at stoppe den praksis, de røde flag beskriver" in brief
    assert "senest 24. maj 2027" in brief


def test_laesoe_brief_explains_the_hours_and_the_backlog(bank: Bank, laesoe: Case):
    """Numbers in Danish format, the basis of the hours, and the backlog pointed to."""
    _, pages = laesoe.pdf(bank)
    brief = " ".join(pages[:2]).replace("\n", " ")
    assert "af de 69 timer" in brief
    assert (
        "bygger på kommunens 6 timer om ugen til sociale medier, hvoraf 25 % går til udvikling"
        in brief
    )
    assert "venter i backloggen (bilag A)" in brief
    assert "Fraværende" in brief or "Sporadisk" in brief


def test_laesoe_brief_does_not_say_the_plan_starts_with_its_find_out_step(bank: Bank, laesoe: Case):
    """Læsø's "don't know" on the crisis plan gives a find-out step ranked 4th, after steps
    that matter more: the brief gives its number, and does not claim the plan starts with it
    (two questions that do not apply are counted, and get no find-out)."""
    assert [p.rank for p in laesoe.plan(bank).actions if p.kind == "find_out"] == [4]
    _, pages = laesoe.pdf(bank)
    brief = " ".join(pages[0].split())
    assert (
        "1 spørgsmål er besvaret med »ved ikke« og 2 spørgsmål er ikke relevante. De tæller "
        "ikke med i niveauet. Spørgsmålet med »ved ikke« undersøges i planens nr. 4."
    ) in brief
    assert "Planen begynder" not in brief
