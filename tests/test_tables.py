"""Answers and plan as spreadsheet tables: people's edits included, formulas neutralised."""

from __future__ import annotations

import csv
import io

from assessment.models import Answer, Bank, PlanEdit
from assessment.planning import plan
from assessment.scoring import score
from assessment.tables import answers_table, plan_table, to_csv
from tests.conftest import MakeResponse


def test_answers_table_has_every_question_and_neutralised_notes(
    tiny_bank: Bank, make_tiny: MakeResponse
):
    """A note starting with `=` reaches the CSV with a leading quote; don't-know is named."""
    response = make_tiny().model_copy(
        update={
            "answers": {
                "alpha.one": Answer(level=2, note="=SUM(A1)"),
                "beta.one": Answer(level="dont_know"),
            }
        }
    )
    table = answers_table(tiny_bank, response, "da")
    assert len(table) == 5
    rows = list(csv.reader(io.StringIO(to_csv(table).decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Område", "Spørgsmåls-id"]
    assert rows[1][3:] == ["2", "alpha.one niveau 2", "'=SUM(A1)"]
    assert rows[3][4] == "Ved ikke"


def test_plan_table_applies_edits_and_leaves_out_dropped(tiny_bank: Bank, make_tiny: MakeResponse):
    """An edited owner and deadline replace the defaults; a dropped action is not listed."""
    response = make_tiny({"alpha.one": 0, "beta.one": 0})
    first, second = (
        p.action.id for p in plan(tiny_bank, score(tiny_bank, response), response).actions
    )
    edited = response.model_copy(
        update={"plan_edits": {first: PlanEdit(owner="+Mette"), second: PlanEdit(dropped=True)}}
    )
    table = plan_table(tiny_bank, plan(tiny_bank, score(tiny_bank, edited), edited), edited, "en")
    assert list(table["Owner"]) == ["'+Mette"]
