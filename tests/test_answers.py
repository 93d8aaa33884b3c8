"""The answers file: round-trip, schema, and one clear error for each kind of bad file."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from assessment.answers import (
    MAX_BYTES,
    AnswersError,
    answers_json_schema,
    check_answers,
    dump_answers,
    parse_answers,
)
from assessment.models import Answer, Bank, PlanEdit, Respondent
from tests.conftest import MakeResponse


def _full(make_tiny: MakeResponse):
    return make_tiny(
        {"alpha.one": 2, "beta.two": None},
        respondent=Respondent(name="Åse Ørsted", role="Kommunikationschef"),
        language="en",
        targets={"alpha": 3.5, "beta": 2.0},
        plan_edits={
            "alpha.one.step2": PlanEdit(
                owner="Mette", deadline=dt.date(2027, 3, 1), status="doing", dropped=False
            )
        },
    ).model_copy(
        update={
            "answers": {
                "alpha.one": Answer(level=2, note="Ejer: “Kommunikation” – se bilag 😀"),
                "beta.two": Answer(level="dont_know", note="=SUM(A1)"),
            }
        }
    )


def test_answers_file_round_trips_without_loss(make_tiny: MakeResponse):
    """Everything a user typed, including quotes, dashes and emoji, comes back equal."""
    response = _full(make_tiny)
    text = dump_answers(response)
    assert parse_answers(text) == response
    assert parse_answers(text.encode("utf-8")) == response
    raw = json.loads(text)
    assert raw["format"] == "kommune-somemodenhed-answers"
    assert raw["schema_version"] == 2
    assert raw["answers"]["beta.two"] == {"level": "dont_know", "note": "=SUM(A1)"}


def test_json_schema_describes_the_file(make_tiny: MakeResponse):
    """The schema names the fields a file must have and bounds levels to 0–4."""
    schema = answers_json_schema()
    assert {"bank_id", "municipality", "answers", "targets"} <= set(schema["properties"])
    answer = schema["$defs"]["Answer"]["properties"]["level"]["anyOf"][0]
    assert (answer["minimum"], answer["maximum"]) == (0, 4)


def _error(data: bytes | str, lang: str = "da") -> str:
    with pytest.raises(AnswersError) as exc:
        parse_answers(data)
    message = exc.value.message(lang)  # type: ignore[arg-type]
    assert "\n" not in message
    return message


def test_not_json_gives_one_line_in_both_languages():
    """A picture uploaded by mistake: a one-line message in Danish or English."""
    assert _error(b"\x89PNG\r\n") == "Filen er ikke en svarfil: den indeholder ikke gyldig JSON."
    assert "not an answers file" in _error(b"{", "en")


def test_other_json_and_other_schema_versions_are_refused(make_tiny: MakeResponse):
    """Another tool's JSON and a newer schema version are named as such."""
    assert "ikke en svarfil fra dette værktøj" in _error('{"name": "x"}')
    raw = json.loads(dump_answers(make_tiny()))
    raw["schema_version"] = 3
    assert _error(json.dumps(raw)) == (
        "Svarfilen har skemaversion 3, men dette værktøj læser version 1 og 2."
    )


def test_a_version_1_file_still_opens_with_dont_know_kept(make_tiny: MakeResponse):
    """A file saved by the first release (where `null` meant "don't know") opens unchanged."""
    raw = json.loads(dump_answers(make_tiny({"alpha.one": 2})))
    raw["schema_version"] = 1
    del raw["profile"]
    raw["answers"]["beta.one"] = {"level": None, "note": "Spørg HR"}
    upgraded = parse_answers(json.dumps(raw))
    assert upgraded.answers["beta.one"].dont_know
    assert upgraded.answers["beta.one"].note == "Spørg HR"
    assert upgraded.answers["alpha.one"].value == 2
    assert json.loads(dump_answers(upgraded))["schema_version"] == 2


def test_level_out_of_range_names_the_question(make_tiny: MakeResponse):
    """A level of 7 is refused with the path of the bad answer."""
    raw = json.loads(dump_answers(make_tiny({"alpha.one": 2})))
    raw["answers"]["alpha.one"]["level"] = 7
    assert _error(json.dumps(raw), "en") == (
        "The answers file has an invalid level in answers.alpha.one.level: use a whole number "
        "from 0 to 4, “dont_know” or “not_applicable”."
    )
    for bad in ("3", True, 3.0):
        raw["answers"]["alpha.one"]["level"] = bad
        assert "answers.alpha.one.level" in _error(json.dumps(raw), "en")


def test_too_large_file_is_refused_before_parsing():
    """A file far larger than any answers file is refused with its size."""
    assert "for stor" in _error(b" " * (MAX_BYTES + 1))


def test_unknown_question_or_other_bank_is_refused(tiny_bank: Bank, make_tiny: MakeResponse):
    """A file naming questions this bank lacks, or made for another bank, does not fit."""
    response = make_tiny({"alpha.one": 1})
    check_answers(tiny_bank, response)
    stray = response.model_copy(update={"answers": {"alpha.nine": Answer(level=1)}})
    with pytest.raises(AnswersError, match=r"alpha\.nine"):
        check_answers(tiny_bank, stray)
    other = response.model_copy(update={"bank_id": "another-bank"})
    with pytest.raises(AnswersError) as exc:
        check_answers(tiny_bank, other)
    assert (
        exc.value.message("da") == "Svarfilen hører til spørgsmålsbanken another-bank, ikke tiny."
    )


def test_unknown_municipality_code_is_refused(tiny_bank: Bank, make_tiny: MakeResponse):
    """Christiansø (411) is not one of the 98 municipalities: the file is refused by name."""
    from assessment.models import Municipality

    stray = make_tiny().model_copy(update={"municipality": Municipality(code=411, name="Ø")})
    with pytest.raises(AnswersError) as exc:
        check_answers(tiny_bank, stray)
    assert exc.value.message("da") == "Svarfilen nævner en kommune, der ikke findes: 411."
